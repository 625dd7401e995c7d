package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Workloads.mapOr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The StatefulSet controller: a ControllerRevision {@code <statefulset>-<hash>} per template;
 * pods {@code <statefulset>-0} to {@code -<replicas - 1>} (one after the other, each once the one
 * before is ready, unless {@code podManagementPolicy} is Parallel) with the {@code
 * controller-revision-hash}, {@code statefulset.kubernetes.io/pod-name} and {@code
 * apps.kubernetes.io/pod-index} labels and a PersistentVolumeClaim per volume claim template;
 * surplus pods deleted. A RollingUpdate replaces the pods from the highest ordinal down to the
 * {@code partition}, one at a time while all are ready (pods below the partition keep, or are
 * recreated at, the current revision); OnDelete replaces none. Then the status: {@code
 * replicas}, {@code readyReplicas}, {@code availableReplicas}, {@code currentReplicas}, {@code
 * updatedReplicas}, {@code currentRevision} and {@code updateRevision} (the current revision
 * becomes the update revision once every pod runs it and is ready), {@code observedGeneration}.
 */
final class StatefulSetController {
  static final String POD_NAME = "statefulset.kubernetes.io/pod-name";
  static final String POD_INDEX = "apps.kubernetes.io/pod-index";

  private final Store store;

  StatefulSetController(Store store) {
    this.store = store;
  }

  void reconcile(ObjectKey key) {
    Map<String, Object> sts = store.get(key);
    if (sts == null) {
      return;
    }
    String name = key.name();
    Map<String, Object> spec = mapOr(sts, "spec");
    int replicas = Workloads.integer(spec, "replicas", 1);
    Map<String, Object> template = mapOr(spec, "template");
    Map<String, Object> strategy = mapOr(spec, "updateStrategy");
    boolean rolling = !"OnDelete".equals(strategy.get("type"));
    int partition = rolling ? Workloads.integer(mapOr(strategy, "rollingUpdate"), "partition", 0)
        : 0;
    boolean ordered = !"Parallel".equals(spec.get("podManagementPolicy"));
    String updateRevision = revision(sts, template);
    String currentRevision = Values.string(mapOr(sts, "status"), "currentRevision");
    if (currentRevision.isEmpty()) {
      currentRevision = updateRevision;
    }
    TreeMap<Integer, Map<String, Object>> pods = pods(sts, key);
    for (Map.Entry<Integer, Map<String, Object>> e : pods.descendingMap().entrySet()) {
      if (e.getKey() >= replicas || Workloads.terminated(e.getValue())) {
        store.delete(Store.keyOf(e.getValue()));
      }
    }
    pods = pods(sts, key);
    boolean allReady = true;
    for (int i = 0; i < replicas; i++) {
      Map<String, Object> pod = pods.get(i);
      if (pod == null) {
        if (ordered && !allReady) {
          break;
        }
        String revision = rolling && i < partition ? currentRevision : updateRevision;
        claims(sts, key, name + "-" + i);
        store.create(pod(sts, templateOf(sts, key, revision, template), revision, i),
            ControllerManager.CONTROLLER_MANAGER);
        allReady = false;
      } else if (!Workloads.ready(pod)) {
        allReady = false;
      }
    }
    pods = pods(sts, key);
    if (rolling && allReady && pods.size() == replicas) {
      for (Map.Entry<Integer, Map<String, Object>> e : pods.descendingMap().entrySet()) {
        if (e.getKey() >= partition && !updateRevision.equals(
            Workloads.labels(e.getValue()).get(Workloads.REVISION_HASH))) {
          store.delete(Store.keyOf(e.getValue()));
          break;
        }
      }
      pods = pods(sts, key);
    }
    writeStatus(sts, pods, currentRevision, updateRevision, rolling);
  }

