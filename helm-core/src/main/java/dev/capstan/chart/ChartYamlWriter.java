package dev.capstan.chart;

import dev.capstan.internal.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code Chart.yaml} and {@code Chart.lock} as Helm's {@code chartutil.Save} does: the Go
 * struct through JSON (omitting empty fields) to YAML with go-yaml's key order and quoting.
 */
final class ChartYamlWriter {
  private ChartYamlWriter() {}

  /** The bytes Helm's Save writes for {@code Chart.yaml}; v1 charts omit their dependencies. */
  static String chartYaml(ChartMetadata md) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", md.name());
    put(m, "home", md.home());
    putList(m, "sources", md.sources());
    m.put("version", md.version());
    put(m, "description", md.description());
    putList(m, "keywords", md.keywords());
    if (!md.maintainers().isEmpty()) {
      List<Object> ms = new ArrayList<>();
      for (Maintainer mt : md.maintainers()) {
        Map<String, Object> e = new LinkedHashMap<>();
        put(e, "name", mt.name());
        put(e, "email", mt.email());
        put(e, "url", mt.url());
        ms.add(e);
      }
      m.put("maintainers", ms);
    }
    put(m, "icon", md.icon());
    m.put("apiVersion", md.apiVersion());
    put(m, "condition", md.condition());
    put(m, "tags", md.tags());
    put(m, "appVersion", md.appVersion());
    if (md.deprecated()) {
      m.put("deprecated", Boolean.TRUE);
    }
    if (!md.annotations().isEmpty()) {
      m.put("annotations", new LinkedHashMap<String, Object>(md.annotations()));
    }
    put(m, "kubeVersion", md.kubeVersion());
    if (!md.apiVersion().equals(ChartMetadata.API_V1) && !md.dependencies().isEmpty()) {
      m.put("dependencies", dependencies(md.dependencies()));
    }
    // Helm's Type is omitempty: a type that Chart.yaml did not give stays absent.
    if (md.typeDeclared()) {
      m.put("type", md.type().wireName());
    }
    return write(m);
  }

  /** The bytes Helm's Save writes for {@code Chart.lock}. */
  static String lockYaml(ChartLock lock) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("generated", lock.generated() == null ? "0001-01-01T00:00:00Z" : lock.generated());
    m.put("digest", lock.digest() == null ? "" : lock.digest());
    m.put("dependencies", dependencies(lock.dependencies()));
    return write(m);
  }

  private static List<Object> dependencies(List<Dependency> deps) {
    List<Object> out = new ArrayList<>();
    for (Dependency d : deps) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", d.name());
      put(e, "version", d.version());
      e.put("repository", d.repository() == null ? "" : d.repository());
      put(e, "condition", d.condition());
      putList(e, "tags", d.tags());
      if (d.enabled()) {
        e.put("enabled", Boolean.TRUE);
      }
      if (!d.importValues().isEmpty()) {
        e.put("import-values", d.importValues());
      }
      put(e, "alias", d.alias());
      out.add(e);
    }
    return out;
  }

  private static void put(Map<String, Object> m, String key, String value) {
    if (value != null && !value.isEmpty()) {
      m.put(key, value);
    }
  }

  private static void putList(Map<String, Object> m, String key, List<String> value) {
    if (!value.isEmpty()) {
      m.put(key, value);
    }
  }

  /** Writes the tree as sigs.k8s.io/yaml does: keys in go-yaml's order, go-yaml's quoting. */
  static String write(Map<String, Object> m) {
    return YamlWriter.write(m);
  }
}
