package dev.capstan.samples.cli;

import dev.capstan.release.Release;
import dev.capstan.values.Values;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The texts Helm's commands print for releases: status, list, history as JSON or YAML, get all. */
final class Printers {
  private Printers() {}

  /** Helm's status printer (install, upgrade, test), without the live resources. */
  static String status(Release r, ZoneId zone, boolean notes) {
    return status(r, zone, notes, "");
  }

  /** Helm's status printer with a {@code RESOURCES:} section ({@code ""}: none). */
  static String status(Release r, ZoneId zone, boolean notes, String resources) {
    StringBuilder sb = new StringBuilder();
    sb.append("NAME: ").append(r.name()).append('\n');
    if (r.info().lastDeployed() != null) {
      sb.append("LAST DEPLOYED: ").append(GoText.ansiC(r.info().lastDeployed(), zone)).append('\n');
    }
    sb.append("NAMESPACE: ").append(r.namespace()).append('\n');
    sb.append("STATUS: ").append(status(r)).append('\n');
    sb.append("REVISION: ").append(r.version()).append('\n');
    sb.append("DESCRIPTION: ").append(r.info().description()).append('\n');
    sb.append(resources);
    testSuite(r, zone, sb);
    if (notes && !r.info().notes().isBlank()) {
      sb.append("NOTES:\n").append(r.info().notes().strip()).append('\n');
    }
    return sb.toString();
  }

  private static void testSuite(Release r, ZoneId zone, StringBuilder sb) {
    for (var h : r.hooks()) {
      if (!h.events().contains(dev.capstan.release.HookEvent.TEST) || h.lastRun() == null
          || h.lastRun().startedAt() == null) {
        continue;
      }
      sb.append("TEST SUITE:     ").append(h.name()).append('\n');
      sb.append("Last Started:   ").append(GoText.ansiC(h.lastRun().startedAt(), zone))
          .append('\n');
      sb.append("Last Completed: ").append(GoText.ansiC(h.lastRun().completedAt(), zone))
          .append('\n');
      sb.append("Phase:          ").append(h.lastRun().phaseIfRan().map(p -> p.wireName())
          .orElse("Unknown")).append('\n');
    }
  }

  private static String status(Release r) {
    return r.info().status() == null ? "unknown" : r.info().status().wireName();
  }

  private static String chart(Release r) {
    return r.chart() == null ? "" : r.chart().name() + "-" + r.chart().version();
  }

  private static String appVersion(Release r) {
    return r.chart() == null || r.chart().appVersion() == null ? "" : r.chart().appVersion();
  }

  /** {@code helm get all}: the status head, both values and the hooks and manifest. */
  static String all(Release r, String userYaml, String computedYaml, ZoneId zone) {
    StringBuilder sb = new StringBuilder();
    sb.append("NAME: ").append(r.name()).append('\n');
    sb.append("LAST DEPLOYED: ").append(GoText.ansiC(r.info().lastDeployed(), zone)).append('\n');
    sb.append("NAMESPACE: ").append(r.namespace()).append('\n');
    sb.append("STATUS: ").append(status(r)).append('\n');
    sb.append("REVISION: ").append(r.version()).append('\n');
    if (r.chart() != null) {
      sb.append("CHART: ").append(r.chart().name()).append('\n');
      sb.append("VERSION: ").append(r.chart().version()).append('\n');
      sb.append("APP_VERSION: ").append(appVersion(r)).append('\n');
    }
    sb.append("DESCRIPTION: ").append(r.info().description()).append('\n');
    sb.append("USER-SUPPLIED VALUES:\n").append(userYaml).append('\n');
    sb.append("COMPUTED VALUES:\n").append(computedYaml).append('\n');
    sb.append("HOOKS:\n");
    for (var h : r.hooks()) {
      sb.append("---\n# Source: ").append(h.path()).append('\n').append(h.manifest()).append('\n');
    }
    sb.append("MANIFEST:\n").append(r.manifest()).append('\n');
    if (!r.info().notes().isBlank()) {
      sb.append("\nNOTES:\n").append(r.info().notes().strip()).append('\n');
    }
    return sb.toString();
  }

  private static List<Release> newest(List<Release> history, int max) {
    List<Release> rs = new ArrayList<>(history);
    rs.sort(Comparator.comparingInt(Release::version).reversed());
    if (max > 0 && rs.size() > max) {
      rs = rs.subList(0, max);
    }
    rs.sort(Comparator.comparingInt(Release::version));
    return rs;
  }

  private static Map<String, Object> historyRow(Release r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("revision", r.version());
    m.put("updated", GoText.rfc3339Nano(r.info().lastDeployed()));
    m.put("status", status(r));
    m.put("chart", chart(r));
    m.put("app_version", appVersion(r));
    m.put("description", r.info().description());
    return m;
  }

  /** {@code helm history -o json}. */
  static String historyJson(List<Release> history, int max) {
    return json(newest(history, max).stream().map(Printers::historyRow).toList());
  }

  /** {@code helm history -o yaml}: the same rows, keys sorted as sigs.k8s.io/yaml writes them. */
  static String historyYaml(List<Release> history, int max) {
    return yamlList(newest(history, max).stream().map(Printers::historyRow).toList());
  }

  private static Map<String, Object> listRow(Release r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("namespace", r.namespace());
    m.put("revision", Integer.toString(r.version()));
    m.put("updated", GoText.timeString(r.info().lastDeployed()));
    m.put("status", status(r));
    m.put("chart", chart(r));
    m.put("app_version", appVersion(r));
    return m;
  }

  /** {@code helm list -o json}. */
  static String listJson(List<Release> releases) {
    return json(releases.stream().map(Printers::listRow).toList());
  }

  /** {@code helm list -o yaml}. */
  static String listYaml(List<Release> releases) {
    return yamlList(releases.stream().map(Printers::listRow).toList());
  }

  /** {@code helm list}'s table: every cell padded to its column, cells separated by a tab. */
  static String listTable(List<Release> releases, boolean headers) {
    List<List<String>> rows = new ArrayList<>();
    if (headers) {
      rows.add(List.of("NAME", "NAMESPACE", "REVISION", "UPDATED", "STATUS", "CHART",
          "APP VERSION"));
    }
    for (Release r : releases) {
      rows.add(listRow(r).values().stream().map(Object::toString).toList());
    }
    return table(rows);
  }

  static String table(List<List<String>> rows) {
    if (rows.isEmpty()) {
      return "";
    }
    int[] widths = new int[rows.get(0).size()];
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

  /** Go's encoding/json of rows of strings and integers (HTML characters escaped as Go does). */
  static String json(List<Map<String, Object>> rows) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('{');
      int j = 0;
      for (var e : rows.get(i).entrySet()) {
        if (j++ > 0) {
          sb.append(',');
        }
        sb.append(jsonString(e.getKey())).append(':');
        sb.append(e.getValue() instanceof Integer n ? n.toString()
            : jsonString(e.getValue().toString()));
      }
      sb.append('}');
    }
    return sb.append(']').toString();
  }

  private static String jsonString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<', '>', '&' -> sb.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static String yamlList(List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return "[]\n";
    }
    StringBuilder sb = new StringBuilder();
    for (Map<String, Object> row : rows) {
      String item = Values.of(row).toYaml();
      String[] lines = item.split("\n");
      for (int i = 0; i < lines.length; i++) {
        sb.append(i == 0 ? "- " : "  ").append(lines[i]).append('\n');
      }
    }
    return sb.toString();
  }
}