  private void writeStatus(Map<String, Object> sts, TreeMap<Integer, Map<String, Object>> pods,
      String currentRevision, String updateRevision, boolean rolling) {
    int ready = 0;
    int current = 0;
    int updated = 0;
    for (Map<String, Object> p : pods.values()) {
      String revision = Workloads.labels(p).getOrDefault(Workloads.REVISION_HASH, "");
      if (Workloads.ready(p)) {
        ready++;
      }
      if (revision.equals(currentRevision)) {
        current++;
      }
      if (revision.equals(updateRevision)) {
        updated++;
      }
    }
    if (rolling && updated == pods.size() && ready == pods.size()) {
      currentRevision = updateRevision;
      current = updated;
    }
    Map<String, Object> status = new LinkedHashMap<>();
    Workloads.putNonZero(status, "availableReplicas", ready);
    status.put("collisionCount", 0);
    Workloads.putNonZero(status, "currentReplicas", current);
    status.put("currentRevision", currentRevision);
    status.put("observedGeneration", Values.integer(Workloads.generation(sts)));
    Workloads.putNonZero(status, "readyReplicas", ready);
    status.put("replicas", pods.size());
    status.put("updateRevision", updateRevision);
    Workloads.putNonZero(status, "updatedReplicas", updated);
    sts.put("status", status);
    store.updateStatus(sts, ControllerManager.CONTROLLER_MANAGER);
  }

  /** The StatefulSet's pods by ordinal. */
  private TreeMap<Integer, Map<String, Object>> pods(Map<String, Object> sts, ObjectKey key) {
    TreeMap<Integer, Map<String, Object>> out = new TreeMap<>();
    String prefix = key.name() + "-";
    for (Map<String, Object> p : Workloads.owned(store, "", "Pod", key.namespace(), sts)) {
      String podName = Workloads.name(p);
      if (podName.startsWith(prefix)) {
        try {
          out.put(Integer.parseInt(podName.substring(prefix.length())), p);
        } catch (NumberFormatException e) {
          // Not one of the ordinal pods; a real controller would not have made it either.
        }
      }
    }
    return out;
  }

  /**
   * The name of the ControllerRevision of {@code template}, stored (or given the next revision
   * number, when an older template comes back) if needed.
   */
  private String revision(Map<String, Object> sts, Map<String, Object> template) {
    String ns = Values.string(Workloads.metadata(sts), "namespace");
    String hash = Workloads.templateHash(template, 0);
    String name = Workloads.name(sts) + "-" + hash;
    List<Map<String, Object>> revisions = Workloads.owned(store, "apps", "ControllerRevision", ns,
        sts);
    long max = 0;
    Map<String, Object> existing = null;
    for (Map<String, Object> r : revisions) {
      long n = r.get("revision") instanceof Number num ? num.longValue() : 0;
      if (Workloads.name(r).equals(name)) {
        existing = r;
      } else {
        max = Math.max(max, n);
      }
    }
    if (existing == null) {
      Map<String, Object> md = new LinkedHashMap<>();
      md.put("name", name);
      md.put("namespace", ns);
      Map<String, Object> labels = new LinkedHashMap<>(Workloads.strings(
          mapOr(mapOr(sts, "spec"), "selector"), "matchLabels"));
      labels.put("controller.kubernetes.io/hash", hash);
      md.put("labels", labels);
      md.put("ownerReferences", new ArrayList<>(List.of(Workloads.controllerRef(sts))));
      Map<String, Object> patch = Values.copy(new LinkedHashMap<>(template));
      patch.put("$patch", "replace");
      Map<String, Object> cr = new LinkedHashMap<>();
      cr.put("apiVersion", "apps/v1");
      cr.put("kind", "ControllerRevision");
      cr.put("metadata", md);
      cr.put("data", new LinkedHashMap<>(Map.of("spec", new LinkedHashMap<>(Map.of("template",
          patch)))));
      cr.put("revision", Values.integer(max + 1));
      store.create(cr, ControllerManager.CONTROLLER_MANAGER);
    } else if (existing.get("revision") instanceof Number n && n.longValue() <= max) {
      existing.put("revision", Values.integer(max + 1));
      store.update(existing, ControllerManager.CONTROLLER_MANAGER);
    }
    return name;
  }

