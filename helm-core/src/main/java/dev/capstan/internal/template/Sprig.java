package dev.capstan.internal.template;

import dev.capstan.CapstanException;
import dev.capstan.internal.gofmt.GoFmt;
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
import java.util.Map;

/**
 * Helm's template functions (Sprig v3 and Helm's own) over Capstan's value model, engine-neutral:
 * static methods on {@link Map}, {@link List}, {@link String}, {@link Boolean}, {@link Long},
 * {@link Integer}, {@link Double}, {@code byte[]} and {@code null} (see {@link GoFmt} for how these
 * map to Go types).
 *
 * <p>Where Sprig's Go function returns an error (or panics) the method throws
 * {@link FunctionException} with Go's error text; a template engine reports it as Go's
 * {@code text/template} does: {@code error calling <function>: <message>}.
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
      return new String(b, StandardCharsets.UTF_8);
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

  /** Sprig {@code b64enc}: standard Base64 (with padding) of the UTF-8 bytes of {@code s}. */
  public static String b64enc(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sprig {@code b64dec}: the text that standard Base64 {@code s} encodes, or on bad input Go's
   * error text ({@code illegal base64 data at input byte 4}) as Sprig returns it. CR and LF in the
   * input are skipped, as Go does. Bytes that are not UTF-8 become U+FFFD (Go keeps them).
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
            return new String(out.toByteArray(), StandardCharsets.UTF_8);
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
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
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

  /** Sprig {@code sha256sum}: the hex SHA-256 of the UTF-8 bytes of {@code s}. */
  public static String sha256sum(String s) {
    return digest("SHA-256", s);
  }

  /** Sprig {@code sha1sum}: the hex SHA-1 of the UTF-8 bytes of {@code s}. */
  public static String sha1sum(String s) {
    return digest("SHA-1", s);
  }

  static String digest(String algorithm, String s) {
    try {
      MessageDigest md = MessageDigest.getInstance(algorithm);
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
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

  private static final java.util.regex.Pattern GO_DECIMAL_FLOAT = java.util.regex.Pattern.compile(
      "[+-]?(?:[0-9_]+\\.?[0-9_]*|\\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?");
  private static final java.util.regex.Pattern GO_HEX_FLOAT = java.util.regex.Pattern.compile(
      "[+-]?0[xX](?:[0-9a-fA-F_]+\\.?[0-9a-fA-F_]*|\\.[0-9a-fA-F_]+)[pP][+-]?[0-9_]+");

  /** Go's {@code strconv.ParseFloat(s, 64)}, or null when Go reports an error. */
  static Double parseGoFloat(String s) {
    String lower = s.toLowerCase(java.util.Locale.ROOT);
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
    Collections.sort(out);
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
}
