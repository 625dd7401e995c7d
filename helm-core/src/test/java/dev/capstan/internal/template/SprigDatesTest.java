package dev.capstan.internal.template;

import static dev.capstan.internal.template.Fns.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.internal.gofmt.GoFmt;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Sprig's date functions, Go's layouts and Go's durations, on a fixed clock. */
class SprigDatesTest {
  private static final long S = 1_000_000_000L;

  @Test
  @DisplayName("Duration.String as Go prints it")
  void durationString() {
    assertThat(GoDuration.format(0)).isEqualTo("0s");
    assertThat(GoDuration.format(100)).isEqualTo("100ns");
    assertThat(GoDuration.format(1500)).isEqualTo("1.5µs");
    assertThat(GoDuration.format(1_000_000)).isEqualTo("1ms");
    assertThat(GoDuration.format(1500 * 1_000_000L)).isEqualTo("1.5s");
    assertThat(GoDuration.format(90 * S)).isEqualTo("1m30s");
    assertThat(GoDuration.format(5400 * S)).isEqualTo("1h30m0s");
    assertThat(GoDuration.format(-90 * S)).isEqualTo("-1m30s");
    assertThat(GoDuration.format((72 * 3600 + 180) * S + S / 2)).isEqualTo("72h3m0.5s");
    assertThat(GoDuration.format(Long.MIN_VALUE)).isEqualTo("-2562047h47m16.854775808s");
  }

  @Test
  @DisplayName("time.ParseDuration accepts Go's units and rejects what Go rejects, with Go's text")
  void parseDuration() {
    assertThat(GoDuration.parse("1h30m")).isEqualTo(5400 * S);
    assertThat(GoDuration.parse("-1.5h")).isEqualTo(-5400 * S);
    assertThat(GoDuration.parse("300ms")).isEqualTo(300_000_000L);
    assertThat(GoDuration.parse("1us")).isEqualTo(1000);
    assertThat(GoDuration.parse("1µs")).isEqualTo(1000);
    assertThat(GoDuration.parse("0")).isZero();
    assertThatThrownBy(() -> GoDuration.parse("abc"))
        .hasMessage("time: invalid duration \"abc\"");
    assertThatThrownBy(() -> GoDuration.parse("1"))
        .hasMessage("time: missing unit in duration \"1\"");
    assertThatThrownBy(() -> GoDuration.parse("1x"))
        .hasMessage("time: unknown unit \"x\" in duration \"1x\"");
    assertThatThrownBy(() -> GoDuration.parse(""))
        .hasMessage("time: invalid duration \"\"");
  }

  @Test
  @DisplayName("date formats the clock's time with Go's reference layouts")
  void dateLayouts() {
    GoTime now = (GoTime) call("now");
    assertThat(call("date", "2006-01-02", now)).isEqualTo("2024-05-06");
    assertThat(call("date", "Mon Jan _2 15:04:05 MST 2006", now))
        .isEqualTo("Mon May  6 07:08:09 UTC 2024");
    assertThat(call("date", "2006-01-02T15:04:05.999999999Z07:00", now))
        .isEqualTo("2024-05-06T07:08:09.123456789Z");
    assertThat(call("date", "02 Jan 06 15:04 -0700", now)).isEqualTo("06 May 24 07:08 +0000");
    assertThat(call("date", "Monday, January 2, 2006 3:04:05.000 PM", now))
        .isEqualTo("Monday, May 6, 2024 7:08:09.123 AM");
    assertThat(call("date", "Jan 2 '06 at 15h", now)).isEqualTo("May 6 '24 at 07h");
    assertThat(call("date", "002 __2 .9 ,00", now)).isEqualTo("127 127 .1 ,12");
  }

