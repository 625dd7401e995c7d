package dev.capstan.semver;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version constraint such as {@code >= 1.2, < 2.0 || ^3.1}, with the syntax and semantics of
 * Masterminds {@code semver/v3}, the library Helm uses for chart dependencies, {@code kubeVersion}
 * and {@code --version} flags (§8.2).
 *
 * <ul>
 *   <li>Operators: {@code =} (or none), {@code !=}, {@code >}, {@code <}, {@code >=} ({@code =>}),
 *       {@code <=} ({@code =<}), {@code ~} ({@code ~>}), {@code ^}.
 *   <li>Versions may be partial ({@code 1}, {@code 1.2}) or use {@code x}, {@code X} or {@code *}
 *       wildcards; each operator gives them Masterminds' exact meaning: {@code 1.2} and
 *       {@code 1.2.x} mean {@code ~1.2}, {@code >1.2} means from {@code 1.3.0}, {@code <=1.2}
 *       includes every {@code 1.2.z}, {@code !=1.x} excludes every {@code 1.y.z}.
 *   <li>{@code 1.2 - 1.4.5} (spaces around the hyphen) is {@code >= 1.2, <= 1.4.5}.
 *   <li>A comma or whitespace means AND; {@code ||} means OR.
 *   <li>A pre-release version satisfies an AND group only when some version written in that group
 *       has a pre-release part: {@code >=1.0.0} never matches {@code 1.5.0-rc.1}, but
 *       {@code >=1.0.0-0} does. So {@code *} matches no pre-release, and {@code >0.0.0-0} is how
 *       Helm's {@code --devel} asks for all versions.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} gives Masterminds' normalised
 * form ({@code >=1.2 <2.0 || ^3.1}). Error and {@link #validate(Version)} texts are those of
 * Masterminds v3.5 (Helm 4.2), which quotes versions and constraints; Helm 4.1 (v3.4) prints the
 * same texts without the quotes. Parsing is linear in the length of the text.
 */
public final class Constraint {
  /** A version part: digits or wildcards; Masterminds' character class also admits {@code |}. */
  private static final String PART = "[0-9xX*|]++";
  private static final String IDENTIFIERS = "[0-9A-Za-z-]++(?:\\.[0-9A-Za-z-]++)*+";
  /**
   * A possibly partial version: major, minor, patch, pre-release, metadata. The pieces are
   * delimited, so possessive quantifiers do not change what matches and keep matching linear.
   */
  private static final Pattern VERSION = Pattern.compile(
      "v?(" + PART + ")(?:\\.(" + PART + "))?(?:\\.(" + PART + "))?(?:-(" + IDENTIFIERS
          + "))?(?:\\+(" + IDENTIFIERS + "))?");

  private final String text;
  private final List<Group> groups;

  private Constraint(String text, List<Group> groups) {
    this.text = text;
    this.groups = groups;
  }

  /**
   * Parses a constraint, as Masterminds' {@code NewConstraint} does.
   *
   * @throws InvalidConstraintException with Masterminds' message, e.g.
   *     {@code improper constraint: ">= bar"}
   */
  public static Constraint parse(String text) {
    Objects.requireNonNull(text, "text");
    String rewritten = HyphenRanges.rewrite(text);
    List<Group> groups = new ArrayList<>();
    for (String segment : rewritten.split("\\|\\|", -1)) {
      groups.add(parseGroup(text, segment));
    }
    return new Constraint(text, List.copyOf(groups));
  }

  /**
   * Reads one {@code ||}-separated part: terms {@code [op] ws* version}, separated by whitespace
   * or by a comma with optional whitespace, with optional whitespace around the whole. This is
   * the language of Masterminds' validation expression, recognised without backtracking.
   */
  private static Group parseGroup(String whole, String segment) {
    // The whole part is checked before any version in it is read, as Masterminds does, so that a
    // part that is both malformed and holds a bad version reports "improper constraint".
    List<String[]> tokens = new ArrayList<>();
    List<Matcher> versions = new ArrayList<>();
    int n = segment.length();
    int i = skipSpace(segment, 0);
    while (true) {
      int opStart = i;
      while (i < n && isOperatorChar(segment.charAt(i))) {
        i++;
      }
      String opText = segment.substring(opStart, i);
      i = skipSpace(segment, i);
      int versionStart = i;
      while (i < n && !isSpace(segment.charAt(i)) && segment.charAt(i) != ',') {
        i++;
      }
      String versionText = segment.substring(versionStart, i);
      Matcher m = VERSION.matcher(versionText);
      if (Operator.of(opText) == null || !m.matches()) {
        throw improper(whole, segment);
      }
      tokens.add(new String[] {opText, versionText});
      versions.add(m);
      i = skipSpace(segment, i);
      if (i == n) {
        break;
      }
      if (segment.charAt(i) == ',') {
        i = skipSpace(segment, i + 1);
      }
    }
    List<Term> terms = new ArrayList<>(tokens.size());
    for (int k = 0; k < tokens.size(); k++) {
      String opText = tokens.get(k)[0];
      terms.add(term(whole, Operator.of(opText), opText, tokens.get(k)[1], versions.get(k)));
    }
    boolean prerelease = terms.stream().anyMatch(t -> t.bound().isPrerelease());
    return new Group(List.copyOf(terms), prerelease);
  }

  private static Term term(String whole, Operator op, String opText, String versionText,
      Matcher m) {
    String major = m.group(1);
    String minor = m.group(2);
    String patch = m.group(3);
    String pre = m.group(4) == null ? "" : "-" + m.group(4);
    String bound;
    Term.Wildcard wildcard;
    if (isWildcard(major)) {
      bound = "0.0.0" + pre;
      wildcard = Term.Wildcard.MAJOR;
    } else if (minor == null || isWildcard(minor)) {
      bound = major + ".0.0" + pre;
      wildcard = Term.Wildcard.MINOR;
    } else if (patch == null || isWildcard(patch)) {
      bound = major + "." + minor + ".0" + pre;
      wildcard = Term.Wildcard.PATCH;
    } else {
      bound = versionText;
      wildcard = Term.Wildcard.NONE;
    }
    Version version = Version.tryParse(bound).orElseThrow(() -> new InvalidConstraintException(
        whole, "constraint parser error: " + GoQuote.quote(opText + versionText)
            + " does not hold a valid version"));
    return new Term(op, opText, versionText, version, wildcard);
  }

  private static InvalidConstraintException improper(String whole, String segment) {
    return new InvalidConstraintException(whole,
        "improper constraint: " + GoQuote.quote(segment));
  }

  private static boolean isWildcard(String part) {
    return part.equals("x") || part.equals("X") || part.equals("*");
  }

  private static boolean isOperatorChar(char c) {
    return c == '=' || c == '!' || c == '>' || c == '<' || c == '~' || c == '^';
  }

  private static boolean isSpace(char c) {
    return HyphenRanges.isSpace(c);
  }

  private static int skipSpace(String s, int i) {
    return HyphenRanges.skipSpace(s, i);
  }

  /**
   * Whether {@code version} satisfies this constraint: some {@code ||} group has every term
   * satisfied (Masterminds' {@code Check}).
   */
  public boolean isSatisfiedBy(Version version) {
    Objects.requireNonNull(version, "version");
    for (Group group : groups) {
      boolean all = true;
      for (Term term : group.terms()) {
        if (term.reject(version, group.prerelease()) != null) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the version written as {@code version} satisfies this constraint; text that is not a
   * version (leniently parsed) satisfies nothing, as in Helm's {@code IsCompatibleRange}.
   */
  public boolean isSatisfiedBy(String version) {
    return Version.tryParse(Objects.requireNonNull(version, "version"))
        .map(this::isSatisfiedBy)
        .orElse(false);
  }

  /**
   * Explains why {@code version} does not satisfy this constraint, as Masterminds'
   * {@code Validate}: an empty list when it does; otherwise every failed term of every
   * {@code ||} group, in order, such as {@code "1.3.0" is less than "1.4"}. A pre-release that no
   * group admits is reported once.
   */
  public List<String> validate(Version version) {
    Objects.requireNonNull(version, "version");
    List<String> reasons = new ArrayList<>();
    boolean prereleaseReported = false;
    for (Group group : groups) {
      boolean all = true;
      for (Term term : group.terms()) {
        if (version.isPrerelease() && !group.prerelease()) {
          if (!prereleaseReported) {
            reasons.add(Term.prereleaseExcluded(version));
            prereleaseReported = true;
          }
          all = false;
        } else {
          String reason = term.reject(version, group.prerelease());
          if (reason != null) {
            reasons.add(reason);
            all = false;
          }
        }
      }
      if (all) {
        return List.of();
      }
    }
    return List.copyOf(reasons);
  }

  /** The text this constraint was parsed from. */
  public String original() {
    return text;
  }

  /** Whether {@code o} is a constraint with the same normalised form ({@link #toString()}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Constraint c && toString().equals(c.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /**
   * Masterminds' normalised form: each term as operator and version as written, terms joined by a
   * space, groups by {@code " || "}; {@code ">= 1.2,  <3"} prints as {@code ">=1.2 <3"}.
   */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>(groups.size());
    for (Group group : groups) {
      List<String> terms = new ArrayList<>(group.terms().size());
      for (Term term : group.terms()) {
        terms.add(term.toString());
      }
      parts.add(String.join(" ", terms));
    }
    return String.join(" || ", parts);
  }

  /** An AND group, and whether any of its versions has a pre-release (which admits them). */
  private record Group(List<Term> terms, boolean prerelease) {
  }
}
