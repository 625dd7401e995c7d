package dev.capstan.testkit.assertj;

import dev.capstan.kube.Cluster;
import dev.capstan.kube.ResourceRef;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the objects a cluster holds; namespace {@code default} unless told another. */
public final class ClusterAssert extends AbstractAssert<ClusterAssert, Cluster> {
  private final String namespace;

  ClusterAssert(Cluster actual) {
    this(actual, "default");
  }

  private ClusterAssert(Cluster actual, String namespace) {
    super(actual, ClusterAssert.class);
    this.namespace = namespace;
  }

  /** These assertions in {@code ns}. */
  public ClusterAssert inNamespace(String ns) {
    return new ClusterAssert(actual, Objects.requireNonNull(ns, "namespace"));
  }

  /** The Deployment {@code name}, which must exist. */
  public ObjectAssert deployment(String name) {
    return object("apps/v1", "Deployment", name);
  }

  /** The StatefulSet {@code name}, which must exist. */
  public ObjectAssert statefulSet(String name) {
    return object("apps/v1", "StatefulSet", name);
  }

  /** The ConfigMap {@code name}, which must exist. */
  public ObjectAssert configMap(String name) {
    return object("v1", "ConfigMap", name);
  }

  /** The Service {@code name}, which must exist. */
  public ObjectAssert service(String name) {
    return object("v1", "Service", name);
  }

  /** The object of {@code kind} named {@code name}, which must exist. */
  public ObjectAssert object(String apiVersion, String kind, String name) {
    isNotNull();
    ResourceRef ref = ref(apiVersion, kind, name);
    Optional<Map<String, Object>> found = actual.get(ref);
    if (found.isEmpty()) {
      failWithMessage("Expected %s to exist in the cluster, but it does not", ref);
    }
    return new ObjectAssert(ref, found.orElseThrow());
  }

  /** No object of {@code kind} named {@code name} exists. */
  public ClusterAssert doesNotHave(String apiVersion, String kind, String name) {
    isNotNull();
    ResourceRef ref = ref(apiVersion, kind, name);
    if (actual.get(ref).isPresent()) {
      failWithMessage("Expected %s not to exist in the cluster, but it does", ref);
    }
    return this;
  }

  private ResourceRef ref(String apiVersion, String kind, String name) {
    return new ResourceRef(apiVersion, kind, actual.isNamespaced(apiVersion, kind) ? namespace
        : "", name);
  }
}