  @Test
  @DisplayName("date takes unix seconds as int or int64, and anything else as now")
  void dateOfNumbers() {
    assertThat(call("date", "2006-01-02 15:04:05", 0L)).isEqualTo("1970-01-01 00:00:00");
    assertThat(call("date", "2006-01-02", 86400)).isEqualTo("1970-01-02");
    assertThat(call("date", "2006-01-02", "not a time")).isEqualTo("2024-05-06");
    assertThat(call("htmlDate", 0L)).isEqualTo("1970-01-01");
  }

  @Test
  @DisplayName("dateInZone converts to IANA zones with their abbreviation; unknown zones are UTC")
  void dateInZone() {
    GoTime now = (GoTime) call("now");
    assertThat(call("dateInZone", "2006-01-02 15:04 MST -07:00", now, "America/New_York"))
        .isEqualTo("2024-05-06 03:08 EDT -04:00");
    assertThat(call("date_in_zone", "15:04", now, "Asia/Kolkata")).isEqualTo("12:38");
    assertThat(call("dateInZone", "15:04 MST", now, "Nowhere/Special")).isEqualTo("07:08 UTC");
    assertThat(call("htmlDateInZone", now, "Pacific/Kiritimati")).isEqualTo("2024-05-06");
  }

  @Test
  @DisplayName("Local is the clock's zone")
  void localZone() {
    FunctionEnv env = Fns.env(ZoneId.of("Europe/Berlin"), 1);
    GoTime now = (GoTime) call(env, "now");
    assertThat(call(env, "date", "15:04 MST", now)).isEqualTo("09:08 CEST");
    assertThat(now.goString()).isEqualTo("2024-05-06 09:08:09.123456789 +0200 CEST");
  }

  @Test
  @DisplayName("now prints as Go's Time.String and has the methods of time.Time")
  void nowObject() {
    GoTime now = (GoTime) call("now");
    assertThat(GoFmt.value(now)).isEqualTo("2024-05-06 07:08:09.123456789 +0000 UTC");
    assertThat(now.has("Year")).isTrue();
    assertThat(now.get("Year", new Object[0])).isEqualTo(2024);
    assertThat(now.get("Unix", new Object[0])).isEqualTo(1714979289L);
    assertThat(GoFmt.value(now.get("Month", new Object[0]))).isEqualTo("May");
    assertThat(now.get("Format", new Object[] {"15h04"})).isEqualTo("07h08");
    assertThatThrownBy(() -> now.get("Format", new Object[0]))
        .isInstanceOf(TemplateFunction.ArityException.class)
        .hasMessage("wrong number of args for Format: want 1 got 0");
  }

  @Test
  @DisplayName("toDate parses Go layouts in the local zone; bad input gives the zero time")
  void toDate() {
    GoTime t = (GoTime) call("toDate", "2006-01-02", "2017-12-31");
    assertThat(t.goString()).isEqualTo("2017-12-31 00:00:00 +0000 UTC");
    GoTime z = (GoTime) call("toDate", "2006-01-02T15:04:05Z07:00", "2020-02-29T23:59:58+05:30");
    assertThat(z.time().toInstant()).isEqualTo(ZonedDateTime.of(2020, 2, 29, 18, 29, 58, 0,
        ZoneOffset.UTC).toInstant());
    assertThat(z.format("Z07:00")).isEqualTo("+05:30");
    GoTime pm = (GoTime) call("toDate", "Jan 2, 2006 at 3:04pm (MST)", "Feb 3, 2013 at 7:54pm (UTC)");
    assertThat(pm.goString()).isEqualTo("2013-02-03 19:54:00 +0000 UTC");
    GoTime frac = (GoTime) call("toDate", "2006-01-02 15:04:05", "2021-03-04 05:06:07.25");
    assertThat(frac.time().getNano()).isEqualTo(250_000_000);
    assertThat(((GoTime) call("toDate", "2006-01-02", "junk")).goString())
        .isEqualTo("0001-01-01 00:00:00 +0000 UTC");
  }

