package dev.capstan.internal.template;

import dev.capstan.CapstanException;
import dev.capstan.internal.gofmt.GoFmt;
import dev.capstan.internal.gofmt.GoStrings;
import dev.capstan.internal.json.GoJson;
import dev.capstan.internal.yaml.Yaml;
import dev.capstan.internal.yaml.YamlException;
import dev.capstan.internal.yaml.YamlWriter;
import dev.capstan.semver.Constraint;
import dev.capstan.semver.InvalidConstraintException;
import dev.capstan.semver.InvalidVersionException;
import dev.capstan.semver.Version;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.zip.Adler32;

/**
 * Helm's template functions (Sprig v3 and Helm's own) over Capstan's value model, engine-neutral:
 * static methods on {@link Map}, {@link List}, {@link String}, {@link Boolean}, {@link Long},
 * {@link Integer}, {@link Double}, {@code byte[]} and {@code null} (see {@link GoFmt} for how these
 * map to Go types).
 *
 * <p>Where Sprig's Go function returns an error (or panics) the method throws
 * {@link FunctionException} with Go's error text; a template engine reports it as Go's
 * {@code text/template} does: {@code error calling <function>: <message>} (Helm reports
 * {@code required} and {@code fail} as {@code execution error at (<file>:<line>:<col>): <message>}).
 * Sprig's {@code mustFirst}, {@code mustLast}, {@code mustAppend} and the other must* list and map
 * variants fail exactly as the plain functions here do, so an engine can bind both names to one
 * method; the must* functions that differ have their own methods.
 *
 * <p>Deviations that follow from the Java value model, each also noted on its method: functions
 * that return Go's {@code []string}, {@code []int}, {@code map[string]string} or a nil slice return
 * lists and maps of {@code Object} (equal under {@code %v}, different under {@code %T} and
 * {@code %#v}); text cut inside a UTF-8 sequence ({@code trunc}, {@code substr}, {@code abbrev},
 * {@code b64dec}) holds U+FFFD where Go holds the raw bytes; {@code keys} and {@code values} come
 * sorted by key where Go's order is random; {@code set}, {@code unset}, {@code merge} need modifiable
 * maps.
 *
 * <p>Internal: not part of Capstan's API.
 */
public final class Sprig {
  private Sprig() {}

  /** A template function failed; the message is the text Sprig's Go function returns. */
  public static final class FunctionException extends CapstanException {
    private static final long serialVersionUID = 1L;
    private final String function;

    /** Creates the failure of {@code function} with Go's error text. */
    public FunctionException(String function, String message) {
      super(message);
      this.function = function;
    }

    /** The template function that failed, such as {@code first}. */
    public String function() {
      return function;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Truth and defaults

  /** Sprig {@code empty}: nil, false, 0, 0.0, "" and empty lists, maps and byte arrays. */
  public static boolean empty(Object v) {
    if (v == null) {
      return true;
    }
    if (v instanceof String s) {
      return s.isEmpty();
    }
    if (v instanceof Boolean b) {
      return !b;
    }
    if (v instanceof Double d) {
      return d == 0;
    }
    if (v instanceof Float f) {
      return f == 0;
    }
    if (v instanceof BigInteger bi) {
      return bi.signum() == 0;
    }
    if (v instanceof Number n) {
      return n.longValue() == 0;
    }
    if (v instanceof Map<?, ?> m) {
      return m.isEmpty();
    }
    if (v instanceof List<?> l) {
      return l.isEmpty();
    }
    if (v instanceof byte[] b) {
      return b.length == 0;
    }
    return false;
  }

  /** Go template truth ({@code if}, {@code and}, {@code or}, {@code not}): not {@link #empty}. */
  public static boolean truthy(Object v) {
    return !empty(v);
  }

  /** Sprig {@code default}: {@code given} unless it is {@link #empty}, else {@code dflt}. */
  public static Object defaultValue(Object dflt, Object given) {
    return empty(given) ? dflt : given;
  }

  /** Sprig {@code coalesce}: the first argument that is not {@link #empty}, else null. */
  public static Object coalesce(Object... values) {
    if (values != null) {
      for (Object v : values) {
        if (!empty(v)) {
          return v;
        }
      }
    }
    return null;
  }

  /** Sprig {@code ternary}: {@code whenTrue} if {@code condition}, else {@code whenFalse}. */
  public static Object ternary(Object whenTrue, Object whenFalse, boolean condition) {
    return condition ? whenTrue : whenFalse;
  }

  // ---------------------------------------------------------------------------------------------
  // Strings

  /** Sprig's {@code strval} ({@code toString}): strings as is, bytes as text, else Go's %v. */
  public static String toStringValue(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof byte[] b) {
      return GoStrings.fromBytes(b);
    }
    return GoFmt.value(v);
  }

  /** Sprig {@code quote}: each non-nil argument's string form as Go's %q, joined by spaces. */
  public static String quote(Object... values) {
    List<String> out = new ArrayList<>();
    for (Object v : nilSafe(values)) {
      if (v != null) {
        out.add(GoJson.goQuote(toStringValue(v)));
      }
    }
    return String.join(" ", out);
  }

  /** Sprig {@code squote}: each non-nil argument as Go's %v in single quotes, joined by spaces. */
  public static String squote(Object... values) {
    List<String> out = new ArrayList<>();
    for (Object v : nilSafe(values)) {
      if (v != null) {
        out.add("'" + GoFmt.value(v) + "'");
      }
    }
    return String.join(" ", out);
  }

  private static Object[] nilSafe(Object[] values) {
    return values == null ? new Object[] {null} : values;
  }

  /**
   * Sprig {@code indent}: {@code spaces} spaces before every line of {@code s}.
   *
   * @throws FunctionException for a negative count, as Go's {@code strings.Repeat} panics
   */
  public static String indent(int spaces, String s) {
    if (spaces < 0) {
      throw new FunctionException("indent", "strings: negative Repeat count");
    }
    String pad = " ".repeat(spaces);
    return pad + s.replace("\n", "\n" + pad);
  }

  /** Sprig {@code nindent}: a newline, then {@link #indent}. */
  public static String nindent(int spaces, String s) {
    if (spaces < 0) {
      throw new FunctionException("nindent", "strings: negative Repeat count");
    }
    return "\n" + indent(spaces, s);
  }

  /**
   * Sprig {@code trunc}: the first {@code count} bytes of {@code s}, or for a negative count the
   * last {@code -count} bytes. Counts UTF-8 bytes as Sprig does; where Go would cut a character in
   * two, the partial character becomes U+FFFD (Go keeps the invalid bytes).
   */
  public static String trunc(int count, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (count < 0 && b.length + count > 0) {
      return new String(b, b.length + count, -count, StandardCharsets.UTF_8);
    }
    if (count >= 0 && b.length > count) {
      return new String(b, 0, count, StandardCharsets.UTF_8);
    }
    return s;
  }

  /** Sprig {@code trimSuffix}: {@code s} without {@code suffix} at its end. */
  public static String trimSuffix(String suffix, String s) {
    return !suffix.isEmpty() && s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length())
        : s;
  }

  /** Sprig {@code trimPrefix}: {@code s} without {@code prefix} at its start. */
  public static String trimPrefix(String prefix, String s) {
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  /** Sprig {@code trim}: Go's {@code strings.TrimSpace} (Unicode white space at both ends). */
  public static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isGoSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isGoSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** Sprig {@code trimAll}: Go's {@code strings.Trim(s, cutset)}. */
  public static String trimAll(String cutset, String s) {
    int start = 0;
    int end = s.length();
    while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** Go's {@code unicode.IsSpace}. */
  static boolean isGoSpace(int c) {
    switch (c) {
      case '\t':
      case '\n':
      case 0x0B:
      case '\f':
      case '\r':
      case ' ':
      case 0x85:
      case 0xA0:
        return true;
      default:
        return c > 0xFF && Character.getType(c) == Character.SPACE_SEPARATOR
            || c == 0x2028 || c == 0x2029;
    }
  }

  /** Sprig {@code replace}: every {@code old} in {@code s} replaced by {@code replacement}. */
  public static String replace(String old, String replacement, String s) {
    if (old.isEmpty()) {
      // Go inserts the replacement before every code point and at the end.
      StringBuilder sb = new StringBuilder(replacement);
      s.codePoints().forEach(c -> sb.appendCodePoint(c).append(replacement));
      return sb.toString();
    }
    return s.replace(old, replacement);
  }

  /** Sprig {@code lower}: Go's {@code strings.ToLower} (per code point, no special casing). */
  public static String lower(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(c -> sb.appendCodePoint(Character.toLowerCase(c)));
    return sb.toString();
  }

  /** Sprig {@code upper}: Go's {@code strings.ToUpper} (per code point, no special casing). */
  public static String upper(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(c -> sb.appendCodePoint(Character.toUpperCase(c)));
    return sb.toString();
  }

  /**
   * Sprig {@code title}: Go's {@code strings.Title}: the first letter of each word in title case,
   * where words are separated by anything but ASCII letters, digits and {@code _}, and non-ASCII
   * letters and digits.
   */
  public static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int prev = ' ';
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      sb.appendCodePoint(isTitleSeparator(prev) ? Character.toTitleCase(c) : c);
      prev = c;
    }
    return sb.toString();
  }

  private static boolean isTitleSeparator(int r) {
    if (r <= 0x7F) {
      return !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_');
    }
    if (Character.isLetter(r) || Character.getType(r) == Character.DECIMAL_DIGIT_NUMBER) {
      return false;
    }
    return isGoSpace(r);
  }

  /** Sprig {@code contains}: whether {@code s} contains {@code substr}. */
  public static boolean contains(String substr, String s) {
    return s.contains(substr);
  }

  /** Sprig {@code hasPrefix}: whether {@code s} starts with {@code prefix}. */
  public static boolean hasPrefix(String prefix, String s) {
    return s.startsWith(prefix);
  }

  /** Sprig {@code hasSuffix}: whether {@code s} ends with {@code suffix}. */
  public static boolean hasSuffix(String suffix, String s) {
    return s.endsWith(suffix);
  }

  /** Sprig {@code printf}: Go's {@code fmt.Sprintf}; see {@link GoFmt#sprintf}. */
  public static String printf(String format, Object... args) {
    return GoFmt.sprintf(format, args);
  }

  // ---------------------------------------------------------------------------------------------
  // Encodings and hashes

  /**
   * Sprig {@code b64enc}: standard Base64 (with padding) of the bytes of {@code s} (its UTF-8, with
   * the raw bytes of a binary Go string kept; see {@link GoStrings}).
   */
  public static String b64enc(String s) {
    return Base64.getEncoder().encodeToString(GoStrings.bytes(s));
  }

