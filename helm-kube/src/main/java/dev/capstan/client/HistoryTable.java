package dev.capstan.client;

import dev.capstan.release.Release;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The table {@code helm history} prints (§3.5): the newest {@code max} revisions, oldest first,
 * with columns REVISION, UPDATED (Go's ANSI C time format), STATUS, CHART, APP VERSION and
 * DESCRIPTION, each cell padded to its column's width and cells separated by a tab, as Helm's
 * table writer lays them out.
 */
public final class HistoryTable {
  /** Helm's default {@code --max}. */
  public static final int DEFAULT_MAX = 256;

  private static final DateTimeFormatter ANSI_C =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);
  private static final List<String> HEADER =
      List.of("REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION", "DESCRIPTION");

  private HistoryTable() {}

  /**
   * The table of {@code history}: its newest {@code max} revisions (0: all), times shown in
   * {@code zone} (Helm shows the local time).
   */
  public static String format(List<Release> history, int max, ZoneId zone) {
    List<Release> newest = new ArrayList<>(history);
    newest.sort(Comparator.comparingInt(Release::version).reversed());
    if (max > 0 && newest.size() > max) {
      newest = newest.subList(0, max);
    }
    newest.sort(Comparator.comparingInt(Release::version));
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Release r : newest) {
      rows.add(List.of(Integer.toString(r.version()), updated(r, zone), status(r), chart(r),
          appVersion(r), r.info() == null ? "" : r.info().description()));
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          sb.append('\t');
        }
        String cell = row.get(i);
        sb.append(cell).append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length())));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String updated(Release r, ZoneId zone) {
    OffsetDateTime t = r.info() == null ? null : r.info().lastDeployed();
    return t == null ? "" : ANSI_C.format(t.atZoneSameInstant(zone));
  }

  private static String status(Release r) {
    return r.info() == null || r.info().status() == null ? "" : r.info().status().wireName();
  }

  /** {@code <name>-<version>}, or {@code MISSING} when the record has no chart (§3.5). */
  private static String chart(Release r) {
    return r.chart() == null || r.chart().metadata() == null ? "MISSING"
        : r.chart().name() + "-" + r.chart().version();
  }

  private static String appVersion(Release r) {
    return r.chart() == null || r.chart().metadata() == null || r.chart().appVersion() == null
        ? "" : r.chart().appVersion();
  }
}
