package dev.capstan.kube.apply;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers over the JSON value model (maps with string keys, lists, strings, booleans, numbers,
 * null). Numbers compare by value, so {@code 80L} equals {@code 80.0} as both are one JSON number.
 */
final class JsonValues {
  private JsonValues() {}

  /** Whether two JSON values are equal, comparing numbers by their numeric value. */
  static boolean deepEquals(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Number na && b instanceof Number nb) {
      return decimal(na).compareTo(decimal(nb)) == 0;
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      if (ma.size() != mb.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : ma.entrySet()) {
        if (!mb.containsKey(e.getKey()) || !deepEquals(e.getValue(), mb.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (la.size() != lb.size()) {
        return false;
      }
      Iterator<?> ia = la.iterator();
      Iterator<?> ib = lb.iterator();
      while (ia.hasNext()) {
        if (!deepEquals(ia.next(), ib.next())) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /**
   * A value usable as a hash key that is equal for equal JSON scalars ({@code 80L} and
   * {@code 80.0} give the same key). Maps and lists are returned frozen.
   */
  static Object key(Object value) {
    if (value instanceof Number n) {
      return decimal(n).stripTrailingZeros();
    }
    return value;
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal bd) {
      return bd;
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("not a JSON number: " + d);
      }
      return BigDecimal.valueOf(d);
    }
    return new BigDecimal(n.toString());
  }

  /** Whether the value is a JSON scalar (not a map or a list). */
  static boolean isScalar(Object value) {
    return !(value instanceof Map) && !(value instanceof List);
  }

  /** The JSON type of a value, as Go's encoding/json would see it: object, array, or scalar kind. */
  static String type(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map) {
      return "object";
    }
    if (value instanceof List) {
      return "array";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof String) {
      return "string";
    }
    throw new IllegalArgumentException(
        "not a JSON value: " + value.getClass().getName() + " " + value);
  }

  /** A deep, unmodifiable copy (maps keep their order; nulls are kept). */
  static Object freeze(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(stringKey(k), freeze(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      l.forEach(v -> copy.add(freeze(v)));
      return Collections.unmodifiableList(copy);
    }
    type(value);
    return value;
  }

  /** A deep, mutable copy ({@link LinkedHashMap} and {@link ArrayList}). */
  static Object mutableCopy(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(stringKey(k), mutableCopy(v)));
      return copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      l.forEach(v -> copy.add(mutableCopy(v)));
      return copy;
    }
    return value;
  }

  /**
   * The value with every map member whose value is null removed, in maps at any depth reached
   * through maps; list contents are kept as they are (as JSON merge patch sets a list verbatim).
   */
  static Object withoutNulls(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach(
          (k, v) -> {
            if (v != null) {
              copy.put(stringKey(k), withoutNulls(v));
            }
          });
      return copy;
    }
    return value;
  }

  /** The map as a {@code Map<String, Object>}, failing on a non-string key. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object value) {
    Map<?, ?> m = (Map<?, ?>) value;
    for (Object k : m.keySet()) {
      stringKey(k);
    }
    return (Map<String, Object>) m;
  }

  @SuppressWarnings("unchecked")
  static List<Object> asList(Object value) {
    return (List<Object>) value;
  }

  private static String stringKey(Object key) {
    if (key instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("JSON object keys must be strings, got " + key);
  }
}
