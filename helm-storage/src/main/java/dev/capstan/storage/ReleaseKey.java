package dev.capstan.storage;

import java.util.Objects;
import java.util.Optional;

/**
 * The name of a release's storage object, {@code sh.helm.release.v1.<name>.v<revision>} (spec §2.2).
 *
 * @param name the release name
 * @param revision the revision, at least 1
 */
public record ReleaseKey(String name, int revision) {
  /** Helm's storage type prefix, {@code sh.helm.release.v1}. */
  public static final String PREFIX = "sh.helm.release.v1";

  /** Checks that the name is not empty and the revision is positive. */
  public ReleaseKey {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("release key: empty release name");
    }
    if (revision < 1) {
      throw new IllegalArgumentException(
          "release key for " + name + ": revision must be at least 1, got " + revision);
    }
  }

  /** Returns the key string, e.g. {@code sh.helm.release.v1.web.v3}. */
  public String key() {
    return PREFIX + "." + name + ".v" + revision;
  }

  /** Returns the key string. */
  @Override
  public String toString() {
    return key();
  }

  /** Returns the key of {@code name} at {@code revision} as a string. */
  public static String of(String name, int revision) {
    return new ReleaseKey(name, revision).key();
  }

  /**
   * Parses a key string. The revision is the digits after the last {@code .v}.
   *
   * @return the key, or empty when {@code key} is not of Helm's form
   */
  public static Optional<ReleaseKey> parse(String key) {
    if (key == null || !key.startsWith(PREFIX + ".")) {
      return Optional.empty();
    }
    String rest = key.substring(PREFIX.length() + 1);
    int dot = rest.lastIndexOf(".v");
    if (dot <= 0 || dot + 2 >= rest.length() || rest.length() - dot - 2 > 9) {
      return Optional.empty();
    }
    String digits = rest.substring(dot + 2);
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return Optional.empty();
      }
    }
    int revision = Integer.parseInt(digits);
    return revision < 1 ? Optional.empty()
        : Optional.of(new ReleaseKey(rest.substring(0, dot), revision));
  }
}
