package dev.capstan.values;

import dev.capstan.internal.json.GoJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's {@code strvals} parser (the {@code --set} family, spec §4.3), re-expressed in Java so that
 * every expression parses to the same tree and fails with the same text as in Helm.
 *
 * <p>Grammar: {@code name1=value1,name2=value2}; keys split on {@code .}; {@code name[i]} indexes a
 * list (nested {@code a[0][1]} and mixed {@code a[0].b}); {@code {a,b}} is a list value;
 * {@code \} escapes the next character (not in literal mode). A parser parses <em>into</em> a
 * mutable map that may already hold values.
 */
final class Strvals {
  /** The largest list index accepted ({@code MaxIndex} in Helm). */
  static final int MAX_INDEX = 65536;

  /** The deepest dotted nesting of a name accepted ({@code MaxNestedNameLevel} in Helm). */
  static final int MAX_NESTED_NAME_LEVEL = 30;

  /** How the value text becomes a value. */
  enum Mode {
    /** {@code --set}: {@code true}/{@code false}/{@code null}, integers as Long, else string. */
    TYPED,
    /** {@code --set-string}: always a string. */
    STRING,
    /** {@code --set-file}: the value is a path; the reader supplies the content. */
    FILE,
    /** {@code --set-json}: the value is JSON. */
    JSON,
    /** {@code --set-literal}: the rest of the expression, verbatim. */
    LITERAL
  }

  /** Supplies a {@code --set-file} value for a path. */
  @FunctionalInterface
  interface FileReader {
    /** Returns the content for {@code path}, or throws {@link ParseError} saying why it cannot. */
    Object read(String path);
  }

  /** A parse failure with Helm's text; {@code eof} marks errors that wrap Go's {@code io.EOF}. */
  static final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean eof;

    ParseError(String message, boolean eof) {
      super(message, null, false, false);
      this.eof = eof;
    }