  /** The template stored with revision {@code revision}, or {@code fallback}. */
  private Map<String, Object> templateOf(Map<String, Object> sts, ObjectKey key, String revision,
      Map<String, Object> fallback) {
    Map<String, Object> cr = store.get(new ObjectKey("apps", "ControllerRevision",
        key.namespace(), revision));
    Map<String, Object> stored = cr == null ? null
        : Values.map(mapOr(mapOr(cr, "data"), "spec"), "template");
    if (stored == null || !Workloads.controlledBy(cr, Workloads.uid(sts))) {
      return fallback;
    }
    Map<String, Object> template = new LinkedHashMap<>(stored);
    template.remove("$patch");
    return template;
  }

  private Map<String, Object> pod(Map<String, Object> sts, Map<String, Object> template,
      String revision, int ordinal) {
    String podName = Workloads.name(sts) + "-" + ordinal;
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(POD_INDEX, Integer.toString(ordinal));
    labels.put(Workloads.REVISION_HASH, revision);
    labels.put(POD_NAME, podName);
    Map<String, Object> pod = Workloads.podFrom(sts, template, podName, labels);
    Map<String, Object> spec = Values.mapIn(pod, "spec");
    spec.put("hostname", podName);
    String service = Values.string(mapOr(sts, "spec"), "serviceName");
    if (!service.isEmpty()) {
      spec.put("subdomain", service);
    }
    for (Map<String, Object> claim : Workloads.maps(mapOr(sts, "spec"),
        "volumeClaimTemplates")) {
      String claimName = Workloads.name(claim);
      List<Object> volumes = Values.list(spec, "volumes");
      if (volumes == null) {
        volumes = new ArrayList<>();
        spec.put("volumes", volumes);
      }
      volumes.removeIf(v -> v instanceof Map<?, ?> m && claimName.equals(m.get("name")));
      volumes.add(new LinkedHashMap<>(Map.of("name", claimName, "persistentVolumeClaim",
          new LinkedHashMap<>(Map.of("claimName", claimName + "-" + podName)))));
    }
    return pod;
  }

  /** Creates the pod's PersistentVolumeClaims that do not exist yet. */
  private void claims(Map<String, Object> sts, ObjectKey key, String podName) {
    Map<String, Object> spec = mapOr(sts, "spec");
    boolean owned = "Delete".equals(mapOr(spec, "persistentVolumeClaimRetentionPolicy")
        .get("whenDeleted"));
    for (Map<String, Object> claim : Workloads.maps(spec, "volumeClaimTemplates")) {
      String claimName = Workloads.name(claim) + "-" + podName;
      if (store.get(new ObjectKey("", "PersistentVolumeClaim", key.namespace(), claimName))
          != null) {
        continue;
      }
      Map<String, Object> md = new LinkedHashMap<>();
      md.put("name", claimName);
      md.put("namespace", key.namespace());
      Map<String, Object> labels = new LinkedHashMap<>(Workloads.labels(claim));
      labels.putAll(Workloads.strings(mapOr(spec, "selector"), "matchLabels"));
      if (!labels.isEmpty()) {
        md.put("labels", labels);
      }
      if (owned) {
        md.put("ownerReferences", new ArrayList<>(List.of(Workloads.controllerRef(sts))));
      }
      Map<String, Object> pvc = new LinkedHashMap<>();
      pvc.put("apiVersion", "v1");
      pvc.put("kind", "PersistentVolumeClaim");
      pvc.put("metadata", md);
      pvc.put("spec", Values.copy(new LinkedHashMap<>(mapOr(claim, "spec"))));
      store.create(pvc, ControllerManager.CONTROLLER_MANAGER);
    }
  }
}