  /**
   * Sprig {@code b64dec}: the text that standard Base64 {@code s} encodes, or on bad input Go's
   * error text ({@code illegal base64 data at input byte 4}) as Sprig returns it. CR and LF in the
   * input are skipped, as Go does. Bytes that are not UTF-8 are kept as {@link GoStrings} escapes.
   */
  public static String b64dec(String s) {
    byte[] src = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(src.length);
    int si = 0;
    while (si < src.length) {
      // One quantum of up to four symbols, as Go's decodeQuantum reads it.
      int[] dbuf = new int[4];
      int dlen = 4;
      boolean done = false;
      for (int j = 0; j < 4; j++) {
        if (si == src.length) {
          if (j == 0) {
            return GoStrings.fromBytes(out.toByteArray());
          }
          return base64Error(si - j);
        }
        int in = src[si] & 0xFF;
        si++;
        int d = base64Value(in);
        if (d >= 0) {
          dbuf[j] = d;
          continue;
        }
        if (in == '\n' || in == '\r') {
          j--;
          continue;
        }
        if (in != '=') {
          return base64Error(si - 1);
        }
        // padding
        if (j == 0 || j == 1) {
          return base64Error(si - 1);
        }
        if (j == 2) {
          while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
            si++;
          }
          if (si == src.length) {
            return base64Error(src.length);
          }
          if (src[si] != '=') {
            return base64Error(si - 1);
          }
          si++;
        }
        while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
          si++;
        }
        if (si < src.length) {
          return base64Error(si);
        }
        dlen = j;
        done = true;
        break;
      }
      int val = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3];
      byte[] three = {(byte) (val >> 16), (byte) (val >> 8), (byte) val};
      out.write(three, 0, dlen - 1);
      if (done) {
        break;
      }
    }
    return GoStrings.fromBytes(out.toByteArray());
  }

  private static String base64Error(int offset) {
    return "illegal base64 data at input byte " + offset;
  }

  private static int base64Value(int c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '+') {
      return 62;
    }
    if (c == '/') {
      return 63;
    }
    return -1;
  }

  /** Sprig {@code sha256sum}: the hex SHA-256 of the bytes of {@code s} (see {@link #b64enc}). */
  public static String sha256sum(String s) {
    return digest("SHA-256", s);
  }

  /** Sprig {@code sha1sum}: the hex SHA-1 of the bytes of {@code s} (see {@link #b64enc}). */
  public static String sha1sum(String s) {
    return digest("SHA-1", s);
  }

  static String digest(String algorithm, String s) {
    try {
      MessageDigest md = MessageDigest.getInstance(algorithm);
      return HexFormat.of().formatHex(md.digest(GoStrings.bytes(s)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks " + algorithm, e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Numbers

  /**
   * Sprig {@code int64} (spf13/cast {@code ToInt64}): integers as they are, floats truncated
   * (NaN and out-of-range floats give {@code -9223372036854775808}, as Go on amd64), booleans 1 or
   * 0, strings parsed as Go's {@code strconv.ParseInt(s, 0, 64)} after dropping an all-zero
   * fraction ({@code 0x1F}, {@code 010}, {@code 1_000}, {@code 1.00}); anything else 0.
   */
  public static long toInt64(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) {
        return Long.MIN_VALUE;
      }
      return (long) d;
    }
    if (v instanceof BigInteger bi) {
      return bi.longValue();
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      Long parsed = parseGoInt(trimZeroDecimal(s));
      return parsed == null ? 0 : parsed;
    }
    return 0;
  }

  /** spf13/cast's trimZeroDecimal: {@code 12.000} becomes {@code 12}. */
  private static String trimZeroDecimal(String s) {
    boolean foundZero = false;
    for (int i = s.length(); i > 0; i--) {
      char c = s.charAt(i - 1);
      if (c == '.') {
        return foundZero ? s.substring(0, i - 1) : s;
      } else if (c == '0') {
        foundZero = true;
      } else {
        return s;
      }
    }
    return s;
  }

  /** Go's {@code strconv.ParseInt(s, 0, 64)}, or null when Go reports an error. */
  static Long parseGoInt(String s) {
    if (s.isEmpty()) {
      return null;
    }
    String body = s;
    boolean neg = false;
    if (body.charAt(0) == '+' || body.charAt(0) == '-') {
      neg = body.charAt(0) == '-';
      body = body.substring(1);
    }
    if (body.isEmpty()) {
      return null;
    }
    int base = 10;
    String digits = body;
    if (body.charAt(0) == '0') {
      char p = body.length() >= 3 ? Character.toLowerCase(body.charAt(1)) : '0';
      if (p == 'x' || p == 'b' || p == 'o') {
        base = p == 'x' ? 16 : p == 'b' ? 2 : 8;
        digits = body.substring(2);
      } else {
        base = 8;
        digits = body.substring(1);
      }
    }
    if (!underscoreOk(s)) {
      return null;
    }
    String clean = digits.replace("_", "");
    if (clean.isEmpty()) {
      return digits.isEmpty() ? 0L : null; // "0" is zero; only underscores is an error
    }
    BigInteger value;
    try {
      for (int i = 0; i < clean.length(); i++) {
        if (Character.digit(clean.charAt(i), base) < 0 || clean.charAt(i) > 0x7F) {
          return null;
        }
      }
      value = new BigInteger(clean, base);
    } catch (NumberFormatException e) {
      return null;
    }
    if (neg) {
      value = value.negate();
    }
    if (value.bitLength() > 63) {
      return null;
    }
    return value.longValue();
  }

  /**
   * Go's {@code strconv} underscoreOK: underscores only between digits, or between a base prefix
   * and a digit.
   */
  private static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      s = s.substring(1);
    }
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0') {
      char p = Character.toLowerCase(s.charAt(1));
      if (p == 'b' || p == 'o' || p == 'x') {
        i = 2;
        saw = '0';
        hex = p == 'x';
      }
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9' || hex && Character.toLowerCase(c) >= 'a'
          && Character.toLowerCase(c) <= 'f') {
        saw = '0';
        continue;
      }
      if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
        continue;
      }
      if (saw == '_') {
        return false;
      }
      saw = '!';
    }
    return saw != '_';
  }

  /**
   * Sprig {@code float64} (spf13/cast {@code ToFloat64}): numbers as float64, booleans 1 or 0,
   * strings parsed as Go's {@code strconv.ParseFloat(s, 64)} ({@code 1e3}, {@code 0x1p3},
   * {@code inf}, {@code 1_000}); anything else, and out-of-range strings, 0.
   */
  public static double toFloat64(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      Double d = parseGoFloat(s);
      return d == null ? 0 : d;
    }
    return 0;
  }

  private static final Pattern GO_DECIMAL_FLOAT = Pattern.compile(
      "[+-]?(?:[0-9_]+\\.?[0-9_]*|\\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?");
  private static final Pattern GO_HEX_FLOAT = Pattern.compile(
      "[+-]?0[xX](?:[0-9a-fA-F_]+\\.?[0-9a-fA-F_]*|\\.[0-9a-fA-F_]+)[pP][+-]?[0-9_]+");

  /** Go's {@code strconv.ParseFloat(s, 64)}, or null when Go reports an error. */
  static Double parseGoFloat(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "inf":
      case "+inf":
      case "infinity":
      case "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf":
      case "-infinity":
        return Double.NEGATIVE_INFINITY;
      case "nan":
        return Double.NaN;
      default:
        break;
    }
    boolean hex = GO_HEX_FLOAT.matcher(s).matches();
    if (!hex && !GO_DECIMAL_FLOAT.matcher(s).matches()) {
      return null;
    }
    if (s.indexOf('_') >= 0 && !underscoreOk(s)) {
      return null;
    }
    String clean = s.replace("_", "");
    // the mantissa needs a digit
    String mantissa = clean.replaceFirst("^[+-]?(0[xX])?", "").replaceFirst("[eEpP].*$", "");
    if (mantissa.replace(".", "").isEmpty()) {
      return null;
    }
    double d;
    try {
      d = Double.parseDouble(clean);
    } catch (NumberFormatException e) {
      return null;
    }
    if (Double.isInfinite(d)) {
      return null; // out of range: Go returns an error
    }
    return d;
  }

  // ---------------------------------------------------------------------------------------------
  // YAML and JSON

  /**
   * Helm {@code toYaml}: {@code v} as sigs.k8s.io/yaml writes it, without the final newline; on
   * error (NaN, unsupported types) the empty string, as Helm swallows it.
   */
  public static String toYaml(Object v) {
    String text;
    try {
      text = YamlWriter.write(v);
    } catch (IllegalArgumentException e) {
      return "";
    }
    if (text.endsWith("\n...\n")) {
      // a document-end marker after a top-level plain scalar: sigs.k8s.io/yaml writes none
      text = text.substring(0, text.length() - 4);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  /** Helm {@code toJson}: {@code v} as Go's {@code json.Marshal} writes it, or "" on error. */
  public static String toJson(Object v) {
    try {
      return GoJson.write(v);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * Helm {@code fromYaml}: the map that YAML text {@code s} holds (numbers as float64, as Helm's
   * YAML-through-JSON decoding gives them); on error a map whose key {@code Error} holds the error
   * text. YAML syntax errors use Capstan's reader's description of the problem, which may differ
   * from go-yaml's wording.
   */
  public static Map<String, Object> fromYaml(String s) {
    Map<String, Object> m = new LinkedHashMap<>();
    Object doc;
    try {
      doc = jsonNumbers(Yaml.load(s, "fromYaml"));
    } catch (YamlException e) {
      m.put("Error", "error converting YAML to JSON: " + yamlError(e));
      return m;
    }
    if (doc == null) {
      return m;
    }
    if (doc instanceof Map<?, ?> map) {
      map.forEach((k, v) -> m.put((String) k, v));
      return m;
    }
    m.put("Error", "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
        + jsonKind(doc) + " into Go value of type map[string]interface {}");
    return m;
  }

  /**
   * Helm {@code fromYamlArray}: the list that YAML text {@code s} holds; on error a list holding
   * the error text.
   */
  public static List<Object> fromYamlArray(String s) {
    Object doc;
    try {
      doc = jsonNumbers(Yaml.load(s, "fromYamlArray"));
    } catch (YamlException e) {
      return singleton("error converting YAML to JSON: " + yamlError(e));
    }
    if (doc == null) {
      return new ArrayList<>();
    }
    if (doc instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    return singleton("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
        + jsonKind(doc) + " into Go value of type []interface {}");
  }

  /**
   * Helm {@code fromJson}: the object JSON text {@code s} holds, or a map with key Error. For
   * {@code null} Go gives a nil map; this gives an empty one (both print as {@code map[]}).
   */
  public static Map<String, Object> fromJson(String s) {
    Map<String, Object> m = new LinkedHashMap<>();
    Object doc;
    try {
      doc = GoJson.decodeWhole(s);
    } catch (GoJson.DecodeException e) {
      m.put("Error", unmarshalError(e));
      return m;
    }
    if (doc == null) {
      return m;
    }
    if (doc instanceof Map<?, ?> map) {
      map.forEach((k, v) -> m.put((String) k, v));
      return m;
    }
    m.put("Error", "json: cannot unmarshal " + jsonKind(doc)
        + " into Go value of type map[string]interface {}");
    return m;
  }

  /** Helm {@code fromJsonArray}: the array JSON text {@code s} holds, or a list of the error. */
  public static List<Object> fromJsonArray(String s) {
    Object doc;
    try {
      doc = GoJson.decodeWhole(s);
    } catch (GoJson.DecodeException e) {
      return singleton(unmarshalError(e));
    }
    if (doc == null) {
      return new ArrayList<>();
    }
    if (doc instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    return singleton("json: cannot unmarshal " + jsonKind(doc)
        + " into Go value of type []interface {}");
  }

  /** Go's json.Unmarshal checks the whole text first, so truncated input reads as below. */
  private static String unmarshalError(GoJson.DecodeException e) {
    String msg = e.getMessage();
    return msg.equals("unexpected EOF") || msg.equals("EOF") ? "unexpected end of JSON input" : msg;
  }

  private static List<Object> singleton(Object v) {
    List<Object> l = new ArrayList<>(1);
    l.add(v);
    return l;
  }

  private static String yamlError(YamlException e) {
    return "yaml: " + (e.line() > 0 ? "line " + e.line() + ": " : "") + e.problem();
  }

  /** Go's name for a JSON value's kind in {@code cannot unmarshal X into} errors. */
  private static String jsonKind(Object v) {
    if (v instanceof Map<?, ?>) {
      return "object";
    }
    if (v instanceof List<?>) {
      return "array";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    return "number";
  }

  /** Integers become float64, as a YAML-to-JSON-to-interface{} round trip makes them. */
  private static Object jsonNumbers(Object v) {
    if (v instanceof Long l) {
      return l.doubleValue();
    }
    if (v instanceof BigInteger b) {
      return b.doubleValue();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, val) -> out.put(String.valueOf(k), jsonNumbers(val)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(jsonNumbers(o));
      }
      return out;
    }
    return v;
  }

  // ---------------------------------------------------------------------------------------------
  // Maps and lists

  /** Sprig {@code hasKey}: whether {@code map} has {@code key}. */
  public static boolean hasKey(Map<String, ?> map, String key) {
    return map != null && map.containsKey(key);
  }

  /**
   * Sprig {@code dict}: a new mutable map from alternating keys (their {@link #toStringValue}) and
   * values; a key without a value maps to "".
   */
  public static Map<String, Object> dict(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    Object[] kv = nilSafe(keyValues);
    for (int i = 0; i < kv.length; i += 2) {
      String key = toStringValue(kv[i]);
      m.remove(key);
      m.put(key, i + 1 < kv.length ? kv[i + 1] : "");
    }
    return m;
  }

  /** Sprig {@code list}: a new mutable list of the arguments. */
  public static List<Object> list(Object... values) {
    return new ArrayList<>(Arrays.asList(nilSafe(values)));
  }

  /**
   * Sprig {@code join}: the string forms of the list's non-nil elements joined by {@code sep}; a
   * single non-list value is its own string form, nil is "".
   */
  public static String join(String sep, Object list) {
    return String.join(sep, strslice(list));
  }

  /** Sprig's {@code strslice}: a list's non-nil elements as strings. */
  static List<String> strslice(Object v) {
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v instanceof List<?> l) {
      for (Object o : l) {
        if (o != null) {
          out.add(toStringValue(o));
        }
      }
      return out;
    }
    if (v instanceof byte[] b) {
      for (byte x : b) {
        out.add(Integer.toString(x & 0xFF));
      }
      return out;
    }
    out.add(toStringValue(v));
    return out;
  }

  /**
   * Sprig {@code splitList}: {@code s} split at every {@code sep} (Go's {@code strings.Split}; an
   * empty separator splits into characters). Go's result is a {@code []string}; this returns a
   * list of strings, so {@code typeOf} says {@code []interface {}} where Helm says
   * {@code []string}.
   */
  public static List<Object> splitList(String sep, String s) {
    List<Object> out = new ArrayList<>();
    if (sep.isEmpty()) {
      s.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
      return out;
    }
    int from = 0;
    while (true) {
      int at = s.indexOf(sep, from);
      if (at < 0) {
        out.add(s.substring(from));
        return out;
      }
      out.add(s.substring(from, at));
      from = at + sep.length();
    }
  }

  /**
   * Sprig {@code first}: a list's first element, null for an empty list.
   *
   * @throws FunctionException for nil and non-lists, with Sprig's text
   */
  public static Object first(Object list) {
    List<?> l = requireList("first", list);
    return l.isEmpty() ? null : l.get(0);
  }

  /**
   * Sprig {@code last}: a list's last element, null for an empty list.
   *
   * @throws FunctionException for nil and non-lists, with Sprig's text
   */
  public static Object last(Object list) {
    List<?> l = requireList("last", list);
    return l.isEmpty() ? null : l.get(l.size() - 1);
  }

  private static List<?> requireList(String function, Object v) {
    if (v == null) {
      throw new FunctionException(function,
          "runtime error: invalid memory address or nil pointer dereference");
    }
    if (v instanceof byte[] b) {
      List<Object> l = new ArrayList<>(b.length);
      for (byte x : b) {
        l.add((long) (x & 0xFF));
      }
      return l;
    }
    if (!(v instanceof List<?> l)) {
      throw new FunctionException(function,
          "Cannot find " + function + " on type " + kindOf(v));
    }
    return l;
  }

  /**
   * Sprig {@code keys}: the keys of all given maps. Go returns them in random map order; this
   * returns them sorted (and, as Go, repeated when several maps share a key).
   */
  @SafeVarargs
  public static List<Object> keys(Map<String, ?>... maps) {
    List<String> out = new ArrayList<>();
    if (maps != null) {
      for (Map<String, ?> m : maps) {
        if (m != null) {
          out.addAll(m.keySet());
        }
      }
    }
    out.sort(GoJson.KEY_ORDER);
    return new ArrayList<>(out);
  }

  /**
   * Sprig {@code has}: whether the list holds an element deeply equal to {@code needle} (Go's
   * {@code reflect.DeepEqual}, so {@code 1} (int) is not {@code 1.0} (float64)); false for nil.
   *
   * @throws FunctionException for a haystack that is not a list
   */
  public static boolean has(Object needle, Object haystack) {
    if (haystack == null) {
      return false;
    }
    List<?> l = requireList("has", haystack);
    for (Object item : l) {
      if (deepEqual(needle, item)) {
        return true;
      }
    }
    return false;
  }

  /** Go's {@code reflect.DeepEqual} over the value model. */
  static boolean deepEqual(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    if (a instanceof Double x && b instanceof Double y) {
      return x.doubleValue() == y.doubleValue(); // NaN unequal, 0 == -0, as Go
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!deepEqual(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !deepEqual(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a.getClass() == b.getClass() && a.equals(b);
  }

  // ---------------------------------------------------------------------------------------------
  // Types and versions

  /** Sprig {@code typeOf}: Go's {@code %T}; see {@link GoFmt#typeName}. */
  public static String typeOf(Object v) {
    return GoFmt.typeName(v);
  }

  /**
   * Sprig {@code kindOf}: the Go reflect kind: {@code string}, {@code bool}, {@code int64},
   * {@code int}, {@code float64}, {@code map}, {@code slice}, {@code invalid} (nil).
   */
  public static String kindOf(Object v) {
    if (v == null) {
      return "invalid";
    }
    if (v instanceof Map<?, ?>) {
      return "map";
    }
    if (v instanceof List<?> || v instanceof byte[]) {
      return "slice";
    }
    return GoFmt.typeName(v);
  }

  /**
   * Sprig {@code semverCompare}: whether {@code version} satisfies {@code constraint}
   * (Masterminds semver v3).
   *
   * @throws FunctionException with Masterminds' text when either does not parse
   */
  public static boolean semverCompare(String constraint, String version) {
    Constraint c;
    try {
      c = Constraint.parse(constraint);
    } catch (InvalidConstraintException e) {
      throw new FunctionException("semverCompare", e.getMessage());
    }
    Version v;
    try {
      v = Version.parse(version);
    } catch (InvalidVersionException e) {
      throw new FunctionException("semverCompare", e.reason());
    }
    return c.isSatisfiedBy(v);
  }

  // ---------------------------------------------------------------------------------------------
  // Integer and float math (part B)

  /** Sprig {@code add}: the sum of the arguments as int64 (each through {@link #toInt64}). */
  public static long add(Object... values) {
    long sum = 0;
    for (Object v : nilSafe(values)) {
      sum += toInt64(v);
    }
    return sum;
  }

  /** Sprig {@code add1}: {@code toInt64(v) + 1}. */
  public static long add1(Object v) {
    return toInt64(v) + 1;
  }

  /** Sprig {@code sub}: {@code toInt64(a) - toInt64(b)}. */
  public static long sub(Object a, Object b) {
    return toInt64(a) - toInt64(b);
  }

  /** Sprig {@code mul}: the product of the arguments as int64. */
  public static long mul(Object a, Object... rest) {
    long product = toInt64(a);
    for (Object v : nilSafe(rest)) {
      product *= toInt64(v);
    }
    return product;
  }

  /**
   * Sprig {@code div}: int64 division truncated toward zero.
   *
   * @throws FunctionException dividing by zero, as Go panics
   */
  public static long div(Object a, Object b) {
    long d = toInt64(b);
    if (d == 0) {
      throw new FunctionException("div", "runtime error: integer divide by zero");
    }
    return toInt64(a) / d;
  }

  /**
   * Sprig {@code mod}: int64 remainder with the sign of the dividend.
   *
   * @throws FunctionException dividing by zero, as Go panics
   */
  public static long mod(Object a, Object b) {
    long d = toInt64(b);
    if (d == 0) {
      throw new FunctionException("mod", "runtime error: integer divide by zero");
    }
    return toInt64(a) % d;
  }

  /** Sprig {@code max}: the largest argument as int64. */
  public static long max(Object a, Object... rest) {
    long m = toInt64(a);
    for (Object v : nilSafe(rest)) {
      m = Math.max(m, toInt64(v));
    }
    return m;
  }

  /** Sprig {@code min}: the smallest argument as int64. */
  public static long min(Object a, Object... rest) {
    long m = toInt64(a);
    for (Object v : nilSafe(rest)) {
      m = Math.min(m, toInt64(v));
    }
    return m;
  }

  /** Sprig {@code floor}: {@code math.Floor(toFloat64(v))}. */
  public static double floor(Object v) {
    return Math.floor(toFloat64(v));
  }

  /** Sprig {@code ceil}: {@code math.Ceil(toFloat64(v))}. */
  public static double ceil(Object v) {
    return Math.ceil(toFloat64(v));
  }

  /**
   * Sprig {@code round}: {@code v} rounded to {@code places} decimals, up when the fraction (of
   * {@code v * 10^places}, signed as Go's {@code math.Modf}) is at least {@code roundOn} (0.5 by
   * default), else down; so negative halves round down, as Sprig does.
   */
  public static double round(Object v, int places, double... roundOn) {
    double on = roundOn != null && roundOn.length > 0 ? roundOn[0] : 0.5;
    double pow = Math.pow(10, places);
    double digit = pow * toFloat64(v);
    double frac = digit - (digit < 0 ? Math.ceil(digit) : Math.floor(digit));
    if (Double.isInfinite(digit)) {
      frac = 0; // math.Modf(±Inf) has a NaN fraction: never >= roundOn
    }
    double r = frac >= on ? Math.ceil(digit) : Math.floor(digit);
    return r / pow;
  }

  /** Sprig {@code until}: {@code 0, 1, ... count-1} (or down to {@code count+1} when negative). */
  public static List<Object> until(int count) {
    return untilStep(0, count, count < 0 ? -1 : 1);
  }

  /**
   * Sprig {@code untilStep}: integers from {@code start} towards {@code stop} (exclusive) by
   * {@code step}; empty when the step does not lead there. Go returns a {@code []int}.
   */
  public static List<Object> untilStep(int start, int stop, int step) {
    List<Object> out = new ArrayList<>();
    if (stop < start) {
      if (step >= 0) {
        return out;
      }
      for (long i = start; i > stop; i += step) {
        out.add((int) i);
      }
      return out;
    }
    if (step <= 0) {
      return out;
    }
    for (long i = start; i < stop; i += step) {
      out.add((int) i);
    }
    return out;
  }

  /**
   * Sprig {@code seq}: like the Unix command: {@code seq 3} is {@code "1 2 3"}, {@code seq 2 4}
   * {@code "2 3 4"}, {@code seq 0 2 6} {@code "0 2 4 6"}; counts down when the end is lower.
   */
  public static String seq(int... params) {
    int increment = 1;
    List<Object> l;
    switch (params == null ? 0 : params.length) {
      case 1: {
        int start = 1;
        int end = params[0];
        if (end < start) {
          increment = -1;
        }
        l = untilStep(start, end + increment, increment);
        break;
      }
      case 2: {
        int start = params[0];
        int end = params[1];
        if (end < start) {
          increment = -1;
        }
        l = untilStep(start, end + increment, increment);
        break;
      }
      case 3: {
        int start = params[0];
        int end = params[2];
        int step = params[1];
        if (end < start) {
          increment = -1;
          if (step > 0) {
            return "";
          }
        }
        l = untilStep(start, end + increment, step);
        break;
      }
      default:
        return "";
    }
    StringBuilder sb = new StringBuilder();
    for (Object o : l) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(o);
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Lists (part B)

  /**
   * Sprig {@code append} ({@code push}): a new list with {@code v} after the list's elements.
   *
   * @throws FunctionException for nil and non-lists
   */
  public static List<Object> append(Object list, Object v) {
    List<Object> out = new ArrayList<>(listArg("append", "Cannot push on type ", list));
    out.add(v);
    return out;
  }

  /**
   * Sprig {@code prepend}: a new list with {@code v} before the list's elements.
   *
   * @throws FunctionException for nil and non-lists
   */
  public static List<Object> prepend(Object list, Object v) {
    List<Object> out = new ArrayList<>();
    out.add(v);
    out.addAll(listArg("prepend", "Cannot prepend on type ", list));
    return out;
  }

  /** Sprig {@code rest}: all but the first element (an empty list stays empty). */
  public static List<Object> rest(Object list) {
    List<?> l = listArg("rest", "Cannot find rest on type ", list);
    return l.isEmpty() ? new ArrayList<>() : new ArrayList<>(l.subList(1, l.size()));
  }

  /** Sprig {@code initial}: all but the last element (an empty list stays empty). */
  public static List<Object> initial(Object list) {
    List<?> l = listArg("initial", "Cannot find initial on type ", list);
    return l.isEmpty() ? new ArrayList<>() : new ArrayList<>(l.subList(0, l.size() - 1));
  }

  /** Sprig {@code uniq}: the elements without later deep-equal repeats, in order. */
  public static List<Object> uniq(Object list) {
    List<Object> out = new ArrayList<>();
    for (Object o : listArg("uniq", "Cannot find uniq on type ", list)) {
      if (!containsDeep(out, o)) {
        out.add(o);
      }
    }
    return out;
  }

  /** Sprig {@code without}: the elements that are not deep-equal to any of {@code omit}. */
  public static List<Object> without(Object list, Object... omit) {
    List<Object> omitted = Arrays.asList(nilSafe(omit));
    List<Object> out = new ArrayList<>();
    for (Object o : listArg("without", "Cannot find without on type ", list)) {
      if (!containsDeep(omitted, o)) {
        out.add(o);
      }
    }
    return out;
  }

  /** Sprig {@code compact}: the elements that are not {@link #empty}. */
  public static List<Object> compact(Object list) {
    List<Object> out = new ArrayList<>();
    for (Object o : listArg("compact", "Cannot compact on type ", list)) {
      if (!empty(o)) {
        out.add(o);
      }
    }
    return out;
  }

  /**
   * Sprig {@code concat}: the elements of all lists, in order.
   *
   * @throws FunctionException for nil and non-lists
   */
  public static List<Object> concat(Object... lists) {
    List<Object> out = new ArrayList<>();
    for (Object l : nilSafe(lists)) {
      if (l == null) {
        throw new FunctionException("concat", NIL_DEREFERENCE);
      }
      if (!(l instanceof List<?>) && !(l instanceof byte[])) {
        throw new FunctionException("concat", "Cannot concat type " + kindOf(l) + " as list");
      }
      out.addAll(requireList("concat", l));
    }
    return out;
  }

  /** Sprig {@code reverse}: the elements in reverse order. */
  public static List<Object> reverse(Object list) {
    List<Object> out = new ArrayList<>(listArg("reverse", "Cannot find reverse on type ", list));
    Collections.reverse(out);
    return out;
  }

  /**
   * Sprig {@code sortAlpha}: the string forms of a list's non-nil elements sorted by code point
   * (Go's byte order); a non-list is a one-element list of its string form. Go returns
   * {@code []string}.
   */
  public static List<Object> sortAlpha(Object list) {
    List<String> s;
    if (list instanceof List<?> || list instanceof byte[]) {
      s = strslice(list);
    } else {
      s = new ArrayList<>();
      s.add(toStringValue(list));
    }
    s.sort(GoJson.KEY_ORDER);
    return new ArrayList<>(s);
  }

  /** Sprig {@code toStrings}: the string forms of a list's non-nil elements (Go: []string). */
  public static List<Object> toStrings(Object list) {
    return new ArrayList<>(strslice(list));
  }

  private static final String NIL_DEREFERENCE =
      "runtime error: invalid memory address or nil pointer dereference";

  private static List<?> listArg(String function, String notListPrefix, Object v) {
    if (v == null) {
      throw new FunctionException(function, NIL_DEREFERENCE);
    }
    if (!(v instanceof List<?>) && !(v instanceof byte[])) {
      throw new FunctionException(function, notListPrefix + kindOf(v));
    }
    return requireList(function, v);
  }

  private static boolean containsDeep(List<?> list, Object v) {
    for (Object o : list) {
      if (deepEqual(o, v)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Maps (part B)

  /** Sprig {@code pluck}: the values of {@code key} in each map that has it, in order. */
  @SafeVarargs
  public static List<Object> pluck(String key, Map<String, ?>... maps) {
    List<Object> out = new ArrayList<>();
    if (maps != null) {
      for (Map<String, ?> m : maps) {
        if (m != null && m.containsKey(key)) {
          out.add(m.get(key));
        }
      }
    }
    return out;
  }

  /** Sprig {@code pick}: a new map with only the given keys that {@code map} has. */
  public static Map<String, Object> pick(Map<String, ?> map, String... keys) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (map != null && keys != null) {
      for (String k : keys) {
        if (map.containsKey(k)) {
          out.put(k, map.get(k));
        }
      }
    }
    return out;
  }

  /** Sprig {@code omit}: a new map without the given keys. */
  public static Map<String, Object> omit(Map<String, ?> map, String... keys) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (map != null) {
      List<String> drop = keys == null ? List.of() : Arrays.asList(keys);
      map.forEach((k, v) -> {
        if (!drop.contains(k)) {
          out.put(k, v);
        }
      });
    }
    return out;
  }

  /** Sprig {@code get}: the value of {@code key}, or "" when the map lacks it. */
  public static Object get(Map<String, ?> map, String key) {
    return map != null && map.containsKey(key) ? map.get(key) : "";
  }

  /**
   * Sprig {@code set}: puts {@code key} into {@code map} and returns the same map, as Go mutates
   * it.
   *
   * @throws FunctionException when the map is unmodifiable (Go maps always are modifiable)
   */
  public static Map<String, Object> set(Map<String, Object> map, String key, Object value) {
    mutate("set", () -> map.put(key, value));
    return map;
  }

  /**
   * Sprig {@code unset}: removes {@code key} from {@code map} and returns the same map.
   *
   * @throws FunctionException when the map is unmodifiable
   */
  public static Map<String, Object> unset(Map<String, Object> map, String key) {
    mutate("unset", () -> map.remove(key));
    return map;
  }

  private static void mutate(String function, Runnable change) {
    try {
      change.run();
    } catch (UnsupportedOperationException e) {
      throw new FunctionException(function,
          "cannot modify an unmodifiable map (Capstan passes Helm's values as copies)");
    }
  }

  /**
   * Sprig {@code merge} (mergo.Merge): fills {@code dst} in place from each source in turn:
   * a key missing or {@link #empty} in {@code dst} takes the source's value (a nil source value
   * is skipped), two maps merge recursively; returns {@code dst}.
   */
  @SafeVarargs
  public static Map<String, Object> merge(Map<String, Object> dst, Map<String, ?>... srcs) {
    Map<String, Object> d = dst == null ? new LinkedHashMap<>() : dst;
    if (srcs != null) {
      for (Map<String, ?> src : srcs) {
        if (src != null) {
          mutate("merge", () -> mergeInto(d, src, false));
        }
      }
    }
    return d;
  }

  /**
   * Sprig {@code mergeOverwrite} (mergo.MergeWithOverwrite): like {@link #merge}, but source
   * values, including empty ones and nil, replace those of {@code dst}, except that two maps
   * merge recursively.
   */
  @SafeVarargs
  public static Map<String, Object> mergeOverwrite(Map<String, Object> dst,
      Map<String, ?>... srcs) {
    Map<String, Object> d = dst == null ? new LinkedHashMap<>() : dst;
    if (srcs != null) {
      for (Map<String, ?> src : srcs) {
        if (src != null) {
          mutate("mergeOverwrite", () -> mergeInto(d, src, true));
        }
      }
    }
    return d;
  }

  @SuppressWarnings("unchecked")
  private static void mergeInto(Map<String, Object> dst, Map<String, ?> src, boolean overwrite) {
    for (Map.Entry<String, ?> e : src.entrySet()) {
      String key = e.getKey();
      Object s = e.getValue();
      boolean present = dst.containsKey(key);
      Object d = dst.get(key);
      if (s == null) {
        if (overwrite) {
          dst.put(key, null);
        }
        continue;
      }
      if (s instanceof Map<?, ?> sm && d instanceof Map<?, ?> dm) {
        mergeInto((Map<String, Object>) dm, (Map<String, ?>) sm, overwrite);
        continue;
      }
      if (overwrite || !present || empty(d)) {
        dst.put(key, s);
      }
    }
  }

  /** Sprig {@code deepCopy}: a deep copy of maps and lists (new mutable collections). */
  public static Object deepCopy(Object v) {
    if (v == null) {
      throw new FunctionException("deepCopy",
          "reflect: call of reflect.Value.Type on zero Value");
    }
    return copyTree(v);
  }

  private static Object copyTree(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, val) -> out.put((String) k, copyTree(val)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(copyTree(o));
      }
      return out;
    }
    if (v instanceof byte[] b) {
      return b.clone();
    }
    return v;
  }

  /** Sprig {@code values}: the map's values; Go's order is random, this is by sorted key. */
  public static List<Object> values(Map<String, ?> map) {
    List<Object> out = new ArrayList<>();
    if (map != null) {
      List<String> ks = new ArrayList<>(map.keySet());
      ks.sort(GoJson.KEY_ORDER);
      for (String k : ks) {
        out.add(map.get(k));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // More strings (part B)

  /**
   * Sprig {@code repeat}: {@code s} repeated {@code count} times.
   *
   * @throws FunctionException for a negative count
   */
  public static String repeat(int count, String s) {
    if (count < 0) {
      throw new FunctionException("repeat", "strings: negative Repeat count");
    }
    return s.repeat(count);
  }

  /**
   * Sprig {@code substr}: bytes {@code start} to {@code end} of {@code s}; a negative start means
   * from 0, a negative or too large end means to the end.
   *
   * @throws FunctionException with Go's slice-bounds panic text when out of range
   */
  public static String substr(int start, int end, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int from;
    int to;
    if (start < 0) {
      if (end < 0) {
        throw new FunctionException("substr", "runtime error: slice bounds out of range [:"
            + end + "]");
      }
      if (end > b.length) {
        throw new FunctionException("substr", "runtime error: slice bounds out of range [:"
            + end + "] with length " + b.length);
      }
      from = 0;
      to = end;
    } else if (end < 0 || end > b.length) {
      if (start > b.length) {
        throw new FunctionException("substr", "runtime error: slice bounds out of range ["
            + start + ":" + b.length + "]");
      }
      from = start;
      to = b.length;
    } else {
      if (start > end) {
        throw new FunctionException("substr", "runtime error: slice bounds out of range ["
            + start + ":" + end + "]");
      }
      from = start;
      to = end;
    }
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  /**
   * Sprig {@code nospace} (goutils.DeleteWhiteSpace): {@code s} without white space. Like Go, it
   * works on bytes, each read as a Latin-1 character: text without white space comes back
   * unchanged, but once something is removed, non-ASCII text is mangled ({@code é} becomes
   * {@code Ã©}) exactly as Helm mangles it.
   */
  public static String nospace(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (!isGoSpace(c)) {
        sb.append((char) c);
      }
    }
    return sb.length() == bytes.length ? s : sb.toString();
  }

  /** Sprig {@code cat}: the non-nil arguments as Go's %v, joined by single spaces. */
  public static String cat(Object... values) {
    List<String> out = new ArrayList<>();
    for (Object v : nilSafe(values)) {
      if (v != null) {
        out.add(GoFmt.value(v));
      }
    }
    return String.join(" ", out);
  }

  /**
   * Sprig {@code abbrev}: {@code s} cut to {@code width} bytes ending in {@code ...}; unchanged
   * when it fits or when {@code width < 4}.
   */
  public static String abbrev(int width, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (width < 4 || b.length <= width) {
      return s;
    }
    return new String(b, 0, width - 3, StandardCharsets.UTF_8) + "...";
  }

  /**
   * Sprig {@code initials} (goutils.Initials): the first character of each white-space separated
   * word. Like Go, it works on bytes read as Latin-1 characters, so for non-ASCII text it returns
   * what Helm returns ({@code élan} gives {@code Ã}).
   */
  public static String initials(String s) {
    StringBuilder sb = new StringBuilder();
    boolean last = true;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (isGoSpace(c)) {
        last = true;
      } else if (last) {
        sb.appendCodePoint(c);
        last = false;
      }
    }
    return sb.toString();
  }

  /** Sprig {@code plural}: {@code one} when {@code count} is 1, else {@code many}. */
  public static String plural(String one, String many, int count) {
    return count == 1 ? one : many;
  }

  /**
   * Go template {@code urlquery}: Go's {@code url.QueryEscape} of the argument (one string) or of
   * {@code fmt.Sprint} of the arguments.
   */
  public static String urlquery(Object... values) {
    Object[] a = nilSafe(values);
    String text;
    if (a.length == 1 && a[0] instanceof String s) {
      text = s;
    } else {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < a.length; i++) {
        // fmt.Sprint: a space between operands when neither is a string
        if (i > 0 && !(a[i] instanceof String) && !(a[i - 1] instanceof String)) {
          sb.append(' ');
        }
        sb.append(GoFmt.value(a[i]));
      }
      text = sb.toString();
    }
    StringBuilder out = new StringBuilder();
    for (byte x : text.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xFF;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
          || c == '_' || c == '.' || c == '~') {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  /** Sprig {@code sha512sum}: the hex SHA-512 of the bytes of {@code s} (see {@link #b64enc}). */
  public static String sha512sum(String s) {
    return digest("SHA-512", s);
  }

  /** Sprig {@code adler32sum}: the decimal Adler-32 checksum of the bytes of {@code s} (see {@link #b64enc}). */
  public static String adler32sum(String s) {
    Adler32 a = new Adler32();
    a.update(GoStrings.bytes(s));
    return Long.toString(a.getValue());
  }

  /**
   * Sprig {@code toDecimal}: the %v text of {@code v} read as an octal number ({@code "0777"} is
   * 511); 0 when it is not one.
   */
  public static long toDecimal(Object v) {
    String s = GoFmt.value(v);
    String body = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    if (body.isEmpty() || !body.chars().allMatch(c -> c >= '0' && c <= '7')) {
      return 0;
    }
    BigInteger n = new BigInteger(body, 8);
    if (s.startsWith("-")) {
      n = n.negate();
    }
    return n.bitLength() > 63 ? 0 : n.longValue();
  }

  /** Sprig {@code trimall} (deprecated alias of {@link #trimAll}). */
  public static String trimall(String cutset, String s) {
    return trimAll(cutset, s);
  }

  // ---------------------------------------------------------------------------------------------
  // Regular expressions (part B)
  //
  // Go's RE2 syntax is translated to java.util.regex: (?P<name>...) and names with '_' map to
  // Java group names, POSIX classes such as [[:alpha:]] become \p{Alpha}, \p{Greek} becomes
  // \p{IsGreek}, '[' and '&' inside a class and a '{' that starts no repeat are literal, \v is
  // the vertical tab only, octal escapes are read as Go reads them, only \n ends a line, and $
  // outside (?m) means the end of the text. Go's errors are reproduced for backreferences,
  // lookaround, possessive and nested quantifiers, bad escapes, bad repeat counts, unclosed
  // classes and groups. Remaining differences: Java's matching of Unicode classes and case
  // folding may differ in corner cases, (?U) (ungreedy in Go) is rejected, and rarer syntax
  // errors carry Java's description. Patterns are compiled per call (no static cache).

  /** Sprig {@code regexMatch}: whether {@code regex} matches in {@code s}; false if invalid. */
  public static boolean regexMatch(String regex, String s) {
    Pattern p;
    try {
      p = compileGoRegex(regex);
    } catch (GoRegexError | PatternSyntaxException e) {
      return false;
    }
    return p.matcher(s).find();
  }

  /**
   * Sprig {@code regexFind}: the first match of {@code regex} in {@code s}, or "".
   *
   * @throws FunctionException for an invalid pattern
   */
  public static String regexFind(String regex, String s) {
    Matcher m = mustCompile("regexFind", regex).matcher(s);
    return m.find() ? m.group() : "";
  }

  /**
   * Sprig {@code regexFindAll}: up to {@code n} successive matches (all when {@code n < 0}), with
   * Go's rule that an empty match right after a match is skipped. Go returns a {@code []string}.
   *
   * @throws FunctionException for an invalid pattern
   */
  public static List<Object> regexFindAll(String regex, String s, int n) {
    List<Object> out = new ArrayList<>();
    for (int[] m : allMatches(mustCompile("regexFindAll", regex), s, n)) {
      out.add(s.substring(m[0], m[1]));
    }
    return out;
  }

  /**
   * Sprig {@code regexReplaceAll}: every match replaced by {@code repl} with Go's template
   * expansion ({@code $1}, {@code ${1}}, {@code $name}, {@code $$}; {@code $1x} names group
   * {@code 1x}).
   *
   * @throws FunctionException for an invalid pattern
   */
  public static String regexReplaceAll(String regex, String s, String repl) {
    return replaceAll(mustCompile("regexReplaceAll", regex), s, (sb, m) -> expand(sb, repl, m));
  }

  /**
   * Sprig {@code regexReplaceAllLiteral}: every match replaced by {@code repl} as is.
   *
   * @throws FunctionException for an invalid pattern
   */
  public static String regexReplaceAllLiteral(String regex, String s, String repl) {
    return replaceAll(mustCompile("regexReplaceAllLiteral", regex), s, (sb, m) -> sb.append(repl));
  }

  /**
   * Sprig {@code regexSplit}: {@code s} split around matches into at most {@code n} pieces (all
   * when {@code n < 0}, none when 0), as Go's {@code Regexp.Split}. Go returns a {@code []string}.
   *
   * @throws FunctionException for an invalid pattern
   */
  public static List<Object> regexSplit(String regex, String s, int n) {
    Pattern p = mustCompile("regexSplit", regex);
    List<Object> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    if (!regex.isEmpty() && s.isEmpty()) {
      out.add("");
      return out;
    }
    int beg = 0;
    int end = 0;
    for (int[] m : allMatches(p, s, n)) {
      if (n > 0 && out.size() == n - 1) {
        break;
      }
      end = m[0];
      if (m[1] != 0) {
        out.add(s.substring(beg, end));
      }
      beg = m[1];
    }
    if (end != s.length()) {
      out.add(s.substring(beg));
    }
    return out;
  }

  private static Pattern mustCompile(String function, String regex) {
    try {
      return compileGoRegex(regex);
    } catch (GoRegexError | PatternSyntaxException e) {
      throw new FunctionException(function,
          "regexp: Compile(" + goBackquote(regex) + "): " + goRegexError(regex, e));
    }
  }

  /** Go's {@code regexp.Compile} error text where Java's problem has a Go counterpart. */
  private static String goRegexError(String regex, IllegalArgumentException error) {
    if (error instanceof GoRegexError) {
      return "error parsing regexp: " + error.getMessage();
    }
    String d = ((PatternSyntaxException) error).getDescription();
    String problem;
    if (d.startsWith("Unclosed group")) {
      problem = "missing closing ): " + goBackquote(regex);
    } else if (d.startsWith("Unmatched closing ')'")) {
      problem = "unexpected ): " + goBackquote(regex);
    } else if (d.startsWith("Dangling meta character '")) {
      problem = "missing argument to repetition operator: " + goBackquote(d.substring(25, 26));
    } else {
      problem = d + ": " + goBackquote(regex);
    }
    return "error parsing regexp: " + problem;
  }

  /** Sprig's must* regex variants report the bare Compile error. */
  private static Pattern compileOrFail(String function, String regex) {
    try {
      return compileGoRegex(regex);
    } catch (GoRegexError | PatternSyntaxException e) {
      throw new FunctionException(function, goRegexError(regex, e));
    }
  }

  /**
   * Sprig {@code mustRegexMatch}: {@link #regexMatch}, but an invalid pattern is an error.
   *
   * @throws FunctionException for an invalid pattern, with Go's text
   */
  public static boolean mustRegexMatch(String regex, String s) {
    return compileOrFail("mustRegexMatch", regex).matcher(s).find();
  }

  /**
   * Sprig {@code mustRegexFind}, {@code mustRegexFindAll}, {@code mustRegexReplaceAll},
   * {@code mustRegexReplaceAllLiteral}, {@code mustRegexSplit}: validate the pattern with the
   * must* error text (the non-must function's result otherwise follows).
   *
   * @throws FunctionException for an invalid pattern, with Go's text
   */
  public static void mustCompileRegex(String function, String regex) {
    compileOrFail(function, regex);
  }

  private static String goBackquote(String s) {
    return s.indexOf('`') < 0 ? "`" + s + "`" : GoJson.goQuote(s);
  }

  private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
      Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"),
      Map.entry("ascii", "\\p{ASCII}"), Map.entry("blank", "\\p{Blank}"),
      Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"),
      Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "\\p{Lower}"),
      Map.entry("print", "\\p{Print}"), Map.entry("punct", "\\p{Punct}"),
      Map.entry("space", "\\p{Space}"), Map.entry("upper", "\\p{Upper}"),
      Map.entry("word", "\\w"), Map.entry("xdigit", "\\p{XDigit}"));

  /** A pattern Go's regexp parser rejects; the message is Go's problem text. */
  private static final class GoRegexError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    GoRegexError(String problem) {
      super(problem);
    }
  }

  private static final Pattern REPEAT = Pattern.compile("\\{(\\d+)(,(\\d*))?}");

  /**
   * Translates Go RE2 syntax to java.util.regex and compiles it.
   *
   * @throws GoRegexError for errors detected with Go's wording
   * @throws PatternSyntaxException for other errors
   */
  static Pattern compileGoRegex(String regex) {
    StringBuilder sb = new StringBuilder(regex.length() + 16);
    int classStart = -1;
    boolean multiline = false;
    int quantifierStart = -1; // where the quantifier just before started, or -1
    boolean lazyApplied = false;
    int n = regex.length();
    for (int i = 0; i < n; i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        if (i + 1 >= n) {
          throw new GoRegexError("trailing backslash at end of expression: ``");
        }
        char next = regex.charAt(i + 1);
        if (next == 'Q' && classStart < 0) {
          int e = regex.indexOf("\\E", i + 2);
          int stop = e < 0 ? n : e + 2;
          sb.append(regex, i, stop);
          if (e < 0) {
            sb.append("\\E");
          }
          i = stop - 1;
          quantifierStart = -1;
          continue;
        }
        i = escape(regex, i, sb);
        quantifierStart = -1;
        continue;
      }
      if (classStart >= 0) {
        if (c == '[' && regex.startsWith("[:", i)) {
          int close = regex.indexOf(":]", i + 2);
          if (close > 0) {
            String name = regex.substring(i + 2, close);
            boolean negated = name.startsWith("^");
            String cls = POSIX_CLASSES.get(negated ? name.substring(1) : name);
            if (cls != null) {
              sb.append(negated ? (cls.equals("\\w") ? "\\W" : "\\P" + cls.substring(2)) : cls);
              i = close + 1;
              continue;
            }
          }
          sb.append("\\[");
        } else if (c == '[' || c == '&') {
          sb.append('\\').append(c);
        } else if (c == ']') {
          classStart = -1;
          sb.append(c);
        } else {
          sb.append(c);
        }
        continue;
      }
      boolean quantifier = c == '*' || c == '+' || c == '?';
      int quantifierEnd = i + 1;
      if (c == '{') {
        Matcher rm = REPEAT.matcher(regex).region(i, n);
        if (rm.lookingAt()) {
          long min = Long.parseLong(rm.group(1));
          String maxText = rm.group(3);
          long max = rm.group(2) == null ? min : maxText.isEmpty() ? -1 : Long.parseLong(maxText);
          if (min > 1000 || max > 1000 || max >= 0 && max < min) {
            throw new GoRegexError("invalid repeat count: " + goBackquote(rm.group()));
          }
          quantifier = true;
          quantifierEnd = rm.end();
        } else {
          sb.append("\\{"); // not a repeat: a literal brace, as in Go
          quantifierStart = -1;
          continue;
        }
      }
      if (quantifier) {
        if (quantifierStart >= 0) {
          if (c == '?' && !lazyApplied) {
            lazyApplied = true;
            sb.append('?');
            continue;
          }
          throw new GoRegexError("invalid nested repetition operator: "
              + goBackquote(regex.substring(quantifierStart, quantifierEnd)));
        }
        if (sb.length() == 0 || endsWithAny(sb, "(", "|") ) {
          throw new GoRegexError("missing argument to repetition operator: "
              + goBackquote(regex.substring(i, quantifierEnd)));
        }
        sb.append(regex, i, quantifierEnd);
        quantifierStart = i;
        lazyApplied = false;
        i = quantifierEnd - 1;
        continue;
      }
      quantifierStart = -1;
      if (c == '[') {
        classStart = i;
        sb.append(c);
        if (i + 1 < n && regex.charAt(i + 1) == '^') {
          sb.append('^');
          i++;
        }
        if (i + 1 < n && regex.charAt(i + 1) == ']') {
          sb.append("\\]"); // a leading ] is literal in Go
          i++;
        }
        continue;
      }
      if (c == '(' && i + 1 < n && regex.charAt(i + 1) == '?') {
        // a group with a name or flags: copied whole, so that its '?' is no quantifier
        int j = i + 2;
        if (regex.startsWith("P<", j) || j < n && regex.charAt(j) == '<') {
          int close = regex.indexOf('>', j);
          if (close < 0) {
            throw new GoRegexError("invalid named capture: " + goBackquote(regex.substring(i)));
          }
          int nameStart = regex.charAt(j) == 'P' ? j + 2 : j + 1;
          String name = regex.substring(nameStart, close);
          if (name.isEmpty() || !isGroupName(name)) {
            throw new GoRegexError("invalid named capture: "
                + goBackquote(regex.substring(i, close + 1)));
          }
          sb.append("(?<").append(javaGroupName(name)).append('>');
          i = close;
          continue;
        }
        boolean on = true;
        while (j < n && (Character.isLetter(regex.charAt(j)) || regex.charAt(j) == '-')) {
          char f = regex.charAt(j);
          if (f == '-') {
            on = false;
          } else if (f == 'm') {
            multiline = on;
          } else if (f == 'U') {
            throw new GoRegexError("the ungreedy flag (?U) is not supported by Capstan: "
                + goBackquote(regex.substring(i, j + 1)));
          } else if ("ims".indexOf(f) < 0) {
            break;
          }
          j++;
        }
        if (j >= n || regex.charAt(j) != ':' && regex.charAt(j) != ')') {
          throw new GoRegexError("invalid or unsupported Perl syntax: "
              + goBackquote(regex.substring(i, Math.min(n, j + 1))));
        }
        sb.append(regex, i, j + 1);
        i = j;
        continue;
      }
      if (c == '$' && !multiline) {
        sb.append("\\z");
        continue;
      }
      sb.append(c);
    }
    if (classStart >= 0) {
      throw new GoRegexError("missing closing ]: " + goBackquote(regex.substring(classStart)));
    }
    return Pattern.compile(sb.toString(), Pattern.UNIX_LINES);
  }

  private static boolean endsWithAny(StringBuilder sb, String... suffixes) {
    for (String suffix : suffixes) {
      int at = sb.length() - suffix.length();
      if (at >= 0 && sb.indexOf(suffix, at) == at && (at == 0 || sb.charAt(at - 1) != '\\')) {
        return true;
      }
    }
    return false;
  }

  /**
   * Translates the escape at {@code regex[i]} (a backslash) the way Go's parser reads it, and
   * returns the index of its last character.
   */
  private static int escape(String regex, int i, StringBuilder sb) {
    int n = regex.length();
    char c = regex.charAt(i + 1);
    if (c < 0x80 && !Character.isLetterOrDigit(c)) {
      sb.append('\\').append(c); // escaped punctuation
      return i + 1;
    }
    switch (c) {
      case 'a': case 'f': case 't': case 'n': case 'r': case 'A': case 'b': case 'B': case 'z':
      case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
        sb.append('\\').append(c);
        return i + 1;
      case 'v':
        sb.append("\\x0B"); // Go's \v is the vertical tab only
        return i + 1;
      case 'x': {
        if (i + 2 < n && regex.charAt(i + 2) == '{') {
          int close = regex.indexOf('}', i + 3);
          if (close < 0) {
            throw new GoRegexError("invalid escape sequence: " + goBackquote(regex.substring(i)));
          }
          sb.append(regex, i, close + 1);
          return close;
        }
        if (i + 3 < n && isHex(regex.charAt(i + 2)) && isHex(regex.charAt(i + 3))) {
          sb.append(regex, i, i + 4);
          return i + 3;
        }
        throw new GoRegexError("invalid escape sequence: "
            + goBackquote(regex.substring(i, Math.min(n, i + 4))));
      }
      case 'p':
      case 'P': {
        if (i + 2 < n && regex.charAt(i + 2) == '{') {
          int close = regex.indexOf('}', i + 3);
          if (close < 0) {
            throw new GoRegexError("invalid character class range: "
                + goBackquote(regex.substring(i)));
          }
          String name = regex.substring(i + 3, close);
          String negate = name.startsWith("^") ? "^" : "";
          String bare = negate.isEmpty() ? name : name.substring(1);
          String javaName = bare.length() <= 2 || bare.equals("Any") ? bare : "Is" + bare;
          sb.append('\\').append(negate.isEmpty() ? c : (c == 'p' ? 'P' : 'p'))
              .append('{').append(javaName.equals("Any") ? "all" : javaName).append('}');
          return close;
        }
        sb.append(regex, i, Math.min(n, i + 3));
        return Math.min(n, i + 3) - 1;
      }
      default:
        break;
    }
    if (c >= '0' && c <= '7') {
      int j = i + 1;
      boolean octal = c == '0' || i + 2 < n && regex.charAt(i + 2) >= '0' && regex.charAt(i + 2) <= '7';
      if (octal) {
        int value = 0;
        int digits = 0;
        while (j < n && digits < 3 && regex.charAt(j) >= '0' && regex.charAt(j) <= '7') {
          value = value * 8 + regex.charAt(j) - '0';
          j++;
          digits++;
        }
        sb.append("\\x{").append(Integer.toHexString(value)).append('}');
        return j - 1;
      }
    }
    int end = i + 1 + Character.charCount(regex.codePointAt(i + 1));
    throw new GoRegexError("invalid escape sequence: " + goBackquote(regex.substring(i, end)));
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /** Go's allMatches: successive matches, an empty match abutting the previous one skipped. */
  private static List<int[]> allMatches(Pattern p, String s, int n) {
    List<int[]> out = new ArrayList<>();
    int limit = n < 0 ? Integer.MAX_VALUE : n;
    Matcher m = p.matcher(s);
    int pos = 0;
    int prevMatchEnd = -1;
    while (out.size() < limit && pos <= s.length()) {
      if (!m.find(pos)) {
        break;
      }
      boolean accept = true;
      if (m.end() == pos) {
        if (m.start() == prevMatchEnd) {
          accept = false;
        }
        pos += pos < s.length() ? Character.charCount(s.codePointAt(pos)) : 1;
      } else {
        pos = m.end();
      }
      prevMatchEnd = m.end();
      if (accept) {
        out.add(groups(m));
      }
    }
    return out;
  }

  private static int[] groups(Matcher m) {
    int[] g = new int[2 * (m.groupCount() + 1)];
    for (int i = 0; i <= m.groupCount(); i++) {
      g[2 * i] = m.start(i);
      g[2 * i + 1] = m.end(i);
    }
    return g;
  }

  private interface Replacer {
    void replace(StringBuilder sb, Match m);
  }

  /** One match: the text, its group offsets, and the matcher positioned on it (named groups). */
  private record Match(String src, int[] groups, Matcher matcher) {}

  private static String replaceAll(Pattern p, String s, Replacer repl) {
    StringBuilder sb = new StringBuilder(s.length());
    Matcher m = p.matcher(s);
    int lastMatchEnd = 0;
    int searchPos = 0;
    while (searchPos <= s.length()) {
      if (!m.find(searchPos)) {
        break;
      }
      int[] a = groups(m);
      sb.append(s, lastMatchEnd, a[0]);
      if (a[1] > lastMatchEnd || a[0] == 0) {
        repl.replace(sb, new Match(s, a, m));
      }
      lastMatchEnd = a[1];
      int width = searchPos < s.length() ? Character.charCount(s.codePointAt(searchPos)) : 0;
      if (searchPos + width > a[1]) {
        searchPos += width;
      } else if (searchPos + 1 > a[1]) {
        searchPos++;
      } else {
        searchPos = a[1];
      }
    }
    sb.append(s, lastMatchEnd, s.length());
    return sb.toString();
  }

  /** Go's Regexp.expand: $n, ${n}, $name, ${name} and $$ in a replacement template. */
  private static void expand(StringBuilder sb, String template, Match m) {
    int i = 0;
    int n = template.length();
    while (i < n) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        sb.append(template, i, n);
        return;
      }
      sb.append(template, i, dollar);
      i = dollar + 1;
      if (i < n && template.charAt(i) == '$') {
        sb.append('$');
        i++;
        continue;
      }
      String name = null;
      int after = i;
      if (i < n && template.charAt(i) == '{') {
        int close = template.indexOf('}', i + 1);
        if (close > i + 1 && isGroupName(template.substring(i + 1, close))) {
          name = template.substring(i + 1, close);
          after = close + 1;
        }
      } else {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(template.charAt(j))
            || template.charAt(j) == '_')) {
          j += 1;
        }
        if (j > i) {
          name = template.substring(i, j);
          after = j;
        }
      }
      if (name == null) {
        sb.append('$'); // malformed: the $ is literal
        continue;
      }
      i = after;
      int group = -1;
      if (name.chars().allMatch(Character::isDigit) && name.length() < 9) {
        group = Integer.parseInt(name);
      } else if (name.chars().allMatch(Character::isDigit)) {
        continue; // a number too large for any group
      } else {
        try {
          String v = m.matcher().group(javaGroupName(name));
          if (v != null) {
            sb.append(v);
          }
        } catch (IllegalArgumentException e) {
          // no such group: empty, as Go
        }
        continue;
      }
      int[] g = m.groups();
      if (2 * group + 1 < g.length && g[2 * group] >= 0) {
        sb.append(m.src(), g[2 * group], g[2 * group + 1]);
      }
    }
  }

  /**
   * A Java group name for a Go one: Go allows {@code _} and a leading digit, Java only letters
   * and digits after a letter; the mapping is one to one.
   */
  private static String javaGroupName(String goName) {
    StringBuilder sb = new StringBuilder("G");
    for (char ch : goName.toCharArray()) {
      if (ch == 'X') {
        sb.append("XX");
      } else if (ch == '_') {
        sb.append("XU");
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  private static boolean isGroupName(String s) {
    return s.chars().allMatch(c -> c < 0x80 && Character.isLetterOrDigit(c) || c == '_');
  }

  // ---------------------------------------------------------------------------------------------
  // Case conversion (part B): huandu/xstrings v1.5, as Sprig uses it

  /**
   * Sprig {@code camelcase} (xstrings.ToCamelCase): words separated by space, {@code _} or
   * {@code -} joined with each word's first letter in upper case ({@code http_server} is
   * {@code HttpServer}); leading and doubled separators are kept.
   */
  public static String camelcase(String s) {
    if (s.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    int[] cps = s.codePoints().toArray();
    int i = 0;
    int r0 = 0;
    boolean firstUpper = false;
    while (i < cps.length) {
      r0 = cps[i++];
      if (!isConnector(r0)) {
        firstUpper = isGoUpper(r0);
        r0 = Character.toUpperCase(r0);
        break;
      }
      sb.appendCodePoint(r0);
    }
    if (i >= cps.length) {
      // Go writes the last rune again, so "__" becomes "___"
      sb.appendCodePoint(r0);
      return sb.toString();
    }
    while (i < cps.length) {
      int r1 = r0;
      r0 = cps[i++];
      if (isConnector(r0) && isConnector(r1)) {
        sb.appendCodePoint(r1);
        continue;
      }
      if (isConnector(r1)) {
        firstUpper = isGoUpper(r0);
        r0 = Character.toUpperCase(r0);
      } else {
        if (firstUpper) {
          if (isGoUpper(r0)) {
            r0 = Character.toLowerCase(r0);
          } else {
            firstUpper = false;
          }
        }
        sb.appendCodePoint(r1);
      }
    }
    sb.appendCodePoint(r0);
    return sb.toString();
  }

  /** Sprig {@code snakecase} (xstrings.ToSnakeCase): {@code HTTPServer} is {@code http_server}. */
  public static String snakecase(String s) {
    return camelCaseToLowerCase(s, '_');
  }

  /** Sprig {@code kebabcase} (xstrings.ToKebabCase): {@code HTTPServer} is {@code http-server}. */
  public static String kebabcase(String s) {
    return camelCaseToLowerCase(s, '-');
  }

  /** Go's {@code unicode.IsUpper}: category Lu only. */
  private static boolean isGoUpper(int r) {
    return Character.getType(r) == Character.UPPERCASE_LETTER;
  }

  /** Go's {@code unicode.IsLower}: category Ll only. */
  private static boolean isGoLower(int r) {
    return Character.getType(r) == Character.LOWERCASE_LETTER;
  }

  /** xstrings' isAlphabet: a cased letter (upper, lower or title case; not CJK and the like). */
  private static boolean isAlphabet(int r) {
    return isGoUpper(r) || isGoLower(r) || Character.isTitleCase(r);
  }

  private static boolean isConnector(int r) {
    return r == '-' || r == '_' || isGoSpace(r);
  }

  private static boolean isGoPunct(int r) {
    switch (Character.getType(r)) {
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
        return true;
      default:
        return false;
    }
  }

  private static boolean isGoNumber(int r) {
    int t = Character.getType(r);
    return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER
        || t == Character.OTHER_NUMBER;
  }

  private enum WordType { INVALID, NUMBER, UPPER, ALPHABET, CONNECTOR, PUNCT, OTHER }

  /** One word found by xstrings' nextWord: its type and the code point range [start, end). */
  private record Word(WordType type, int start, int end) {}

  private static Word nextWord(int[] cps, int from) {
    if (from >= cps.length) {
      return new Word(WordType.INVALID, from, from);
    }
    int i = from;
    int r = cps[i++];
    WordType wt;
    if (isConnector(r)) {
      wt = WordType.CONNECTOR;
      while (i < cps.length && isConnector(cps[i])) {
        i++;
      }
    } else if (isGoPunct(r)) {
      wt = WordType.PUNCT;
      while (i < cps.length && isGoPunct(cps[i])) {
        i++;
      }
    } else if (isGoUpper(r)) {
      wt = WordType.UPPER;
      if (i < cps.length) {
        int next = cps[i];
        if (isGoUpper(next)) {
          while (i < cps.length && isGoUpper(cps[i])) {
            i++;
          }
          // "HTTPStatus": the S starts the next word
          if (i < cps.length && isAlphabet(cps[i])) {
            i--;
          }
        } else if (isAlphabet(next)) {
          while (i < cps.length && isAlphabet(cps[i])
              && !isGoUpper(cps[i])) {
            i++;
          }
        }
      }
    } else if (isAlphabet(r)) {
      wt = WordType.ALPHABET;
      while (i < cps.length && isAlphabet(cps[i]) && !isGoUpper(cps[i])) {
        i++;
      }
    } else if (isGoNumber(r)) {
      wt = WordType.NUMBER;
      while (i < cps.length && isGoNumber(cps[i])) {
        i++;
      }
    } else {
      wt = WordType.OTHER;
      while (i < cps.length && !isConnector(cps[i]) && !isAlphabet(cps[i])
          && !isGoNumber(cps[i]) && !isGoPunct(cps[i])) {
        i++;
      }
    }
    return new Word(wt, from, i);
  }

  private static void appendLower(StringBuilder sb, WordType wt, int[] cps, Word w,
      char connector) {
    for (int i = w.start(); i < w.end(); i++) {
      int r = cps[i];
      if (wt != WordType.UPPER && wt != WordType.CONNECTOR) {
        sb.appendCodePoint(r);
      } else if (isConnector(r)) {
        sb.append(connector);
      } else if (isGoUpper(r)) {
        sb.appendCodePoint(Character.toLowerCase(r));
      } else {
        sb.appendCodePoint(r);
      }
    }
  }

  private static String camelCaseToLowerCase(String s, char connector) {
    if (s.isEmpty()) {
      return "";
    }
    int[] cps = s.codePoints().toArray();
    StringBuilder sb = new StringBuilder(s.length() + 8);
    Word w = nextWord(cps, 0);
    while (w.end() < cps.length) {
      if (w.type() != WordType.CONNECTOR) {
        appendLower(sb, w.type(), cps, w, connector);
      }
      Word prev = w;
      w = nextWord(cps, w.end());
      switch (prev.type()) {
        case NUMBER:
          while (w.type() == WordType.ALPHABET || w.type() == WordType.NUMBER) {
            appendLower(sb, w.type(), cps, w, connector);
            w = nextWord(cps, w.end());
          }
          if (w.type() != WordType.INVALID && w.type() != WordType.PUNCT
              && w.type() != WordType.CONNECTOR) {
            sb.append(connector);
          }
          break;
        case CONNECTOR:
          appendLower(sb, prev.type(), cps, prev, connector);
          break;
        case PUNCT:
          break;
        default: {
          if (w.type() != WordType.NUMBER) {
            if (w.type() != WordType.CONNECTOR && w.type() != WordType.PUNCT) {
              sb.append(connector);
            }
            break;
          }
          if (w.end() >= cps.length) {
            break;
          }
          Word number = w;
          w = nextWord(cps, w.end());
          if (w.type() != WordType.ALPHABET) {
            appendLower(sb, WordType.NUMBER, cps, number, connector);
            if (w.type() != WordType.CONNECTOR && w.type() != WordType.PUNCT) {
              sb.append(connector);
            }
            break;
          }
          sb.append(connector);
          appendLower(sb, WordType.NUMBER, cps, number, connector);
          while (w.type() == WordType.ALPHABET || w.type() == WordType.NUMBER) {
            appendLower(sb, w.type(), cps, w, connector);
            w = nextWord(cps, w.end());
          }
          if (w.type() != WordType.INVALID && w.type() != WordType.CONNECTOR
              && w.type() != WordType.PUNCT) {
            sb.append(connector);
          }
          break;
        }
      }
    }
    appendLower(sb, w.type(), cps, w, connector);
    return sb.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Further Sprig and Helm functions

  /**
   * Sprig {@code int} (spf13/cast {@code ToInt}): {@link #toInt64} as a Go {@code int}: an
   * {@link Integer} when it fits 32 bits, else a {@link Long} (Go's int is 64 bits wide).
   */
  public static Object toInt(Object v) {
    return goInt(toInt64(v));
  }

  /** Sprig {@code atoi}: Go's {@code strconv.Atoi} (decimal, optional sign), 0 on error. */
  public static Object atoi(String s) {
    if (!s.matches("[+-]?[0-9]+")) {
      return 0;
    }
    try {
      return goInt(Long.parseLong(s.startsWith("+") ? s.substring(1) : s));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Object goInt(long v) {
    return v == (int) v ? (Object) (int) v : (Object) v;
  }

  /**
   * Sprig {@code dig}: the value at the path of keys in the map (the last argument), or the
   * default (the argument before it) when a key is missing.
   *
   * @throws FunctionException with fewer than three arguments or when the path crosses a non-map
   */
  @SuppressWarnings("unchecked")
  public static Object dig(Object... args) {
    Object[] a = nilSafe(args);
    if (a.length < 3) {
      throw new FunctionException("dig", "dig needs at least three arguments");
    }
    Object dflt = a[a.length - 2];
    Object current = a[a.length - 1];
    for (int i = 0; i < a.length - 2; i++) {
      if (!(current instanceof Map<?, ?>)) {
        throw new FunctionException("dig", "interface conversion: interface {} is "
            + GoFmt.typeName(current) + ", not map[string]interface {}");
      }
      Map<String, Object> m = (Map<String, Object>) current;
      String key = (String) a[i];
      if (!m.containsKey(key)) {
        return dflt;
      }
      current = m.get(key);
    }
    return current;
  }

  /**
   * Sprig {@code split}: {@code s} split at every {@code sep} into a map {@code _0, _1, ...}
   * (Go's map is a {@code map[string]string}).
   */
  public static Map<String, Object> split(String sep, String s) {
    return numbered(splitN(sep, s, -1));
  }

  /**
   * Sprig {@code splitn}: like {@link #split}, into at most {@code n} pieces (the last holds the
   * rest); none for {@code n == 0}, all for {@code n < 0}.
   */
  public static Map<String, Object> splitn(String sep, int n, String s) {
    return numbered(splitN(sep, s, n));
  }

  private static Map<String, Object> numbered(List<Object> parts) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      m.put("_" + i, parts.get(i));
    }
    return m;
  }

  /** Go's {@code strings.SplitN}. */
  private static List<Object> splitN(String sep, String s, int n) {
    List<Object> all = splitList(sep, s);
    if (n == 0) {
      return new ArrayList<>();
    }
    if (n < 0 || all.size() <= n) {
      return all;
    }
    List<Object> out = new ArrayList<>(all.subList(0, n - 1));
    if (sep.isEmpty()) {
      StringBuilder rest = new StringBuilder();
      for (Object o : all.subList(n - 1, all.size())) {
        rest.append(o);
      }
      out.add(rest.toString());
    } else {
      out.add(String.join(sep, all.subList(n - 1, all.size()).stream()
          .map(String.class::cast).toList()));
    }
    return out;
  }

  /**
   * Sprig {@code toPrettyJson}: {@code v} as Go's {@code json.MarshalIndent(v, "", "  ")}, or ""
   * on error.
   */
  public static String toPrettyJson(Object v) {
    String compact = toJson(v);
    return compact.isEmpty() ? "" : indentJson(compact);
  }

  /**
   * Sprig {@code toRawJson}: compact JSON without Go's HTML escaping of {@code <}, {@code >},
   * {@code &}.
   *
   * @throws FunctionException for values JSON cannot hold (NaN), with Go's text
   */
  public static String toRawJson(Object v) {
    String json;
    try {
      json = GoJson.write(v);
    } catch (IllegalArgumentException e) {
      throw new FunctionException("toRawJson", e.getMessage());
    }
    StringBuilder sb = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '\\' && i + 1 < json.length()) {
        String esc = json.startsWith("\\u00", i) && i + 6 <= json.length()
            ? json.substring(i, i + 6) : "";
        switch (esc) {
          case "\\u003c":
            sb.append('<');
            i += 5;
            continue;
          case "\\u003e":
            sb.append('>');
            i += 5;
            continue;
          case "\\u0026":
            sb.append('&');
            i += 5;
            continue;
          default:
            sb.append(c).append(json.charAt(i + 1));
            i++;
            continue;
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** Go's {@code json.Indent(dst, src, "", "  ")} of compact JSON. */
  private static String indentJson(String src) {
    StringBuilder sb = new StringBuilder(src.length() * 2);
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < src.length(); i++) {
      char c = src.charAt(i);
      if (inString) {
        sb.append(c);
        if (c == '\\') {
          sb.append(src.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"':
          inString = true;
          sb.append(c);
          break;
        case '{':
        case '[': {
          char close = c == '{' ? '}' : ']';
          if (i + 1 < src.length() && src.charAt(i + 1) == close) {
            sb.append(c).append(close);
            i++;
            break;
          }
          depth++;
          sb.append(c).append('\n').append("  ".repeat(depth));
          break;
        }
        case '}':
        case ']':
          depth--;
          sb.append('\n').append("  ".repeat(depth)).append(c);
          break;
        case ',':
          sb.append(",\n").append("  ".repeat(depth));
          break;
        case ':':
          sb.append(": ");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Sprig {@code regexQuoteMeta}: {@code s} with every RE2 metacharacter escaped. */
  public static String regexQuoteMeta(String s) {
    StringBuilder sb = new StringBuilder(s.length() * 2);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** Sprig {@code deepEqual}: Go's {@code reflect.DeepEqual} (type-sensitive). */
  public static boolean deepEqualValues(Object a, Object b) {
    return deepEqual(a, b);
  }

  /** Sprig {@code typeIs}: whether {@link #typeOf} of {@code v} is {@code type}. */
  public static boolean typeIs(String type, Object v) {
    return type.equals(typeOf(v));
  }

  /** Sprig {@code typeIsLike}: {@link #typeIs}, also for a pointer {@code *type} (none here). */
  public static boolean typeIsLike(String type, Object v) {
    String t = typeOf(v);
    return type.equals(t) || ("*" + type).equals(t);
  }

  /** Sprig {@code kindIs}: whether {@link #kindOf} of {@code v} is {@code kind}. */
  public static boolean kindIs(String kind, Object v) {
    return kind.equals(kindOf(v));
  }

  /**
   * Sprig {@code wrap} (goutils.Wrap): {@code s} broken at spaces into lines of at most
   * {@code width} bytes; longer words stay whole.
   */
  public static String wrap(int width, String s) {
    return wrapCustom(s, width, "\n", false);
  }

  /**
   * Sprig {@code wrapWith} (goutils.WrapCustom): like {@link #wrap} with {@code sep} as the line
   * break, and words longer than {@code width} split.
   */
  public static String wrapWith(int width, String sep, String s) {
    return wrapCustom(s, width, sep, true);
  }

  private static String wrapCustom(String str, int wrapLength, String newLine, boolean longWords) {
    if (str.isEmpty()) {
      return "";
    }
    String nl = newLine.isEmpty() ? "\n" : newLine;
    int width = Math.max(wrapLength, 1);
    byte[] b = str.getBytes(StandardCharsets.UTF_8);
    int len = b.length;
    int offset = 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream(len + 16);
    byte[] nlBytes = nl.getBytes(StandardCharsets.UTF_8);
    while (len - offset > width) {
      if (b[offset] == ' ') {
        offset++;
        continue;
      }
      int end = Math.min(width + offset + 1, len);
      int space = lastIndexOf(b, offset, end, (byte) ' ');
      if (space >= offset) {
        out.write(b, offset, space - offset);
        out.writeBytes(nlBytes);
        offset = space + 1;
      } else if (longWords) {
        out.write(b, offset, width);
        out.writeBytes(nlBytes);
        offset += width;
      } else {
        int next = indexOf(b, width + offset, len, (byte) ' ');
        if (next < 0) {
          out.write(b, offset, len - offset);
          offset = len;
        } else {
          out.write(b, offset, next - offset);
          out.writeBytes(nlBytes);
          offset = next + 1;
        }
      }
    }
    out.write(b, offset, len - offset);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int lastIndexOf(byte[] b, int from, int to, byte x) {
    for (int i = to - 1; i >= from; i--) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] b, int from, int to, byte x) {
    for (int i = from; i < to; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Sprig {@code slice}: elements {@code start} (default 0) to {@code end} (default the length)
   * of a list; an empty list gives nil, as in Sprig.
   *
   * @throws FunctionException for non-lists and out-of-range indexes, with Go's texts
   */
  public static Object slice(Object list, Object... indices) {
    if (list == null) {
      throw new FunctionException("slice", NIL_DEREFERENCE);
    }
    if (!(list instanceof List<?>) && !(list instanceof byte[])) {
      throw new FunctionException("slice",
          "list should be type of slice or array but " + kindOf(list));
    }
    List<?> l = requireList("slice", list);
    if (l.isEmpty()) {
      return null;
    }
    Object[] ix = nilSafe(indices);
    long start = ix.length > 0 ? toInt64(ix[0]) : 0;
    long end = ix.length < 2 ? l.size() : toInt64(ix[1]);
    if (start < 0 || end < start || end > l.size()) {
      throw new FunctionException("slice", "reflect.Value.Slice: slice index out of bounds");
    }
    return new ArrayList<>(l.subList((int) start, (int) end));
  }

  /**
   * Sprig {@code chunk}: the list cut into lists of {@code size} elements (the last may be
   * shorter). Go's result is a {@code [][]interface {}}.
   *
   * @throws FunctionException for a size below 1 or a non-list
   */
  public static List<Object> chunk(int size, Object list) {
    List<?> l = listArg("chunk", "Cannot chunk type ", list);
    if (size < 1) {
      if (l.isEmpty() && size < 0) {
        // Go computes floor(-1/size)+1 = 1 chunk of length 0 for a negative size
        List<Object> out = new ArrayList<>();
        out.add(new ArrayList<>());
        return out;
      }
      throw new FunctionException("chunk", "runtime error: makeslice: len out of range");
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < l.size(); i += size) {
      out.add(new ArrayList<>(l.subList(i, Math.min(i + size, l.size()))));
    }
    return out;
  }

  /** Sprig {@code b32enc}: standard Base32 (with padding) of the bytes of {@code s} (see {@link #b64enc}). */
  public static String b32enc(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder sb = new StringBuilder((b.length + 4) / 5 * 8);
    for (int i = 0; i < b.length; i += 5) {
      long buf = 0;
      int n = Math.min(5, b.length - i);
      for (int j = 0; j < 5; j++) {
        buf = (buf << 8) | (j < n ? b[i + j] & 0xFF : 0);
      }
      int chars = (n * 8 + 4) / 5;
      for (int j = 0; j < 8; j++) {
        sb.append(j < chars ? alphabet.charAt((int) ((buf >>> (35 - 5 * j)) & 31)) : '=');
      }
    }
    return sb.toString();
  }

  /**
   * Sprig {@code b32dec}: the text that standard Base32 {@code s} encodes, or Go's error text
   * ({@code illegal base32 data at input byte N}); CR and LF are skipped.
   */
  public static String b32dec(String s) {
    // Go strips CR and LF first; error offsets refer to the stripped input
    ByteArrayOutputStream stripped = new ByteArrayOutputStream();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      if (x != '\n' && x != '\r') {
        stripped.write(x);
      }
    }
    byte[] src = stripped.toByteArray();
    int olen = src.length;
    int pos = 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean end = false;
    while (pos < olen && !end) {
      int[] dbuf = new int[8];
      int dlen = 8;
      for (int j = 0; j < 8; ) {
        if (pos == olen) {
          return base32Error(olen - (olen - pos) - j);
        }
        int in = src[pos] & 0xFF;
        pos++;
        int remaining = olen - pos;
        if (in == '=' && j >= 2 && remaining < 8) {
          if (remaining + j < 8 - 1) {
            return base32Error(olen);
          }
          for (int k = 0; k < 8 - 1 - j; k++) {
            if (remaining > k && src[pos + k] != '=') {
              return base32Error(olen - remaining + k - 1);
            }
          }
          dlen = j;
          end = true;
          if (dlen == 1 || dlen == 3 || dlen == 6) {
            return base32Error(olen - remaining - 1);
          }
          break;
        }
        int d = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(in);
        if (d < 0) {
          return base32Error(olen - remaining - 1);
        }
        dbuf[j++] = d;
      }
      long v = 0;
      for (int j = 0; j < 8; j++) {
        v = (v << 5) | dbuf[j];
      }
      int bytes = switch (dlen) {
        case 2 -> 1;
        case 4 -> 2;
        case 5 -> 3;
        case 7 -> 4;
        default -> 5;
      };
      for (int j = 0; j < bytes; j++) {
        out.write((int) (v >>> (32 - 8 * j)) & 0xFF);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String base32Error(int offset) {
    return "illegal base32 data at input byte " + offset;
  }

  /** Sprig {@code base}: Go's {@code path.Base} (the last element; "." for "", "/" for "/"). */
  public static String base(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    String s = p;
    while (s.length() > 1 && s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.equals("/")) {
      return "/";
    }
    return s.substring(s.lastIndexOf('/') + 1);
  }

  /** Sprig {@code dir}: Go's {@code path.Dir} (all but the last element, cleaned). */
  public static String dir(String p) {
    int slash = p.lastIndexOf('/');
    return clean(p.substring(0, slash + 1));
  }

  /** Sprig {@code ext}: Go's {@code path.Ext} (from the last dot of the last element, or ""). */
  public static String ext(String p) {
    for (int i = p.length() - 1; i >= 0 && p.charAt(i) != '/'; i--) {
      if (p.charAt(i) == '.') {
        return p.substring(i);
      }
    }
    return "";
  }

  /** Sprig {@code isAbs}: Go's {@code path.IsAbs} (starts with "/"). */
  public static boolean isAbs(String p) {
    return p.startsWith("/");
  }

  /** Sprig {@code clean}: Go's {@code path.Clean} (lexical: no //, ., or resolvable ..). */
  public static String clean(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    boolean rooted = p.startsWith("/");
    List<String> parts = new ArrayList<>();
    for (String e : p.split("/")) {
      if (e.isEmpty() || e.equals(".")) {
        continue;
      }
      if (e.equals("..")) {
        if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
          parts.remove(parts.size() - 1);
        } else if (!rooted) {
          parts.add("..");
        }
        continue;
      }
      parts.add(e);
    }
    String joined = String.join("/", parts);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /** Sprig {@code untitle}: the first letter of each word in lower case (xstrings). */
  public static String untitle(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean gap = true;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      sb.appendCodePoint(gap ? Character.toLowerCase(c) : c);
      gap = isGoSpace(c);
    }
    return sb.toString();
  }

  /** Sprig {@code swapcase} (xstrings.SwapCase): upper and title case to lower, lower to upper. */
  public static String swapcase(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(c -> sb.appendCodePoint(isGoUpper(c) || Character.isTitleCase(c)
        ? Character.toLowerCase(c) : isGoLower(c) ? Character.toUpperCase(c) : c));
    return sb.toString();
  }

  /**
   * Helm {@code required}: {@code value}, unless it is nil or "".
   *
   * @throws FunctionException with {@code message} (Helm reports it as
   *     {@code execution error at (<template>:<line>:<col>): <message>})
   */
  public static Object required(String message, Object value) {
    if (value == null || "".equals(value)) {
      throw new FunctionException("required", message);
    }
    return value;
  }

  /**
   * Sprig {@code fail}: always fails.
   *
   * @throws FunctionException with {@code message} (reported as Helm's execution error)
   */
  public static String fail(String message) {
    throw new FunctionException("fail", message);
  }

  /**
   * Helm {@code mustToYaml}: {@link #toYaml}, but a value YAML cannot hold is an error.
   *
   * @throws FunctionException such as {@code error marshaling into JSON: json: unsupported value: NaN}
   */
  public static String mustToYaml(Object v) {
    try {
      YamlWriter.write(v);
    } catch (IllegalArgumentException e) {
      throw new FunctionException("mustToYaml", "error marshaling into JSON: " + e.getMessage());
    }
    return toYaml(v);
  }

  /**
   * Helm {@code mustToJson} (Sprig {@code mustToPrettyJson} likewise): {@link #toJson}, but a value
   * JSON cannot hold is an error.
   *
   * @throws FunctionException such as {@code json: unsupported value: NaN}
   */
  public static String mustToJson(Object v) {
    try {
      return GoJson.write(v);
    } catch (IllegalArgumentException e) {
      throw new FunctionException("mustToJson", e.getMessage());
    }
  }

  /**
   * Helm {@code mustFromJson}: {@link #fromJson}, but bad JSON is an error.
   *
   * @throws FunctionException with Go's {@code json.Unmarshal} text
   */
  public static Map<String, Object> mustFromJson(String s) {
    Map<String, Object> m = fromJson(s);
    Object doc;
    try {
      doc = GoJson.decodeWhole(s);
    } catch (GoJson.DecodeException e) {
      throw new FunctionException("mustFromJson", unmarshalError(e));
    }
    if (doc != null && !(doc instanceof Map<?, ?>)) {
      throw new FunctionException("mustFromJson", (String) m.get("Error"));
    }
    return m;
  }
}
