package dev.capstan.internal.gotemplate;

import dev.capstan.internal.gofmt.GoFmt;

/** Go's {@code %q} and {@code strconv.Unquote}. */
final class GoQuote {
  private GoQuote() {}

  static String quote(String s) {
    return GoFmt.sprintf("%q", s);
  }

  /** Go's strconv.Unquote of a "..." or '...' literal; null when the syntax is invalid. */
  static String unquote(String lit) {
    char q = lit.charAt(0);
    StringBuilder sb = new StringBuilder();
    int i = 1;
    int end = lit.length() - 1;
    while (i < end) {
      char c = lit.charAt(i++);
      if (c != '\\') {
        if (c == q) {
          return null;
        }
        sb.append(c);
        continue;
      }
      if (i >= end) {
        return null;
      }
      char e = lit.charAt(i++);
      switch (e) {
        case 'a' -> sb.append('\u0007');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'v' -> sb.append('\u000b');
        case '\\' -> sb.append('\\');
        case '\'', '"' -> {
          if (e != q) {
            return null;
          }
          sb.append(e);
        }
        case 'x', 'u', 'U' -> {
          int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + n > end) {
            return null;
          }
          int v;
          try {
            v = Integer.parseInt(lit.substring(i, i + n), 16);
          } catch (NumberFormatException ex) {
            return null;
          }
          i += n;
          if (e == 'x') {
            sb.append((char) v); // a byte; Latin-1 approximation
          } else {
            if (v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) {
              return null;
            }
            sb.appendCodePoint(v);
          }
        }
        default -> {
          if (e >= '0' && e <= '7') {
            if (i + 2 > end) {
              return null;
            }
            try {
              int v = Integer.parseInt(lit.substring(i - 1, i + 2), 8);
              if (v > 255) {
                return null;
              }
              sb.append((char) v);
            } catch (NumberFormatException ex) {
              return null;
            }
            i += 2;
          } else {
            return null;
          }
        }
      }
    }
    return sb.toString();
  }
}
