package dev.capstan.values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable tree of chart values, as Helm sees them: maps with string keys, lists, strings,
 * booleans, numbers and {@code null}.
 *
 * <p>Numbers keep Helm's typing. Numbers read from YAML or JSON (a chart's {@code values.yaml}, a
 * values file, {@code --set-json}) are {@link Double}s, because Helm decodes them as Go
 * {@code float64}; integers given with {@code --set} are {@link Long}s, as Helm's {@code int64}.
 * {@link #of(Map)} accepts any Java number and normalises it the same way: integral types become
 * {@code Long}, floating-point and decimal types become {@code Double}.
 *
 * <p>A map keeps the order in which its keys were added, but equality ignores order, as it does for
 * Helm's Go maps. Every map and list reachable from a {@code Values} is unmodifiable; a change
 * returns a new tree.
 */
public final class Values {
  private static final Values EMPTY = new Values(Collections.emptyMap());

  private final Map<String, Object> root;

  private Values(Map<String, Object> root) {
    this.root = root;
  }

  /** Returns the empty tree. */
  public static Values empty() {
    return EMPTY;
  }

  /**
   * Returns an immutable deep copy of {@code map}.
   *
   * @throws IllegalArgumentException naming the path of the first value that is not a map with
   *     string keys, a list, a string, a boolean, a number or {@code null}
   */
  public static Values of(Map<String, ?> map) {
    Objects.requireNonNull(map, "map");
    if (map.isEmpty()) {
      return EMPTY;
    }
    return new Values(copyMap(map, ""));
  }

  /**
   * Wraps a map that is already deep-immutable and normalised. For use by this package only, where a
   * tree was just built from parts that are known to be valid.
   */
  static Values wrap(Map<String, Object> immutableRoot) {
    return immutableRoot.isEmpty() ? EMPTY : new Values(immutableRoot);
  }

  /** Returns the tree as an unmodifiable map; nested maps and lists are unmodifiable too. */
  public Map<String, Object> asMap() {
    return root;
  }

  /** Returns whether the tree has no keys. */
  public boolean isEmpty() {
    return root.isEmpty();
  }

  /** Returns whether the top level has {@code key}, even with a {@code null} value. */
  public boolean containsKey(String key) {
    return root.containsKey(key);
  }

  /**
   * Returns the value at a dotted path such as {@code image.tag}, or empty when a segment is missing,
   * when an intermediate value is not a map, or when the value is {@code null}.
   */
  public Optional<Object> get(String dottedPath) {
    Objects.requireNonNull(dottedPath, "dottedPath");
    Object current = root;
    for (String segment : dottedPath.split("\\.", -1)) {
      if (!(current instanceof Map<?, ?> m)) {
        return Optional.empty();
      }
      current = m.get(segment);
    }
    return Optional.ofNullable(current);
  }

  /**
   * Returns the table (map) at {@code key} as values, or the empty tree when the key is missing or
   * its value is not a map.
   */
  @SuppressWarnings("unchecked")
  public Values table(String key) {
    Object v = root.get(key);
    return v instanceof Map<?, ?> m ? wrap((Map<String, Object>) m) : EMPTY;
  }

  /** Returns a tree with {@code key} set to {@code value} at the top level (a deep copy). */
  public Values with(String key, Object value) {
    Objects.requireNonNull(key, "key");
    Map<String, Object> copy = new LinkedHashMap<>(root);
    copy.put(key, copyValue(value, key));
    return new Values(Collections.unmodifiableMap(copy));
  }

  /**
   * Returns a mutable deep copy of the tree: {@link LinkedHashMap}s and {@link ArrayList}s all the
   * way down. Algorithms that rebuild a tree start from here.
   */
  public Map<String, Object> toMutableMap() {
    return mutableCopy(root);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Values v && root.equals(v.root);
  }

  @Override
  public int hashCode() {
    return root.hashCode();
  }

  @Override
  public String toString() {
    return root.toString();
  }

  // ---------------------------------------------------------------------------------------------

  private static Map<String, Object> copyMap(Map<?, ?> map, String path) {
    Map<String, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException(
            "values key at " + describe(path) + " is not a string: " + e.getKey());
      }
      out.put(key, copyValue(e.getValue(), path.isEmpty() ? key : path + "." + key));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object copyValue(Object value, String path) {
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof Long || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
    }
    if (value instanceof Float || value instanceof BigDecimal) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Character c) {
      return c.toString();
    }
    if (value instanceof Map<?, ?> m) {
      return copyMap(m, path);
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        out.add(copyValue(l.get(i), path + "[" + i + "]"));
      }
      return Collections.unmodifiableList(out);
    }
    throw new IllegalArgumentException("value at " + describe(path) + " has unsupported type "
        + value.getClass().getName() + "; values hold maps, lists, strings, booleans, numbers and null");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> mutableCopy(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    for (Map.Entry<String, Object> e : map.entrySet()) {
      out.put(e.getKey(), mutableValue(e.getValue()));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static Object mutableValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      return mutableCopy((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(mutableValue(o));
      }
      return out;
    }
    return v;
  }

  private static String describe(String path) {
    return path.isEmpty() ? "the top level" : "\"" + path + "\"";
  }
}
