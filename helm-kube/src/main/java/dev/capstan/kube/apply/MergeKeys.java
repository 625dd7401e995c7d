package dev.capstan.kube.apply;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which fields of which kinds merge strategically rather than being replaced: lists of objects that
 * merge by a key field (a Pod's {@code containers} by {@code name}), lists of scalars that merge as
 * sets ({@code metadata.finalizers}), and objects whose unlisted fields are cleared when they change
 * ({@code retainKeys}, a Deployment's {@code spec.strategy}).
 *
 * <p>This is the information Kubernetes reads from the {@code patchStrategy} and
 * {@code patchMergeKey} struct tags of its built-in types. {@link #builtIn()} carries it for the
 * workload kinds, Service, ServiceAccount and the object metadata of every built-in kind;
 * {@link #none()} has none, which gives JSON merge semantics (every list atomic), as used for custom
 * resources. A kind is named by API group ({@code ""} for the core group) and kind; the version is
 * ignored. Paths are field names joined by dots, with list elements implicit:
 * {@code spec.template.spec.containers.env} is the {@code env} list of every container.
 *
 * <p>Instances are immutable; {@link #newBuilder()} derives an extended copy, for example to give a
 * custom resource keyed lists.
 */
public final class MergeKeys {

  /** How a field merges. */
  enum Strategy {
    /** A list of objects merged by the value of a key field. */
    KEYED_LIST,
    /** A list of scalars merged as a set. */
    SET_LIST,
    /** An object whose fields absent from the new value are cleared. */
    RETAIN_KEYS
  }

  /** The merge rule of one field. */
  record Rule(Strategy strategy, String mergeKey, boolean retainKeys) {}

  private record GroupKind(String group, String kind) {}

  private static final List<String> CONTAINER_LISTS =
      List.of("containers", "initContainers", "ephemeralContainers");

  private static final MergeKeys NONE = new MergeKeys(Map.of());
  private static final MergeKeys BUILT_IN = builtInRules();

  private final Map<GroupKind, Map<List<String>, Rule>> rules;

  private MergeKeys(Map<GroupKind, Map<List<String>, Rule>> rules) {
    Map<GroupKind, Map<List<String>, Rule>> copy = new HashMap<>();
    rules.forEach((gk, byPath) -> copy.put(gk, Map.copyOf(byPath)));
    this.rules = Map.copyOf(copy);
  }

  /** No strategic fields at all: JSON merge semantics, every list replaced as a whole. */
  public static MergeKeys none() {
    return NONE;
  }

  /**
   * The merge keys of Kubernetes' built-in types for Pod, Deployment, StatefulSet, DaemonSet,
   * ReplicaSet, ReplicationController, PodTemplate, Job and CronJob (pod templates: containers,
   * init and ephemeral containers by {@code name}, their ports by {@code containerPort}, env by
   * {@code name}, volume mounts by {@code mountPath}, volume devices by {@code devicePath}; volumes
   * by {@code name} retaining keys; image pull secrets, scheduling gates and resource claims by
   * {@code name}; host aliases by {@code ip}; topology spread constraints by {@code topologyKey};
   * tolerations stay atomic as in Kubernetes), Service ports by {@code port}, ServiceAccount secrets
   * by {@code name}, Deployment {@code spec.strategy} retaining keys, and for these and the other
   * common built-in kinds the object metadata ({@code finalizers} as a set, {@code ownerReferences}
   * by {@code uid}).
   */
  public static MergeKeys builtIn() {
    return BUILT_IN;
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder(Map.of());
  }

  /** A builder that starts from this instance's rules. */
  public Builder newBuilder() {
    return new Builder(rules);
  }

  /** Whether any field of the kind has a rule, that is whether it merges strategically at all. */
  public boolean isStrategic(String group, String kind) {
    return rules.containsKey(new GroupKind(group, kind));
  }

  /** The rule of the field at {@code path} (field names, list elements skipped), or null. */
  Rule rule(String group, String kind, List<String> path) {
    Map<List<String>, Rule> byPath = rules.get(new GroupKind(group, kind));
    return byPath == null ? null : byPath.get(path);
  }

  @Override
  public String toString() {
    return "MergeKeys" + rules.keySet();
  }

  /** Collects rules; {@link #build()} makes the immutable {@link MergeKeys}. */
  public static final class Builder {
    private final Map<GroupKind, Map<List<String>, Rule>> rules = new HashMap<>();

    private Builder(Map<GroupKind, Map<List<String>, Rule>> start) {
      start.forEach((gk, byPath) -> rules.put(gk, new HashMap<>(byPath)));
    }

    /**
     * Registers a kind with no strategic fields yet, so that it counts as strategic (its lists stay
     * atomic but it is no longer a JSON-merge kind).
     */
    public Builder kind(String group, String kind) {
      rules.computeIfAbsent(groupKind(group, kind), gk -> new HashMap<>());
      return this;
    }

    /** The list of objects at {@code path} merges by the value of its {@code mergeKey} field. */
    public Builder mergeList(String group, String kind, String path, String mergeKey) {
      return put(group, kind, path, new Rule(Strategy.KEYED_LIST, checkKey(mergeKey, path), false));
    }

    /**
     * The list of objects at {@code path} merges by {@code mergeKey}, and a merged element keeps only
     * the fields its new value has ({@code patchStrategy:"merge,retainKeys"}, as Pod volumes).
     */
    public Builder mergeListRetainingKeys(
        String group, String kind, String path, String mergeKey) {
      return put(group, kind, path, new Rule(Strategy.KEYED_LIST, checkKey(mergeKey, path), true));
    }

    /** The list of scalars at {@code path} merges as a set (as {@code metadata.finalizers}). */
    public Builder mergeSet(String group, String kind, String path) {
      return put(group, kind, path, new Rule(Strategy.SET_LIST, null, false));
    }

    /** The object at {@code path} keeps only the fields its new value has when it is patched. */
    public Builder retainKeys(String group, String kind, String path) {
      return put(group, kind, path, new Rule(Strategy.RETAIN_KEYS, null, true));
    }

    /** The immutable rules collected so far. */
    public MergeKeys build() {
      return new MergeKeys(rules);
    }

    private Builder put(String group, String kind, String path, Rule rule) {
      List<String> fields = fieldPath(path);
      Rule previous = rules.computeIfAbsent(groupKind(group, kind), gk -> new HashMap<>())
          .putIfAbsent(fields, rule);
      if (previous != null && !previous.equals(rule)) {
        throw new IllegalArgumentException(
            "path " + path + " of " + display(group, kind) + " already has the rule " + previous);
      }
      return this;
    }

    private static GroupKind groupKind(String group, String kind) {
      Objects.requireNonNull(group, "group (use \"\" for the core group)");
      if (Objects.requireNonNull(kind, "kind").isEmpty()) {
        throw new IllegalArgumentException("kind must not be empty (group \"" + group + "\")");
      }
      return new GroupKind(group, kind);
    }

    private static String checkKey(String mergeKey, String path) {
      if (Objects.requireNonNull(mergeKey, "mergeKey").isEmpty()) {
        throw new IllegalArgumentException("merge key of " + path + " must not be empty");
      }
      return mergeKey;
    }

    private static List<String> fieldPath(String path) {
      Objects.requireNonNull(path, "path");
      List<String> fields = Arrays.asList(path.split("\\.", -1));
      if (path.isEmpty() || fields.contains("")) {
        throw new IllegalArgumentException(
            "path must be field names joined by dots, got \"" + path + "\"");
      }
      return List.copyOf(fields);
    }

    private static String display(String group, String kind) {
      return group.isEmpty() ? kind : group + "/" + kind;
    }
  }

  private static MergeKeys builtInRules() {
    Builder b = builder();
    pod(b, "", "Pod", "");
    template(b, "apps", "Deployment", "spec.template");
    b.retainKeys("apps", "Deployment", "spec.strategy");
    template(b, "apps", "StatefulSet", "spec.template");
    template(b, "apps", "DaemonSet", "spec.template");
    template(b, "apps", "ReplicaSet", "spec.template");
    template(b, "", "ReplicationController", "spec.template");
    template(b, "", "PodTemplate", "template");
    template(b, "batch", "Job", "spec.template");
    template(b, "batch", "CronJob", "spec.jobTemplate.spec.template");
    b.mergeList("", "Service", "spec.ports", "port");
    b.mergeList("", "ServiceAccount", "secrets", "name");
    String[][] others = {
      {"", "ConfigMap"}, {"", "Secret"}, {"", "Service"}, {"", "ServiceAccount"},
      {"", "Namespace"}, {"", "PersistentVolumeClaim"}, {"", "PersistentVolume"},
      {"", "Endpoints"}, {"", "LimitRange"}, {"", "ResourceQuota"},
      {"apps", "ControllerRevision"},
      {"rbac.authorization.k8s.io", "Role"}, {"rbac.authorization.k8s.io", "RoleBinding"},
      {"rbac.authorization.k8s.io", "ClusterRole"},
      {"rbac.authorization.k8s.io", "ClusterRoleBinding"},
      {"networking.k8s.io", "Ingress"}, {"networking.k8s.io", "IngressClass"},
      {"networking.k8s.io", "NetworkPolicy"}, {"policy", "PodDisruptionBudget"},
      {"autoscaling", "HorizontalPodAutoscaler"}, {"storage.k8s.io", "StorageClass"},
      {"storage.k8s.io", "CSIDriver"}, {"scheduling.k8s.io", "PriorityClass"},
      {"admissionregistration.k8s.io", "ValidatingWebhookConfiguration"},
      {"admissionregistration.k8s.io", "MutatingWebhookConfiguration"},
      {"apiextensions.k8s.io", "CustomResourceDefinition"},
      {"coordination.k8s.io", "Lease"}, {"discovery.k8s.io", "EndpointSlice"},
      {"node.k8s.io", "RuntimeClass"}, {"apiregistration.k8s.io", "APIService"}
    };
    for (String[] gk : others) {
      metadata(b, gk[0], gk[1], "metadata");
    }
    return b.build();
  }

  private static void template(Builder b, String group, String kind, String templatePath) {
    metadata(b, group, kind, "metadata");
    metadata(b, group, kind, templatePath + ".metadata");
    podSpec(b, group, kind, templatePath + ".spec");
  }

  private static void pod(Builder b, String group, String kind, String prefix) {
    metadata(b, group, kind, prefix + "metadata");
    podSpec(b, group, kind, prefix + "spec");
  }

  private static void metadata(Builder b, String group, String kind, String metadataPath) {
    b.mergeSet(group, kind, metadataPath + ".finalizers");
    b.mergeList(group, kind, metadataPath + ".ownerReferences", "uid");
  }

  private static void podSpec(Builder b, String group, String kind, String spec) {
    for (String list : CONTAINER_LISTS) {
      String containers = spec + "." + list;
      b.mergeList(group, kind, containers, "name");
      b.mergeList(group, kind, containers + ".ports", "containerPort");
      b.mergeList(group, kind, containers + ".env", "name");
      b.mergeList(group, kind, containers + ".volumeMounts", "mountPath");
      b.mergeList(group, kind, containers + ".volumeDevices", "devicePath");
    }
    b.mergeListRetainingKeys(group, kind, spec + ".volumes", "name");
    b.mergeList(group, kind, spec + ".imagePullSecrets", "name");
    b.mergeList(group, kind, spec + ".hostAliases", "ip");
    b.mergeList(group, kind, spec + ".topologySpreadConstraints", "topologyKey");
    b.mergeList(group, kind, spec + ".schedulingGates", "name");
    b.mergeListRetainingKeys(group, kind, spec + ".resourceClaims", "name");
  }
}
