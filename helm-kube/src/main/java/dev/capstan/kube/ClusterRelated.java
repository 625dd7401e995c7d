package dev.capstan.kube;

import dev.capstan.kube.readiness.Related;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The objects readiness rules look at besides the resource itself, read through any {@link
 * Cluster}: the selector's {@code matchLabels} go to {@link Cluster#list} and its {@code
 * matchExpressions} ({@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}) are applied
 * to what comes back, as the API server would apply them.
 */
public final class ClusterRelated implements Related {
  private final Cluster cluster;
  private final KubernetesSerialization serialization;

  /** Reads through {@code cluster}, turning objects into fabric8 models with {@code serialization}. */
  public ClusterRelated(Cluster cluster, KubernetesSerialization serialization) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.serialization = Objects.requireNonNull(serialization, "serialization");
  }

  @Override
  public List<ReplicaSet> replicaSets(String namespace, LabelSelector selector) {
    return select("apps/v1", "ReplicaSet", namespace, selector, ReplicaSet.class);
  }

  @Override
  public List<Pod> pods(String namespace, LabelSelector selector) {
    return select("v1", "Pod", namespace, selector, Pod.class);
  }

  private <T> List<T> select(String apiVersion, String kind, String namespace,
      LabelSelector selector, Class<T> type) {
    if (selector == null) {
      return List.of();
    }
    Map<String, String> equal = selector.getMatchLabels() == null ? Map.of()
        : selector.getMatchLabels();
    List<T> out = new ArrayList<>();
    for (Map<String, Object> o : cluster.list(apiVersion, kind, namespace, equal)) {
      if (matches(selector, labels(o))) {
        out.add(serialization.convertValue(o, type));
      }
    }
    return List.copyOf(out);
  }

  /** Whether {@code labels} satisfy the selector's labels and expressions. */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector.getMatchLabels() != null) {
      for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        String value = labels.get(r.getKey());
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        boolean ok = switch (r.getOperator()) {
          case "In" -> value != null && values.contains(value);
          case "NotIn" -> value == null || !values.contains(value);
          case "Exists" -> value != null;
          case "DoesNotExist" -> value == null;
          default -> throw new IllegalArgumentException("unknown label selector operator "
              + r.getOperator() + " for key " + r.getKey());
        };
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> labels(Map<String, Object> object) {
    if (object.get("metadata") instanceof Map<?, ?> md && md.get("labels") instanceof Map<?, ?> l) {
      return (Map<String, String>) l;
    }
    return Map.of();
  }
}
