package dev.capstan.render;

import java.util.Map;

/**
 * Answers Helm's template function {@code lookup apiVersion kind namespace name}: the live object
 * as a map, or, when {@code name} is empty, a list object with its {@code items}. The cluster side
 * of Capstan implements it; rendering without a cluster uses {@link #offline()}, which answers an
 * empty map as Helm does for {@code helm template} and dry runs.
 */
@FunctionalInterface
public interface Lookup {

  /** A lookup that finds nothing: every call answers an empty map. */
  static Lookup offline() {
    return (apiVersion, kind, namespace, name) -> Map.of();
  }

  /**
   * The object, the list of objects when {@code name} is empty, or an empty map when there is no
   * such object.
   *
   * @param namespace the namespace, empty for cluster-scoped kinds or all namespaces
   */
  Map<String, Object> lookup(String apiVersion, String kind, String namespace, String name);
}
