package dev.capstan.semver;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version, parsed leniently as Helm's Masterminds {@code semver.NewVersion} does:
 * {@code v1.2.3}, {@code 1.2} and {@code 1} are accepted and filled with zeros.
 */
public final class Version implements Comparable<Version> {
  private static final Pattern LENIENT = Pattern.compile(
      "^v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?"
          + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
          + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?$");

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

  /** Parses {@code text} leniently, or returns empty when it is not a version. */
  public static Optional<Version> tryParse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = LENIENT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      long major = Long.parseLong(m.group(1));
      long minor = m.group(2) == null ? 0 : Long.parseLong(m.group(2).substring(1));
      long patch = m.group(3) == null ? 0 : Long.parseLong(m.group(3).substring(1));
      return Optional.of(new Version(text, major, minor, patch,
          m.group(5) == null ? "" : m.group(5), m.group(8) == null ? "" : m.group(8)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses {@code text} leniently.
   *
   * @throws IllegalArgumentException when {@code text} is not a version
   */
  public static Version parse(String text) {
    return tryParse(text).orElseThrow(
        () -> new IllegalArgumentException("invalid semantic version: \"" + text + "\""));
  }

  /** The major number. */
  public long major() {
    return major;
  }

  /** The minor number (0 when the text had none). */
  public long minor() {
    return minor;
  }

  /** The patch number (0 when the text had none). */
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

  /** The text this version was parsed from. */
  public String original() {
    return original;
  }

  /** Orders by precedence as semver 2 defines it; build metadata is ignored. */
  @Override
  public int compareTo(Version o) {
    int c = Long.compare(major, o.major);
    if (c == 0) {
      c = Long.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Long.compare(patch, o.patch);
    }
    return c != 0 ? c : comparePrerelease(prerelease, o.prerelease);
  }

  private static int comparePrerelease(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    if (a.isEmpty()) {
      return 1;
    }
    if (b.isEmpty()) {
      return -1;
    }
    String[] pa = a.split("\\.");
    String[] pb = b.split("\\.");
    for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
      boolean na = pa[i].chars().allMatch(Character::isDigit);
      boolean nb = pb[i].chars().allMatch(Character::isDigit);
      int c;
      if (na && nb) {
        c = new java.math.BigInteger(pa[i]).compareTo(new java.math.BigInteger(pb[i]));
      } else if (na) {
        c = -1;
      } else if (nb) {
        c = 1;
      } else {
        c = pa[i].compareTo(pb[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(pa.length, pb.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Version v && compareTo(v) == 0 && metadata.equals(v.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(major, minor, patch, prerelease, metadata);
  }

  /** The normalised form {@code major.minor.patch[-pre][+meta]}, without a leading {@code v}. */
  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + prerelease)
        + (metadata.isEmpty() ? "" : "+" + metadata);
  }
}
