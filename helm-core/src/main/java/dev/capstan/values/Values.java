package dev.capstan.values;

import dev.capstan.internal.json.GoJson;
import dev.capstan.internal.yaml.Yaml;
import dev.capstan.internal.yaml.YamlException;
import dev.capstan.internal.yaml.YamlWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

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
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

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

  /**
   * Reads values from YAML text, as Helm reads a values file or a chart's {@code values.yaml}.
   *
   * <p>Numbers become {@link Double}s (Helm decodes them as {@code float64}). An empty document is
   * the empty tree. Several documents (separated by {@code ---}) are merged in order: a later
   * document wins, and maps are merged key by key (Helm 4). Plain scalars resolve as Go's yaml.v2
   * resolves them ({@code yes} and {@code on} are true, {@code 0x1F} is 31, {@code 1.27.0} is a
   * string).
   *
   * @param source the name used in error messages, such as {@code prod.yaml}
   * @throws ValuesException naming the source (and line and column) when the text is not YAML,
   *     when a document's top level is not a map, or when a number is infinite or NaN
   */
  public static Values fromYaml(String yaml, String source) {
    Objects.requireNonNull(yaml, "yaml");
    String name = source == null ? "<values>" : source;
    List<Object> docs;
    try {
      docs = Yaml.loadAll(yaml, name);
    } catch (YamlException e) {
      throw new ValuesException("failed to parse " + e.getMessage(), e);
    }
    Map<String, Object> merged = new LinkedHashMap<>();
    int index = 0;
    for (Object doc : docs) {
      index++;
      if (doc == null) {
        continue;
      }
      if (!(doc instanceof Map<?, ?>)) {
        throw new ValuesException("failed to parse " + name + ": "
            + (docs.size() > 1 ? "document " + index + " is " : "the top level is ")
            + kind(doc) + ", but values must be a map of keys to values");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) toFloat64(doc, name, "");
      merged = mergeMaps(merged, m);
    }
    return merged.isEmpty() ? EMPTY : of(merged);
  }

  /**
   * Reads values from JSON text, as Helm reads JSON values: numbers become {@link Double}s, a
   * repeated key keeps its last value, {@code null} is the empty tree.
   *
   * @param source the name used in error messages
   * @throws ValuesException naming the source, line and column when the text is not JSON, or when
   *     its top level is not an object
   */
  public static Values fromJson(String json, String source) {
    Objects.requireNonNull(json, "json");
    String name = source == null ? "<values>" : source;
    Object tree;
    try {
      tree = JSON.readValue(json, Object.class);
    } catch (JacksonException e) {
      var loc = e.getLocation();
      String where = loc == null || loc.getLineNr() < 1 ? ""
          : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
      throw new ValuesException("failed to parse " + name + where + ": " + e.getOriginalMessage(), e);
    }
    if (tree == null) {
      return EMPTY;
    }
    if (!(tree instanceof Map<?, ?>)) {
      throw new ValuesException("failed to parse " + name + ": the top level is " + kind(tree)
          + ", but values must be a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) toFloat64(tree, name, "");
    return of(m);
  }

  /**
   * Returns the tree as YAML text exactly as Helm prints values ({@code helm get values}): keys
   * sorted, 2-space indentation, list items ({@code - }) at their key's indentation, strings
   * quoted only where YAML would read them as something else, whole doubles printed as integers
   * ({@code 3}, not {@code 3.0}), {@code {}} for an empty tree.
   *
   * @throws ValuesException when a number is NaN or infinite, which Helm cannot write either
   */
  public String toYaml() {
    try {
      return YamlWriter.write(root);
    } catch (IllegalArgumentException e) {
      throw new ValuesException("cannot write values as YAML: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the tree as compact JSON exactly as Go's {@code encoding/json} writes it: keys sorted,
   * {@code <}, {@code >} and {@code &} escaped as {@code \u003c}, {@code \u003e}, {@code \u0026},
   * other non-ASCII characters kept, doubles as Go formats them ({@code 1}, {@code 1.5},
   * {@code 1e+21}), longs as integers.
   *
   * @throws ValuesException when a number is NaN or infinite, which Helm cannot write either
   */
  public String toJson() {
    try {
      return GoJson.write(root);
    } catch (IllegalArgumentException e) {
      throw new ValuesException("cannot write values as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Merges {@code overlay} into {@code base} as Helm's {@code MergeMaps} does: where both hold a map
   * under a key, the maps are merged recursively; otherwise the overlay's value replaces the base's.
   * Returns a new mutable map; the arguments are not changed.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> mergeMaps(Map<String, Object> base, Map<String, Object> overlay) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    for (Map.Entry<String, Object> e : overlay.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Map<?, ?> vm && out.get(e.getKey()) instanceof Map<?, ?> bm) {
        out.put(e.getKey(), mergeMaps((Map<String, Object>) bm, (Map<String, Object>) vm));
      } else {
        out.put(e.getKey(), v);
      }
    }
    return out;
  }

  /** Numbers as Helm holds them after YAML/JSON decoding: float64; NaN and infinities rejected. */
  private static Object toFloat64(Object v, String source, String path) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String k = String.valueOf(e.getKey());
        out.put(k, toFloat64(e.getValue(), source, path.isEmpty() ? k : path + "." + k));
      }
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        out.add(toFloat64(l.get(i), source, path + "[" + i + "]"));
      }
      return out;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new ValuesException("failed to parse " + source + ": value at " + describe(path)
            + " is " + (Double.isNaN(d) ? "NaN" : d > 0 ? "+Inf" : "-Inf")
            + ", which Helm cannot hold (json: unsupported value)");
      }
      return d;
    }
    return v;
  }

  private static String kind(Object v) {
    if (v instanceof List<?>) {
      return "a list";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    if (v instanceof Number) {
      return "a number";
    }
    return "a " + v.getClass().getSimpleName();
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
