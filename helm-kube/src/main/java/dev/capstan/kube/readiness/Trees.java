package dev.capstan.kube.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads fields of an object's generic (JSON-like) tree, as kstatus reads unstructured objects. */
final class Trees {

  /** One entry of {@code status.conditions}; absent fields are empty strings. */
  record Condition(String type, String status, String reason, String message) {}

  private Trees() {}

  /** Returns the value at {@code path}, or null when any step is missing or not an object. */
  static Object at(Map<String, Object> tree, String... path) {
    Object cur = tree;
    for (String step : path) {
      if (!(cur instanceof Map<?, ?> m)) {
        return null;
      }
      cur = m.get(step);
    }
    return cur;
  }

  /** Returns whether a value exists at {@code path}. */
  static boolean has(Map<String, Object> tree, String... path) {
    return at(tree, path) != null;
  }

  /**
   * Returns the integer at {@code path}, or {@code dflt} when missing or not an integer; a
   * floating-point number with an integral value counts as an integer.
   */
  static long integer(Map<String, Object> tree, long dflt, String... path) {
    Object v = at(tree, path);
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof java.math.BigInteger b) {
      return b.longValue();
    }
    // Capstan's YAML/JSON value model reads every number as a double; accept integral ones.
    if ((v instanceof Double || v instanceof Float) && ((Number) v).doubleValue() % 1 == 0
        && !Double.isInfinite(((Number) v).doubleValue())) {
      return ((Number) v).longValue();
    }
    return dflt;
  }

  /** Returns the string at {@code path}, or {@code dflt} when missing or not a string. */
  static String string(Map<String, Object> tree, String dflt, String... path) {
    return at(tree, path) instanceof String s ? s : dflt;
  }

  /** Returns {@code status.conditions} in order; entries that are not objects are skipped. */
  static List<Condition> conditions(Map<String, Object> tree) {
    List<Condition> out = new ArrayList<>();
    if (at(tree, "status", "conditions") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> m) {
          out.add(
              new Condition(str(m.get("type")), str(m.get("status")), str(m.get("reason")),
                  str(m.get("message"))));
        }
      }
    }
    return out;
  }

  private static String str(Object o) {
    return o instanceof String s ? s : "";
  }
}
