package dev.capstan.semver;

/**
 * One comparison inside a {@link Constraint}, such as {@code >=1.2} or {@code ~1.x}.
 *
 * @param operator what the comparison does
 * @param operatorText the operator as written ({@code ""}, {@code =>}, {@code ~>}, ...)
 * @param versionText the version as written ({@code 1.x}, {@code v1.2.3-0}, ...)
 * @param bound the version compared with: wildcards and missing parts read as 0, metadata of a
 *     partial version dropped, as Masterminds does
 * @param wildcard which part of {@code versionText} is the first wildcard or missing part
 */
record Term(Operator operator, String operatorText, String versionText, Version bound,
    Wildcard wildcard) {

  /** The first part of a partial version that is a wildcard ({@code x X *}) or missing. */
  enum Wildcard {
    /** A complete version such as {@code 1.2.3}. */
    NONE,
    /** Every part is open: {@code *}, {@code x.1.2}. Masterminds' "dirty" flag alone. */
    MAJOR,
    /** {@code 1}, {@code 1.x}, {@code 1.*.3}. Masterminds' "minorDirty". */
    MINOR,
    /** {@code 1.2}, {@code 1.2.x}. Masterminds' "patchDirty". */
    PATCH
  }

  boolean partial() {
    return wildcard != Wildcard.NONE;
  }

  boolean minorOpen() {
    return wildcard == Wildcard.MINOR;
  }

  boolean patchOpen() {
    return wildcard == Wildcard.PATCH;
  }

  /**
   * Checks {@code v} against this comparison.
   *
   * @param includePrerelease whether pre-release versions may match at all (true when the
   *     comparison's AND group mentions a pre-release)
   * @return {@code null} when {@code v} satisfies it, otherwise Masterminds' reason
   */
  String reject(Version v, boolean includePrerelease) {
    if (v.isPrerelease() && !includePrerelease) {
      return prereleaseExcluded(v);
    }
    return operator.reject(this, v);
  }

  static String prereleaseExcluded(Version v) {
    return GoQuote.quote(v.toString())
        + " is a prerelease version and the constraint is only looking for release versions";
  }

  /** Masterminds' text for this comparison: the operator and the version as written. */
  @Override
  public String toString() {
    return operatorText + versionText;
  }
}
