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

  private static final Map<String, Entry> KINDS = new HashMap<>();

  static {
    ns("", "Pod", "pods");
    ns("", "Service", "services");
    ns("", "ConfigMap", "configmaps");
    ns("", "Secret", "secrets");
    ns("", "ServiceAccount", "serviceaccounts");
    ns("", "PersistentVolumeClaim", "persistentvolumeclaims");
    ns("", "ReplicationController", "replicationcontrollers");
    ns("", "Endpoints", "endpoints");
    ns("", "Event", "events");
    ns("", "LimitRange", "limitranges");
    ns("", "ResourceQuota", "resourcequotas");
    cluster("", "Namespace", "namespaces");
    cluster("", "Node", "nodes");
    cluster("", "PersistentVolume", "persistentvolumes");
    ns("apps", "Deployment", "deployments");
    ns("apps", "StatefulSet", "statefulsets");
    ns("apps", "DaemonSet", "daemonsets");
    ns("apps", "ReplicaSet", "replicasets");
    ns("apps", "ControllerRevision", "controllerrevisions");
    ns("batch", "Job", "jobs");
    ns("batch", "CronJob", "cronjobs");
    ns("autoscaling", "HorizontalPodAutoscaler", "horizontalpodautoscalers");
    ns("networking.k8s.io", "Ingress", "ingresses");
    ns("networking.k8s.io", "NetworkPolicy", "networkpolicies");
    cluster("networking.k8s.io", "IngressClass", "ingressclasses");
    ns("policy", "PodDisruptionBudget", "poddisruptionbudgets");
    ns("rbac.authorization.k8s.io", "Role", "roles");
    ns("rbac.authorization.k8s.io", "RoleBinding", "rolebindings");
    cluster("rbac.authorization.k8s.io", "ClusterRole", "clusterroles");
    cluster("rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings");
    cluster("storage.k8s.io", "StorageClass", "storageclasses");
    cluster("scheduling.k8s.io", "PriorityClass", "priorityclasses");
    cluster("apiextensions.k8s.io", "CustomResourceDefinition", "customresourcedefinitions");
    cluster("apiregistration.k8s.io", "APIService", "apiservices");
    cluster("admissionregistration.k8s.io", "MutatingWebhookConfiguration",
        "mutatingwebhookconfigurations");
    cluster("admissionregistration.k8s.io", "ValidatingWebhookConfiguration",
        "validatingwebhookconfigurations");
    ns("coordination.k8s.io", "Lease", "leases");
    ns("discovery.k8s.io", "EndpointSlice", "endpointslices");
  }

  private BuiltInKinds() {}

  private static void ns(String group, String kind, String plural) {
    KINDS.put(group + "/" + kind, new Entry(plural, true));
  }

  private static void cluster(String group, String kind, String plural) {
    KINDS.put(group + "/" + kind, new Entry(plural, false));
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
