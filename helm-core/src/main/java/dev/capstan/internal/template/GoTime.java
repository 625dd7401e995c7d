package dev.capstan.internal.template;

import dev.capstan.internal.gofmt.GoFmt;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;

/**
 * A Go {@code time.Time} as templates see it (the result of {@code now}, {@code toDate},
 * {@code dateModify}): formatted with Go's reference-time layouts, printed as Go's
 * {@code Time.String()}, with the common methods ({@code .Unix}, {@code .Year}, {@code .Format},
 * {@code .UTC}...).
 *
 * <p>Internal: not part of Capstan's API. Immutable.
 */
public final class GoTime implements GoObject, GoFmt.Stringer {
  private static final String[] LONG_DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday",
      "Friday", "Saturday", "Sunday"};
  private static final String[] LONG_MONTHS = {"January", "February", "March", "April", "May",
      "June", "July", "August", "September", "October", "November", "December"};

  private final ZonedDateTime time;

  /** The time {@code t}. */
  public GoTime(ZonedDateTime t) {
    this.time = Objects.requireNonNull(t, "t");
  }

  /** Go's zero {@code time.Time}: January 1, year 1, 00:00:00 UTC. */
  public static GoTime zero() {
    return new GoTime(ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
  }

  /** The instant in its zone. */
  public ZonedDateTime time() {
    return time;
  }

  /** Go's {@code Unix()}: seconds since 1970, rounded down. */
  public long unix() {
    return time.toEpochSecond();
  }

  /** The same instant in {@code zone}. */
  public GoTime in(ZoneId zone) {
    return new GoTime(time.withZoneSameInstant(zone));
  }

  /** Go's {@code Add(d)} of nanoseconds. */
  public GoTime plusNanos(long nanos) {
    return new GoTime(time.plusNanos(nanos));
  }

  /** Go's {@code Time.Format(layout)}. */
  public String format(String layout) {
    return GoLayout.format(time, layout);
  }

  @Override
  public String goString() {
    return format("2006-01-02 15:04:05.999999999 -0700 MST");
  }

  @Override
  public String toString() {
    return goString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoTime g && g.time.toInstant().equals(time.toInstant())
        && g.time.getZone().equals(time.getZone());
  }

  @Override
  public int hashCode() {
    return time.hashCode();
  }

  @Override
  public boolean has(String name) {
    return switch (name) {
      case "Unix", "UnixMilli", "UnixNano", "Year", "Month", "Day", "Hour", "Minute", "Second",
          "Nanosecond", "YearDay", "Weekday", "Format", "UTC", "Local", "String", "IsZero",
          "Add", "Before", "After", "Equal", "Sub" -> true;
      default -> false;
    };
  }

  @Override
  public Object get(String name, Object[] args) {
    int want = switch (name) {
      case "Format", "Add", "Before", "After", "Equal", "Sub" -> 1;
      default -> 0;
    };
    if (args.length != want) {
      throw new TemplateFunction.ArityException(name, Integer.toString(want), args.length);
    }
    return switch (name) {
      case "Unix" -> unix();
      case "UnixMilli" -> time.toInstant().toEpochMilli();
      case "UnixNano" -> unix() * 1_000_000_000L + time.getNano();
      case "Year" -> time.getYear();
      case "Month" -> new GoMonth(time.getMonth());
      case "Day" -> time.getDayOfMonth();
      case "Hour" -> time.getHour();
      case "Minute" -> time.getMinute();
      case "Second" -> time.getSecond();
      case "Nanosecond" -> time.getNano();
      case "YearDay" -> time.getDayOfYear();
      case "Weekday" -> new GoWeekday(time.getDayOfWeek());
      case "Format" -> format(stringArg(name, args[0]));
      case "UTC" -> in(ZoneOffset.UTC);
      case "Local" -> this;
      case "String" -> goString();
      case "IsZero" -> time.toInstant().equals(zero().time.toInstant());
      case "Add" -> plusNanos(longArg(name, args[0]));
      case "Before" -> time.toInstant().isBefore(timeArg(name, args[0]).time.toInstant());
      case "After" -> time.toInstant().isAfter(timeArg(name, args[0]).time.toInstant());
      case "Equal" -> time.toInstant().equals(timeArg(name, args[0]).time.toInstant());
      case "Sub" -> java.time.Duration.between(timeArg(name, args[0]).time, time).toNanos();
      default -> throw new Sprig.FunctionException(name, "can't evaluate field " + name
          + " in type time.Time");
    };
  }

  private static String stringArg(String fn, Object v) {
    if (v instanceof String s) {
      return s;
    }
    throw new Sprig.FunctionException(fn, "wrong type for value; expected string; got "
        + GoFmt.typeName(v));
  }

  private static long longArg(String fn, Object v) {
    if (v instanceof Long || v instanceof Integer) {
      return ((Number) v).longValue();
    }
    throw new Sprig.FunctionException(fn, "wrong type for value; expected time.Duration; got "
        + GoFmt.typeName(v));
  }

  private static GoTime timeArg(String fn, Object v) {
    if (v instanceof GoTime t) {
      return t;
    }
    throw new Sprig.FunctionException(fn, "wrong type for value; expected time.Time; got "
        + GoFmt.typeName(v));
  }

  /** Go's {@code time.Month}: an int that prints as its English name. */
  record GoMonth(Month month) implements GoFmt.Stringer {
    @Override
    public String goString() {
      return LONG_MONTHS[month.getValue() - 1];
    }

    @Override
    public String toString() {
      return goString();
    }
  }

  /** Go's {@code time.Weekday}: an int that prints as its English name. */
  record GoWeekday(DayOfWeek day) implements GoFmt.Stringer {
    @Override
    public String goString() {
      return LONG_DAYS[day.getValue() - 1];
    }

    @Override
    public String toString() {
      return goString();
    }
  }

  /** Go's reference-time layouts ({@code Mon Jan 2 15:04:05 MST 2006}): formatting and parsing. */
  static final class GoLayout {
    private GoLayout() {}

    // Chunk kinds, as Go's nextStdChunk finds them.
    private enum Std {
      LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH, LONG_WEEKDAY, WEEKDAY, DAY, UNDER_DAY, ZERO_DAY,
      UNDER_YEAR_DAY, ZERO_YEAR_DAY, HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND,
      ZERO_SECOND, LONG_YEAR, YEAR, PM, LOWER_PM, TZ, ISO_TZ, ISO_SHORT_TZ, ISO_COLON_TZ,
      ISO_COLON_SECONDS_TZ, ISO_SECONDS_TZ, ISO_SHORT_TZ_Z, NUM_TZ, NUM_SHORT_TZ, NUM_COLON_TZ,
      NUM_COLON_SECONDS_TZ, NUM_SECONDS_TZ, FRAC_ZERO, FRAC_NINE
    }

    /** One chunk: literal text before it, its kind, its length in the layout, fraction digits. */
    private record Chunk(String prefix, Std std, int length, int digits, char sep) {
      Chunk(String prefix, Std std, int length, int digits) {
        this(prefix, std, length, digits, '.');
      }
    }

    private static boolean startsAt(String s, int i, String p) {
      return s.startsWith(p, i);
    }

    /** The next std chunk at or after {@code from}, or null when only literal text remains. */
    private static Chunk next(String l, int from) {
      for (int i = from; i < l.length(); i++) {
        char c = l.charAt(i);
        String pre = l.substring(from, i);
        switch (c) {
          case 'J':
            if (startsAt(l, i, "Jan")) {
              if (startsAt(l, i, "January")) {
                return new Chunk(pre, Std.LONG_MONTH, 7, 0);
              }
              if (!startsWithLower(l, i + 3)) {
                return new Chunk(pre, Std.MONTH, 3, 0);
              }
            }
            break;
          case 'M':
            if (startsAt(l, i, "Mon")) {
              if (startsAt(l, i, "Monday")) {
                return new Chunk(pre, Std.LONG_WEEKDAY, 6, 0);
              }
              if (!startsWithLower(l, i + 3)) {
                return new Chunk(pre, Std.WEEKDAY, 3, 0);
              }
            }
            if (startsAt(l, i, "MST")) {
              return new Chunk(pre, Std.TZ, 3, 0);
            }
            break;
          case '0':
            if (i + 1 < l.length() && l.charAt(i + 1) >= '1' && l.charAt(i + 1) <= '6') {
              Std s = switch (l.charAt(i + 1)) {
                case '1' -> Std.ZERO_MONTH;
                case '2' -> Std.ZERO_DAY;
                case '3' -> Std.ZERO_HOUR12;
                case '4' -> Std.ZERO_MINUTE;
                case '5' -> Std.ZERO_SECOND;
                default -> Std.YEAR;
              };
              return new Chunk(pre, s, 2, 0);
            }
            if (startsAt(l, i, "002")) {
              return new Chunk(pre, Std.ZERO_YEAR_DAY, 3, 0);
            }
            break;
          case '1':
            if (startsAt(l, i, "15")) {
              return new Chunk(pre, Std.HOUR, 2, 0);
            }
            return new Chunk(pre, Std.NUM_MONTH, 1, 0);
          case '2':
            if (startsAt(l, i, "2006")) {
              return new Chunk(pre, Std.LONG_YEAR, 4, 0);
            }
            return new Chunk(pre, Std.DAY, 1, 0);
          case '_':
            if (startsAt(l, i, "_2")) {
              if (startsAt(l, i, "_2006")) {
                return new Chunk(l.substring(from, i + 1), Std.LONG_YEAR, 5, 0);
              }
              if (startsAt(l, i, "__2")) {
                return new Chunk(pre, Std.UNDER_YEAR_DAY, 3, 0);
              }
              return new Chunk(pre, Std.UNDER_DAY, 2, 0);
            }
            if (startsAt(l, i, "__2")) {
              return new Chunk(pre, Std.UNDER_YEAR_DAY, 3, 0);
            }
            break;
          case '3':
            return new Chunk(pre, Std.HOUR12, 1, 0);
          case '4':
            return new Chunk(pre, Std.MINUTE, 1, 0);
          case '5':
            return new Chunk(pre, Std.SECOND, 1, 0);
          case 'P':
            if (startsAt(l, i, "PM")) {
              return new Chunk(pre, Std.PM, 2, 0);
            }
            break;
          case 'p':
            if (startsAt(l, i, "pm")) {
              return new Chunk(pre, Std.LOWER_PM, 2, 0);
            }
            break;
          case '-':
            if (startsAt(l, i, "-070000")) {
              return new Chunk(pre, Std.NUM_SECONDS_TZ, 7, 0);
            }
            if (startsAt(l, i, "-07:00:00")) {
              return new Chunk(pre, Std.NUM_COLON_SECONDS_TZ, 9, 0);
            }
            if (startsAt(l, i, "-0700")) {
              return new Chunk(pre, Std.NUM_TZ, 5, 0);
            }
            if (startsAt(l, i, "-07:00")) {
              return new Chunk(pre, Std.NUM_COLON_TZ, 6, 0);
            }
            if (startsAt(l, i, "-07")) {
              return new Chunk(pre, Std.NUM_SHORT_TZ, 3, 0);
            }
            break;
          case 'Z':
            if (startsAt(l, i, "Z070000")) {
              return new Chunk(pre, Std.ISO_SECONDS_TZ, 7, 0);
            }
            if (startsAt(l, i, "Z07:00:00")) {
              return new Chunk(pre, Std.ISO_COLON_SECONDS_TZ, 9, 0);
            }
            if (startsAt(l, i, "Z0700")) {
              return new Chunk(pre, Std.ISO_TZ, 5, 0);
            }
            if (startsAt(l, i, "Z07:00")) {
              return new Chunk(pre, Std.ISO_COLON_TZ, 6, 0);
            }
            if (startsAt(l, i, "Z07")) {
              return new Chunk(pre, Std.ISO_SHORT_TZ_Z, 3, 0);
            }
            break;
          case '.':
          case ',':
            if (i + 1 < l.length() && (l.charAt(i + 1) == '0' || l.charAt(i + 1) == '9')) {
              char ch = l.charAt(i + 1);
              int j = i + 1;
              while (j < l.length() && l.charAt(j) == ch) {
                j++;
              }
              if (j >= l.length() || !Character.isDigit(l.charAt(j))) {
                return new Chunk(pre, ch == '0' ? Std.FRAC_ZERO : Std.FRAC_NINE, j - i, j - i - 1, c);
              }
            }
            break;
          default:
            break;
        }
      }
      return null;
    }

    private static boolean startsWithLower(String s, int i) {
      return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
    }

    static String format(ZonedDateTime t, String layout) {
      StringBuilder b = new StringBuilder();
      int pos = 0;
      while (true) {
        Chunk c = next(layout, pos);
        if (c == null) {
          b.append(layout, pos, layout.length());
          return b.toString();
        }
        b.append(c.prefix());
        pos += c.prefix().length() + (c.std() == Std.LONG_YEAR && c.length() == 5 ? 4 : c.length());
        appendStd(b, t, c);
      }
    }

    private static void appendStd(StringBuilder b, ZonedDateTime t, Chunk c) {
      int offset = t.getOffset().getTotalSeconds();
      switch (c.std()) {
        case YEAR -> pad(b, Math.floorMod(t.getYear(), 100), 2);
        case LONG_YEAR -> {
          int y = t.getYear();
          if (y < 0) {
            b.append('-');
            y = -y;
          }
          pad(b, y, 4);
        }
        case MONTH -> b.append(LONG_MONTHS[t.getMonthValue() - 1], 0, 3);
        case LONG_MONTH -> b.append(LONG_MONTHS[t.getMonthValue() - 1]);
        case NUM_MONTH -> b.append(t.getMonthValue());
        case ZERO_MONTH -> pad(b, t.getMonthValue(), 2);
        case WEEKDAY -> b.append(LONG_DAYS[t.getDayOfWeek().getValue() - 1], 0, 3);
        case LONG_WEEKDAY -> b.append(LONG_DAYS[t.getDayOfWeek().getValue() - 1]);
        case DAY -> b.append(t.getDayOfMonth());
        case UNDER_DAY -> {
          if (t.getDayOfMonth() < 10) {
            b.append(' ');
          }
          b.append(t.getDayOfMonth());
        }
        case ZERO_DAY -> pad(b, t.getDayOfMonth(), 2);
        case UNDER_YEAR_DAY -> {
          int d = t.getDayOfYear();
          b.append(d < 10 ? "  " : d < 100 ? " " : "").append(d);
        }
        case ZERO_YEAR_DAY -> pad(b, t.getDayOfYear(), 3);
        case HOUR -> pad(b, t.getHour(), 2);
        case HOUR12 -> b.append(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
        case ZERO_HOUR12 -> pad(b, t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, 2);
        case MINUTE -> b.append(t.getMinute());
        case ZERO_MINUTE -> pad(b, t.getMinute(), 2);
        case SECOND -> b.append(t.getSecond());
        case ZERO_SECOND -> pad(b, t.getSecond(), 2);
        case PM -> b.append(t.getHour() >= 12 ? "PM" : "AM");
        case LOWER_PM -> b.append(t.getHour() >= 12 ? "pm" : "am");
        case ISO_TZ, ISO_SHORT_TZ_Z, ISO_COLON_TZ, ISO_SECONDS_TZ, ISO_COLON_SECONDS_TZ,
            NUM_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_SECONDS_TZ, NUM_COLON_SECONDS_TZ -> {
          boolean iso = c.std().name().startsWith("ISO");
          if (iso && offset == 0) {
            b.append('Z');
            return;
          }
          int zone = offset / 60;
          int absoff = Math.abs(offset);
          b.append(zone < 0 ? '-' : '+');
          zone = Math.abs(zone);
          pad(b, zone / 60, 2);
          boolean colon = c.std() == Std.ISO_COLON_TZ || c.std() == Std.NUM_COLON_TZ
              || c.std() == Std.ISO_COLON_SECONDS_TZ || c.std() == Std.NUM_COLON_SECONDS_TZ;
          boolean shortTz = c.std() == Std.ISO_SHORT_TZ_Z || c.std() == Std.NUM_SHORT_TZ;
          if (!shortTz) {
            if (colon) {
              b.append(':');
            }
            pad(b, zone % 60, 2);
          }
          if (c.std() == Std.ISO_SECONDS_TZ || c.std() == Std.NUM_SECONDS_TZ
              || c.std() == Std.ISO_COLON_SECONDS_TZ || c.std() == Std.NUM_COLON_SECONDS_TZ) {
            if (colon) {
              b.append(':');
            }
            pad(b, absoff % 60, 2);
          }
        }
        case TZ -> {
          String name = zoneName(t);
          if (name != null) {
            b.append(name);
          } else {
            int zone = offset / 60;
            b.append(zone < 0 ? '-' : '+');
            zone = Math.abs(zone);
            pad(b, zone / 60, 2);
            pad(b, zone % 60, 2);
          }
        }
        case FRAC_ZERO, FRAC_NINE -> {
          String nanos = String.format("%09d", t.getNano());
          String digits = nanos.substring(0, Math.min(9, c.digits()));
          char sep = c.sep();
          if (c.std() == Std.FRAC_NINE) {
            int end = digits.length();
            while (end > 0 && digits.charAt(end - 1) == '0') {
              end--;
            }
            if (end == 0) {
              return;
            }
            digits = digits.substring(0, end);
          }
          b.append(sep).append(digits);
        }
        default -> throw new IllegalStateException(c.std().name());
      }
    }

    /** Go's abbreviation of the zone at {@code t}, or null when Go has none (a bare offset). */
    private static String zoneName(ZonedDateTime t) {
      ZoneId z = t.getZone();
      if (z instanceof ZoneOffset off) {
        return off.getTotalSeconds() == 0 ? "UTC" : null;
      }
      if (z.getId().equals("UTC") || z.getId().equals("Etc/UTC") || z.getId().equals("Z")) {
        return "UTC";
      }
      String name = java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ROOT).format(t);
      if (name.startsWith("GMT") && name.length() > 3) {
        // Java's fallback for zones without an abbreviation; Go (tzdata) prints the offset.
        int zone = t.getOffset().getTotalSeconds() / 60;
        String sign = zone < 0 ? "-" : "+";
        zone = Math.abs(zone);
        return sign + String.format("%02d", zone / 60) + (zone % 60 == 0 ? ""
            : String.format("%02d", zone % 60));
      }
      return name;
    }

    private static void pad(StringBuilder b, int v, int width) {
      String s = Integer.toString(v);
      for (int i = s.length(); i < width; i++) {
        b.append('0');
      }
      b.append(s);
    }

    /**
     * Go's {@code time.ParseInLocation(layout, value, zone)}.
     *
     * @throws IllegalArgumentException with Go's message, as {@code parsing time "x" as "y":
     *     cannot parse "x" as "y"}
     */
    static ZonedDateTime parse(String layout, String value, ZoneId zone) {
      String alayout = layout;
      String avalue = value;
      int year = 1;
      int month = -1;
      int day = -1;
      int yday = -1;
      int hour = 0;
      int min = 0;
      int sec = 0;
      int nsec = 0;
      boolean pmSet = false;
      boolean amSet = false;
      Integer zoneOffset = null;
      String zoneAbbrev = null;
      int lpos = 0;
      String v = value;
      while (true) {
        Chunk c = next(layout, lpos);
        String prefix = c == null ? layout.substring(lpos) : c.prefix();
        v = skip(v, prefix, alayout, avalue, prefix);
        if (c == null) {
          if (!v.isEmpty()) {
            throw new IllegalArgumentException("parsing time " + GoDuration.GoQuote.quote(avalue)
                + ": extra text: " + GoDuration.GoQuote.quote(v));
          }
          break;
        }
        int len = c.std() == Std.LONG_YEAR && c.length() == 5 ? 4 : c.length();
        lpos += c.prefix().length() + len;
        String elem = layout.substring(lpos - len, lpos);
        String hold = v;
        try {
          switch (c.std()) {
            case YEAR -> {
              year = num(v, 2, 2, elem, hold, alayout, avalue);
              v = v.substring(2);
              year += year >= 69 ? 1900 : 2000;
            }
            case LONG_YEAR -> {
              year = num(v, 4, 4, elem, hold, alayout, avalue);
              v = v.substring(4);
            }
            case MONTH, LONG_MONTH -> {
              int found = -1;
              for (int m = 0; m < 12; m++) {
                String name = c.std() == Std.MONTH ? LONG_MONTHS[m].substring(0, 3) : LONG_MONTHS[m];
                if (v.regionMatches(true, 0, name, 0, name.length())) {
                  found = m + 1;
                  v = v.substring(name.length());
                  break;
                }
              }
              if (found < 0) {
                throw bad(alayout, avalue, hold, elem);
              }
              month = found;
            }
            case WEEKDAY, LONG_WEEKDAY -> {
              boolean ok = false;
              for (String d : LONG_DAYS) {
                String name = c.std() == Std.WEEKDAY ? d.substring(0, 3) : d;
                if (v.regionMatches(true, 0, name, 0, name.length())) {
                  v = v.substring(name.length());
                  ok = true;
                  break;
                }
              }
              if (!ok) {
                throw bad(alayout, avalue, hold, elem);
              }
            }
            case NUM_MONTH, ZERO_MONTH -> {
              int[] r = getnum(v, c.std() == Std.ZERO_MONTH, elem, hold, alayout, avalue);
              month = r[0];
              v = v.substring(r[1]);
              if (month <= 0 || month > 12) {
                throw range(avalue, "month");
              }
            }
            case DAY, UNDER_DAY, ZERO_DAY -> {
              if (c.std() == Std.UNDER_DAY && v.startsWith(" ")) {
                v = v.substring(1);
              }
              int[] r = getnum(v, c.std() == Std.ZERO_DAY, elem, hold, alayout, avalue);
              day = r[0];
              v = v.substring(r[1]);
            }
            case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
              int i = 0;
              while (c.std() == Std.UNDER_YEAR_DAY && i < 2 && v.startsWith(" ")) {
                v = v.substring(1);
                i++;
              }
              int n = 0;
              int k = 0;
              while (k < v.length() && k < 3 && Character.isDigit(v.charAt(k))) {
                n = n * 10 + v.charAt(k) - '0';
                k++;
              }
              if (k == 0 || (c.std() == Std.ZERO_YEAR_DAY && k != 3)) {
                throw bad(alayout, avalue, hold, elem);
              }
              yday = n;
              v = v.substring(k);
            }
            case HOUR -> {
              int[] r = getnum(v, false, elem, hold, alayout, avalue);
              hour = r[0];
              v = v.substring(r[1]);
              if (hour < 0 || hour >= 24) {
                throw range(avalue, "hour");
              }
            }
            case HOUR12, ZERO_HOUR12 -> {
              int[] r = getnum(v, c.std() == Std.ZERO_HOUR12, elem, hold, alayout, avalue);
              hour = r[0];
              v = v.substring(r[1]);
              if (hour < 0 || hour > 12) {
                throw range(avalue, "hour");
              }
            }
            case MINUTE, ZERO_MINUTE -> {
              int[] r = getnum(v, c.std() == Std.ZERO_MINUTE, elem, hold, alayout, avalue);
              min = r[0];
              v = v.substring(r[1]);
              if (min < 0 || min >= 60) {
                throw range(avalue, "minute");
              }
            }
            case SECOND, ZERO_SECOND -> {
              int[] r = getnum(v, c.std() == Std.ZERO_SECOND, elem, hold, alayout, avalue);
              sec = r[0];
              v = v.substring(r[1]);
              if (sec < 0 || sec >= 60) {
                throw range(avalue, "second");
              }
              // A fractional second the layout does not mention is still accepted.
              if (v.length() >= 2 && (v.charAt(0) == '.' || v.charAt(0) == ',')
                  && Character.isDigit(v.charAt(1))) {
                Chunk nc = next(layout, lpos);
                if (nc == null || !nc.prefix().isEmpty()
                    || (nc.std() != Std.FRAC_ZERO && nc.std() != Std.FRAC_NINE)) {
                  int k = 1;
                  while (k < v.length() && Character.isDigit(v.charAt(k))) {
                    k++;
                  }
                  nsec = fracNanos(v.substring(1, k));
                  v = v.substring(k);
                }
              }
            }
            case PM, LOWER_PM -> {
              if (v.length() < 2) {
                throw bad(alayout, avalue, hold, elem);
              }
              String p = v.substring(0, 2);
              if (p.equalsIgnoreCase("PM")) {
                pmSet = true;
              } else if (p.equalsIgnoreCase("AM")) {
                amSet = true;
              } else {
                throw bad(alayout, avalue, hold, elem);
              }
              v = v.substring(2);
            }
            case ISO_TZ, ISO_SHORT_TZ_Z, ISO_COLON_TZ, ISO_SECONDS_TZ, ISO_COLON_SECONDS_TZ,
                NUM_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_SECONDS_TZ, NUM_COLON_SECONDS_TZ -> {
              if (c.std().name().startsWith("ISO") && v.startsWith("Z")) {
                v = v.substring(1);
                zoneOffset = 0;
                zoneAbbrev = "UTC";
                break;
              }
              if (v.isEmpty() || (v.charAt(0) != '+' && v.charAt(0) != '-')) {
                throw bad(alayout, avalue, hold, elem);
              }
              int sign = v.charAt(0) == '-' ? -1 : 1;
              boolean colon = c.std().name().contains("COLON");
              boolean withSecs = c.std().name().contains("SECONDS");
              boolean shortTz = c.std() == Std.ISO_SHORT_TZ_Z || c.std() == Std.NUM_SHORT_TZ;
              int need = 3 + (shortTz ? 0 : (colon ? 3 : 2)) + (withSecs ? (colon ? 3 : 2) : 0);
              if (v.length() < need) {
                throw bad(alayout, avalue, hold, elem);
              }
              int hh = twoDigits(v, 1, alayout, avalue, hold, elem);
              int mm = 0;
              int ss = 0;
              int p = 3;
              if (!shortTz) {
                if (colon) {
                  if (v.charAt(p) != ':') {
                    throw bad(alayout, avalue, hold, elem);
                  }
                  p++;
                }
                mm = twoDigits(v, p, alayout, avalue, hold, elem);
                p += 2;
              }
              if (withSecs) {
                if (colon) {
                  if (v.charAt(p) != ':') {
                    throw bad(alayout, avalue, hold, elem);
                  }
                  p++;
                }
                ss = twoDigits(v, p, alayout, avalue, hold, elem);
                p += 2;
              }
              v = v.substring(p);
              zoneOffset = sign * (hh * 3600 + mm * 60 + ss);
            }
            case TZ -> {
              if (v.length() >= 3 && v.startsWith("UTC")) {
                zoneAbbrev = "UTC";
                v = v.substring(3);
                break;
              }
              int k = 0;
              while (k < v.length() && Character.isUpperCase(v.charAt(k))) {
                k++;
              }
              if (k < 3) {
                throw bad(alayout, avalue, hold, elem);
              }
              zoneAbbrev = v.substring(0, k);
              v = v.substring(k);
            }
            case FRAC_ZERO -> {
              int ndigit = 1 + c.digits();
              if (v.length() < ndigit) {
                throw bad(alayout, avalue, hold, elem);
              }
              for (int k = 1; k < ndigit; k++) {
                if (!Character.isDigit(v.charAt(k))) {
                  throw bad(alayout, avalue, hold, elem);
                }
              }
              nsec = fracNanos(v.substring(1, ndigit));
              v = v.substring(ndigit);
            }
            case FRAC_NINE -> {
              if (v.length() < 2 || (v.charAt(0) != '.' && v.charAt(0) != ',')
                  || !Character.isDigit(v.charAt(1))) {
                break;
              }
              int k = 1;
              while (k < 10 && k < v.length() && Character.isDigit(v.charAt(k))) {
                k++;
              }
              nsec = fracNanos(v.substring(1, k));
              v = v.substring(k);
            }
            default -> throw new IllegalStateException(c.std().name());
          }
        } catch (StringIndexOutOfBoundsException e) {
          throw bad(alayout, avalue, hold, elem);
        }
      }
      if (pmSet && hour < 12) {
        hour += 12;
      } else if (amSet && hour == 12) {
        hour = 0;
      }
      if (yday >= 0) {
        LocalDate d = LocalDate.ofYearDay(year, yday);
        if (month < 0) {
          month = d.getMonthValue();
        }
        if (day < 0) {
          day = d.getDayOfMonth();
        }
      }
      if (month < 0) {
        month = 1;
      }
      if (day < 0) {
        day = 1;
      }
      if (day < 1 || day > Month.of(month).length(java.time.Year.isLeap(year))) {
        throw range(avalue, "day");
      }
      LocalDateTime ldt = LocalDateTime.of(LocalDate.of(year, month, day),
          LocalTime.of(hour, min, sec, nsec));
      if (zoneOffset != null) {
        ZoneOffset off = ZoneOffset.ofTotalSeconds(zoneOffset);
        ZonedDateTime inZone = ldt.atOffset(off).atZoneSameInstant(zone);
        if (inZone.getOffset().equals(off)) {
          return inZone;
        }
        return ZonedDateTime.of(ldt, off);
      }
      if (zoneAbbrev != null) {
        if (zoneAbbrev.equals("UTC")) {
          return ZonedDateTime.of(ldt, ZoneOffset.UTC);
        }
        ZonedDateTime inZone = ZonedDateTime.of(ldt, zone);
        if (zoneAbbrev.equals(zoneName(inZone))) {
          return inZone;
        }
        // Go: an unknown abbreviation gets a fabricated zone with offset 0.
        return ZonedDateTime.of(ldt, ZoneOffset.UTC);
      }
      return ZonedDateTime.of(ldt, zone);
    }

    private static int fracNanos(String digits) {
      String d = (digits + "000000000").substring(0, 9);
      return Integer.parseInt(d);
    }

    private static int twoDigits(String v, int at, String layout, String value, String hold,
        String elem) {
      char a = v.charAt(at);
      char b = v.charAt(at + 1);
      if (!Character.isDigit(a) || !Character.isDigit(b)) {
        throw bad(layout, value, hold, elem);
      }
      return (a - '0') * 10 + (b - '0');
    }

    private static int num(String v, int min, int max, String elem, String hold, String layout,
        String value) {
      if (v.length() < min) {
        throw bad(layout, value, hold, elem);
      }
      int n = 0;
      for (int i = 0; i < max; i++) {
        if (!Character.isDigit(v.charAt(i))) {
          throw bad(layout, value, hold, elem);
        }
        n = n * 10 + v.charAt(i) - '0';
      }
      return n;
    }

    /** Go's getnum: one or two digits; {@code fixed} requires two. Returns value and length. */
    private static int[] getnum(String v, boolean fixed, String elem, String hold, String layout,
        String value) {
      if (v.isEmpty() || !Character.isDigit(v.charAt(0))) {
        throw bad(layout, value, hold, elem);
      }
      if (v.length() < 2 || !Character.isDigit(v.charAt(1))) {
        if (fixed) {
          throw bad(layout, value, hold, elem);
        }
        return new int[] {v.charAt(0) - '0', 1};
      }
      return new int[] {(v.charAt(0) - '0') * 10 + (v.charAt(1) - '0'), 2};
    }

    private static String skip(String v, String prefix, String layout, String value,
        String elem) {
      String p = prefix;
      String s = v;
      while (!p.isEmpty()) {
        if (p.charAt(0) == ' ') {
          if (!s.isEmpty() && s.charAt(0) != ' ') {
            throw bad(layout, value, s, p);
          }
          while (!p.isEmpty() && p.charAt(0) == ' ') {
            p = p.substring(1);
          }
          while (!s.isEmpty() && s.charAt(0) == ' ') {
            s = s.substring(1);
          }
          continue;
        }
        if (s.isEmpty() || s.charAt(0) != p.charAt(0)) {
          throw bad(layout, value, s, p);
        }
        p = p.substring(1);
        s = s.substring(1);
      }
      return s;
    }

    private static IllegalArgumentException bad(String layout, String value, String valueElem,
        String layoutElem) {
      return new IllegalArgumentException("parsing time " + GoDuration.GoQuote.quote(value)
          + " as " + GoDuration.GoQuote.quote(layout) + ": cannot parse "
          + GoDuration.GoQuote.quote(valueElem) + " as " + GoDuration.GoQuote.quote(layoutElem));
    }

    private static IllegalArgumentException range(String value, String what) {
      return new IllegalArgumentException("parsing time " + GoDuration.GoQuote.quote(value)
          + ": " + what + " out of range");
    }
  }

}
