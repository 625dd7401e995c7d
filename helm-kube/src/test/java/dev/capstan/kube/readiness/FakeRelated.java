package dev.capstan.kube.readiness;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link Related} over fixed lists, matching selectors as Kubernetes does. */
final class FakeRelated implements Related {
  private final List<ReplicaSet> replicaSets = new ArrayList<>();
  private final List<Pod> pods = new ArrayList<>();

  FakeRelated with(ReplicaSet... rs) {
    replicaSets.addAll(List.of(rs));
    return this;
  }

  FakeRelated with(Pod... p) {
    pods.addAll(List.of(p));
    return this;
  }

  @Override
  public List<ReplicaSet> replicaSets(String namespace, LabelSelector selector) {
    return replicaSets.stream().filter(o -> matches(o, namespace, selector)).toList();
  }

  @Override
  public List<Pod> pods(String namespace, LabelSelector selector) {
    return pods.stream().filter(o -> matches(o, namespace, selector)).toList();
  }

  private static boolean matches(HasMetadata o, String namespace, LabelSelector selector) {
    if (selector == null || !namespace.equals(o.getMetadata().getNamespace())) {
      return false;
    }
    Map<String, String> labels =
        o.getMetadata().getLabels() == null ? Map.of() : o.getMetadata().getLabels();
    if (selector.getMatchLabels() != null) {
      for (var e : selector.getMatchLabels().entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        String v = labels.get(r.getKey());
        boolean ok = switch (r.getOperator()) {
          case "In" -> v != null && r.getValues().contains(v);
          case "NotIn" -> v == null || !r.getValues().contains(v);
          case "Exists" -> v != null;
          case "DoesNotExist" -> v == null;
          default -> throw new IllegalArgumentException("operator " + r.getOperator());
        };
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }
}
