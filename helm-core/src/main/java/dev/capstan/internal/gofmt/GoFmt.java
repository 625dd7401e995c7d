package dev.capstan.internal.gofmt;

import dev.capstan.internal.json.GoJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt} package as Helm templates see values: {@code %v}, {@code %T} and
 * {@code fmt.Sprintf} over Capstan's value model.
 *
 * <p>Values map to Go types as Helm produces them: {@code null} is an untyped nil, {@link Boolean}
 * {@code bool}, {@link Long} {@code int64} (from {@code --set}), {@link Integer} {@code int} (a
 * template literal), {@link Double} {@code float64} (every YAML/JSON number), {@link String}
 * {@code string}, {@link Map} {@code map[string]interface {}}, {@link List}
 * {@code []interface {}} and {@code byte[]} {@code []uint8}.
 *
 * <p>Internal: not part of Capstan's API. Engine-neutral, so that any template engine can call it.
 */
public final class GoFmt {
  private GoFmt() {}

  /**
   * A value with Go's {@code String()} method (a {@code fmt.Stringer}): {@code %v}, {@code %s},
   * {@code %q}, {@code %x} and {@code %X} print what it returns.
   */
  public interface Stringer {
    /** Go's {@code String()}. */
    String goString();
  }

  private static final String LDIGITS = "0123456789abcdefx";
  private static final String UDIGITS = "0123456789ABCDEFX";
  private static final int MAX_RUNE = 0x10FFFF;
  private static final int RUNE_ERROR = 0xFFFD;

  /** Go's {@code %v} of a value: {@code <nil>}, {@code 1e+06}, {@code [a b]}, {@code map[a:1]}. */
  public static String value(Object v) {
    Printer p = new Printer();
    p.printArg(v, 'v');
    return p.buf.toString();
  }

