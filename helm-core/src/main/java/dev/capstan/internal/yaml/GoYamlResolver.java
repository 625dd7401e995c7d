package dev.capstan.internal.yaml;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves a scalar's text to a type exactly as Go's yaml.v2 {@code resolve()} does (YAML 1.1
 * flavoured): the null, boolean and special-float words, base-0 integers with underscores, YAML-style
 * floats, and timestamps (which Helm keeps as strings).
 */
final class GoYamlResolver {
  private GoYamlResolver() {}

  static final String STR = "tag:yaml.org,2002:str";
  static final String BOOL = "tag:yaml.org,2002:bool";
  static final String INT = "tag:yaml.org,2002:int";
  static final String FLOAT = "tag:yaml.org,2002:float";
  static final String NULL = "tag:yaml.org,2002:null";
  static final String TIMESTAMP = "tag:yaml.org,2002:timestamp";
  static final String MERGE = "tag:yaml.org,2002:merge";
  static final String BINARY = "tag:yaml.org,2002:binary";

  /** A resolved scalar: its tag and value (null, Boolean, Long, BigInteger (uint64), Double, String). */
  record Resolved(String tag, Object value) {}

  private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger MIN_INT64 = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_INT64 = BigInteger.valueOf(Long.MAX_VALUE);

  private static final Pattern YAML_STYLE_FLOAT =
      Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
  private static final Pattern DOT_FLOAT = Pattern.compile("^\\.[0-9]+([eE][-+]?[0-9]+)?$");
  private static final Pattern BASE60_FLOAT =
      Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");

  private static final Map<String, Resolved> WORDS = new HashMap<>();

