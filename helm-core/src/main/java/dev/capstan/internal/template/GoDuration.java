package dev.capstan.internal.template;

/**
 * Go's {@code time.Duration} arithmetic as Sprig's date functions need it: {@code String()} and
 * {@code time.ParseDuration}, over a count of nanoseconds.
 *
 * <p>Internal: not part of Capstan's API.
 */
final class GoDuration {
  static final long NANOSECOND = 1L;
  static final long MICROSECOND = 1000L;
  static final long MILLISECOND = 1000_000L;
  static final long SECOND = 1000_000_000L;
  static final long MINUTE = 60 * SECOND;
  static final long HOUR = 60 * MINUTE;

  private GoDuration() {}

  /** Go's {@code Duration.String()}: {@code 72h3m0.5s}, {@code 1.5µs}, {@code 0s}. */
  static String format(long d) {
    if (d == 0) {
      return "0s";
    }
    boolean neg = d < 0;
    // Work on the unsigned magnitude as Go does (Long.MIN_VALUE stays representable).
    long u = neg ? -d : d;
    StringBuilder out = new StringBuilder();
    if (Long.compareUnsigned(u, SECOND) < 0) {
      // Sub-second: one unit, with a fraction.
      int prec;
      String unit;
      if (u < MICROSECOND) {
        out.append(u).append("ns");
        return (neg ? "-" : "") + out;
      } else if (u < MILLISECOND) {
        prec = 3;
        unit = "µs";
      } else {
        prec = 6;
        unit = "ms";
      }
      out.append(fraction(u, prec)).append(unit);
      return (neg ? "-" : "") + out;
    }
    String secs = fraction(Long.remainderUnsigned(u, MINUTE), 9) + "s";
    long mins = Long.divideUnsigned(u, MINUTE);
    if (mins == 0) {
      return (neg ? "-" : "") + secs;
    }
    String m = Long.remainderUnsigned(mins, 60) + "m";
    long hours = Long.divideUnsigned(mins, 60);
    if (hours == 0) {
      return (neg ? "-" : "") + m + secs;
    }
    return (neg ? "-" : "") + Long.toUnsignedString(hours) + "h" + m + secs;
  }

  /** {@code v / 10^prec} printed with trailing zeros of the fraction dropped. */
  private static String fraction(long v, int prec) {
    long pow = 1;
    for (int i = 0; i < prec; i++) {
      pow *= 10;
    }
    long whole = Long.divideUnsigned(v, pow);
    long frac = Long.remainderUnsigned(v, pow);
    if (frac == 0) {
      return Long.toUnsignedString(whole);
    }
    String f = String.format("%0" + prec + "d", frac);
    int end = f.length();
    while (end > 0 && f.charAt(end - 1) == '0') {
      end--;
    }
    return Long.toUnsignedString(whole) + "." + f.substring(0, end);
  }

  /**
   * Go's {@code time.ParseDuration}: a signed sequence of decimal numbers with units {@code ns},
   * {@code us} ({@code µs}), {@code ms}, {@code s}, {@code m}, {@code h}.
   *
   * @throws IllegalArgumentException with Go's message ({@code time: invalid duration "x"})
   */
  static long parse(String s) {
    String orig = s;
    int i = 0;
    boolean neg = false;
    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      neg = s.charAt(i) == '-';
      i++;
    }
    if (s.substring(i).equals("0")) {
      return 0;
    }
    if (i == s.length()) {
      throw invalid(orig);
    }
    long exact = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      String whole = s.substring(start, i);
      String frac = "";
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fs = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        frac = s.substring(fs, i);
      }
      if (whole.isEmpty() && frac.isEmpty()) {
        throw invalid(orig);
      }
      int us = i;
      while (i < s.length() && s.charAt(i) != '.' && !Character.isDigit(s.charAt(i))) {
        i++;
      }
      String unitName = s.substring(us, i);
      if (unitName.isEmpty()) {
        throw new IllegalArgumentException("time: missing unit in duration " + GoQuote.quote(orig));
      }
      long unit = switch (unitName) {
        case "ns" -> NANOSECOND;
        case "us", "µs", "μs" -> MICROSECOND;
        case "ms" -> MILLISECOND;
        case "s" -> SECOND;
        case "m" -> MINUTE;
        case "h" -> HOUR;
        default -> throw new IllegalArgumentException("time: unknown unit " + GoQuote.quote(unitName)
            + " in duration " + GoQuote.quote(orig));
      };
      java.math.BigDecimal n = new java.math.BigDecimal((whole.isEmpty() ? "0" : whole)
          + (frac.isEmpty() ? "" : "." + frac));
      java.math.BigDecimal nanos = n.multiply(java.math.BigDecimal.valueOf(unit));
      if (nanos.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        throw invalid(orig);
      }
      exact += nanos.longValue();
      if (exact < 0) {
        throw invalid(orig);
      }
    }
    return neg ? -exact : exact;
  }

  private static IllegalArgumentException invalid(String s) {
    return new IllegalArgumentException("time: invalid duration " + GoQuote.quote(s));
  }

  /** Go's {@code strconv.Quote} for the short texts of error messages. */
  static final class GoQuote {
    private GoQuote() {}

    static String quote(String s) {
      StringBuilder b = new StringBuilder("\"");
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\t' -> b.append("\\t");
          default -> b.append(c);
        }
      }
      return b.append('"').toString();
    }
  }
}