  /**
   * Go's {@code %T} of a value: {@code string}, {@code bool}, {@code int64}, {@code int},
   * {@code float64}, {@code map[string]interface {}}, {@code []interface {}}, {@code []uint8},
   * {@code <nil>}; other Java types are named by their simple class name.
   */
  public static String typeName(Object v) {
    if (v == null) {
      return "<nil>";
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
    if (v instanceof Integer) {
      return "int";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof Float) {
      return "float32";
    }
    if (v instanceof Map<?, ?>) {
      return "map[string]interface {}";
    }
    if (v instanceof List<?>) {
      return "[]interface {}";
    }
    if (v instanceof byte[]) {
      return "[]uint8";
    }
    return v.getClass().getSimpleName();
  }

  /**
   * Go's {@code fmt.Sprintf(format, args...)}, including its in-band error forms such as
   * {@code %!d(string=abc)}, {@code %!s(MISSING)}, {@code %!(EXTRA int=2)} and
   * {@code %!(NOVERB)}.
   */
  public static String sprintf(String format, Object... args) {
    Object[] a = args == null ? new Object[] {null} : args;
    Printer p = new Printer();
    p.doPrintf(format, a);
    return p.buf.toString();
  }

  /**
   * Go's {@code fmt.Sprint(args...)} (the template function {@code print}): each argument as
   * {@code %v}, with a space between two operands when neither is a string.
   */
  public static String sprint(Object... args) {
    Object[] a = args == null ? new Object[] {null} : args;
    Printer p = new Printer();
    for (int i = 0; i < a.length; i++) {
      if (i > 0 && !(a[i] instanceof String) && !(a[i - 1] instanceof String)) {
        p.buf.append(' ');
      }
      p.clearFlags();
      p.printArg(a[i], 'v');
    }
    return p.buf.toString();
  }

  /**
   * Go's {@code fmt.Sprintln(args...)} (the template function {@code println}): each argument as
   * {@code %v}, separated by spaces, followed by a newline.
   */
  public static String sprintln(Object... args) {
    Object[] a = args == null ? new Object[] {null} : args;
    Printer p = new Printer();
    for (int i = 0; i < a.length; i++) {
      if (i > 0) {
        p.buf.append(' ');
      }
      p.clearFlags();
      p.printArg(a[i], 'v');
    }
    return p.buf.append('\n').toString();
  }

  /** Go's {@code strconv.FormatFloat(v, fmt, prec, 64)} for {@code fmt} e, E, f, g, G, b, x, X. */
  static String formatFloat(double v, char fmt, int prec) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    switch (fmt) {
      case 'b':
        return formatBinary(v);
      case 'x':
      case 'X':
        return formatHex(v, prec, fmt == 'X');
      case 'E':
      case 'G':
        return formatFloat(v, Character.toLowerCase(fmt), prec).replace('e', 'E');
      default:
        break;
    }
    if (prec < 0) {
      return GoJson.formatFloat(v, fmt, 64);
    }
    boolean neg = Double.doubleToRawLongBits(v) < 0;
    BigDecimal exact = new BigDecimal(Math.abs(v));
    String digits; // significant digits, no trailing zeros ("" for zero)
    int dp; // decimal point position relative to digits
    int p = prec;
    if (fmt == 'g' && p == 0) {
      p = 1;
    }
    if (exact.signum() == 0) {
      digits = "";
      dp = 0;
    } else {
      BigDecimal rounded;
      if (fmt == 'f') {
        rounded = exact.setScale(p, RoundingMode.HALF_EVEN);
      } else {
        int sig = fmt == 'e' ? p + 1 : p;
        rounded = exact.round(new MathContext(sig, RoundingMode.HALF_EVEN));
      }
      if (rounded.signum() == 0) {
        digits = "";
        dp = 0;
      } else {
        BigDecimal s = rounded.stripTrailingZeros();
        digits = s.unscaledValue().toString();
        dp = digits.length() - s.scale();
      }
    }
    StringBuilder sb = new StringBuilder();
    if (neg) {
      sb.append('-');
    }
    switch (fmt) {
      case 'e':
        GoJson.fmtE(sb, digits, dp, p);
        break;
      case 'f':
        GoJson.fmtF(sb, digits, dp, p);
        break;
      case 'g': {
        int nd = digits.length();
        int eprec = p;
        if (eprec > nd && nd >= dp) {
          eprec = nd;
        }
        int exp = dp - 1;
        if (exp < -4 || exp >= eprec) {
          int q = Math.min(p, nd);
          GoJson.fmtE(sb, digits, dp, Math.max(q - 1, 0));
        } else {
          int q = p > dp ? nd : p;
          GoJson.fmtF(sb, digits, dp, Math.max(q - dp, 0));
        }
        break;
      }
      default:
        throw new IllegalArgumentException("unsupported float format " + fmt);
    }
    return sb.toString();
  }

  private static String formatBinary(double v) {
    long bits = Double.doubleToRawLongBits(v);
    long mant = bits & ((1L << 52) - 1);
    int exp = (int) ((bits >>> 52) & 0x7FF);
    if (exp == 0) {
      exp = 1;
    } else {
      mant |= 1L << 52;
    }
    exp -= 1023 + 52;
    return (bits < 0 ? "-" : "") + mant + "p" + (exp >= 0 ? "+" : "") + exp;
  }

