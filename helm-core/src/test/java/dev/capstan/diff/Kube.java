package dev.capstan.diff;

import dev.capstan.internal.yaml.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the object trees the tests compare, from YAML text as a manifest would hold it. */
final class Kube {
  private Kube() {}

  /** The object written in {@code yaml}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String yaml) {
    return (Map<String, Object>) Yaml.load(yaml, "test");
  }

  /** The objects written in {@code yamls}, in order. */
  static List<Map<String, Object>> objects(String... yamls) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String y : yamls) {
      out.add(object(y));
    }
    return out;
  }

  /** A ConfigMap {@code name} whose {@code data} is {@code key: value}. */
  static Map<String, Object> configMap(String name, String key, String value) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put(key, value);
    Map<String, Object> o = header("v1", "ConfigMap", name);
    o.put("data", data);
    return o;
  }

  /** An object with only {@code apiVersion}, {@code kind} and {@code metadata.name}. */
  static Map<String, Object> header(String apiVersion, String kind, String name) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("apiVersion", apiVersion);
    o.put("kind", kind);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    o.put("metadata", metadata);
    return o;
  }

  /** {@code object} with {@code metadata.namespace} set. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> in(String namespace, Map<String, Object> object) {
    ((Map<String, Object>) object.get("metadata")).put("namespace", namespace);
    return object;
  }
}
