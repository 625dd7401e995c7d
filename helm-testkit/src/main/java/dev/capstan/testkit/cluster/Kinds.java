package dev.capstan.testkit.cluster;

import dev.capstan.kube.ClusterException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds the in-memory server serves: Kubernetes' own (the set helm-kube knows without
 * discovery, at the versions a v1.35 server serves them) and those that CustomResourceDefinitions
 * stored in the cluster define. Not thread-safe; the cluster guards it with its lock.
 */
final class Kinds {
  static final String CRD_GROUP = "apiextensions.k8s.io";
  static final String CRD_KIND = "CustomResourceDefinition";

  private static final Map<String, KindInfo> BUILT_IN = builtIn();
  private static final Pattern KUBE_VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

  /** Custom kinds by {@code group/kind}, in the order their CRDs were stored. */
  private final Map<String, KindInfo> custom = new LinkedHashMap<>();

  private static Map<String, KindInfo> builtIn() {
    Map<String, KindInfo> kinds = new LinkedHashMap<>();
    List<String> v1 = List.of("v1");
    for (String[] k : new String[][] {
        {"Pod", "pods", "ns"}, {"Service", "services", "ns"}, {"ConfigMap", "configmaps", "ns"},
        {"Secret", "secrets", "ns"}, {"ServiceAccount", "serviceaccounts", "ns"},
        {"PersistentVolumeClaim", "persistentvolumeclaims", "ns"},
        {"ReplicationController", "replicationcontrollers", "ns"},
        {"Endpoints", "endpoints", "ns"}, {"Event", "events", "ns"},
        {"LimitRange", "limitranges", "ns"}, {"ResourceQuota", "resourcequotas", "ns"},
        {"Namespace", "namespaces", "cluster"}, {"Node", "nodes", "cluster"},
        {"PersistentVolume", "persistentvolumes", "cluster"}}) {
      add(kinds, "", k, v1);
    }
    for (String[] k : new String[][] {
        {"Deployment", "deployments", "ns"}, {"StatefulSet", "statefulsets", "ns"},
        {"DaemonSet", "daemonsets", "ns"}, {"ReplicaSet", "replicasets", "ns"},
        {"ControllerRevision", "controllerrevisions", "ns"}}) {
      add(kinds, "apps", k, v1);
    }
    add(kinds, "batch", new String[] {"Job", "jobs", "ns"}, v1);
    add(kinds, "batch", new String[] {"CronJob", "cronjobs", "ns"}, v1);
    add(kinds, "autoscaling",
        new String[] {"HorizontalPodAutoscaler", "horizontalpodautoscalers", "ns"},
        List.of("v2", "v1"));
    add(kinds, "networking.k8s.io", new String[] {"Ingress", "ingresses", "ns"}, v1);
    add(kinds, "networking.k8s.io", new String[] {"NetworkPolicy", "networkpolicies", "ns"}, v1);
    add(kinds, "networking.k8s.io", new String[] {"IngressClass", "ingressclasses", "cluster"},
        v1);
    add(kinds, "policy", new String[] {"PodDisruptionBudget", "poddisruptionbudgets", "ns"}, v1);
    String rbac = "rbac.authorization.k8s.io";
    add(kinds, rbac, new String[] {"Role", "roles", "ns"}, v1);
    add(kinds, rbac, new String[] {"RoleBinding", "rolebindings", "ns"}, v1);
    add(kinds, rbac, new String[] {"ClusterRole", "clusterroles", "cluster"}, v1);
    add(kinds, rbac, new String[] {"ClusterRoleBinding", "clusterrolebindings", "cluster"}, v1);
    add(kinds, "storage.k8s.io", new String[] {"StorageClass", "storageclasses", "cluster"}, v1);
    add(kinds, "scheduling.k8s.io",
        new String[] {"PriorityClass", "priorityclasses", "cluster"}, v1);
    add(kinds, CRD_GROUP,
        new String[] {CRD_KIND, "customresourcedefinitions", "cluster"}, v1);
    add(kinds, "apiregistration.k8s.io", new String[] {"APIService", "apiservices", "cluster"},
        v1);
    String admission = "admissionregistration.k8s.io";
    add(kinds, admission, new String[] {"MutatingWebhookConfiguration",
        "mutatingwebhookconfigurations", "cluster"}, v1);
    add(kinds, admission, new String[] {"ValidatingWebhookConfiguration",
        "validatingwebhookconfigurations", "cluster"}, v1);
    add(kinds, "coordination.k8s.io", new String[] {"Lease", "leases", "ns"}, v1);
    add(kinds, "discovery.k8s.io", new String[] {"EndpointSlice", "endpointslices", "ns"}, v1);
    return kinds;
  }

  private static void add(Map<String, KindInfo> kinds, String group, String[] k,
      List<String> versions) {
    boolean statusSubresource = !List.of("ConfigMap", "Secret", "ServiceAccount", "Endpoints",
        "Event", "LimitRange", "ControllerRevision", "Role", "RoleBinding", "ClusterRole",
        "ClusterRoleBinding", "StorageClass", "PriorityClass", "IngressClass",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "Lease",
        "EndpointSlice").contains(k[0]);
    kinds.put(group + "/" + k[0],
        new KindInfo(group, k[0], k[1], "ns".equals(k[2]), versions, statusSubresource, Map.of()));
  }

