package dev.capstan.release;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Helm's rules for release names (§1.6): at most 53 characters of lowercase letters, digits,
 * {@code -} and {@code .}, shaped like a Kubernetes DNS subdomain. The limit leaves room for
 * charts to add suffixes to the name and stay within the 63 characters of a Kubernetes label.
 */
public final class ReleaseName {
  /** The longest release name Helm accepts. */
  public static final int MAX_LENGTH = 53;

  /** The expression a release name must match in full, as Helm prints it in its error. */
  public static final String REGEX =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /** Helm's message for an empty name. */
  static final String MISSING = "no name provided";

  /** Helm's message for a name that is too long or does not match {@link #REGEX}. */
  static final String INVALID = "invalid release name, must match regex " + REGEX
      + " and the length must not be longer than " + MAX_LENGTH;

  // The length is checked first, so the expression only ever sees short input.
  private static final Pattern PATTERN = Pattern.compile(REGEX);

  private ReleaseName() {
  }

  /**
   * Checks {@code name} as Helm's {@code ValidateReleaseName} does.
   *
   * @throws InvalidReleaseNameException with Helm's message: {@code no name provided}, or
   *     {@code invalid release name, must match regex ... and the length must not be longer than
   *     53}
   */
  public static void validate(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new InvalidReleaseNameException(name, MISSING);
    }
    if (!isValid(name)) {
      throw new InvalidReleaseNameException(name, INVALID);
    }
  }

  /** Whether {@code name} is a valid release name; the empty name is not. */
  public static boolean isValid(String name) {
    Objects.requireNonNull(name, "name");
    return !name.isEmpty() && name.length() <= MAX_LENGTH
        && PATTERN.matcher(name).matches();
  }
}
