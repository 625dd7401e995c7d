package dev.capstan.internal.template;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sprig's date functions ({@code now}, {@code date}, {@code toDate}, {@code duration}...) over the
 * render's clock: "Local" is the clock's zone, and layouts are Go's reference-time layouts.
 *
 * <p>Internal: not part of Capstan's API.
 */
final class SprigDates {
  private static final Pattern ZONE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*");

  private SprigDates() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put("now", Args.fixed("now", 0, (a, env) -> now(env)));
    m.put("date", Args.fixed("date", 2,
        (a, env) -> dateInZone(Args.str("date", a[0]), a[1], "Local", env)));
    TemplateFunction inZone = (a, env) -> dateInZone(Args.str("dateInZone", a[0]), a[1],
        Args.str("dateInZone", a[2]), env);
    m.put("dateInZone", Args.fixed("dateInZone", 3, inZone));
    m.put("date_in_zone", Args.fixed("date_in_zone", 3, inZone));
    m.put("htmlDate", Args.fixed("htmlDate", 1,
        (a, env) -> dateInZone("2006-01-02", a[0], "Local", env)));
    m.put("htmlDateInZone", Args.fixed("htmlDateInZone", 2,
        (a, env) -> dateInZone("2006-01-02", a[0], Args.str("htmlDateInZone", a[1]), env)));
    m.put("toDate", Args.fixed("toDate", 2, (a, env) -> {
      try {
        return toDate(Args.str("toDate", a[0]), Args.str("toDate", a[1]), env);
      } catch (IllegalArgumentException e) {
        return GoTime.zero();
      }
    }));
    m.put("mustToDate", Args.fixed("mustToDate", 2, (a, env) -> {
      try {
        return toDate(Args.str("mustToDate", a[0]), Args.str("mustToDate", a[1]), env);
      } catch (IllegalArgumentException e) {
        throw new Sprig.FunctionException("mustToDate", e.getMessage());
      }
    }));
    m.put("unixEpoch", Args.fixed("unixEpoch", 1,
        (a, env) -> Long.toString(Args.time("unixEpoch", a[0]).unix())));
    for (String name : new String[] {"dateModify", "date_modify"}) {
      m.put(name, Args.fixed(name, 2, (a, env) -> {
        String fmt = Args.str(name, a[0]);
        GoTime t = Args.time(name, a[1]);
        try {
          return t.plusNanos(GoDuration.parse(fmt));
        } catch (IllegalArgumentException e) {
          return t;
        }
      }));
    }
    for (String name : new String[] {"mustDateModify", "must_date_modify"}) {
      m.put(name, Args.fixed(name, 2, (a, env) -> {
        String fmt = Args.str(name, a[0]);
        GoTime t = Args.time(name, a[1]);
        try {
          return t.plusNanos(GoDuration.parse(fmt));
        } catch (IllegalArgumentException e) {
          throw new Sprig.FunctionException(name, e.getMessage());
        }
      }));
    }
    m.put("duration", Args.fixed("duration", 1, (a, env) -> duration(a[0])));
    m.put("durationRound", Args.fixed("durationRound", 1, (a, env) -> durationRound(a[0], env)));
    m.put("ago", Args.fixed("ago", 1, (a, env) -> ago(a[0], env)));
  }

  /** Sprig {@code now}: the clock's time in the clock's zone. */
  static GoTime now(FunctionEnv env) {
    return new GoTime(ZonedDateTime.now(env.clock()));
  }

  /**
   * Sprig {@code dateInZone}: {@code date} (a time, or unix seconds as int or int64; anything
   * else means now) in {@code zone} (an IANA name, "Local" or "UTC"; unknown names mean UTC),
   * formatted with Go's layout {@code fmt}.
   */
  static String dateInZone(String fmt, Object date, String zone, FunctionEnv env) {
    GoTime t = timeOf(date, env);
    return t.in(location(zone, env)).format(fmt);
  }

  private static GoTime timeOf(Object date, FunctionEnv env) {
    if (date instanceof GoTime t) {
      return t;
    }
    if (date instanceof Long || date instanceof Integer) {
      return new GoTime(ZonedDateTime.ofInstant(Instant.ofEpochSecond(((Number) date).longValue()),
          env.clock().getZone()));
    }
    return now(env);
  }

  /** Go's {@code time.LoadLocation}, with Sprig's fallback to UTC when the name is unknown. */
  static ZoneId location(String zone, FunctionEnv env) {
    if (zone.isEmpty() || zone.equals("UTC")) {
      return ZoneOffset.UTC;
    }
    if (zone.equals("Local")) {
      return env.clock().getZone();
    }
    if (ZONE_NAME.matcher(zone).matches() && ZoneId.getAvailableZoneIds().contains(zone)) {
      return ZoneId.of(zone);
    }
    return ZoneOffset.UTC;
  }

  /** Sprig {@code toDate}: Go's {@code time.ParseInLocation(fmt, str, time.Local)}. */
  static GoTime toDate(String fmt, String str, FunctionEnv env) {
    return new GoTime(GoTime.GoLayout.parse(fmt, str, env.clock().getZone()));
  }

  /** Sprig {@code duration}: seconds (an int64 or a decimal string; else 0) as Go prints them. */
  static String duration(Object sec) {
    long n = 0;
    if (sec instanceof String s) {
      try {
        n = Long.parseLong(s);
      } catch (NumberFormatException e) {
        n = 0;
      }
    } else if (sec instanceof Long l) {
      n = l;
    }
    return GoDuration.format(n * GoDuration.SECOND);
  }

  /**
   * Sprig {@code durationRound}: a duration (Go duration string, int64 nanoseconds, or the time
   * since a time) as its largest whole unit: {@code 2h}, {@code 3mo}, {@code 1y}.
   */
  static String durationRound(Object v, FunctionEnv env) {
    long d = 0;
    if (v instanceof String s) {
      try {
        d = GoDuration.parse(s);
      } catch (IllegalArgumentException e) {
        d = 0;
      }
    } else if (v instanceof Long l) {
      d = l;
    } else if (v instanceof GoTime t) {
      d = since(t, env);
    }
    long u = Math.abs(d);
    long second = GoDuration.SECOND;
    long minute = GoDuration.MINUTE;
    long hour = GoDuration.HOUR;
    long day = hour * 24;
    long month = day * 30;
    long year = day * 365;
    if (u > year) {
      return u / year + "y";
    } else if (u > month) {
      return u / month + "mo";
    } else if (u > day) {
      return u / day + "d";
    } else if (u > hour) {
      return u / hour + "h";
    } else if (u > minute) {
      return u / minute + "m";
    } else if (u > second) {
      return u / second + "s";
    }
    return "0s";
  }

  /** Sprig {@code ago}: the time since {@code date}, rounded to seconds, as Go prints it. */
  static String ago(Object date, FunctionEnv env) {
    GoTime t;
    if (date instanceof GoTime g) {
      t = g;
    } else if (date instanceof Long || date instanceof Integer) {
      t = new GoTime(ZonedDateTime.ofInstant(Instant.ofEpochSecond(((Number) date).longValue()),
          ZoneOffset.UTC));
    } else {
      t = now(env);
    }
    long d = since(t, env);
    // Go's Duration.Round(time.Second): halfway values round away from zero.
    long r = Math.floorMod(d, GoDuration.SECOND);
    long down = d - r;
    long rounded = r + r < GoDuration.SECOND ? down : down + GoDuration.SECOND;
    if (d < 0) {
      long ad = -d;
      long ar = ad % GoDuration.SECOND;
      rounded = -(ar + ar < GoDuration.SECOND ? ad - ar : ad - ar + GoDuration.SECOND);
    }
    return GoDuration.format(rounded);
  }

  private static long since(GoTime t, FunctionEnv env) {
    Instant now = env.clock().instant();
    return java.time.Duration.between(t.time().toInstant(), now).toNanos();
  }
}