  private static String formatHex(double v, int prec, boolean upper) {
    long bits = Double.doubleToRawLongBits(v);
    boolean neg = bits < 0;
    long mant = bits & ((1L << 52) - 1);
    int exp = (int) ((bits >>> 52) & 0x7FF);
    if (exp == 0) {
      exp = 1;
    } else {
      mant |= 1L << 52;
    }
    exp -= 1023;
    if (mant == 0) {
      exp = 0;
    }
    // Shift so that the leading 1 is at bit 60.
    mant <<= 60 - 52;
    while (mant != 0 && (mant & (1L << 60)) == 0) {
      mant <<= 1;
      exp--;
    }
    if (prec >= 0 && prec < 15) {
      int shift = prec * 4;
      long extra = (mant << shift) & ((1L << 60) - 1);
      mant >>>= 60 - shift;
      if ((extra | (mant & 1)) > (1L << 59)) {
        mant++;
      }
      mant <<= 60 - shift;
      if ((mant & (1L << 61)) != 0) {
        mant >>>= 1;
        exp++;
      }
    }
    String hex = upper ? UDIGITS : LDIGITS;
    StringBuilder sb = new StringBuilder();
    if (neg) {
      sb.append('-');
    }
    sb.append('0').append(upper ? 'X' : 'x').append((char) ('0' + ((mant >>> 60) & 1)));
    mant <<= 4; // drop the leading digit
    if (prec < 0 && mant != 0) {
      sb.append('.');
      while (mant != 0) {
        sb.append(hex.charAt((int) ((mant >>> 60) & 0xF)));
        mant <<= 4;
      }
    } else if (prec > 0) {
      sb.append('.');
      for (int i = 1; i <= prec; i++) {
        sb.append(hex.charAt((int) ((mant >>> 60) & 0xF)));
        mant <<= 4;
      }
    }
    sb.append(upper ? 'P' : 'p').append(exp < 0 ? '-' : '+');
    int a = Math.abs(exp);
    if (a < 10) {
      sb.append('0');
    }
    sb.append(a);
    return sb.toString();
  }

  /** Go's {@code strconv.QuoteToASCII}: {@link GoJson#goQuote} with non-ASCII escaped. */
  static String quoteAscii(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(c -> appendAsciiEscaped(sb, c, '"'));
    return sb.append('"').toString();
  }

  private static void appendAsciiEscaped(StringBuilder sb, int c, char quote) {
    if (c < 0x80) {
      String q = quote == '"' ? GoJson.goQuote(String.valueOf((char) c))
          : GoJson.goQuoteRune(c);
      sb.append(q, 1, q.length() - 1);
    } else if (c <= 0xFFFF) {
      sb.append(String.format("\\u%04x", c));
    } else {
      sb.append(String.format("\\U%08x", c));
    }
  }