  static {
    for (String s : new String[] {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
      WORDS.put(s, new Resolved(BOOL, Boolean.TRUE));
    }
    for (String s : new String[] {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
      WORDS.put(s, new Resolved(BOOL, Boolean.FALSE));
    }
    for (String s : new String[] {"", "~", "null", "Null", "NULL"}) {
      WORDS.put(s, new Resolved(NULL, null));
    }
    for (String s : new String[] {".nan", ".NaN", ".NAN"}) {
      WORDS.put(s, new Resolved(FLOAT, Double.NaN));
    }
    for (String s : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
      WORDS.put(s, new Resolved(FLOAT, Double.POSITIVE_INFINITY));
    }
    for (String s : new String[] {"-.inf", "-.Inf", "-.INF"}) {
      WORDS.put(s, new Resolved(FLOAT, Double.NEGATIVE_INFINITY));
    }
    WORDS.put("<<", new Resolved(MERGE, "<<"));
  }

  /** yaml.v2's first-character hint table: S(ign), D(igit), M(ap), '.', or 0 (plain string). */
  private static char hint(String in) {
    if (in.isEmpty()) {
      return 'N';
    }
    char c = in.charAt(0);
    if (c == '+' || c == '-') {
      return 'S';
    }
    if (c >= '0' && c <= '9') {
      return 'D';
    }
    if ("yYnNtTfFoO~".indexOf(c) >= 0) {
      return 'M';
    }
    if (c == '.') {
      return '.';
    }
    return 0;
  }

  /** Whether yaml.v2 resolves tags of this kind (others keep the text as a string). */
  static boolean resolvable(String tag) {
    return tag.isEmpty() || tag.equals(STR) || tag.equals(BOOL) || tag.equals(INT)
        || tag.equals(FLOAT) || tag.equals(NULL) || tag.equals(TIMESTAMP);
  }

  /**
   * Resolves {@code in} under {@code tag} ({@code ""} for a plain scalar with no tag).
   *
   * @throws IllegalArgumentException with yaml.v2's text {@code cannot decode !!str `x` as a !!int}
   *     when an explicit tag does not fit
   */
  static Resolved resolve(String tag, String in) {
    if (!resolvable(tag)) {
      return new Resolved(tag, in);
    }
    Resolved r = resolveUnchecked(tag, in);
    if (tag.isEmpty() || tag.equals(r.tag()) || tag.equals(STR) || tag.equals(BINARY)) {
      return r;
    }
    if (tag.equals(FLOAT) && r.tag().equals(INT) && r.value() instanceof Long l) {
      return new Resolved(FLOAT, l.doubleValue());
    }
    throw new IllegalArgumentException(
        "cannot decode " + shortTag(r.tag()) + " `" + in + "` as a " + shortTag(tag));
  }

  static String shortTag(String tag) {
    return tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring(18) : tag;
  }

  private static Resolved resolveUnchecked(String tag, String in) {
    char hint = hint(in);
    if (hint != 0 && !tag.equals(STR) && !tag.equals(BINARY)) {
      Resolved word = WORDS.get(in);
      if (word != null) {
        return word;
      }
      switch (hint) {
        case 'M':
          break;
        case '.':
          if (DOT_FLOAT.matcher(in).matches()) {
            double d = Double.parseDouble(in);
            if (!Double.isInfinite(d)) {
              return new Resolved(FLOAT, d);
            }
          }
          break;
        case 'D':
        case 'S': {
          if ((tag.isEmpty() || tag.equals(TIMESTAMP)) && isTimestamp(in)) {
            return new Resolved(TIMESTAMP, in);
          }
          String plain = in.replace("_", "");
          BigInteger i = parseBase0(plain, true);
          if (i != null && i.compareTo(MIN_INT64) >= 0 && i.compareTo(MAX_INT64) <= 0) {
            return new Resolved(INT, i.longValue());
          }
          BigInteger u = parseBase0(plain, false);
          if (u != null && u.compareTo(MAX_UINT64) <= 0) {
            return new Resolved(INT, u);
          }
          if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
            double d = Double.parseDouble(plain);
            if (!Double.isInfinite(d)) {
              return new Resolved(FLOAT, d);
            }
          }
          break;
        }
        default:
          break;
      }
    }
    return new Resolved(STR, in);
  }

  /**
   * Go's {@code strconv.ParseInt/ParseUint(s, 0, 64)} syntax without the range check: optional sign
   * (signed only), then {@code 0x}, {@code 0o}, {@code 0b} or a leading {@code 0} for octal, else
   * decimal. Returns null when the syntax is wrong.
   */
  static BigInteger parseBase0(String s, boolean signed) {
    if (s.isEmpty()) {
      return null;
    }
    int i = 0;
    boolean neg = false;
    char c0 = s.charAt(0);
    if (c0 == '+' || c0 == '-') {
      if (!signed) {
        return null;
      }
      neg = c0 == '-';
      i = 1;
    }
    int radix = 10;
    if (s.length() - i >= 1 && s.charAt(i) == '0') {
      if (s.length() - i >= 2) {
        char p = Character.toLowerCase(s.charAt(i + 1));
        if (p == 'x') {
          radix = 16;
          i += 2;
        } else if (p == 'o') {
          radix = 8;
          i += 2;
        } else if (p == 'b') {
          radix = 2;
          i += 2;
        } else {
          radix = 8;
          i += 1;
        }
      }
    }
    if (i >= s.length()) {
      return null;
    }
    for (int j = i; j < s.length(); j++) {
      char c = s.charAt(j);
      int d = (c < 128) ? Character.digit(c, radix) : -1;
      if (d < 0) {
        return null;
      }
    }
    BigInteger v = new BigInteger(s.substring(i), radix);
    return neg ? v.negate() : v;
  }

  /** yaml.v2's base-60 float look (such as {@code 1:20}), which it quotes on output. */
  static boolean isBase60Float(String s) {
    return BASE60_FLOAT.matcher(s).matches();
  }

  // ---------------------------------------------------------------------------------------------
  // Timestamps: the formats yaml.v2 accepts (Go time.Parse layouts
  // "2006-1-2T15:4:5.999999999Z07:00", the same with "t", "2006-1-2 15:4:5.999999999", "2006-1-2").

  static boolean isTimestamp(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    if (i != 4 || i == s.length() || s.charAt(i) != '-') {
      return false;
    }
    return new TimeScan(s).parse();
  }

  private static final class TimeScan {
    private final String s;
    private int p;

    TimeScan(String s) {
      this.s = s;
    }

    /** Reads 1 or 2 digits; -1 if none. */
    private int num12() {
      int start = p;
      int v = 0;
      while (p < s.length() && p - start < 2 && Character.isDigit(s.charAt(p)) && s.charAt(p) < 128) {
        v = v * 10 + (s.charAt(p) - '0');
        p++;
      }
      return p == start ? -1 : v;
    }

    private boolean expect(char c) {
      if (p < s.length() && s.charAt(p) == c) {
        p++;
        return true;
      }
      return false;
    }

    boolean parse() {
      int year = Integer.parseInt(s.substring(0, 4));
      p = 5;
      int month = num12();
      if (month < 1 || month > 12 || !expect('-')) {
        return false;
      }
      int day = num12();
      if (day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
        return false;
      }
      if (p == s.length()) {
        return true;
      }
      char sep = s.charAt(p);
      if (sep != 'T' && sep != 't' && sep != ' ') {
        return false;
      }
      p++;
      int hour = num12();
      if (hour < 0 || hour > 23 || !expect(':')) {
        return false;
      }
      int min = num12();
      if (min < 0 || min > 59 || !expect(':')) {
        return false;
      }
      int sec = num12();
      if (sec < 0 || sec > 59) {
        return false;
      }
      if (p < s.length() && s.charAt(p) == '.') {
        int q = p + 1;
        while (q < s.length() && s.charAt(q) >= '0' && s.charAt(q) <= '9') {
          q++;
        }
        if (q == p + 1) {
          return false;
        }
        p = q;
      }
      if (sep == ' ') {
        return p == s.length();
      }
      if (expect('Z')) {
        return p == s.length();
      }
      if (p < s.length() && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
        p++;
        String rest = s.substring(p);
        return rest.matches("[0-9]{2}:[0-9]{2}");
      }
      return false;
    }
  }
}
