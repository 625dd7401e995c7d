package dev.capstan.kube;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Where Kubernetes serves its own kinds (the resource's plural name and whether it is namespaced),
 * so that the common case needs no discovery request. Keyed by group and kind; any version.
 */
final class BuiltInKinds {
  private record Entry(String plural, boolean namespaced) {}

  private static final Map<String, Entry> KINDS = table();

  private static Map<String, Entry> table() {
    Map<String, Entry> kinds = new HashMap<>();
    ns(kinds, "", "Pod", "pods");
    ns(kinds, "", "Service", "services");
    ns(kinds, "", "ConfigMap", "configmaps");
    ns(kinds, "", "Secret", "secrets");
    ns(kinds, "", "ServiceAccount", "serviceaccounts");
    ns(kinds, "", "PersistentVolumeClaim", "persistentvolumeclaims");
    ns(kinds, "", "ReplicationController", "replicationcontrollers");
    ns(kinds, "", "Endpoints", "endpoints");
    ns(kinds, "", "Event", "events");
    ns(kinds, "", "LimitRange", "limitranges");
    ns(kinds, "", "ResourceQuota", "resourcequotas");
    cluster(kinds, "", "Namespace", "namespaces");
    cluster(kinds, "", "Node", "nodes");
    cluster(kinds, "", "PersistentVolume", "persistentvolumes");
    ns(kinds, "apps", "Deployment", "deployments");
    ns(kinds, "apps", "StatefulSet", "statefulsets");
    ns(kinds, "apps", "DaemonSet", "daemonsets");
    ns(kinds, "apps", "ReplicaSet", "replicasets");
    ns(kinds, "apps", "ControllerRevision", "controllerrevisions");
    ns(kinds, "batch", "Job", "jobs");
    ns(kinds, "batch", "CronJob", "cronjobs");
    ns(kinds, "autoscaling", "HorizontalPodAutoscaler", "horizontalpodautoscalers");
    ns(kinds, "networking.k8s.io", "Ingress", "ingresses");
    ns(kinds, "networking.k8s.io", "NetworkPolicy", "networkpolicies");
    cluster(kinds, "networking.k8s.io", "IngressClass", "ingressclasses");
    ns(kinds, "policy", "PodDisruptionBudget", "poddisruptionbudgets");
    ns(kinds, "rbac.authorization.k8s.io", "Role", "roles");
    ns(kinds, "rbac.authorization.k8s.io", "RoleBinding", "rolebindings");
    cluster(kinds, "rbac.authorization.k8s.io", "ClusterRole", "clusterroles");
    cluster(kinds, "rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings");
    cluster(kinds, "storage.k8s.io", "StorageClass", "storageclasses");
    cluster(kinds, "scheduling.k8s.io", "PriorityClass", "priorityclasses");
    cluster(kinds, "apiextensions.k8s.io", "CustomResourceDefinition", "customresourcedefinitions");
    cluster(kinds, "apiregistration.k8s.io", "APIService", "apiservices");
    cluster(kinds, "admissionregistration.k8s.io", "MutatingWebhookConfiguration",
        "mutatingwebhookconfigurations");
    cluster(kinds, "admissionregistration.k8s.io", "ValidatingWebhookConfiguration",
        "validatingwebhookconfigurations");
    ns(kinds, "coordination.k8s.io", "Lease", "leases");
    ns(kinds, "discovery.k8s.io", "EndpointSlice", "endpointslices");
    return Map.copyOf(kinds);
  }

  private BuiltInKinds() {}

  private static void ns(Map<String, Entry> kinds, String group, String kind, String plural) {
    kinds.put(group + "/" + kind, new Entry(plural, true));
  }

  private static void cluster(Map<String, Entry> kinds, String group, String kind, String plural) {
    kinds.put(group + "/" + kind, new Entry(plural, false));
  }

  /** Whether a built-in kind is namespaced; null for kinds this table does not know. */
  static Boolean namespaced(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    Entry e = KINDS.get((slash < 0 ? "" : apiVersion.substring(0, slash)) + "/" + kind);
    return e == null ? null : e.namespaced();
  }

  /** The definition of a built-in kind at {@code apiVersion}, or null for other kinds. */
  static ResourceDefinitionContext context(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    Entry e = KINDS.get(group + "/" + kind);
    if (e == null) {
      return null;
    }
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(slash < 0 ? apiVersion : apiVersion.substring(slash + 1))
        .withKind(kind)
        .withPlural(e.plural())
        .withNamespaced(e.namespaced())
        .build();
  }
}