    ParseError(String message) {
      this(message, false);
    }
  }

  /** A Go runtime panic (a failed type assertion), recovered by {@code key()} as in Helm. */
  private static final class Panic extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Panic(String message) {
      super(message, null, false, false);
    }
  }

  private static final ParseError EOF = new ParseError("EOF", true);

  private final String s;
  private int pos;
  private final Mode mode;
  private final FileReader reader;

  private Strvals(String s, Mode mode, FileReader reader) {
    this.s = s;
    this.mode = mode;
    this.reader = reader;
  }

  /**
   * Parses {@code expression} into {@code dest}.
   *
   * @throws ParseError with Helm's error text
   */
  static void parseInto(String expression, Map<String, Object> dest, Mode mode, FileReader reader) {
    Strvals p = new Strvals(expression, mode, reader);
    while (true) {
      try {
        if (mode == Mode.LITERAL) {
          p.literalKey(dest, 0);
        } else {
          p.key(dest, 0);
        }
      } catch (ParseError e) {
        if (e.eof) {
          return;
        }
        throw e;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Rune reading

  private static final int END = -1;

  private int readRune() {
    if (pos >= s.length()) {
      return END;
    }
    int c = s.codePointAt(pos);
    pos += Character.charCount(c);
    return c;
  }

  private void unreadRune() {
    pos = s.offsetByCodePoints(pos, -1);
  }

  /** Runes up to a stop rune; {@code last} is the stop rune, or END at end of input (then EOF). */
  private final class Runes {
    final String text;
    final int last;

    Runes(String text, int last) {
      this.text = text;
      this.last = last;
    }

    boolean eof() {
      return last == END;
    }
  }

  private Runes runesUntil(String stop, boolean escapes) {
    StringBuilder v = new StringBuilder();
    while (true) {
      int r = readRune();
      if (r == END) {
        return new Runes(v.toString(), END);
      }
      if (stop.indexOf(r) >= 0) {
        return new Runes(v.toString(), r);
      }
      if (escapes && r == '\\') {
        int next = readRune();
        if (next == END) {
          return new Runes(v.toString(), END);
        }
        v.appendCodePoint(next);
      } else {
        v.appendCodePoint(r);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The strvals parser (Helm's parser.go)

  private void key(Map<String, Object> data, int nestedNameLevel) {
    try {
      keyBody(data, nestedNameLevel);
    } catch (Panic p) {
      throw new ParseError("unable to parse key: " + p.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private void keyBody(Map<String, Object> data, int nestedNameLevel) {
    Runes k = runesUntil("=[,.", true);
    if (k.eof()) {
      if (k.text.isEmpty()) {
        throw EOF;
      }
      throw new ParseError("key \"" + goQuote(k.text) + "\" has no value");
    }
    switch (k.last) {
      case '[': {
        int i;
        try {
          i = keyIndex();
        } catch (ParseError e) {
          throw new ParseError("error parsing index: " + e.getMessage(), e.eof);
        }
        List<Object> list = new ArrayList<>();
        if (data.containsKey(k.text)) {
          list = asList(data.get(k.text));
        }
        ParseError err = null;
        try {
          list = listItem(list, i, nestedNameLevel);
        } catch (ParseError e) {
          err = e;
        }
        set(data, k.text, list);
        if (err != null) {
          throw err;
        }
        return;
      }
      case '=':
        if (mode == Mode.JSON) {
          if (emptyVal()) {
            set(data, k.text, null);
            return;
          }
          set(data, k.text, jsonValue());
          emptyVal();
          return;
        }
        valueAfterEquals(data, k.text);
        return;
      case ',':
        set(data, k.text, "");
        throw new ParseError("key \"" + goQuote(k.text) + "\" has no value (cannot end with ,)");
      case '.': {
        nestedNameLevel++;
        if (nestedNameLevel > MAX_NESTED_NAME_LEVEL) {
          throw new ParseError("value name nested level is greater than maximum supported nested"
              + " level of " + MAX_NESTED_NAME_LEVEL);
        }
        Map<String, Object> inner = new LinkedHashMap<>();
        if (data.containsKey(k.text)) {
          inner = asMap(data.get(k.text));
        }
        ParseError err = null;
        try {
          key(inner, nestedNameLevel);
        } catch (ParseError e) {
          err = e;
        }
        if (err == null && inner.isEmpty()) {
          throw new ParseError("key map \"" + goQuote(k.text) + "\" has no value");
        }
        if (!inner.isEmpty()) {
          set(data, k.text, inner);
        }
        if (err != null) {
          throw err;
        }
        return;
      }
      default:
        throw new IllegalStateException();
    }
  }

  private void valueAfterEquals(Map<String, Object> data, String key) {
    List<Object> vl;
    try {
      vl = valList();
    } catch (NotList e) {
      String rs = val();
      ParseError err = null;
      Object v = null;
      try {
        v = typed(rs);
      } catch (ParseError pe) {
        err = pe;
      }
      set(data, key, v);
      if (err != null) {
        throw err;
      }
      return;
    } catch (ParseError e) {
      if (e.eof) {
        set(data, key, "");
      }
      throw e;
    }
    set(data, key, vl);
  }

  private static void set(Map<String, Object> data, String key, Object val) {
    if (key.isEmpty()) {
      return;
    }
    data.put(key, val);
  }

  private static List<Object> setIndex(List<Object> list, int index, Object val) {
    if (index < 0) {
      throw new ParseError("negative " + index + " index not allowed");
    }
    if (index > MAX_INDEX) {
      throw new ParseError("index of " + index + " is greater than maximum supported index of "
          + MAX_INDEX);
    }
    while (list.size() <= index) {
      list.add(null);
    }
    list.set(index, val);
    return list;
  }

  private int keyIndex() {
    Runes v = runesUntil("]", mode != Mode.LITERAL);
    if (v.eof()) {
      throw EOF;
    }
    return atoi(v.text);
  }

  /** Go's {@code strconv.Atoi}, with its error text. */
  private static int atoi(String text) {
    String quoted = "\"" + goQuote(text) + "\"";
    if (!text.matches("[+-]?[0-9]+")) {
      throw new ParseError("strconv.Atoi: parsing " + quoted + ": invalid syntax");
    }
    try {
      return Math.toIntExact(Long.parseLong(text));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new ParseError("strconv.Atoi: parsing " + quoted + ": value out of range");
    }
  }

  @SuppressWarnings("unchecked")
  private List<Object> listItem(List<Object> list, int i, int nestedNameLevel) {
    if (i < 0) {
      throw new ParseError("negative " + i + " index not allowed");
    }
    boolean literal = mode == Mode.LITERAL;
    Runes k = runesUntil("[.=", !literal);
    if (!k.text.isEmpty()) {
      throw new ParseError("unexpected data at end of array index: \"" + goQuote(k.text) + "\"");
    }
    if (k.eof()) {
      throw EOF;
    }
    switch (k.last) {
      case '=':
        if (literal) {
          return setIndex(list, i, restOfInput());
        }
        if (mode == Mode.JSON) {
          if (emptyVal()) {
            return setIndex(list, i, null);
          }
          list = setIndex(list, i, jsonValue());
          emptyVal();
          return list;
        }
        try {
          List<Object> vl = valList();
          return setIndex(list, i, vl);
        } catch (NotList e) {
          String rs = val();
          return setIndex(list, i, typed(rs));
        } catch (ParseError e) {
          if (e.eof) {
            return setIndex(list, i, "");
          }
          throw e;
        }
      case '[': {
        int nextI;
        try {
          nextI = keyIndex();
        } catch (ParseError e) {
          throw new ParseError("error parsing index: " + e.getMessage(), e.eof);
        }
        List<Object> crt = new ArrayList<>();
        if (list.size() > i && list.get(i) != null) {
          crt = asList(list.get(i));
        }
        List<Object> list2 = listItem(crt, nextI, nestedNameLevel);
        return setIndex(list, i, list2);
      }
      case '.': {
        Map<String, Object> inner = new LinkedHashMap<>();
        if (list.size() > i) {
          if (list.get(i) instanceof Map<?, ?> m) {
            inner = (Map<String, Object>) m;
          } else {
            list.set(i, inner);
          }
        }
        if (literal) {
          literalKey(inner, nestedNameLevel);
        } else {
          key(inner, nestedNameLevel);
        }
        return setIndex(list, i, inner);
      }
      default:
        throw new ParseError("parse error: unexpected token " + k.last);
    }
  }

  /** Skips spaces; true at end of input or after a comma (consumed); false before anything else. */
  private boolean emptyVal() {
    while (true) {
      int r = readRune();
      if (r == END) {
        return true;
      }
      if (r == ',') {
        return true;
      }
      if (!goIsSpace(r)) {
        unreadRune();
        return false;
      }
    }
  }

  private Object jsonValue() {
    try {
      GoJson.Decoded d = GoJson.decodeValue(s, pos);
      pos = d.end();
      return d.value();
    } catch (GoJson.DecodeException e) {
      throw new ParseError(e.getMessage());
    }
  }

  private String val() {
    return runesUntil(",", true).text;
  }

  private static final class NotList extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotList() {
      super("not a list", null, false, false);
    }
  }

  private List<Object> valList() {
    int r = readRune();
    if (r == END) {
      throw EOF;
    }
    if (r != '{') {
      unreadRune();
      throw new NotList();
    }
    List<Object> list = new ArrayList<>();
    while (true) {
      Runes rs = runesUntil(",}", true);
      if (rs.eof()) {
        throw new ParseError("list must terminate with '}'");
      }
      if (rs.last == '}') {
        int next = readRune();
        if (next != END && next != ',') {
          unreadRune();
        }
        list.add(typed(rs.text));
        return list;
      }
      list.add(typed(rs.text));
    }
  }

  private Object typed(String text) {
    switch (mode) {
      case STRING:
        return text;
      case FILE:
        return reader.read(text);
      default:
        return typedVal(text);
    }
  }

  /** Helm's {@code typedVal}: the {@code --set} typing of a value. */
  static Object typedVal(String val) {
    if (val.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (val.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    if (val.equalsIgnoreCase("null")) {
      return null;
    }
    if (val.equals("0")) {
      return 0L;
    }
    if (!val.isEmpty() && val.charAt(0) != '0' && val.matches("[+-]?[0-9]+")) {
      try {
        return Long.parseLong(val);
      } catch (NumberFormatException e) {
        return val;
      }
    }
    return val;
  }

  // ---------------------------------------------------------------------------------------------
  // The --set-literal parser (Helm's literal_parser.go): no escapes, commas belong to the value.

  private String restOfInput() {
    String rest = s.substring(pos);
    pos = s.length();
    return rest;
  }

  private void literalKey(Map<String, Object> data, int nestedNameLevel) {
    try {
      literalKeyBody(data, nestedNameLevel);
    } catch (Panic p) {
      throw new ParseError("unable to parse key: " + p.getMessage());
    }
  }

  private void literalKeyBody(Map<String, Object> data, int nestedNameLevel) {
    Runes k = runesUntil("=[.", false);
    if (k.eof()) {
      if (k.text.isEmpty()) {
        throw EOF;
      }
      throw new ParseError("key \"" + goQuote(k.text) + "\" has no value");
    }
    switch (k.last) {
      case '=':
        set(data, k.text, restOfInput());
        return;
      case '.': {
        nestedNameLevel++;
        if (nestedNameLevel > MAX_NESTED_NAME_LEVEL) {
          throw new ParseError("value name nested level is greater than maximum supported nested"
              + " level of " + MAX_NESTED_NAME_LEVEL);
        }
        Map<String, Object> inner = new LinkedHashMap<>();
        if (data.containsKey(k.text)) {
          inner = asMap(data.get(k.text));
        }
        ParseError err = null;
        try {
          literalKey(inner, nestedNameLevel);
        } catch (ParseError e) {
          err = e;
        }
        if (err == null && inner.isEmpty()) {
          throw new ParseError("key map \"" + goQuote(k.text) + "\" has no value");
        }
        if (!inner.isEmpty()) {
          set(data, k.text, inner);
        }
        if (err != null) {
          throw err;
        }
        return;
      }
      case '[': {
        int i;
        try {
          i = keyIndex();
        } catch (ParseError e) {
          throw new ParseError("error parsing index: " + e.getMessage(), e.eof);
        }
        List<Object> list = new ArrayList<>();
        if (data.containsKey(k.text)) {
          list = asList(data.get(k.text));
        }
        ParseError err = null;
        try {
          list = listItem(list, i, nestedNameLevel);
        } catch (ParseError e) {
          err = e;
        }
        set(data, k.text, list);
        if (err != null) {
          throw err;
        }
        return;
      }
      default:
        throw new IllegalStateException();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Go type assertions and formatting

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object v) {
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new Panic("interface conversion: interface {} is " + goType(v)
        + ", not map[string]interface {}");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object v) {
    if (v instanceof List<?> l) {
      return (List<Object>) l;
    }
    throw new Panic("interface conversion: interface {} is " + goType(v)
        + ", not []interface {}");
  }

  private static String goType(Object v) {
    if (v == null) {
      return "nil";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Long) {
      return "int64";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof Map) {
      return "map[string]interface {}";
    }
    if (v instanceof List) {
      return "[]interface {}";
    }
    return v.getClass().getSimpleName();
  }

  /** Go's unicode.IsSpace. */
  private static boolean goIsSpace(int c) {
    switch (c) {
      case '\t': case '\n': case 0x0B: case '\f': case '\r': case ' ': case 0x85: case 0xA0:
        return true;
      default:
        if (c < 0x100) {
          return false;
        }
        int t = Character.getType(c);
        return t == Character.SPACE_SEPARATOR || t == Character.LINE_SEPARATOR
            || t == Character.PARAGRAPH_SEPARATOR;
    }
  }

  /** The inside of Go's {@code %q} for ordinary text: quotes and backslashes escaped. */
  static String goQuote(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\t': sb.append("\\t"); break;
        case '\r': sb.append("\\r"); break;
        default:
          if (c < 0x20 || c == 0x7F) {
            sb.append(String.format("\\x%02x", c));
          } else {
            sb.appendCodePoint(c);
          }
      }
    });
    return sb.toString();
  }
}
