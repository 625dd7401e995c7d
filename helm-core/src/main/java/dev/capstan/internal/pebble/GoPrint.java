package dev.capstan.internal.pebble;

import dev.capstan.internal.json.GoJson;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Go's {@code %v} of a template value, as Go's template engine prints it. */
final class GoPrint {
  private GoPrint() {}

  static String value(Object v) {
    StringBuilder sb = new StringBuilder();
    append(sb, v, 0);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object v, int depth) {
    if (v == null) {
      sb.append("<nil>");
    } else if (v instanceof String s) {
      sb.append(s);
    } else if (v instanceof Double d) {
      sb.append(GoJson.formatFloat(d, 'g', 64));
    } else if (v instanceof Float f) {
      sb.append(GoJson.formatFloat(f, 'g', 32));
    } else if (v instanceof Map<?, ?> m && !(v instanceof dev.capstan.internal.template.VersionObject)) {
      sb.append("map[");
      List<String> keys = new ArrayList<>();
      for (Object k : m.keySet()) {
        keys.add(String.valueOf(k));
      }
      keys.sort(GoJson.KEY_ORDER);
      boolean first = true;
      for (String k : keys) {
        if (!first) {
          sb.append(' ');
        }
        first = false;
        sb.append(k).append(':');
        append(sb, m.get(k), depth + 1);
      }
      sb.append(']');
    } else if (v instanceof Collection<?> c) {
      sb.append('[');
      boolean first = true;
      for (Object e : c) {
        if (!first) {
          sb.append(' ');
        }
        first = false;
        append(sb, e, depth + 1);
      }
      sb.append(']');
    } else if (v.getClass().isArray()) {
      sb.append('[');
      int n = Array.getLength(v);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          sb.append(' ');
        }
        append(sb, Array.get(v, i), depth + 1);
      }
      sb.append(']');
    } else {
      sb.append(v);
    }
  }
}
