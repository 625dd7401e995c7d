package dev.capstan.render;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which Helm applies (install) or deletes (uninstall) resources by kind (§5.1), with
 * Helm 4's webhook configurations.
 *
 * <p>Kinds in the list come in list order; unknown kinds come after every known one, among
 * themselves alphabetically by kind. Sorting with {@link #comparator()} is meant to be stable, so
 * resources of the same kind keep their file and document order.
 */
public enum KindSortOrder {
  /** The order of install and upgrade. */
  INSTALL(List.of(
      "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange",
      "PodSecurityPolicy", "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList",
      "ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim",
      "CustomResourceDefinition", "ClusterRole", "ClusterRoleList", "ClusterRoleBinding",
      "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList", "Service",
      "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
      "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress",
      "APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration")),
  /** The order of uninstall. */
  UNINSTALL(List.of(
      "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "Ingress",
      "IngressClass", "Service", "CronJob", "Job", "StatefulSet", "HorizontalPodAutoscaler",
      "Deployment", "ReplicaSet", "ReplicationController", "Pod", "DaemonSet", "RoleBindingList",
      "RoleBinding", "RoleList", "Role", "ClusterRoleBindingList", "ClusterRoleBinding",
      "ClusterRoleList", "ClusterRole", "CustomResourceDefinition", "PersistentVolumeClaim",
      "PersistentVolume", "StorageClass", "ConfigMap", "SecretList", "Secret", "ServiceAccount",
      "PodDisruptionBudget", "PodSecurityPolicy", "LimitRange", "ResourceQuota", "NetworkPolicy",
      "Namespace", "PriorityClass"));

  private final List<String> kinds;
  private final Map<String, Integer> rank;
  private final Comparator<String> comparator;

  KindSortOrder(List<String> kinds) {
    this.kinds = kinds;
    Map<String, Integer> r = new HashMap<>();
    for (int i = 0; i < kinds.size(); i++) {
      r.put(kinds.get(i), i);
    }
    this.rank = Map.copyOf(r);
    this.comparator = this::compareKinds;
  }

  /** The known kinds, in order. */
  public List<String> kinds() {
    return kinds;
  }

  /** Compares two kinds: known kinds by rank, then unknown kinds alphabetically. */
  public Comparator<String> comparator() {
    return comparator;
  }

  private int compareKinds(String a, String b) {
    Integer ra = rank.get(a);
    Integer rb = rank.get(b);
    if (ra == null && rb == null) {
      return a.compareTo(b);
    }
    if (ra == null) {
      return 1;
    }
    if (rb == null) {
      return -1;
    }
    return Integer.compare(ra, rb);
  }
}