  /** Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and U+0020. */
  private static boolean isGoPrintable(int c) {
    if (c < 0x80) {
      return c >= 0x20 && c != 0x7F;
    }
    if (c > MAX_RUNE) {
      return false;
    }
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

  /** Go's {@code strconv.CanBackquote}. */
  private static boolean canBackquote(String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c == '`' || c == 0xFEFF || c == RUNE_ERROR) {
        return false;
      }
      if (c < ' ' && c != '\t' || c == 0x7F) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------

  /** One Sprintf call's state, mirroring Go's {@code pp} and {@code fmt} structs. */
  private static final class Printer {
    final StringBuilder buf = new StringBuilder();
    // flags
    boolean plus;
    boolean minus;
    boolean sharp;
    boolean space;
    boolean zero;
    boolean plusV;
    boolean sharpV;
    boolean widPresent;
    boolean precPresent;
    int wid;
    int prec;
    // state
    Object arg;
    boolean reordered;
    boolean goodArgNum;

    void clearFlags() {
      plus = minus = sharp = space = zero = plusV = sharpV = widPresent = precPresent = false;
      wid = prec = 0;
    }

    // ---- padding

    void writePadding(int n) {
      if (n <= 0) {
        return;
      }
      char c = zero && !minus ? '0' : ' ';
      for (int i = 0; i < n; i++) {
        buf.append(c);
      }
    }

    void pad(String s) {
      if (!widPresent || wid == 0) {
        buf.append(s);
        return;
      }
      int width = wid - s.codePointCount(0, s.length());
      if (!minus) {
        writePadding(width);
        buf.append(s);
      } else {
        buf.append(s);
        writePadding(width);
      }
    }

    /** Pads without zero padding (Go's padString for some forms sets zero aside). */
    void padNoZero(String s) {
      boolean old = zero;
      zero = false;
      pad(s);
      zero = old;
    }

    // ---- Printf

    void doPrintf(String format, Object[] a) {
      int end = format.length();
      int argNum = 0;
      boolean afterIndex;
      reordered = false;
      int i = 0;
      while (i < end) {
        goodArgNum = true;
        int lasti = i;
        while (i < end && format.charAt(i) != '%') {
          i++;
        }
        if (i > lasti) {
          buf.append(format, lasti, i);
        }
        if (i >= end) {
          break;
        }
        i++; // skip %
        clearFlags();
        flags:
        for (; i < end; i++) {
          char c = format.charAt(i);
          switch (c) {
            case '#':
              sharp = true;
              break;
            case '0':
              zero = true;
              break;
            case '+':
              plus = true;
              break;
            case '-':
              minus = true;
              break;
            case ' ':
              space = true;
              break;
            default:
              break flags;
          }
        }
        // argument index
        int[] r = argNumber(argNum, format, i, a.length);
        argNum = r[0];
        i = r[1];
        afterIndex = r[2] != 0;
        // width
        if (i < end && format.charAt(i) == '*') {
          i++;
          Integer n = intFromArg(a, argNum);
          if (argNum < a.length) {
            argNum++;
          }
          widPresent = n != null;
          wid = n == null ? 0 : n;
          if (!widPresent) {
            buf.append("%!(BADWIDTH)");
          }
          if (wid < 0) {
            wid = -wid;
            minus = true;
            zero = false;
          }
          afterIndex = false;
        } else {
          int[] pn = parseNum(format, i, end);
          wid = pn[0];
          widPresent = pn[1] != 0;
          i = pn[2];
          if (afterIndex && widPresent) {
            goodArgNum = false;
          }
        }
        // precision
        if (i + 1 < end && format.charAt(i) == '.') {
          i++;
          if (afterIndex) {
            goodArgNum = false;
          }
          r = argNumber(argNum, format, i, a.length);
          argNum = r[0];
          i = r[1];
          afterIndex = r[2] != 0;
          if (i < end && format.charAt(i) == '*') {
            i++;
            Integer n = intFromArg(a, argNum);
            if (argNum < a.length) {
              argNum++;
            }
            precPresent = n != null;
            prec = n == null ? 0 : n;
            if (prec < 0) {
              prec = 0;
              precPresent = false;
            }
            if (!precPresent) {
              buf.append("%!(BADPREC)");
            }
            afterIndex = false;
          } else {
            int[] pn = parseNum(format, i, end);
            prec = pn[0];
            precPresent = pn[1] != 0;
            i = pn[2];
            if (!precPresent) {
              prec = 0;
              precPresent = true;
            }
          }
        }
        if (!afterIndex) {
          r = argNumber(argNum, format, i, a.length);
          argNum = r[0];
          i = r[1];
          afterIndex = r[2] != 0;
        }
        if (i >= end) {
          buf.append("%!(NOVERB)");
          break;
        }
        int verb = format.codePointAt(i);
        i += Character.charCount(verb);
        if (verb == '%') {
          buf.append('%');
        } else if (!goodArgNum) {
          badArgNum(verb);
        } else if (argNum >= a.length) {
          missingArg(verb);
        } else {
          if (verb == 'v') {
            sharpV = sharp;
            sharp = false;
            plusV = plus;
            plus = false;
          }
          printArg(a[argNum], verb);
          argNum++;
        }
      }
      if (!reordered && argNum < a.length) {
        clearFlags();
        buf.append("%!(EXTRA ");
        for (int k = argNum; k < a.length; k++) {
          if (k > argNum) {
            buf.append(", ");
          }
          Object arg = a[k];
          if (arg == null) {
            buf.append("<nil>");
          } else {
            buf.append(typeName(arg)).append('=');
            printArg(arg, 'v');
          }
        }
        buf.append(')');
      }
    }

    private static boolean tooLarge(int x) {
      return x > 1_000_000 || x < -1_000_000;
    }

    /** Returns {num, isnum, newi}. */
    private static int[] parseNum(String s, int start, int end) {
      if (start >= end) {
        return new int[] {0, 0, end};
      }
      int num = 0;
      boolean isnum = false;
      int newi = start;
      for (; newi < end && s.charAt(newi) >= '0' && s.charAt(newi) <= '9'; newi++) {
        if (tooLarge(num)) {
          return new int[] {0, 0, end};
        }
        num = num * 10 + (s.charAt(newi) - '0');
        isnum = true;
      }
      return new int[] {num, isnum ? 1 : 0, newi};
    }

    /** Returns {argNum, newi, found}. */
    private int[] argNumber(int argNum, String format, int i, int numArgs) {
      if (format.length() <= i || format.charAt(i) != '[') {
        return new int[] {argNum, i, 0};
      }
      reordered = true;
      // parseArgNumber
      int index = 0;
      int wid = 1;
      boolean ok = false;
      String f = format.substring(i);
      if (f.length() >= 3) {
        for (int k = 1; k < f.length(); k++) {
          if (f.charAt(k) == ']') {
            int[] pn = parseNum(f, 1, k);
            if (pn[1] == 0 || pn[2] != k) {
              index = 0;
              wid = k + 1;
              ok = false;
            } else {
              index = pn[0] - 1;
              wid = k + 1;
              ok = true;
            }
            break;
          }
        }
      }
      if (ok && 0 <= index && index < numArgs) {
        return new int[] {index, i + wid, 1};
      }
      goodArgNum = false;
      return new int[] {argNum, i + wid, ok ? 1 : 0};
    }

    private static Integer intFromArg(Object[] a, int argNum) {
      if (argNum >= a.length) {
        return null;
      }
      Object v = a[argNum];
      long n;
      if (v instanceof Integer x) {
        n = x;
      } else if (v instanceof Long x) {
        n = x;
      } else {
        return null;
      }
      if (n != (int) n || tooLarge((int) n)) {
        return null;
      }
      return (int) n;
    }

    private void badArgNum(int verb) {
      buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
    }

    private void missingArg(int verb) {
      buf.append("%!").appendCodePoint(verb).append("(MISSING)");
    }

    void badVerb(int verb) {
      buf.append("%!").appendCodePoint(verb).append('(');
      if (arg != null) {
        buf.append(typeName(arg)).append('=');
        printArg(arg, 'v');
      } else {
        buf.append("<nil>");
      }
      buf.append(')');
    }

    // ---- arguments

    void printArg(Object a, int verb) {
      arg = a;
      if (a == null) {
        if (verb == 'T' || verb == 'v') {
          pad("<nil>");
        } else {
          badVerb(verb);
        }
        return;
      }
      if (verb == 'T') {
        fmtS(typeName(a));
        return;
      }
      if (verb == 'p') {
        badVerb(verb); // no pointers in the value model
        return;
      }
      if (a instanceof Stringer st && "vsqxX".indexOf(verb) >= 0) {
        fmtString(st.goString(), verb);
      } else if (a instanceof Boolean b) {
        fmtBool(b, verb);
      } else if (a instanceof Double d) {
        fmtFloat(d, verb);
      } else if (a instanceof Float d) {
        fmtFloat(d, verb);
      } else if (a instanceof Long || a instanceof Integer || a instanceof Short
          || a instanceof Byte) {
        fmtInteger(((Number) a).longValue(), true, verb);
      } else if (a instanceof BigInteger bi) {
        fmtS(bi.toString());
      } else if (a instanceof String s) {
        fmtString(s, verb);
      } else if (a instanceof byte[] bytes) {
        fmtBytes(bytes, verb);
      } else if (a instanceof Map<?, ?> m) {
        if (verb == 'w') {
          badVerb(verb);
        } else {
          printMap(m, verb);
        }
      } else if (a instanceof List<?> l) {
        if (verb == 'w') {
          badVerb(verb);
        } else {
          printList(l, verb);
        }
      } else {
        fmtString(a.toString(), verb);
      }
    }

    /** An element inside a container (Go's printValue at depth > 0). */
    private void printElement(Object v, int verb) {
      if (v == null) {
        if (sharpV) {
          buf.append("interface {}(nil)");
        } else {
          pad("<nil>");
        }
        return;
      }
      printArg(v, verb);
    }

    private void printMap(Map<?, ?> m, int verb) {
      if (sharpV) {
        buf.append(typeName(m)).append('{');
      } else {
        buf.append("map[");
      }
      List<String> keys = new ArrayList<>();
      for (Object k : m.keySet()) {
        keys.add(String.valueOf(k));
      }
      keys.sort(GoJson.KEY_ORDER);
      boolean first = true;
      for (String k : keys) {
        if (!first) {
          buf.append(sharpV ? ", " : " ");
        }
        first = false;
        printArg(k, verb);
        buf.append(':');
        printElement(m.get(k), verb);
      }
      buf.append(sharpV ? '}' : ']');
    }

    private void printList(List<?> l, int verb) {
      if (sharpV) {
        buf.append(typeName(l)).append('{');
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            buf.append(", ");
          }
          printElement(l.get(i), verb);
        }
        buf.append('}');
        return;
      }
      buf.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          buf.append(' ');
        }
        printElement(l.get(i), verb);
      }
      buf.append(']');
    }

    private void fmtBool(boolean b, int verb) {
      if (verb == 't' || verb == 'v') {
        pad(Boolean.toString(b));
      } else {
        badVerb(verb);
      }
    }

    // ---- integers

    private void fmtInteger(long v, boolean signed, int verb) {
      switch (verb) {
        case 'v':
        case 'd':
          fmtInteger(v, 10, signed, verb, LDIGITS);
          break;
        case 'b':
          fmtInteger(v, 2, signed, verb, LDIGITS);
          break;
        case 'o':
        case 'O':
          fmtInteger(v, 8, signed, verb, LDIGITS);
          break;
        case 'x':
          fmtInteger(v, 16, signed, verb, LDIGITS);
          break;
        case 'X':
          fmtInteger(v, 16, signed, verb, UDIGITS);
          break;
        case 'c':
          fmtC(v);
          break;
        case 'q':
          fmtQc(v);
          break;
        case 'U':
          fmtUnicode(v);
          break;
        default:
          badVerb(verb);
      }
    }

    private void fmtInteger(long v, int base, boolean signed, int verb, String digits) {
      boolean negative = signed && v < 0;
      BigInteger u = negative ? BigInteger.valueOf(v).negate()
          : new BigInteger(Long.toUnsignedString(v));
      int precision = 0;
      if (precPresent) {
        precision = prec;
        if (precision == 0 && v == 0) {
          boolean old = zero;
          zero = false;
          writePadding(wid);
          zero = old;
          return;
        }
      } else if (zero && !minus && widPresent) {
        precision = wid;
        if (negative || plus || space) {
          precision--;
        }
      }
      String num = u.toString(base);
      if (digits.equals(UDIGITS)) {
        num = num.toUpperCase();
      }
      StringBuilder sb = new StringBuilder();
      for (int k = num.length(); k < precision; k++) {
        sb.append('0');
      }
      sb.append(num);
      if (sharp) {
        switch (base) {
          case 2:
            sb.insert(0, "0b");
            break;
          case 8:
            if (sb.charAt(0) != '0') {
              sb.insert(0, '0');
            }
            break;
          case 16:
            sb.insert(0, "0" + digits.charAt(16));
            break;
          default:
            break;
        }
      }
      if (verb == 'O') {
        sb.insert(0, "0o");
      }
      if (negative) {
        sb.insert(0, '-');
      } else if (plus) {
        sb.insert(0, '+');
      } else if (space) {
        sb.insert(0, ' ');
      }
      padNoZero(sb.toString());
    }

    private void fmtC(long c) {
      int r = (c < 0 || c > MAX_RUNE || (c >= 0xD800 && c <= 0xDFFF)) ? RUNE_ERROR : (int) c;
      pad(new String(Character.toChars(r)));
    }

    private void fmtQc(long c) {
      int r = (c < 0 || c > MAX_RUNE || (c >= 0xD800 && c <= 0xDFFF)) ? RUNE_ERROR : (int) c;
      if (plus) {
        StringBuilder sb = new StringBuilder("'");
        appendAsciiEscaped(sb, r, '\'');
        pad(sb.append('\'').toString());
      } else {
        pad(GoJson.goQuoteRune(r));
      }
    }

    private void fmtUnicode(long u) {
      String hex = Long.toHexString(u).toUpperCase();
      int precision = 4;
      if (precPresent && prec > 4) {
        precision = prec;
      }
      StringBuilder sb = new StringBuilder("U+");
      for (int k = hex.length(); k < precision; k++) {
        sb.append('0');
      }
      sb.append(hex);
      if (sharp && u >= 0 && u <= MAX_RUNE && isGoPrintable((int) u)) {
        sb.append(" '").appendCodePoint((int) u).append('\'');
      }
      padNoZero(sb.toString());
    }

    // ---- floats

    private void fmtFloat(double v, int verb) {
      switch (verb) {
        case 'v':
          fmtFloat(v, 'g', -1);
          break;
        case 'b':
        case 'g':
        case 'G':
        case 'x':
        case 'X':
          fmtFloat(v, (char) verb, -1);
          break;
        case 'f':
        case 'e':
        case 'E':
          fmtFloat(v, (char) verb, 6);
          break;
        case 'F':
          fmtFloat(v, 'f', 6);
          break;
        default:
          badVerb(verb);
      }
    }

    private void fmtFloat(double v, char verb, int precision) {
      int p = precPresent ? prec : precision;
      String s = formatFloat(v, verb, p);
      StringBuilder num = new StringBuilder(s.length() + 8);
      if (s.charAt(0) == '-' || s.charAt(0) == '+') {
        num.append(s);
      } else {
        num.append('+').append(s);
      }
      if (space && num.charAt(0) == '+' && !plus) {
        num.setCharAt(0, ' ');
      }
      if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
        if (num.charAt(1) == 'N' && !space && !plus) {
          num.deleteCharAt(0);
        }
        padNoZero(num.toString());
        return;
      }
      if (sharp && verb != 'b') {
        int digitsLeft = 0;
        if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
          digitsLeft = p;
          if (digitsLeft == -1) {
            digitsLeft = 6;
          }
        }
        String tail = "";
        boolean hasDecimalPoint = false;
        boolean sawNonzeroDigit = false;
        for (int i = 1; i < num.length(); i++) {
          char c = num.charAt(i);
          if (c == '.') {
            hasDecimalPoint = true;
          } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x'
              && verb != 'X')) {
            tail = num.substring(i);
            num.setLength(i);
            break;
          } else {
            if (c != '0') {
              sawNonzeroDigit = true;
            }
            if (sawNonzeroDigit) {
              digitsLeft--;
            }
          }
        }
        if (!hasDecimalPoint) {
          if (num.length() == 2 && num.charAt(1) == '0') {
            digitsLeft--;
          }
          num.append('.');
        }
        while (digitsLeft > 0) {
          num.append('0');
          digitsLeft--;
        }
        num.append(tail);
      }
      if (plus || num.charAt(0) != '+') {
        if (zero && !minus && widPresent && wid > num.length()) {
          buf.append(num.charAt(0));
          writePadding(wid - num.length());
          buf.append(num, 1, num.length());
          return;
        }
        pad(num.toString());
        return;
      }
      pad(num.substring(1));
    }

    // ---- strings and bytes

    private String truncate(String s) {
      if (precPresent) {
        int n = prec;
        for (int i = 0; i < s.length(); ) {
          n--;
          if (n < 0) {
            return s.substring(0, i);
          }
          i += Character.charCount(s.codePointAt(i));
        }
      }
      return s;
    }

    private void fmtS(String s) {
      pad(truncate(s));
    }

    private void fmtQ(String s) {
      s = truncate(s);
      if (sharp && canBackquote(s)) {
        pad("`" + s + "`");
        return;
      }
      pad(plus ? quoteAscii(s) : GoJson.goQuote(s));
    }

    private void fmtString(String s, int verb) {
      switch (verb) {
        case 'v':
          if (sharpV) {
            fmtQ(s);
          } else {
            fmtS(s);
          }
          break;
        case 's':
          fmtS(s);
          break;
        case 'x':
          fmtSbx(s.getBytes(StandardCharsets.UTF_8), LDIGITS);
          break;
        case 'X':
          fmtSbx(s.getBytes(StandardCharsets.UTF_8), UDIGITS);
          break;
        case 'q':
          fmtQ(s);
          break;
        default:
          badVerb(verb);
      }
    }

    private void fmtSbx(byte[] b, String digits) {
      int length = b.length;
      if (precPresent && prec < length) {
        length = prec;
      }
      int width = 2 * length;
      if (width > 0) {
        if (space) {
          if (sharp) {
            width *= 2;
          }
          width += length - 1;
        } else if (sharp) {
          width += 2;
        }
      } else {
        if (widPresent) {
          writePadding(wid);
        }
        return;
      }
      if (widPresent && wid > width && !minus) {
        writePadding(wid - width);
      }
      if (sharp) {
        buf.append('0').append(digits.charAt(16));
      }
      for (int i = 0; i < length; i++) {
        if (space && i > 0) {
          buf.append(' ');
          if (sharp) {
            buf.append('0').append(digits.charAt(16));
          }
        }
        int c = b[i] & 0xFF;
        buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
      }
      if (widPresent && wid > width && minus) {
        writePadding(wid - width);
      }
    }

    private void fmtBytes(byte[] v, int verb) {
      switch (verb) {
        case 'v':
        case 'd':
          if (sharpV) {
            buf.append("[]byte{");
            for (int i = 0; i < v.length; i++) {
              if (i > 0) {
                buf.append(", ");
              }
              buf.append("0x").append(Integer.toHexString(v[i] & 0xFF));
            }
            buf.append('}');
            return;
          }
          buf.append('[');
          for (int i = 0; i < v.length; i++) {
            if (i > 0) {
              buf.append(' ');
            }
            fmtInteger(v[i] & 0xFF, 10, false, verb, LDIGITS);
          }
          buf.append(']');
          return;
        case 's':
          fmtS(new String(v, StandardCharsets.UTF_8));
          return;
        case 'x':
          fmtSbx(v, LDIGITS);
          return;
        case 'X':
          fmtSbx(v, UDIGITS);
          return;
        case 'q':
          fmtQ(new String(v, StandardCharsets.UTF_8));
          return;
        default:
          buf.append('[');
          for (int i = 0; i < v.length; i++) {
            if (i > 0) {
              buf.append(' ');
            }
            if ("boOcqU".indexOf(verb) >= 0) {
              fmtInteger(v[i] & 0xFF, false, verb);
            } else {
              buf.append("%!").appendCodePoint(verb).append("(uint8=").append(v[i] & 0xFF)
                  .append(')');
            }
          }
          buf.append(']');
      }
    }
  }
}
