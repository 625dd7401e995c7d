package dev.capstan.internal.json;

import dev.capstan.CapstanException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text and number formatting exactly as Go's {@code encoding/json} and {@code strconv} produce
 * them, for output that must match Helm byte for byte (values, release records).
 *
 * <p>Internal: not part of Capstan's API. It offers:
 * <ul>
 *   <li>{@link #formatFloat(double, char, int)}: Go's {@code strconv.FormatFloat(f, fmt, -1, bits)}
 *       (shortest representation that reads back to the same value);
 *   <li>{@link #number(double)}: a float64 as {@code encoding/json} writes it ({@code 1}, {@code 1.5},
 *       {@code 1e+21}, {@code 1e-7});
 *   <li>{@link #quote(StringBuilder, String)}: a string as {@code encoding/json} writes it, with
 *       {@code <}, {@code >}, {@code &} escaped as <code>&#92;u003c</code>,
 *       <code>&#92;u003e</code>, <code>&#92;u0026</code>;
 *   <li>{@link #write(Object)}: a tree of maps, lists and scalars as compact JSON with sorted keys,
 *       as {@code json.Marshal} writes a {@code map[string]interface{}};
 *   <li>{@link #decodeValue(String, int)}: one JSON value read from a position, as Go's
 *       {@code json.Decoder} does for Helm's {@code --set-json}.
 * </ul>
 */
public final class GoJson {
  private GoJson() {}

  /** Orders map keys as Go's {@code encoding/json} does: by their UTF-8 bytes (code point order). */
  public static final Comparator<String> KEY_ORDER = GoJson::compareCodePoints;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  // -------------------------------------------------------------------------------------------
  // Numbers

  /**
   * Formats {@code value} as Go's {@code strconv.FormatFloat(value, fmt, -1, bitSize)}: the
   * shortest decimal that reads back to the same float64 (bitSize 64) or float32 (bitSize 32).
   *
   * @param fmt {@code 'e'}, {@code 'f'} or {@code 'g'}
   */
  public static String formatFloat(double value, char fmt, int bitSize) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    boolean neg = (Double.doubleToRawLongBits(value) < 0);
    double abs = Math.abs(value);
    String digits;
    int dp;
    if (abs == 0) {
      digits = "";
      dp = 0;
    } else {
      BigDecimal shortest = shortest(abs, bitSize == 32);
      BigDecimal stripped = shortest.stripTrailingZeros();
      digits = stripped.unscaledValue().toString();
      dp = digits.length() - stripped.scale();
    }
    StringBuilder sb = new StringBuilder(24);
    if (neg) {
      sb.append('-');
    }
    switch (fmt) {
      case 'e':
        fmtE(sb, digits, dp, Math.max(digits.length() - 1, 0));
        break;
      case 'f':
        fmtF(sb, digits, dp, Math.max(digits.length() - dp, 0));
        break;
      case 'g': {
        int exp = dp - 1;
        if (digits.isEmpty()) {
          exp = -1;
        }
        if (!digits.isEmpty() && (exp < -4 || exp >= 6)) {
          fmtE(sb, digits, dp, Math.max(digits.length() - 1, 0));
        } else {
          fmtF(sb, digits, dp, Math.max(digits.length() - dp, 0));
        }
        break;
      }
      default:
        throw new IllegalArgumentException("unsupported format " + fmt);
    }
    return sb.toString();
  }

  private static BigDecimal shortest(double abs, boolean f32) {
    BigDecimal exact = new BigDecimal(abs);
    int max = f32 ? 9 : 17;
    RoundingMode[] modes = {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING};
    for (int p = 1; p <= max; p++) {
      MathContext[] contexts = new MathContext[modes.length];
      for (int m = 0; m < modes.length; m++) {
        contexts[m] = new MathContext(p, modes[m]);
        BigDecimal r = exact.round(contexts[m]);
        boolean same = f32 ? r.floatValue() == (float) abs : r.doubleValue() == abs;
        if (same) {
          return r;
        }
      }
    }
    return exact.round(new MathContext(max, RoundingMode.HALF_EVEN));
  }

  /**
   * Appends decimal {@code digits} (no trailing zeros, {@code ""} for zero) with the decimal point
   * at {@code dp} in strconv's {@code %e} layout with {@code prec} digits after the point.
   */
  public static void fmtE(StringBuilder sb, String digits, int dp, int prec) {
    sb.append(digits.isEmpty() ? '0' : digits.charAt(0));
    if (prec > 0) {
      sb.append('.');
      for (int i = 1; i <= prec; i++) {
        sb.append(i < digits.length() ? digits.charAt(i) : '0');
      }
    }
    int exp = digits.isEmpty() ? 0 : dp - 1;
    sb.append('e').append(exp < 0 ? '-' : '+');
    int a = Math.abs(exp);
    if (a < 10) {
      sb.append('0');
    }
    sb.append(a);
  }

  /**
   * Appends decimal {@code digits} with the decimal point at {@code dp} in strconv's {@code %f}
   * layout with {@code decimals} digits after the point.
   */
  public static void fmtF(StringBuilder sb, String digits, int dp, int decimals) {
    if (dp > 0) {
      for (int i = 0; i < dp; i++) {
        sb.append(i < digits.length() ? digits.charAt(i) : '0');
      }
    } else {
      sb.append('0');
    }
    if (decimals > 0) {
      sb.append('.');
      for (int i = 0; i < decimals; i++) {
        int j = dp + i;
        sb.append(j >= 0 && j < digits.length() ? digits.charAt(j) : '0');
      }
    }
  }

  /**
   * Formats a float64 as Go's {@code encoding/json} does: plain decimal notation, except exponent
   * notation below 1e-6 and from 1e21 on ({@code 1e+21}, {@code 1e-7}).
   *
   * @throws IllegalArgumentException for NaN and infinities, with Go's text
   *     {@code json: unsupported value: NaN}
   */
  public static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "json: unsupported value: " + formatFloat(value, 'g', 64));
    }
    double abs = Math.abs(value);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      String s = formatFloat(value, 'e', 64);
      int n = s.length();
      if (n >= 4 && s.charAt(n - 4) == 'e' && s.charAt(n - 3) == '-' && s.charAt(n - 2) == '0') {
        s = s.substring(0, n - 2) + s.charAt(n - 1);
      }
      return s;
    }
    return formatFloat(value, 'f', 64);
  }

  // -------------------------------------------------------------------------------------------
  // Strings and trees

  /** Appends {@code s} as a JSON string literal, escaped as Go's {@code encoding/json} does. */
  public static void quote(StringBuilder sb, String s) {
    sb.append('"');
    int n = s.length();
    int run = 0; // start of the pending run of characters that need no escaping
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') {
          continue;
        }
      } else if (c < 0xD800 ? c != '\u2028' && c != '\u2029' : c >= 0xE000) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
        continue;
      }
      sb.append(s, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (Character.isSurrogate(c)) {
            sb.append("\\ufffd"); // a lone surrogate: Go writes the replacement character
          } else {
            appendUnicodeEscape(sb, c); // other controls, <, >, &, U+2028, U+2029
          }
        }
      }
    }
    sb.append(s, run, n);
    sb.append('"');
  }

  private static void appendUnicodeEscape(StringBuilder sb, char c) {
    sb.append("\\u")
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }

  /**
   * Writes a tree of {@link Map}s with string keys, {@link List}s, strings, booleans,
   * {@link Long}s (and other integral numbers), {@link Double}s and {@code null} as compact JSON,
   * keys sorted, as Go's {@code json.Marshal} writes a {@code map[string]interface{}}.
   *
   * @throws IllegalArgumentException for NaN or infinite numbers, or an unsupported type
   */
  public static String write(Object tree) {
    StringBuilder sb = new StringBuilder(256);
    write(sb, tree);
    return sb.toString();
  }

  /** Appends {@code tree} as compact JSON to {@code sb}; see {@link #write(Object)}. */
  public static void write(StringBuilder sb, Object tree) {
    if (tree == null) {
      sb.append("null");
    } else if (tree instanceof String s) {
      quote(sb, s);
    } else if (tree instanceof Boolean b) {
      sb.append(b.booleanValue());
    } else if (tree instanceof Double || tree instanceof Float) {
      sb.append(number(((Number) tree).doubleValue()));
    } else if (tree instanceof Long || tree instanceof Integer || tree instanceof Short
        || tree instanceof Byte || tree instanceof java.math.BigInteger) {
      sb.append(tree);
    } else if (tree instanceof Map<?, ?> m) {
      List<String> keys = new ArrayList<>(m.size());
      for (Object k : m.keySet()) {
        keys.add((String) k);
      }
      keys.sort(KEY_ORDER);
      sb.append('{');
      boolean first = true;
      for (String k : keys) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        quote(sb, k);
        sb.append(':');
        write(sb, m.get(k));
      }
      sb.append('}');
    } else if (tree instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        write(sb, l.get(i));
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("json: unsupported type: " + tree.getClass().getName());
    }
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  // -------------------------------------------------------------------------------------------
  // Go's strconv.Quote / QuoteRune, for error texts that Go formats with %q

  /** Returns {@code s} as Go's {@code strconv.Quote} writes it (what {@code %q} prints). */
  public static String goQuote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(c -> appendGoEscaped(sb, c, '"'));
    return sb.append('"').toString();
  }

  /** Returns {@code c} as Go's {@code strconv.QuoteRune} writes it, such as {@code 'x'}. */
  public static String goQuoteRune(int c) {
    StringBuilder sb = new StringBuilder(8).append('\'');
    appendGoEscaped(sb, c, '\'');
    return sb.append('\'').toString();
  }

  private static void appendGoEscaped(StringBuilder sb, int c, char quote) {
    if (c == quote || c == '\\') {
      sb.append('\\').appendCodePoint(c);
      return;
    }
    switch (c) {
      case 7: sb.append("\\a"); return;
      case '\b': sb.append("\\b"); return;
      case '\f': sb.append("\\f"); return;
      case '\n': sb.append("\\n"); return;
      case '\r': sb.append("\\r"); return;
      case '\t': sb.append("\\t"); return;
      case 11: sb.append("\\v"); return;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7F) {
      sb.append(String.format("\\x%02x", c));
    } else if (c >= 0xDC80 && c <= 0xDCFF) {
      // a byte that is not UTF-8, kept by GoStrings: Go quotes it as \xNN
      sb.append(String.format("\\x%02x", c - 0xDC00));
    } else if (c < 0x80 || isGoPrint(c)) {
      sb.appendCodePoint(c);
    } else if (c <= 0xFFFF) {
      sb.append(String.format("\\u%04x", c));
    } else {
      sb.append(String.format("\\U%08x", c));
    }
  }

  private static boolean isGoPrint(int c) {
    switch (Character.getType(c)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Decoding one value (Go's json.Decoder, as used by Helm's --set-json)

  /** One JSON value read from text, and the offset just after it. */
  public record Decoded(Object value, int end) {}

  /** A JSON syntax or range error, with Go's wording where it has one. */
  public static final class DecodeException extends CapstanException {
    private static final long serialVersionUID = 1L;

    DecodeException(String message) {
      super(message);
    }
  }

  /**
   * Reads one JSON value from {@code text} starting at {@code from} (leading whitespace skipped),
   * as Go's {@code json.Decoder.Decode} into an {@code interface{}} does: objects become
   * {@link LinkedHashMap}s (a repeated key keeps the later value), arrays {@link ArrayList}s, numbers
   * {@link Double}s. Reading stops right after the value; what follows is not looked at.
   *
   * @throws DecodeException when the text is not valid JSON there
   */
  public static Decoded decodeValue(String text, int from) {
    Decoder d = new Decoder(text, from);
    d.skipSpace();
    if (d.pos >= text.length()) {
      throw new DecodeException("EOF");
    }
    Object v = d.value(0);
    return new Decoded(v, d.pos);
  }

  /**
   * Reads {@code text} as exactly one JSON value, as Go's {@code json.Unmarshal} does: only
   * whitespace may follow the value.
   *
   * @throws DecodeException when the text is not one valid JSON value
   */
  public static Object decodeWhole(String text) {
    Decoder d = new Decoder(text, 0);
    d.skipSpace();
    if (d.pos >= text.length()) {
      throw new DecodeException("unexpected end of JSON input");
    }
    Object v = d.value(0);
    d.skipSpace();
    if (d.pos < text.length()) {
      throw d.invalid(text.charAt(d.pos), "after top-level value");
    }
    return v;
  }

  private static final class Decoder {
    private static final int MAX_DEPTH = 10000;
    private final String s;
    private int pos;

    Decoder(String s, int pos) {
      this.s = s;
      this.pos = pos;
    }

    void skipSpace() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else {
          break;
        }
      }
    }

    private DecodeException eof() {
      return new DecodeException("unexpected EOF");
    }

    private DecodeException invalid(char c, String context) {
      return new DecodeException("invalid character " + describe(c) + " " + context);
    }

    private static String describe(char c) {
      return goQuoteRune(c);
    }

    Object value(int depth) {
      if (depth > MAX_DEPTH) {
        throw new DecodeException("exceeded max depth");
      }
      skipSpace();
      if (pos >= s.length()) {
        throw eof();
      }
      char c = s.charAt(pos);
      switch (c) {
        case '{':
          return object(depth);
        case '[':
          return array(depth);
        case '"':
          return string();
        case 't':
          literal("true");
          return Boolean.TRUE;
        case 'f':
          literal("false");
          return Boolean.FALSE;
        case 'n':
          literal("null");
          return null;
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw invalid(c, "looking for beginning of value");
      }
    }

    private void literal(String word) {
      for (int i = 0; i < word.length(); i++) {
        if (pos >= s.length()) {
          throw eof();
        }
        char c = s.charAt(pos);
        if (c != word.charAt(i)) {
          throw invalid(c, "in literal " + word + " (expecting '" + word.charAt(i) + "')");
        }
        pos++;
      }
    }

    private Object number() {
      int start = pos;
      if (s.charAt(pos) == '-') {
        pos++;
        if (pos >= s.length()) {
          throw eof();
        }
        if (!isDigit(s.charAt(pos))) {
          throw invalid(s.charAt(pos), "in numeric literal");
        }
      }
      if (s.charAt(pos) == '0') {
        pos++;
      } else {
        while (pos < s.length() && isDigit(s.charAt(pos))) {
          pos++;
        }
      }
      if (pos < s.length() && s.charAt(pos) == '.') {
        pos++;
        if (pos >= s.length()) {
          throw eof();
        }
        if (!isDigit(s.charAt(pos))) {
          throw invalid(s.charAt(pos), "after decimal point in numeric literal");
        }
        while (pos < s.length() && isDigit(s.charAt(pos))) {
          pos++;
        }
      }
      if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        pos++;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
          pos++;
        }
        if (pos >= s.length()) {
          throw eof();
        }
        if (!isDigit(s.charAt(pos))) {
          throw invalid(s.charAt(pos), "in exponent of numeric literal");
        }
        while (pos < s.length() && isDigit(s.charAt(pos))) {
          pos++;
        }
      }
      String lit = s.substring(start, pos);
      double d = Double.parseDouble(lit);
      if (Double.isInfinite(d)) {
        throw new DecodeException(
            "json: cannot unmarshal number " + lit + " into Go value of type float64");
      }
      return d;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private String string() {
      pos++; // opening quote
      int n = s.length();
      int run = pos; // start of the pending run of characters copied as they are
      while (pos < n) {
        char c = s.charAt(pos);
        if (c == '"') {
          pos++;
          return s.substring(run, pos - 1); // no escapes: one copy
        }
        if (c == '\\' || c < 0x20) {
          break;
        }
        pos++;
      }
      // Escapes only shrink the text, so the distance to the closing quote bounds the length.
      int end = pos;
      while (end < n && s.charAt(end) != '"') {
        end += s.charAt(end) == '\\' ? 2 : 1;
      }
      StringBuilder sb = new StringBuilder(Math.min(end, n) - run);
      sb.append(s, run, pos);
      run = pos;
      while (true) {
        if (pos >= n) {
          throw eof();
        }
        char c = s.charAt(pos++);
        if (c == '"') {
          return sb.append(s, run, pos - 1).toString();
        }
        if (c < 0x20) {
          throw invalid(c, "in string literal");
        }
        if (c != '\\') {
          continue;
        }
        sb.append(s, run, pos - 1);
        if (pos >= s.length()) {
          throw eof();
        }
        char e = s.charAt(pos++);
        switch (e) {
          case '"':
          case '\\':
          case '/':
            sb.append(e);
            break;
          case 'b':
            sb.append('\b');
            break;
          case 'f':
            sb.append('\f');
            break;
          case 'n':
            sb.append('\n');
            break;
          case 'r':
            sb.append('\r');
            break;
          case 't':
            sb.append('\t');
            break;
          case 'u': {
            char u = hex4();
            if (Character.isHighSurrogate(u)) {
              if (pos + 1 < s.length() && s.charAt(pos) == '\\' && s.charAt(pos + 1) == 'u') {
                int save = pos;
                pos += 2;
                char lo = hex4();
                if (Character.isLowSurrogate(lo)) {
                  sb.append(u).append(lo);
                } else {
                  sb.append('\uFFFD');
                  pos = save;
                }
              } else {
                sb.append('\uFFFD');
              }
            } else if (Character.isLowSurrogate(u)) {
              sb.append('\uFFFD');
            } else {
              sb.append(u);
            }
            break;
          }
          default:
            throw invalid(e, "in string escape code");
        }
        run = pos;
      }
    }

    private char hex4() {
      int v = 0;
      for (int i = 0; i < 4; i++) {
        if (pos >= s.length()) {
          throw eof();
        }
        char c = s.charAt(pos++);
        int d = Character.digit(c, 16);
        if (d < 0 || c > 'f') {
          throw invalid(c, "in \\u hexadecimal character escape");
        }
        v = v * 16 + d;
      }
      return (char) v;
    }

    private Map<String, Object> object(int depth) {
      pos++; // {
      Map<String, Object> out = new LinkedHashMap<>();
      skipSpace();
      if (pos >= s.length()) {
        throw eof();
      }
      if (s.charAt(pos) == '}') {
        pos++;
        return out;
      }
      while (true) {
        skipSpace();
        if (pos >= s.length()) {
          throw eof();
        }
        if (s.charAt(pos) != '"') {
          throw invalid(s.charAt(pos), "looking for beginning of object key string");
        }
        String key = string();
        skipSpace();
        if (pos >= s.length()) {
          throw eof();
        }
        if (s.charAt(pos) != ':') {
          throw invalid(s.charAt(pos), "after object key");
        }
        pos++;
        Object v = value(depth + 1);
        out.remove(key);
        out.put(key, v);
        skipSpace();
        if (pos >= s.length()) {
          throw eof();
        }
        char c = s.charAt(pos++);
        if (c == '}') {
          return out;
        }
        if (c != ',') {
          throw invalid(c, "after object key:value pair");
        }
      }
    }

    private List<Object> array(int depth) {
      pos++; // [
      List<Object> out = new ArrayList<>();
      skipSpace();
      if (pos >= s.length()) {
        throw eof();
      }
      if (s.charAt(pos) == ']') {
        pos++;
        return out;
      }
      while (true) {
        out.add(value(depth + 1));
        skipSpace();
        if (pos >= s.length()) {
          throw eof();
        }
        char c = s.charAt(pos++);
        if (c == ']') {
          return out;
        }
        if (c != ',') {
          throw invalid(c, "after array element");
        }
      }
    }
  }
}
