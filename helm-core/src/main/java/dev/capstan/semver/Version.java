package dev.capstan.semver;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version, as Helm reads chart and Kubernetes versions with the Masterminds
 * {@code semver/v3} library.
 *
 * <p>{@link #parse(String)} is lenient like Masterminds' {@code NewVersion}: a leading {@code v},
 * a missing minor or patch number ({@code 1}, {@code 1.2}, filled with zeros) and leading zeros in
 * the numbers ({@code 01.2.3}) are accepted. {@link #parseStrict(String)} accepts only SemVer 2
 * text, like {@code StrictNewVersion}. In both, numeric pre-release identifiers must not have
 * leading zeros, and the three numbers are unsigned 64-bit values.
 *
 * <p>Versions are ordered by SemVer precedence: build metadata is ignored, a pre-release sorts
 * before its release. Because of the metadata, this ordering is not consistent with
 * {@link #equals(Object)}: {@code 1.0.0+a} and {@code 1.0.0+b} compare as equal but are not
 * equal values. The text a version was parsed from is kept as {@link #original()}.
 */
public final class Version implements Comparable<Version> {
  private static final String IDENTIFIERS = "[0-9A-Za-z-]++(?:\\.[0-9A-Za-z-]++)*+";
  /** NewVersion's grammar; every part is delimited, so matching is linear. */
  private static final Pattern LENIENT = Pattern.compile(
      "v?([0-9]++)(?:\\.([0-9]++))?(?:\\.([0-9]++))?(?:-(" + IDENTIFIERS + "))?(?:\\+("
          + IDENTIFIERS + "))?");

  static final String INVALID = "invalid semantic version";
  static final String EMPTY = "version string empty";
  static final String INVALID_CHARACTERS = "invalid characters in version";
  static final String STARTS_WITH_ZERO = "version segment starts with 0";
  static final String INVALID_METADATA = "invalid metadata string";
  static final String INVALID_PRERELEASE = "invalid prerelease string";
  static final String SEGMENT_PARSE = "error parsing version segment";

  private final String original;
  private final long major;
  private final long minor;
  private final long patch;
  private final String prerelease;
  private final String metadata;

  private Version(String original, long major, long minor, long patch, String prerelease,
      String metadata) {
    this.original = original;
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.prerelease = prerelease;
    this.metadata = metadata;
  }

  /**
   * Parses {@code text} leniently, as Masterminds' {@code NewVersion} does (§7.1), or returns
   * empty when it is not a version.
   */
  public static Optional<Version> tryParse(String text) {
    Objects.requireNonNull(text, "text");
    Outcome outcome = lenient(text);
    return Optional.ofNullable(outcome.version);
  }

  /**
   * Parses {@code text} leniently, as Masterminds' {@code NewVersion} does (§7.1):
   * {@code v1.2.3}, {@code 1.2} and {@code 1} are versions ({@code 1.2.0}, {@code 1.0.0}).
   *
   * @throws InvalidVersionException naming the text and what is wrong with it
   */
  public static Version parse(String text) {
    Objects.requireNonNull(text, "text");
    Outcome outcome = lenient(text);
    if (outcome.version == null) {
      throw new InvalidVersionException(text, outcome.reason);
    }
    return outcome.version;
  }

  /**
   * Parses {@code text} as a strict SemVer 2 version ({@code MAJOR.MINOR.PATCH[-pre][+meta]}, no
   * {@code v}, no leading zeros), as Masterminds' {@code StrictNewVersion} does.
   *
   * @throws InvalidVersionException naming the text and what is wrong with it
   */
  public static Version parseStrict(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new InvalidVersionException(text, EMPTY);
    }
    String[] parts = text.split("\\.", 3);
    if (parts.length != 3) {
      throw new InvalidVersionException(text, INVALID);
    }
    String rest = parts[2];
    String meta = "";
    int plus = rest.indexOf('+');
    if (plus >= 0) {
      meta = rest.substring(plus + 1);
      rest = rest.substring(0, plus);
      String reason = metadataProblem(meta);
      if (reason != null) {
        throw new InvalidVersionException(text, reason);
      }
    }
    String pre = "";
    int dash = rest.indexOf('-');
    if (dash >= 0) {
      pre = rest.substring(dash + 1);
      rest = rest.substring(0, dash);
      String reason = prereleaseProblem(pre);
      if (reason != null) {
        throw new InvalidVersionException(text, reason);
      }
    }
    String[] numbers = {parts[0], parts[1], rest};
    for (String number : numbers) {
      if (!onlyDigits(number)) {
        throw new InvalidVersionException(text, INVALID_CHARACTERS);
      }
      if (number.length() > 1 && number.charAt(0) == '0') {
        throw new InvalidVersionException(text, STARTS_WITH_ZERO);
      }
    }
    long[] values = new long[3];
    for (int i = 0; i < 3; i++) {
      Long value = unsigned(numbers[i]);
      if (value == null) {
        throw new InvalidVersionException(text, numbers[i].isEmpty()
            ? SEGMENT_PARSE + ": empty number" : SEGMENT_PARSE + ": value out of range");
      }
      values[i] = value;
    }
    return new Version(text, values[0], values[1], values[2], pre, meta);
  }

  private static Outcome lenient(String text) {
    Matcher m = LENIENT.matcher(text);
    if (!m.matches()) {
      return Outcome.failed(INVALID);
    }
    long[] values = new long[3];
    for (int i = 0; i < 3; i++) {
      String group = m.group(i + 1);
      if (group == null) {
        continue;
      }
      Long value = unsigned(group);
      if (value == null) {
        return Outcome.failed(SEGMENT_PARSE + ": value out of range");
      }
      values[i] = value;
    }
    String pre = m.group(4) == null ? "" : m.group(4);
    String meta = m.group(5) == null ? "" : m.group(5);
    if (!pre.isEmpty()) {
      String reason = prereleaseProblem(pre);
      if (reason != null) {
        return Outcome.failed(reason);
      }
    }
    return new Outcome(new Version(text, values[0], values[1], values[2], pre, meta), null);
  }

  /** Returns why {@code pre} is not a valid pre-release, or {@code null} when it is. */
  private static String prereleaseProblem(String pre) {
    for (String part : pre.split("\\.", -1)) {
      if (part.isEmpty()) {
        return INVALID_PRERELEASE;
      } else if (onlyDigits(part)) {
        if (part.length() > 1 && part.charAt(0) == '0') {
          return STARTS_WITH_ZERO;
        }
      } else if (!onlyIdentifierCharacters(part)) {
        return INVALID_PRERELEASE;
      }
    }
    return null;
  }

  /** Returns why {@code meta} is not valid build metadata, or {@code null} when it is. */
  private static String metadataProblem(String meta) {
    for (String part : meta.split("\\.", -1)) {
      if (part.isEmpty() || !onlyIdentifierCharacters(part)) {
        return INVALID_METADATA;
      }
    }
    return null;
  }

  static boolean onlyDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean onlyIdentifierCharacters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Parses an unsigned 64-bit decimal, or returns {@code null} (empty, non-digit, overflow). */
  static Long unsigned(String digits) {
    if (digits.isEmpty() || !onlyDigits(digits)) {
      return null;
    }
    try {
      return Long.parseUnsignedLong(digits);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The major number. Numbers are unsigned 64-bit values, so one above {@link Long#MAX_VALUE}
   * reads as negative here; {@link #toString()} prints it unsigned.
   */
  public long major() {
    return major;
  }

  /** The minor number (0 when the text had none); unsigned, as for {@link #major()}. */
  public long minor() {
    return minor;
  }

  /** The patch number (0 when the text had none); unsigned, as for {@link #major()}. */
  public long patch() {
    return patch;
  }

  /** The pre-release part without the {@code -}, or empty. */
  public String prerelease() {
    return prerelease;
  }

  /** The build metadata without the {@code +}, or empty. */
  public String metadata() {
    return metadata;
  }

  /** Whether this version has a pre-release part, such as {@code 1.2.3-rc.1}. */
  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  /** The text this version was parsed from, exactly as given (with any {@code v}). */
  public String original() {
    return original;
  }

  /**
   * Orders by SemVer precedence, as Masterminds' {@code Compare}: major, minor and patch as
   * numbers, then a pre-release before its release, then pre-release identifiers one by one
   * (numeric identifiers numerically and below alphanumeric ones, which compare in ASCII order; a
   * shorter list of equal identifiers first). Build metadata is ignored.
   */
  @Override
  public int compareTo(Version o) {
    int c = Long.compareUnsigned(major, o.major);
    if (c == 0) {
      c = Long.compareUnsigned(minor, o.minor);
    }
    if (c == 0) {
      c = Long.compareUnsigned(patch, o.patch);
    }
    if (c != 0) {
      return Integer.signum(c);
    }
    if (prerelease.isEmpty() && o.prerelease.isEmpty()) {
      return 0;
    }
    if (prerelease.isEmpty()) {
      return 1;
    }
    if (o.prerelease.isEmpty()) {
      return -1;
    }
    return comparePrerelease(prerelease, o.prerelease);
  }

  /**
   * Compares two pre-release strings identifier by identifier; a missing identifier counts as the
   * empty string, which sorts first. Either string may be empty.
   */
  static int comparePrerelease(String a, String b) {
    String[] pa = a.split("\\.", -1);
    String[] pb = b.split("\\.", -1);
    int n = Math.max(pa.length, pb.length);
    for (int i = 0; i < n; i++) {
      int c = compareIdentifier(i < pa.length ? pa[i] : "", i < pb.length ? pb[i] : "");
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int compareIdentifier(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    if (a.isEmpty()) {
      return -1;
    }
    if (b.isEmpty()) {
      return 1;
    }
    // An identifier is numeric when it reads as an unsigned 64-bit number; a longer run of digits
    // is compared as text, as Masterminds does.
    Long na = unsigned(a);
    Long nb = unsigned(b);
    if (na == null && nb == null) {
      return a.compareTo(b) > 0 ? 1 : -1;
    }
    if (na == null) {
      return 1;
    }
    if (nb == null) {
      return -1;
    }
    return Long.compareUnsigned(na, nb) > 0 ? 1 : -1;
  }

  /**
   * Whether {@code o} is a version with the same numbers, pre-release and build metadata. The
   * original text (for example a leading {@code v}) does not matter.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Version v && major == v.major && minor == v.minor && patch == v.patch
        && prerelease.equals(v.prerelease) && metadata.equals(v.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(major, minor, patch, prerelease, metadata);
  }

  /**
   * The normalised form {@code major.minor.patch[-pre][+meta]}, without a leading {@code v}, as
   * Masterminds' {@code String()}: {@code v1.2} prints as {@code 1.2.0}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder()
        .append(Long.toUnsignedString(major)).append('.')
        .append(Long.toUnsignedString(minor)).append('.')
        .append(Long.toUnsignedString(patch));
    if (!prerelease.isEmpty()) {
      sb.append('-').append(prerelease);
    }
    if (!metadata.isEmpty()) {
      sb.append('+').append(metadata);
    }
    return sb.toString();
  }

  /** A parsed version, or why the text is not one. */
  private record Outcome(Version version, String reason) {
    static Outcome failed(String reason) {
      return new Outcome(null, reason);
    }
  }
}
