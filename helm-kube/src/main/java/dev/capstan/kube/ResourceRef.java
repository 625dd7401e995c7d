package dev.capstan.kube;

import java.util.Map;
import java.util.Objects;

/**
 * Names one Kubernetes object: its {@code apiVersion}, {@code kind}, namespace ({@code ""} for
 * cluster-scoped kinds) and name.
 *
 * @param apiVersion {@code v1} or {@code group/version}
 * @param kind the kind, such as {@code Deployment}
 * @param namespace the namespace, {@code ""} when cluster-scoped
 * @param name the object's name
 */
public record ResourceRef(String apiVersion, String kind, String namespace, String name) {
  /** Checks the parts. */
  public ResourceRef {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty()) {
      throw new IllegalArgumentException("a resource needs an apiVersion, a kind and a name: "
          + apiVersion + "/" + kind + " " + name);
    }
  }

  /**
   * The reference of an object given as a map ({@code apiVersion}, {@code kind},
   * {@code metadata.name}, {@code metadata.namespace}).
   *
   * @throws IllegalArgumentException when a part is missing
   */
  public static ResourceRef of(Map<String, ?> object) {
    Object md = object.get("metadata");
    Map<?, ?> metadata = md instanceof Map<?, ?> m ? m : Map.of();
    return new ResourceRef(text(object.get("apiVersion")), text(object.get("kind")),
        text(metadata.get("namespace")), text(metadata.get("name")));
  }

  private static String text(Object v) {
    return v instanceof String s ? s : "";
  }

  /** The API group, {@code ""} for the core group. */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** The version within the group, such as {@code v1}. */
  public String version() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }

  /** This reference in another namespace. */
  public ResourceRef inNamespace(String newNamespace) {
    return new ResourceRef(apiVersion, kind, newNamespace, name);
  }

  /** As Helm prints objects: {@code Kind/namespace/name}, or {@code Kind/name} when cluster-scoped. */
  @Override
  public String toString() {
    return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }
}
