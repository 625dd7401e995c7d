package dev.capstan.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link GoJson}'s writing and reading done on UTF-8 bytes instead of Java strings, for large
 * documents (release records) that are stored as bytes: no UTF-16 copy of the whole document is
 * made on either side. Output and trees are the same as {@link GoJson#quote}, {@link GoJson#write}
 * and {@link GoJson#decodeWhole} give.
 *
 * <p>Internal: not part of Capstan's API.
 */
public final class GoJsonUtf8 {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** ASCII characters that Go writes inside a string literal as they are. */
  private static final boolean[] PLAIN = new boolean[128];

  static {
    for (int c = 0x20; c < 0x80; c++) {
      PLAIN[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&';
    }
  }

  /** Bytes of a string literal the reader copies as they are: ASCII but quote, backslash, controls. */
  private static final boolean[] LITERAL = new boolean[256];

  static {
    for (int c = 0x20; c < 0x80; c++) {
      LITERAL[c] = c != '"' && c != '\\';
    }
  }

  private GoJsonUtf8() {}

  /** A growing buffer of UTF-8 JSON text. Not thread-safe. */
  public static final class Writer {
    private byte[] buf;
    private int len;

    /** Creates a writer with room for {@code capacity} bytes before it grows. */
    public Writer(int capacity) {
      buf = new byte[Math.max(16, capacity)];
    }

    /** Returns the buffer; its first {@link #length()} bytes are the text. */
    public byte[] buffer() {
      return buf;
    }

    /** Returns the number of bytes written. */
    public int length() {
      return len;
    }

    /** Returns the text written so far. */
    @Override
    public String toString() {
      return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    private void ensure(int more) {
      if (len + more > buf.length) {
        long want = Math.max((long) buf.length * 2, (long) len + more);
        buf = Arrays.copyOf(buf, (int) Math.min(want, Integer.MAX_VALUE - 16));
      }
    }

    /** Appends one ASCII character. */
    public Writer ascii(char c) {
      ensure(1);
      buf[len++] = (byte) c;
      return this;
    }

    /** Appends ASCII text as is (syntax, numbers, keys known to need no escaping). */
    public Writer ascii(String s) {
      int n = s.length();
      ensure(n);
      for (int i = 0; i < n; i++) {
        buf[len + i] = (byte) s.charAt(i);
      }
      len += n;
      return this;
    }

    /** Appends bytes that are ASCII text as they are (e.g. base64). */
    public Writer ascii(byte[] ascii) {
      ensure(ascii.length);
      System.arraycopy(ascii, 0, buf, len, ascii.length);
      len += ascii.length;
      return this;
    }

    /** Appends {@code s} as a JSON string literal, escaped exactly as {@link GoJson#quote}. */
    public Writer quote(String s) {
      int n = s.length();
      ensure(n + 2);
      byte[] b = buf;
      int p = len;
      b[p++] = '"';
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (p + 12 > b.length) {
          len = p;
          ensure(Math.max(12, n - i + 12));
          b = buf;
        }
        if (c < 0x80) {
          if (PLAIN[c]) {
            b[p++] = (byte) c;
            continue;
          }
          switch (c) {
            case '"', '\\' -> {
              b[p++] = '\\';
              b[p++] = (byte) c;
            }
            case '\n' -> p = esc(b, p, 'n');
            case '\r' -> p = esc(b, p, 'r');
            case '\t' -> p = esc(b, p, 't');
            case '\b' -> p = esc(b, p, 'b');
            case '\f' -> p = esc(b, p, 'f');
            default -> p = unicodeEscape(b, p, c);
          }
        } else if (c < 0x800) {
          b[p++] = (byte) (0xC0 | (c >> 6));
          b[p++] = (byte) (0x80 | (c & 0x3F));
        } else if (c == '\u2028' || c == '\u2029') {
          p = unicodeEscape(b, p, c);
        } else if (Character.isHighSurrogate(c) && i + 1 < n
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          b[p++] = (byte) (0xF0 | (cp >> 18));
          b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          b[p++] = (byte) (0x80 | (cp & 0x3F));
        } else if (Character.isSurrogate(c)) {
          p = unicodeEscape(b, p, '\uFFFD'); // a lone surrogate, as Go writes invalid UTF-8
        } else {
          b[p++] = (byte) (0xE0 | (c >> 12));
          b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          b[p++] = (byte) (0x80 | (c & 0x3F));
        }
      }
      len = p;
      ensure(1);
      buf[len++] = '"';
      return this;
    }

    private static int esc(byte[] b, int p, char c) {
      b[p] = '\\';
      b[p + 1] = (byte) c;
      return p + 2;
    }

    private static int unicodeEscape(byte[] b, int p, char c) {
      b[p] = '\\';
      b[p + 1] = 'u';
      b[p + 2] = HEX[(c >> 12) & 0xF];
      b[p + 3] = HEX[(c >> 8) & 0xF];
      b[p + 4] = HEX[(c >> 4) & 0xF];
      b[p + 5] = HEX[c & 0xF];
      return p + 6;
    }

    /** Appends a tree as {@link GoJson#write} does: maps with keys in byte order. */
    public Writer tree(Object tree) {
      if (tree instanceof String s) {
        return quote(s);
      }
      if (tree instanceof Map<?, ?> m) {
        List<String> keys = new ArrayList<>(m.size());
        for (Object k : m.keySet()) {
          keys.add((String) k);
        }
        keys.sort(GoJson.KEY_ORDER);
        ascii('{');
        boolean first = true;
        for (String k : keys) {
          if (!first) {
            ascii(',');
          }
          first = false;
          quote(k).ascii(':').tree(m.get(k));
        }
        return ascii('}');
      }
      if (tree instanceof List<?> l) {
        ascii('[');
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            ascii(',');
          }
          tree(l.get(i));
        }
        return ascii(']');
      }
      return ascii(GoJson.write(tree)); // scalars: null, booleans, numbers (ASCII)
    }

    /** Appends a tree keeping the order of map keys as they are (Go struct order as read). */
    public Writer ordered(Object tree) {
      if (tree instanceof Map<?, ?> m) {
        ascii('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (!first) {
            ascii(',');
          }
          first = false;
          quote((String) e.getKey()).ascii(':').ordered(e.getValue());
        }
        return ascii('}');
      }
      if (tree instanceof List<?> l) {
        ascii('[');
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            ascii(',');
          }
          ordered(l.get(i));
        }
        return ascii(']');
      }
      return tree(tree);
    }
  }

  /**
   * Reads UTF-8 bytes as exactly one JSON value, giving the same tree as {@link GoJson#decodeWhole}
   * gives for the decoded text. Unlike Go, malformed UTF-8 inside a string is an error rather than
   * U+FFFD, so that a corrupt record is reported instead of silently changed.
   *
   * @throws GoJson.DecodeException when the bytes are not one valid JSON value
   */
  public static Object decodeWhole(byte[] bytes, int length) {
    Decoder d = new Decoder(bytes, length);
    d.skipSpace();
    if (d.pos >= length) {
      throw new GoJson.DecodeException("unexpected end of JSON input");
    }
    Object v = d.value(0);
    d.skipSpace();
    if (d.pos < length) {
      throw d.invalid("after top-level value");
    }
    return v;
  }

  private static final class Decoder {
    private static final int MAX_DEPTH = 10000;
    private final byte[] b;
    private final int n;
    private int pos;
    private byte[] scratch = new byte[0];

    Decoder(byte[] b, int n) {
      this.b = b;
      this.n = n;
    }

    void skipSpace() {
      while (pos < n) {
        byte c = b[pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else {
          break;
        }
      }
    }

    private GoJson.DecodeException eof() {
      return new GoJson.DecodeException("unexpected EOF");
    }

    /** The character at {@code pos} (a whole UTF-8 sequence when it starts one) in Go's quoting. */
    private GoJson.DecodeException invalid(String context) {
      int c = b[pos] & 0xFF;
      if (c >= 0x80) {
        int end = Math.min(n, pos + 4);
        String s = new String(b, pos, end - pos, StandardCharsets.UTF_8);
        c = s.codePointAt(0);
      }
      return new GoJson.DecodeException(
          "invalid character " + GoJson.goQuoteRune(c) + " " + context);
    }

    Object value(int depth) {
      if (depth > MAX_DEPTH) {
        throw new GoJson.DecodeException("exceeded max depth");
      }
      skipSpace();
      if (pos >= n) {
        throw eof();
      }
      switch (b[pos]) {
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
          byte c = b[pos];
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw invalid("looking for beginning of value");
      }
    }

    private void literal(String word) {
      for (int i = 0; i < word.length(); i++) {
        if (pos >= n) {
          throw eof();
        }
        if (b[pos] != word.charAt(i)) {
          throw invalid("in literal " + word + " (expecting '" + word.charAt(i) + "')");
        }
        pos++;
      }
    }

    private boolean digitAt(int p) {
      return p < n && b[p] >= '0' && b[p] <= '9';
    }

    private Object number() {
      int start = pos;
      if (b[pos] == '-') {
        pos++;
        if (pos >= n) {
          throw eof();
        }
        if (!digitAt(pos)) {
          throw invalid("in numeric literal");
        }
      }
      if (b[pos] == '0') {
        pos++;
      } else {
        while (digitAt(pos)) {
          pos++;
        }
      }
      if (pos < n && b[pos] == '.') {
        pos++;
        if (pos >= n) {
          throw eof();
        }
        if (!digitAt(pos)) {
          throw invalid("after decimal point in numeric literal");
        }
        while (digitAt(pos)) {
          pos++;
        }
      }
      if (pos < n && (b[pos] == 'e' || b[pos] == 'E')) {
        pos++;
        if (pos < n && (b[pos] == '+' || b[pos] == '-')) {
          pos++;
        }
        if (pos >= n) {
          throw eof();
        }
        if (!digitAt(pos)) {
          throw invalid("in exponent of numeric literal");
        }
        while (digitAt(pos)) {
          pos++;
        }
      }
      String lit = new String(b, start, pos - start, StandardCharsets.ISO_8859_1);
      double d = Double.parseDouble(lit);
      if (Double.isInfinite(d)) {
        throw new GoJson.DecodeException(
            "json: cannot unmarshal number " + lit + " into Go value of type float64");
      }
      return d;
    }

    /** Checks the UTF-8 sequence at {@code p} and returns its length. */
    private int utf8Length(int p) {
      int c = b[p] & 0xFF;
      int more;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        more = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        more = 2;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
      } else if (c >= 0xF0 && c <= 0xF4) {
        more = 3;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
      } else {
        throw badUtf8(p);
      }
      if (p + more >= n) {
        throw badUtf8(p);
      }
      int second = b[p + 1] & 0xFF;
      if (second < lo || second > hi) {
        throw badUtf8(p);
      }
      for (int k = 2; k <= more; k++) {
        if ((b[p + k] & 0xC0) != 0x80) {
          throw badUtf8(p);
        }
      }
      return more + 1;
    }

    private static GoJson.DecodeException badUtf8(int p) {
      return new GoJson.DecodeException("malformed UTF-8 in string literal at byte " + p);
    }

    private String string() {
      pos++; // opening quote
      int start = pos;
      boolean ascii = true;
      while (true) {
        while (pos < n && LITERAL[b[pos] & 0xFF]) {
          pos++;
        }
        if (pos >= n) {
          break;
        }
        byte c = b[pos];
        if (c == '"') {
          pos++;
          return new String(b, start, pos - 1 - start,
              ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
        if (c >= 0) {
          break; // an escape or a control character
        }
        ascii = false;
        pos += utf8Length(pos);
      }
      // Escapes: unescaped UTF-8 is gathered in the scratch buffer, then decoded once. Escapes
      // only shrink the text, so the rest of the input bounds it: sized once, it never grows.
      if (n - start > scratch.length) {
        scratch = new byte[n - start];
      }
      int len = 0;
      int run = start;
      while (true) {
        while (pos < n && LITERAL[b[pos] & 0xFF]) {
          pos++;
        }
        if (pos >= n) {
          throw eof();
        }
        byte c = b[pos];
        if (c == '"') {
          len = put(len, run, pos);
          pos++;
          return new String(scratch, 0, len, StandardCharsets.UTF_8);
        }
        if (c < 0) {
          pos += utf8Length(pos);
          continue;
        }
        if (c != '\\') {
          throw invalid("in string literal");
        }
        len = put(len, run, pos);
        pos++;
        if (pos >= n) {
          throw eof();
        }
        byte e = b[pos++];
        switch (e) {
          case '"', '\\', '/' -> len = putByte(len, e);
          case 'b' -> len = putByte(len, (byte) '\b');
          case 'f' -> len = putByte(len, (byte) '\f');
          case 'n' -> len = putByte(len, (byte) '\n');
          case 'r' -> len = putByte(len, (byte) '\r');
          case 't' -> len = putByte(len, (byte) '\t');
          case 'u' -> {
            char u = hex4();
            int cp = u;
            if (Character.isHighSurrogate(u)) {
              cp = 0xFFFD;
              if (pos + 1 < n && b[pos] == '\\' && b[pos + 1] == 'u') {
                int save = pos;
                pos += 2;
                char lo = hex4();
                if (Character.isLowSurrogate(lo)) {
                  cp = Character.toCodePoint(u, lo);
                } else {
                  pos = save;
                }
              }
            } else if (Character.isLowSurrogate(u)) {
              cp = 0xFFFD;
            }
            len = putCodePoint(len, cp);
          }
          default -> {
            pos--;
            throw invalid("in string escape code");
          }
        }
        run = pos;
      }
    }

    private void room(int len, int more) {
      if (len + more > scratch.length) {
        scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, len + more));
      }
    }

    private int put(int len, int from, int to) {
      int k = to - from;
      room(len, k);
      System.arraycopy(b, from, scratch, len, k);
      return len + k;
    }

    private int putByte(int len, byte c) {
      room(len, 1);
      scratch[len] = c;
      return len + 1;
    }

    private int putCodePoint(int len, int cp) {
      room(len, 4);
      byte[] s = scratch;
      if (cp < 0x80) {
        s[len++] = (byte) cp;
      } else if (cp < 0x800) {
        s[len++] = (byte) (0xC0 | (cp >> 6));
        s[len++] = (byte) (0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        s[len++] = (byte) (0xE0 | (cp >> 12));
        s[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        s[len++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        s[len++] = (byte) (0xF0 | (cp >> 18));
        s[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        s[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        s[len++] = (byte) (0x80 | (cp & 0x3F));
      }
      return len;
    }

    private char hex4() {
      int v = 0;
      for (int i = 0; i < 4; i++) {
        if (pos >= n) {
          throw eof();
        }
        int c = b[pos];
        int d = c >= '0' && c <= '9' ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) {
          throw invalid("in \\u hexadecimal character escape");
        }
        pos++;
        v = v * 16 + d;
      }
      return (char) v;
    }

    private Map<String, Object> object(int depth) {
      pos++; // {
      Map<String, Object> out = new LinkedHashMap<>();
      skipSpace();
      if (pos >= n) {
        throw eof();
      }
      if (b[pos] == '}') {
        pos++;
        return out;
      }
      while (true) {
        skipSpace();
        if (pos >= n) {
          throw eof();
        }
        if (b[pos] != '"') {
          throw invalid("looking for beginning of object key string");
        }
        String key = string();
        skipSpace();
        if (pos >= n) {
          throw eof();
        }
        if (b[pos] != ':') {
          throw invalid("after object key");
        }
        pos++;
        Object v = value(depth + 1);
        out.remove(key);
        out.put(key, v);
        skipSpace();
        if (pos >= n) {
          throw eof();
        }
        byte c = b[pos];
        if (c == '}') {
          pos++;
          return out;
        }
        if (c != ',') {
          throw invalid("after object key:value pair");
        }
        pos++;
      }
    }

    private List<Object> array(int depth) {
      pos++; // [
      List<Object> out = new ArrayList<>();
      skipSpace();
      if (pos >= n) {
        throw eof();
      }
      if (b[pos] == ']') {
        pos++;
        return out;
      }
      while (true) {
        out.add(value(depth + 1));
        skipSpace();
        if (pos >= n) {
          throw eof();
        }
        byte c = b[pos];
        if (c == ']') {
          pos++;
          return out;
        }
        if (c != ',') {
          throw invalid("after array element");
        }
        pos++;
      }
    }
  }
}