  /**
   * The kind served at {@code apiVersion}.
   *
   * @throws ClusterException (404) as the API server's REST mapper answers for an unknown kind or
   *     a version it does not serve
   */
  KindInfo resolve(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    KindInfo info = find(group, kind);
    if (info == null || !info.versions().contains(version)) {
      throw new ClusterException("no matches for kind \"" + kind + "\" in version \""
          + apiVersion + "\"", 404, "NotFound", null);
    }
    return info;
  }

  /** The kind of {@code group}, any version, or null. */
  KindInfo find(String group, String kind) {
    String key = group + "/" + kind;
    KindInfo info = BUILT_IN.get(key);
    return info != null ? info : custom.get(key);
  }

  /** Whether {@code group/kind} is one of Kubernetes' own kinds. */
  static boolean isBuiltIn(String group, String kind) {
    return BUILT_IN.containsKey(group + "/" + kind);
  }

  /**
   * Registers (or re-registers) the kind a stored CRD defines; a CRD with no served version
   * defines none.
   */
  void define(Map<String, Object> crd) {
    KindInfo info = fromCrd(crd);
    if (info == null) {
      return;
    }
    String key = info.group() + "/" + info.kind();
    custom.remove(key);
    if (!info.versions().isEmpty()) {
      custom.put(key, info);
    }
  }

  /** Forgets the kind a deleted CRD defined. */
  void undefine(Map<String, Object> crd) {
    KindInfo info = fromCrd(crd);
    if (info != null) {
      custom.remove(info.group() + "/" + info.kind());
    }
  }

  /** The kind a CRD object defines (its served versions only), or null when it names none. */
  static KindInfo fromCrd(Map<String, Object> crd) {
    Map<String, Object> spec = Values.map(crd, "spec");
    Map<String, Object> names = Values.map(spec, "names");
    String group = Values.string(spec, "group");
    String kind = Values.string(names, "kind");
    if (group.isEmpty() || kind.isEmpty()) {
      return null;
    }
    String plural = Values.string(names, "plural");
    List<String> versions = new ArrayList<>();
    Map<String, Map<String, Object>> schemas = new LinkedHashMap<>();
    boolean status = false;
    List<Object> declared = Values.list(spec, "versions");
    if (declared != null) {
      for (Object o : declared) {
        if (o instanceof Map<?, ?> m) {
          @SuppressWarnings("unchecked")
          Map<String, Object> v = (Map<String, Object>) m;
          String name = Values.string(v, "name");
          if (name.isEmpty() || Boolean.FALSE.equals(v.get("served"))) {
            continue;
          }
          versions.add(name);
          Map<String, Object> schema = Values.map(Values.map(v, "schema"), "openAPIV3Schema");
          if (schema != null) {
            schemas.put(name, schema);
          }
          Map<String, Object> sub = Values.map(v, "subresources");
          status |= sub != null && sub.containsKey("status");
        }
      }
    }
    versions.sort(Comparator.comparing(Kinds::versionPriority));
    return new KindInfo(group, kind,
        plural.isEmpty() ? kind.toLowerCase(java.util.Locale.ROOT) + "s" : plural,
        !"Cluster".equals(Values.string(spec, "scope")), versions, status, schemas);
  }

  /**
   * Kubernetes' version priority: GA before beta before alpha, higher numbers first, then other
   * names alphabetically.
   */
  private static String versionPriority(String v) {
    Matcher m = KUBE_VERSION.matcher(v);
    if (!m.matches()) {
      return "9" + v;
    }
    int major = Integer.parseInt(m.group(1));
    int stage = m.group(2) == null ? 0 : "beta".equals(m.group(2)) ? 1 : 2;
    int minor = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    return String.format(java.util.Locale.ROOT, "%d%09d%09d", stage, 999_999_999 - major,
        999_999_999 - minor);
  }

  /**
   * The API versions in Helm's capabilities form: each group/version, then
   * {@code group/version/Kind} for each kind served there; the core group first, then the
   * built-in groups, then the custom ones.
   */
  List<String> apiVersions() {
    Map<String, List<String>> kindsByGroupVersion = new LinkedHashMap<>();
    List<KindInfo> all = new ArrayList<>(BUILT_IN.values());
    all.addAll(custom.values());
    for (KindInfo k : all) {
      for (String v : k.versions()) {
        kindsByGroupVersion.computeIfAbsent(k.apiVersion(v), gv -> new ArrayList<>()).add(k.kind());
      }
    }
    Set<String> out = new LinkedHashSet<>();
    kindsByGroupVersion.forEach((gv, kinds) -> {
      out.add(gv);
      kinds.forEach(k -> out.add(gv + "/" + k));
    });
    return List.copyOf(out);
  }
}
