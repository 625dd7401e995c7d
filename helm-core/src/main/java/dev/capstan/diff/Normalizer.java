package dev.capstan.diff;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies an object into the plain tree the YAML writer prints, then removes what the options say
 * to ignore. The caller's maps are never changed.
 */
final class Normalizer {
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  /** The metadata fields the API server sets. */
  private static final List<String> SERVER_METADATA = List.of("uid", "resourceVersion",
      "generation", "creationTimestamp", "managedFields", "selfLink", "deletionTimestamp",
      "deletionGracePeriodSeconds");

  private Normalizer() {}

  /**
   * A deep copy of {@code object} made of {@link LinkedHashMap}, {@link ArrayList}, strings,
   * booleans, longs, {@link BigInteger}s, doubles and nulls, normalised per {@code options}.
   *
   * @param label names the document in errors
   * @param secret whether the object is a core-group Secret
   * @throws DiffException for a value with no YAML form, naming the document and the path
   */
  static Map<String, Object> normalize(Map<?, ?> object, DiffOptions options, String label,
      boolean secret) {
    Map<String, Object> copy = copyMap(object, label, "");
    if (options.normalizeLive()) {
      stripServerFields(copy, options.namespace(), secret);
    }
    for (JsonPointer p : options.ignorePointers()) {
      p.removeFrom(copy);
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static void stripServerFields(Map<String, Object> object, String namespace,
      boolean secret) {
    object.remove("status");
    if (object.get("metadata") instanceof Map<?, ?> md) {
      Map<String, Object> metadata = (Map<String, Object>) md;
      SERVER_METADATA.forEach(metadata::remove);
      if (!namespace.isEmpty() && namespace.equals(metadata.get("namespace"))) {
        metadata.remove("namespace");
      }
      if (metadata.get("annotations") instanceof Map<?, ?> annotations) {
        annotations.remove(LAST_APPLIED);
        if (annotations.isEmpty()) {
          metadata.remove("annotations");
        }
      }
    }
    if (secret) {
      foldStringData(object);
    }
  }

  /** As the API server stores a Secret: each {@code stringData} value base64-encoded into {@code data}. */
  @SuppressWarnings("unchecked")
  private static void foldStringData(Map<String, Object> secret) {
    if (!(secret.get("stringData") instanceof Map<?, ?> sd)) {
      return;
    }
    Map<String, Object> stringData = (Map<String, Object>) sd;
    Map<String, Object> data;
    if (secret.get("data") instanceof Map<?, ?> d) {
      data = (Map<String, Object>) d;
    } else if (secret.get("data") == null) {
      data = new LinkedHashMap<>();
    } else {
      return;
    }
    for (Iterator<Map.Entry<String, Object>> it = stringData.entrySet().iterator(); it.hasNext();) {
      Map.Entry<String, Object> e = it.next();
      Object v = e.getValue();
      if (v instanceof String || v instanceof Number || v instanceof Boolean) {
        data.put(e.getKey(), Base64.getEncoder().encodeToString(
            String.valueOf(v).getBytes(StandardCharsets.UTF_8)));
        it.remove();
      }
    }
    if (!data.isEmpty()) {
      secret.put("data", data);
    }
    if (stringData.isEmpty()) {
      secret.remove("stringData");
    }
  }

  private static Map<String, Object> copyMap(Map<?, ?> map, String label, String path) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new DiffException(label + ": a map key at " + (path.isEmpty() ? "/" : path)
            + " is not a string: " + e.getKey());
      }
      out.put(key, copy(e.getValue(), label, path + "/" + key.replace("~", "~0")
          .replace("/", "~1")));
    }
    return out;
  }

  private static Object copy(Object v, String label, String path) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long
        || v instanceof Double) {
      return v;
    }
    if (v instanceof Map<?, ?> m) {
      return copyMap(m, label, path);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        out.add(copy(l.get(i), label, path + "/" + i));
      }
      return out;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
    if (v instanceof BigDecimal dec) {
      if (dec.signum() == 0 || dec.stripTrailingZeros().scale() <= 0) {
        return copy(dec.toBigIntegerExact(), label, path);
      }
      return dec.doubleValue();
    }
    throw new DiffException(label + ": the value at " + path + " is a "
        + v.getClass().getName() + ", which has no YAML form (use maps, lists, strings, numbers,"
        + " booleans and nulls)");
  }
}
