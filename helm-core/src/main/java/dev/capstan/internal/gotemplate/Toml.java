package dev.capstan.internal.gotemplate;

import dev.capstan.internal.gofmt.GoFmt;
import dev.capstan.internal.json.GoJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Helm's {@code toToml}: a map as TOML the way Go's BurntSushi/toml encoder writes it (sorted keys,
 * plain values before tables, nested tables indented by two spaces). An encoding error yields its
 * text, as Helm's does.
 */
final class Toml {
  private Toml() {}

  static String encode(Object v) {
    if (!(v instanceof Map<?, ?> m)) {
      return "toml: top-level values must be Go maps or structs";
    }
    StringBuilder sb = new StringBuilder();
    table(sb, List.of(), m, "");
    return sb.toString();
  }

  private static void table(StringBuilder sb, List<String> path, Map<?, ?> m, String indent) {
    List<String> keys = new ArrayList<>();
    for (Object k : m.keySet()) {
      keys.add(String.valueOf(k));
    }
    keys.sort(GoJson.KEY_ORDER);
    for (String k : keys) {
      Object v = m.get(k);
      if (v == null || v instanceof Map || isTableArray(v)) {
        continue;
      }
      sb.append(indent).append(key(k)).append(" = ").append(value(v)).append('\n');
    }
    for (String k : keys) {
      Object v = m.get(k);
      List<String> sub = new ArrayList<>(path);
      sub.add(k);
      String name = String.join(".", sub.stream().map(Toml::key).toList());
      if (v instanceof Map<?, ?> child) {
        sb.append('\n').append(indent).append('[').append(name).append("]\n");
        table(sb, sub, child, path.isEmpty() ? "  " : indent + "  ");
      } else if (isTableArray(v)) {
        for (Object e : (List<?>) v) {
          sb.append('\n').append(indent).append("[[").append(name).append("]]\n");
          table(sb, sub, (Map<?, ?>) e, path.isEmpty() ? "  " : indent + "  ");
        }
      }
    }
  }

  private static boolean isTableArray(Object v) {
    return v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map;
  }

  private static String key(String k) {
    return !k.isEmpty() && k.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128
        || c == '_' || c == '-') ? k : quote(k);
  }

  private static String value(Object v) {
    if (v instanceof String s) {
      return quote(s);
    }
    if (v instanceof Double d) {
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e16) {
        return GoFmt.value(d) + (GoFmt.value(d).contains("e") ? "" : ".0");
      }
      return GoFmt.value(d);
    }
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      for (Object o : l) {
        parts.add(value(o));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    return GoFmt.value(v);
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\u%04X", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
