package dev.capstan.internal.template;

import dev.capstan.internal.gofmt.GoFmt;
import dev.capstan.semver.InvalidVersionException;
import dev.capstan.semver.Version;
import java.util.Objects;

/**
 * The {@code *semver.Version} of Masterminds semver v3 that Sprig's {@code semver} returns:
 * {@code .Major .Minor .Patch .Prerelease .Metadata .Original}, the comparisons
 * ({@code .LessThan}, {@code .Compare}...) and increments, printed as {@code String()}.
 *
 * <p>Internal: not part of Capstan's API. Immutable.
 */
public final class SemverObject implements GoObject, GoFmt.Stringer {
  private final Version version;

  /** Wraps a parsed version. */
  public SemverObject(Version version) {
    this.version = Objects.requireNonNull(version, "version");
  }

  /**
   * Sprig {@code semver}: Masterminds' {@code NewVersion}.
   *
   * @throws Sprig.FunctionException with Masterminds' text when {@code text} is not a version
   */
  public static SemverObject parse(String fn, String text) {
    try {
      return new SemverObject(Version.parse(text));
    } catch (InvalidVersionException e) {
      throw new Sprig.FunctionException(fn, e.reason());
    }
  }

  /** {@code .Major}, under Go's name, for engines that reflect on methods. */
  public long Major() {
    return version.major();
  }

  /** {@code .Minor}, under Go's name. */
  public long Minor() {
    return version.minor();
  }

  /** {@code .Patch}, under Go's name. */
  public long Patch() {
    return version.patch();
  }

  /** {@code .Prerelease}, under Go's name. */
  public String Prerelease() {
    return version.prerelease();
  }

  /** {@code .Metadata}, under Go's name. */
  public String Metadata() {
    return version.metadata();
  }

  /** {@code .Original}, under Go's name. */
  public String Original() {
    return version.original();
  }

  /** The version. */
  public Version version() {
    return version;
  }

  @Override
  public boolean has(String name) {
    return switch (name) {
      case "Major", "Minor", "Patch", "Prerelease", "Metadata", "Original", "String", "IncPatch",
          "IncMinor", "IncMajor", "SetPrerelease", "SetMetadata", "LessThan", "LessThanEqual",
          "GreaterThan", "GreaterThanEqual", "Equal", "Compare" -> true;
      default -> false;
    };
  }

  @Override
  public Object get(String name, Object[] args) {
    int want = switch (name) {
      case "SetPrerelease", "SetMetadata", "LessThan", "LessThanEqual", "GreaterThan",
          "GreaterThanEqual", "Equal", "Compare" -> 1;
      default -> 0;
    };
    if (args.length != want) {
      throw new TemplateFunction.ArityException(name, Integer.toString(want), args.length);
    }
    return switch (name) {
      case "Major" -> version.major();
      case "Minor" -> version.minor();
      case "Patch" -> version.patch();
      case "Prerelease" -> version.prerelease();
      case "Metadata" -> version.metadata();
      case "Original" -> version.original();
      case "String" -> goString();
      case "IncPatch" -> version.prerelease().isEmpty()
          ? with(version.major(), version.minor(), version.patch() + 1, "", "")
          : with(version.major(), version.minor(), version.patch(), "", "");
      case "IncMinor" -> with(version.major(), version.minor() + 1, 0, "", "");
      case "IncMajor" -> with(version.major() + 1, 0, 0, "", "");
      case "SetPrerelease" -> with(version.major(), version.minor(), version.patch(),
          Args.str(name, args[0]), version.metadata());
      case "SetMetadata" -> with(version.major(), version.minor(), version.patch(),
          version.prerelease(), Args.str(name, args[0]));
      case "LessThan" -> version.compareTo(other(name, args[0])) < 0;
      case "LessThanEqual" -> version.compareTo(other(name, args[0])) <= 0;
      case "GreaterThan" -> version.compareTo(other(name, args[0])) > 0;
      case "GreaterThanEqual" -> version.compareTo(other(name, args[0])) >= 0;
      case "Equal" -> version.compareTo(other(name, args[0])) == 0;
      case "Compare" -> version.compareTo(other(name, args[0]));
      default -> throw new Sprig.FunctionException(name, "can't evaluate field " + name
          + " in type *semver.Version");
    };
  }

  private SemverObject with(long major, long minor, long patch, String pre, String meta) {
    String text = Long.toUnsignedString(major) + "." + Long.toUnsignedString(minor) + "."
        + Long.toUnsignedString(patch) + (pre.isEmpty() ? "" : "-" + pre)
        + (meta.isEmpty() ? "" : "+" + meta);
    try {
      return new SemverObject(Version.parse(text));
    } catch (InvalidVersionException e) {
      throw new Sprig.FunctionException("semver", e.reason());
    }
  }

  private static Version other(String fn, Object v) {
    if (v instanceof SemverObject s) {
      return s.version;
    }
    throw Args.wrongType(fn, "*semver.Version", v);
  }

  /** Masterminds' {@code String()}: the normalised version, without any {@code v}. */
  @Override
  public String goString() {
    return version.toString();
  }

  @Override
  public String toString() {
    return goString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SemverObject s && s.version.equals(version)
        && s.version.original().equals(version.original());
  }

  @Override
  public int hashCode() {
    return version.hashCode();
  }
}
