package dev.capstan.values;

import dev.capstan.semver.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The minimal semantic-version range check that dependency processing needs to match a {@code
 * Chart.yaml} dependency to a subchart, after Helm's {@code IsCompatibleRange} (Masterminds semver
 * v3 constraints): {@code ||} alternatives of comma- or space-separated comparisons with the
 * operators {@code = != > < >= <= ~ ~> ^}, wildcards {@code x X *}, partial versions ({@code 1.2}
 * means {@code 1.2.x}) and hyphen ranges ({@code 1.2 - 1.4.5}). A version with a pre-release only
 * matches a comparison whose version has one too.
 *
 * <p>Stands in until {@code dev.capstan.semver} has a constraint type.
 */
final class DependencyVersionRange {
  private static final Pattern HYPHEN = Pattern.compile(
      "\\s*(v?[0-9xX*]+(?:\\.[0-9xX*]+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?)"
          + "\\s+-\\s+"
          + "(v?[0-9xX*]+(?:\\.[0-9xX*]+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?)\\s*");
  private static final Pattern TERM = Pattern.compile(
      "(!=|>=|=>|<=|=<|~>|>|<|=|~|\\^)?\\s*"
          + "(v?([0-9xX*]+)(\\.[0-9xX*]+)?(\\.[0-9xX*]+)?(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?)");

  private DependencyVersionRange() {}

  /** Whether {@code version} satisfies {@code constraint}; false when either does not parse. */
  static boolean isCompatible(String constraint, String version) {
    Optional<Version> v = Version.tryParse(version == null ? "" : version.trim());
    if (v.isEmpty()) {
      return false;
    }
    List<List<Term>> alternatives = parse(constraint == null ? "" : constraint);
    if (alternatives == null) {
      return false;
    }
    for (List<Term> all : alternatives) {
      boolean ok = true;
      for (Term t : all) {
        if (!t.check(v.get())) {
          ok = false;
          break;
        }
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /** Returns the alternatives, each a conjunction of terms, or null when it does not parse. */
  private static List<List<Term>> parse(String constraint) {
    List<List<Term>> out = new ArrayList<>();
    for (String alt : constraint.split("\\|\\|", -1)) {
      List<Term> terms = new ArrayList<>();
      String rest = alt.trim();
      Matcher hy = HYPHEN.matcher(rest);
      StringBuilder remaining = new StringBuilder();
      int last = 0;
      while (hy.find()) {
        remaining.append(rest, last, hy.start()).append(' ');
        Term lo = term(">=", hy.group(1));
        Term hi = term("<=", hy.group(2));
        if (lo == null || hi == null) {
          return null;
        }
        terms.add(lo);
        terms.add(hi);
        last = hy.end();
      }
      remaining.append(rest.substring(last));
      String body = remaining.toString().replace(',', ' ').trim();
      if (body.isEmpty() && terms.isEmpty()) {
        terms.add(term("", "*"));
      } else if (!body.isEmpty()) {
        Matcher m = TERM.matcher(body);
        int pos = 0;
        while (pos < body.length()) {
          while (pos < body.length() && Character.isWhitespace(body.charAt(pos))) {
            pos++;
          }
          if (pos >= body.length()) {
            break;
          }
          m.region(pos, body.length());
          if (!m.lookingAt()) {
            return null;
          }
          Term t = term(m.group(1) == null ? "" : m.group(1), m.group(2));
          if (t == null) {
            return null;
          }
          terms.add(t);
          pos = m.end();
          if (pos < body.length() && !Character.isWhitespace(body.charAt(pos))) {
            return null;
          }
        }
      }
      out.add(terms);
    }
    return out;
  }

  private static boolean isWild(String part) {
    return part == null || part.equals("x") || part.equals("X") || part.equals("*");
  }

  private static Term term(String op, String text) {
    String t = text.startsWith("v") ? text.substring(1) : text;
    String meta = "";
    int plus = t.indexOf('+');
    if (plus >= 0) {
      meta = t.substring(plus);
      t = t.substring(0, plus);
    }
    String pre = "";
    int dash = t.indexOf('-');
    if (dash >= 0) {
      pre = t.substring(dash);
      t = t.substring(0, dash);
    }
    String[] parts = t.split("\\.", -1);
    String major = parts[0];
    String minor = parts.length > 1 ? parts[1] : null;
    String patch = parts.length > 2 ? parts[2] : null;
    boolean minorDirty = false;
    boolean patchDirty = false;
    boolean dirty = false;
    String base;
    if (isWild(major)) {
      base = "0.0.0";
      dirty = true;
      minorDirty = true;
      patchDirty = true;
      pre = "";
    } else if (isWild(minor)) {
      base = major + ".0.0" + pre;
      dirty = true;
      minorDirty = true;
      patchDirty = true;
    } else if (isWild(patch)) {
      base = major + "." + minor + ".0" + pre;
      dirty = true;
      patchDirty = true;
    } else {
      base = major + "." + minor + "." + patch + pre;
    }
    Optional<Version> con = Version.tryParse(base + meta);
    return con.isEmpty() ? null : new Term(op, con.get(), dirty, minorDirty, patchDirty);
  }

  private record Term(String op, Version con, boolean dirty, boolean minorDirty,
      boolean patchDirty) {

    boolean check(Version v) {
      if (!v.prerelease().isEmpty() && con.prerelease().isEmpty()) {
        return false;
      }
      int cmp = v.compareTo(con);
      switch (op) {
        case "", "=" -> {
          return dirty ? tilde(v, cmp) : cmp == 0;
        }
        case "!=" -> {
          return dirty ? !tilde(v, cmp) : cmp != 0;
        }
        case ">" -> {
          if (!dirty) {
            return cmp > 0;
          }
          if (v.major() != con.major()) {
            return v.major() > con.major();
          }
          if (minorDirty) {
            return false;
          }
          return patchDirty ? v.minor() > con.minor() : cmp > 0;
        }
        case "<" -> {
          return cmp < 0;
        }
        case ">=", "=>" -> {
          return cmp >= 0;
        }
        case "<=", "=<" -> {
          if (!dirty) {
            return cmp <= 0;
          }
          if (v.major() != con.major()) {
            return v.major() < con.major();
          }
          if (minorDirty) {
            return true;
          }
          return patchDirty ? v.minor() <= con.minor() : cmp <= 0;
        }
        case "~", "~>" -> {
          return tilde(v, cmp);
        }
        case "^" -> {
          if (cmp < 0) {
            return false;
          }
          if (con.major() > 0 || minorDirty) {
            return v.major() == con.major();
          }
          if (con.minor() > 0 || patchDirty) {
            return v.major() == 0 && v.minor() == con.minor();
          }
          return v.major() == 0 && v.minor() == 0 && v.patch() == con.patch();
        }
        default -> {
          return false;
        }
      }
    }

    private boolean tilde(Version v, int cmp) {
      if (cmp < 0) {
        return false;
      }
      if (con.major() == 0 && con.minor() == 0 && con.patch() == 0 && minorDirty) {
        return true; // "*" or "x": any version
      }
      if (v.major() != con.major()) {
        return false;
      }
      return minorDirty || v.minor() == con.minor();
    }
  }
}
