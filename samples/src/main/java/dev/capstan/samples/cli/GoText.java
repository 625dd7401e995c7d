package dev.capstan.samples.cli;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How Go prints the texts Helm shows: quoted strings and times. */
final class GoText {
  private static final DateTimeFormatter ANSI_C =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter SPACED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private GoText() {}

  /** Go's {@code %q}: double quotes, with backslash escapes for quotes and control characters. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** Go's {@code time.ANSIC} in {@code zone}: {@code Mon Nov 23 20:37:48 2026}. */
  static String ansiC(OffsetDateTime t, ZoneId zone) {
    return t == null ? "" : ANSI_C.format(t.atZoneSameInstant(zone));
  }

  /** Go's {@code time.RFC3339Nano}, as {@code encoding/json} writes a time. */
  static String rfc3339Nano(OffsetDateTime t) {
    if (t == null) {
      return "0001-01-01T00:00:00Z";
    }
    String offset = t.getOffset().equals(ZoneOffset.UTC) ? "Z" : t.getOffset().getId();
    return SECONDS.format(t) + fraction(t.getNano()) + offset;
  }

  /**
   * Go's {@code Time.String()} of a time read from a record:
   * {@code 2026-11-23 20:37:54.562619236 +0000 UTC}.
   */
  static String timeString(OffsetDateTime t) {
    if (t == null) {
      return "0001-01-01 00:00:00 +0000 UTC";
    }
    String numeric = t.getOffset().equals(ZoneOffset.UTC) ? "+0000"
        : t.getOffset().getId().replace(":", "");
    String name = t.getOffset().equals(ZoneOffset.UTC) ? "UTC" : numeric;
    return SPACED.format(t) + fraction(t.getNano()) + " " + numeric + " " + name;
  }

  private static String fraction(int nanos) {
    if (nanos == 0) {
      return "";
    }
    String f = String.format("%09d", nanos);
    int end = f.length();
    while (f.charAt(end - 1) == '0') {
      end--;
    }
    return "." + f.substring(0, end);
  }
}
