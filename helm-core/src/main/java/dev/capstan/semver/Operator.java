package dev.capstan.semver;

import java.util.List;

/**
 * The comparison operators of Masterminds semver v3 constraints, with their exact semantics on
 * partial and wildcard versions (§8.2). Each returns {@code null} when the version satisfies the
 * term, or the reason it does not, in Masterminds' words.
 */
enum Operator {
  /** {@code =} or no operator: equality, or a tilde range when the version is partial. */
  EQUAL(List.of("", "=")) {
    @Override
    String reject(Term t, Version v) {
      if (t.partial()) {
        return TILDE.reject(t, v);
      }
      return v.compareTo(t.bound()) == 0 ? null : fail(v, "is not equal to", t);
    }
  },
  /** {@code !=}: anything outside the version, or outside the range a partial version spans. */
  NOT_EQUAL(List.of("!=")) {
    @Override
    String reject(Term t, Version v) {
      Version c = t.bound();
      if (t.partial()) {
        if (c.major() != v.major()) {
          return null;
        }
        if (c.minor() != v.minor() && !t.minorOpen()) {
          return null;
        } else if (t.minorOpen()) {
          return fail(v, "is equal to", t);
        } else if (c.patch() != v.patch() && !t.patchOpen()) {
          return null;
        } else if (t.patchOpen()) {
          if ((v.isPrerelease() || c.isPrerelease())
              && Version.comparePrerelease(v.prerelease(), c.prerelease()) != 0) {
            return null;
          }
          return fail(v, "is equal to", t);
        }
      }
      return v.compareTo(c) == 0 ? fail(v, "is equal to", t) : null;
    }
  },
  /** {@code >}: above the version; {@code >1} means from 2.0.0, {@code >1.2} from 1.3.0. */
  GREATER(List.of(">")) {
    @Override
    String reject(Term t, Version v) {
      Version c = t.bound();
      if (t.partial()) {
        int major = Long.compareUnsigned(v.major(), c.major());
        if (major > 0) {
          return null;
        } else if (major < 0 || t.minorOpen()) {
          return fail(v, "is less than or equal to", t);
        } else if (t.patchOpen()) {
          return Long.compareUnsigned(v.minor(), c.minor()) > 0
              ? null : fail(v, "is less than or equal to", t);
        }
      }
      return v.compareTo(c) > 0 ? null : fail(v, "is less than or equal to", t);
    }
  },
  /** {@code <}: below the version, wildcards read as 0 ({@code <1.x} means below 1.0.0). */
  LESS(List.of("<")) {
    @Override
    String reject(Term t, Version v) {
      return v.compareTo(t.bound()) < 0 ? null : fail(v, "is greater than or equal to", t);
    }
  },
  /** {@code >=} or {@code =>}: at or above the version, wildcards read as 0. */
  GREATER_OR_EQUAL(List.of(">=", "=>")) {
    @Override
    String reject(Term t, Version v) {
      return v.compareTo(t.bound()) >= 0 ? null : fail(v, "is less than", t);
    }
  },
  /** {@code <=} or {@code =<}: at or below the version, or anywhere in a partial one's range. */
  LESS_OR_EQUAL(List.of("<=", "=<")) {
    @Override
    String reject(Term t, Version v) {
      Version c = t.bound();
      if (!t.partial()) {
        return v.compareTo(c) <= 0 ? null : fail(v, "is greater than", t);
      }
      int major = Long.compareUnsigned(v.major(), c.major());
      if (major > 0) {
        return fail(v, "is greater than", t);
      } else if (major == 0 && Long.compareUnsigned(v.minor(), c.minor()) > 0 && !t.minorOpen()) {
        return fail(v, "is greater than", t);
      }
      return null;
    }
  },
  /** {@code ~} or {@code ~>}: patch-level changes, or minor-level when no minor is given. */
  TILDE(List.of("~", "~>")) {
    @Override
    String reject(Term t, Version v) {
      Version c = t.bound();
      if (v.compareTo(c) < 0) {
        return fail(v, "is less than", t);
      }
      if (c.major() == 0 && c.minor() == 0 && c.patch() == 0 && !t.minorOpen()
          && !t.patchOpen()) {
        return null;
      }
      if (v.major() != c.major()) {
        return fail(v, "does not have same major version as", t);
      }
      if (v.minor() != c.minor() && !t.minorOpen()) {
        return fail(v, "does not have same major and minor version as", t);
      }
      return null;
    }
  },
  /** {@code ^}: changes that keep the left-most non-zero part. */
  CARET(List.of("^")) {
    @Override
    String reject(Term t, Version v) {
      Version c = t.bound();
      if (v.compareTo(c) < 0) {
        return fail(v, "is less than", t);
      }
      if (c.major() != 0 || t.minorOpen()) {
        return v.major() == c.major() ? null : fail(v, "does not have same major version as", t);
      }
      if (v.major() != 0) {
        return fail(v, "does not have same major version as", t);
      }
      if (c.minor() != 0 || t.patchOpen()) {
        return v.minor() == c.minor() ? null : fail(v, "does not have same minor version as", t)
            + ". Expected minor versions to match when constraint major version is 0";
      }
      if (v.minor() != 0) {
        return fail(v, "does not have same minor version as", t);
      }
      return c.patch() == v.patch() ? null : fail(v, "does not equal", t)
          + ". Expect version and constraint to equal when major and minor versions are 0";
    }
  };

  private final List<String> symbols;

  Operator(List<String> symbols) {
    this.symbols = symbols;
  }

  /** Returns the operator written as {@code text}, or {@code null} when there is none. */
  static Operator of(String text) {
    for (Operator op : values()) {
      if (op.symbols.contains(text)) {
        return op;
      }
    }
    return null;
  }

  abstract String reject(Term t, Version v);

  private static String fail(Version v, String relation, Term t) {
    return GoQuote.quote(v.toString()) + " " + relation + " " + GoQuote.quote(t.versionText());
  }
}
