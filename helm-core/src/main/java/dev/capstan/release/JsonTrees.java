package dev.capstan.release;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep-immutable copies of decoded JSON trees, keeping map order. */
final class JsonTrees {
  private JsonTrees() {}

  static Map<String, Object> freezeMap(Map<String, ?> m) {
    if (m == null || m.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, freeze(v)));
    return Collections.unmodifiableMap(out);
  }

  @SuppressWarnings("unchecked")
  static Object freeze(Object v) {
    if (v instanceof Map<?, ?> m) {
      return freezeMap((Map<String, ?>) m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(freeze(o));
      }
      return Collections.unmodifiableList(out);
    }
    return v;
  }
}