  @Test
  @DisplayName("mustToDate fails with Go's parse error")
  void mustToDate() {
    assertThatThrownBy(() -> call("mustToDate", "2006-01-02", "foo"))
        .isInstanceOf(Sprig.FunctionException.class)
        .hasMessage("parsing time \"foo\" as \"2006-01-02\": cannot parse \"foo\" as \"2006\"");
    assertThatThrownBy(() -> call("mustToDate", "2006-01-02", "2024-13-01"))
        .hasMessage("parsing time \"2024-13-01\": month out of range");
    assertThatThrownBy(() -> call("mustToDate", "2006-01-02", "2024-02-30"))
        .hasMessage("parsing time \"2024-02-30\": day out of range");
    assertThatThrownBy(() -> call("mustToDate", "2006-01-02", "2024-01-01x"))
        .hasMessage("parsing time \"2024-01-01x\": extra text: \"x\"");
  }

  @Test
  @DisplayName("unixEpoch, dateModify and mustDateModify")
  void epochAndModify() {
    GoTime now = (GoTime) call("now");
    assertThat(call("unixEpoch", now)).isEqualTo("1714979289");
    assertThat(((GoTime) call("dateModify", "-1.5h", now)).format("15:04:05"))
        .isEqualTo("05:38:09");
    assertThat(((GoTime) call("date_modify", "24h", now)).format("2006-01-02"))
        .isEqualTo("2024-05-07");
    assertThat(call("dateModify", "nonsense", now)).isEqualTo(now);
    assertThatThrownBy(() -> call("mustDateModify", "nonsense", now))
        .hasMessage("time: invalid duration \"nonsense\"");
    assertThat(((GoTime) call("must_date_modify", "1m", now)).format("04")).isEqualTo("09");
    assertThatThrownBy(() -> call("unixEpoch", "2024"))
        .hasMessage("wrong type for value; expected time.Time; got string");
  }

  @Test
  @DisplayName("duration reads int64 or decimal strings only, as Sprig's type switch does")
  void duration() {
    assertThat(call("duration", "95")).isEqualTo("1m35s");
    assertThat(call("duration", 3600L)).isEqualTo("1h0m0s");
    assertThat(call("duration", 95)).isEqualTo("0s");
    assertThat(call("duration", 95.0)).isEqualTo("0s");
    assertThat(call("duration", "1m")).isEqualTo("0s");
  }

  @Test
  @DisplayName("durationRound keeps the largest unit; ago rounds the time since to seconds")
  void durationRoundAndAgo() {
    assertThat(call("durationRound", "2h10m5s")).isEqualTo("2h");
    assertThat(call("durationRound", "400h")).isEqualTo("16d");
    assertThat(call("durationRound", "2000h")).isEqualTo("2mo");
    assertThat(call("durationRound", "10000h")).isEqualTo("1y");
    assertThat(call("durationRound", 3_000_000_000L)).isEqualTo("3s");
    assertThat(call("durationRound", "-3m1s")).isEqualTo("3m");
    assertThat(call("durationRound", "1s")).isEqualTo("0s");
    GoTime now = (GoTime) call("now");
    GoTime before = now.plusNanos(-(90 * S + 600_000_000L));
    assertThat(call("ago", before)).isEqualTo("1m31s");
    assertThat(call("durationRound", before)).isEqualTo("1m");
    assertThat(call("ago", now)).isEqualTo("0s");
  }

  @Test
  @DisplayName("arity and argument types fail as Go's text/template reports them")
  void argumentErrors() {
    assertThatThrownBy(() -> call("now", 1))
        .isInstanceOf(TemplateFunction.ArityException.class)
        .hasMessage("wrong number of args for now: want 0 got 1");
    assertThatThrownBy(() -> call("date", 1, 2))
        .isInstanceOf(Sprig.FunctionException.class)
        .hasMessage("wrong type for value; expected string; got int");
    assertThatThrownBy(() -> call("dateInZone", "x", 0))
        .hasMessage("wrong number of args for dateInZone: want 3 got 2");
  }
}
