package dev.capstan.repo;

import dev.capstan.internal.json.GoJson;
import dev.capstan.internal.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of a {@link ChartSearch}, in Helm's order, with the table, JSON and YAML that
 * {@code helm search repo} prints.
 */
public final class SearchResults {
  /** Helm's default {@code --max-col-width}. */
  public static final int DEFAULT_MAX_COL_WIDTH = 50;

  private final List<SearchResult> results;

  SearchResults(List<SearchResult> results) {
    this.results = List.copyOf(results);
  }

  /** The results, best first. */
  public List<SearchResult> results() {
    return results;
  }

  /** Whether nothing matched. */
  public boolean isEmpty() {
    return results.isEmpty();
  }

  /** The table with Helm's default column width; see {@link #table(int)}. */
  public String table() {
    return table(DEFAULT_MAX_COL_WIDTH);
  }

  /**
   * The table {@code helm search repo} prints (columns {@code NAME}, {@code CHART VERSION},
   * {@code APP VERSION}, {@code DESCRIPTION}, tab-separated and padded, cells longer than
   * {@code maxColWidth} cut with {@code ...}), or {@code No results found} and a newline.
   *
   * @param maxColWidth {@code --max-col-width}; 0 means no limit
   */
  public String table(int maxColWidth) {
    if (results.isEmpty()) {
      return "No results found\n";
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NAME", "CHART VERSION", "APP VERSION", "DESCRIPTION"});
    for (SearchResult r : results) {
      rows.add(new String[] {r.name(), r.chart().version(), r.chart().appVersion(),
          r.chart().description()});
    }
    int[] widths = new int[4];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        int w = width(row[i]);
        if (maxColWidth > 0 && w > maxColWidth) {
          w = maxColWidth;
        }
        widths[i] = Math.max(widths[i], w);
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      if (r > 0) {
        sb.append('\n');
      }
      String[] row = rows.get(r);
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          sb.append('\t');
        }
        String cell = truncate(row[i], widths[i]);
        sb.append(cell);
        sb.append(" ".repeat(Math.max(0, widths[i] - width(cell))));
      }
    }
    return sb.append('\n').toString();
  }

  /** What {@code -o json} prints: a JSON array, escaped as Go does, and a newline. */
  public String json() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < results.size(); i++) {
      SearchResult r = results.get(i);
      sb.append(i == 0 ? "{" : ",{").append("\"name\":");
      GoJson.quote(sb, r.name());
      sb.append(",\"version\":");
      GoJson.quote(sb, r.chart().version());
      sb.append(",\"app_version\":");
      GoJson.quote(sb, r.chart().appVersion());
      sb.append(",\"description\":");
      GoJson.quote(sb, r.chart().description());
      sb.append('}');
    }
    return sb.append("]\n").toString();
  }

  /** What {@code -o yaml} prints. */
  public String yaml() {
    List<Object> list = new ArrayList<>();
    for (SearchResult r : results) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", r.name());
      m.put("version", r.chart().version());
      m.put("app_version", r.chart().appVersion());
      m.put("description", r.chart().description());
      list.add(m);
    }
    return YamlWriter.write(list);
  }

  private static int width(String s) {
    return s.codePointCount(0, s.length());
  }

  /** uitable's cut: at most {@code w} wide, ending in {@code ...} when shortened. */
  private static String truncate(String s, int w) {
    if (width(s) <= w) {
      return s;
    }
    int keep = Math.max(0, w - 3);
    int end = s.offsetByCodePoints(0, Math.min(keep, width(s)));
    return s.substring(0, end) + "...";
  }
}
