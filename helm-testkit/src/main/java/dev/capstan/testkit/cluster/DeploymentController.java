package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Workloads.condition;
import static dev.capstan.testkit.cluster.Workloads.mapOr;

import dev.capstan.testkit.cluster.Behavior.Outcome;
import dev.capstan.testkit.cluster.ScenarioBook.TargetKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Deployment controller: the ReplicaSet whose template is the Deployment's (named {@code
 * <deployment>-<template hash>}, with the {@code pod-template-hash} label on itself, its selector
 * and its template, the Deployment as controller owner and the {@code
 * deployment.kubernetes.io/revision} annotation) is scaled to {@code spec.replicas}; with the
 * RollingUpdate strategy the older ReplicaSets are scaled to 0 once the new one's pods are all
 * available, with Recreate before the new one is created. A ReplicaSet that becomes the new one
 * again (a rollback) takes the next revision. Then the status: {@code observedGeneration}, the
 * replica counts summed over the ReplicaSets, and the {@code Available} and {@code Progressing}
 * conditions ({@code NewReplicaSetAvailable} once complete, {@code ProgressDeadlineExceeded}
 * when a scenario says so). Old ReplicaSets beyond {@code revisionHistoryLimit} are deleted.
 */
final class DeploymentController {
  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
  static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
  static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

  private final Store store;
  private final ControllerManager manager;

  DeploymentController(Store store, ControllerManager manager) {
    this.store = store;
    this.manager = manager;
  }

  void reconcile(ObjectKey key) {
    Map<String, Object> d = store.get(key);
    if (d == null) {
      return;
    }
    Map<String, Object> spec = mapOr(d, "spec");
    int replicas = Workloads.integer(spec, "replicas", 1);
    Map<String, Object> template = mapOr(spec, "template");
    boolean paused = Boolean.TRUE.equals(spec.get("paused"));
    Map<String, Object> strategy = mapOr(spec, "strategy");
    boolean recreate = "Recreate".equals(strategy.get("type"));
    int collisions = Workloads.integer(mapOr(d, "status"), "collisionCount", 0);
    boolean created = false;
    List<Map<String, Object>> all = owned(d, key);
    Map<String, Object> newRs = newReplicaSet(all, template);
    if (!paused) {
      List<Map<String, Object>> old = others(all, newRs);
      if (newRs == null) {
        if (recreate && anyActive(old)) {
          scaleToZero(old);
        } else {
          while (newRs == null) {
            String name = Workloads.name(d) + "-" + Workloads.templateHash(template, collisions);
            if (store.get(new ObjectKey("apps", "ReplicaSet", key.namespace(), name)) != null) {
              collisions++;
              continue;
            }
            newRs = store.create(replicaSet(d, name, template, replicas, maxRevision(all) + 1),
                ControllerManager.CONTROLLER_MANAGER);
            created = true;
          }
        }
      } else {
        sync(d, newRs, replicas, maxRevision(old));
      }
      if (newRs != null) {
        Map<String, Object> live = store.get(Store.keyOf(newRs));
        int available = Workloads.integer(mapOr(live, "status"), "availableReplicas", 0);
        if (recreate || available >= replicas) {
          scaleToZero(old);
        }
      }
      deleteHistory(d, key);
      all = owned(d, key);
      newRs = newReplicaSet(all, template);
    }
    writeStatus(d, all, newRs, replicas, collisions, created, paused);
  }

  private List<Map<String, Object>> owned(Map<String, Object> d, ObjectKey key) {
    return Workloads.owned(store, "apps", "ReplicaSet", key.namespace(), d);
  }

  /** The oldest ReplicaSet whose template is the Deployment's, or null. */
  private static Map<String, Object> newReplicaSet(List<Map<String, Object>> all,
      Map<String, Object> template) {
    for (Map<String, Object> rs : all) {
      if (Workloads.sameTemplate(mapOr(mapOr(rs, "spec"), "template"), template)) {
        return rs;
      }
    }
    return null;
  }

  private static List<Map<String, Object>> others(List<Map<String, Object>> all,
      Map<String, Object> newRs) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> rs : all) {
      if (newRs == null || !Workloads.uid(rs).equals(Workloads.uid(newRs))) {
        out.add(rs);
      }
    }
    return out;
  }

  private static boolean anyActive(List<Map<String, Object>> sets) {
    for (Map<String, Object> rs : sets) {
      if (Workloads.integer(mapOr(rs, "spec"), "replicas", 1) > 0
          || Workloads.integer(mapOr(rs, "status"), "replicas", 0) > 0) {
        return true;
      }
    }
    return false;
  }

  private void scaleToZero(List<Map<String, Object>> sets) {
    for (Map<String, Object> rs : sets) {
      Map<String, Object> live = store.get(Store.keyOf(rs));
      if (live != null && Workloads.integer(mapOr(live, "spec"), "replicas", 1) != 0) {
        Values.mapIn(live, "spec").put("replicas", 0);
        Values.mapIn(Values.metadata(live), "annotations").put(DESIRED_REPLICAS, "0");
        store.update(live, ControllerManager.CONTROLLER_MANAGER);
      }
    }
  }

  /** Scales the new ReplicaSet and gives it the next revision when an older one came back. */
  private void sync(Map<String, Object> d, Map<String, Object> newRs, int replicas,
      int maxOldRevision) {
    Map<String, Object> live = store.get(Store.keyOf(newRs));
    if (live == null) {
      return;
    }
    Map<String, Object> annotations = Values.mapIn(Values.metadata(live), "annotations");
    int revision = revision(live);
    if (revision <= maxOldRevision) {
      String history = Values.string(annotations, REVISION_HISTORY);
      annotations.put(REVISION_HISTORY, history.isEmpty() ? Integer.toString(revision)
          : history + "," + revision);
      annotations.put(REVISION, Integer.toString(maxOldRevision + 1));
    }
    annotations.put(DESIRED_REPLICAS, Integer.toString(replicas));
    annotations.put(MAX_REPLICAS, Integer.toString(replicas + maxSurge(d, replicas)));
    Values.mapIn(live, "spec").put("replicas", replicas);
    Object minReady = mapOr(d, "spec").get("minReadySeconds");
    if (minReady != null) {
      Values.mapIn(live, "spec").put("minReadySeconds", minReady);
    }
    store.update(live, ControllerManager.CONTROLLER_MANAGER);
  }

  private Map<String, Object> replicaSet(Map<String, Object> d, String name,
      Map<String, Object> template, int replicas, int revision) {
    String hash = name.substring(Workloads.name(d).length() + 1);
    Map<String, Object> podTemplate = Values.copy(new LinkedHashMap<>(template));
    Map<String, Object> templateLabels = Values.mapIn(Values.mapIn(podTemplate, "metadata"),
        "labels");
    templateLabels.put(Workloads.POD_TEMPLATE_HASH, hash);
    Map<String, Object> md = new LinkedHashMap<>();
    md.put("name", name);
    md.put("namespace", Values.string(Workloads.metadata(d), "namespace"));
    md.put("labels", Values.copy(templateLabels));
    Map<String, Object> annotations = new LinkedHashMap<>();
    Workloads.strings(Workloads.metadata(d), "annotations").forEach((k, v) -> {
      if (!k.equals("kubectl.kubernetes.io/last-applied-configuration")
          && !k.startsWith("deployment.kubernetes.io/")) {
        annotations.put(k, v);
      }
    });
    annotations.put(DESIRED_REPLICAS, Integer.toString(replicas));
    annotations.put(MAX_REPLICAS, Integer.toString(replicas + maxSurge(d, replicas)));
    annotations.put(REVISION, Integer.toString(revision));
    md.put("annotations", annotations);
    md.put("ownerReferences", new ArrayList<>(List.of(Workloads.controllerRef(d))));
    Map<String, Object> spec = new LinkedHashMap<>();
    Object minReady = mapOr(d, "spec").get("minReadySeconds");
    if (minReady != null) {
      spec.put("minReadySeconds", minReady);
    }
    spec.put("replicas", replicas);
    Map<String, Object> selector = Values.copy(new LinkedHashMap<>(mapOr(mapOr(d, "spec"),
        "selector")));
    Values.mapIn(selector, "matchLabels").put(Workloads.POD_TEMPLATE_HASH, hash);
    spec.put("selector", selector);
    spec.put("template", podTemplate);
    Map<String, Object> rs = new LinkedHashMap<>();
    rs.put("apiVersion", "apps/v1");
    rs.put("kind", "ReplicaSet");
    rs.put("metadata", md);
    rs.put("spec", spec);
    return rs;
  }

  /** Deletes the oldest scaled-down ReplicaSets beyond {@code revisionHistoryLimit}. */
  private void deleteHistory(Map<String, Object> d, ObjectKey key) {
    int limit = Workloads.integer(mapOr(d, "spec"), "revisionHistoryLimit", 10);
    List<Map<String, Object>> all = owned(d, key);
    Map<String, Object> newRs = newReplicaSet(all, mapOr(mapOr(d, "spec"), "template"));
    List<Map<String, Object>> idle = new ArrayList<>();
    for (Map<String, Object> rs : others(all, newRs)) {
      if (Workloads.integer(mapOr(rs, "spec"), "replicas", 1) == 0
          && Workloads.integer(mapOr(rs, "status"), "replicas", 0) == 0) {
        idle.add(rs);
      }
    }
    idle.sort(java.util.Comparator.comparingInt(DeploymentController::revision));
    for (int i = 0; i < idle.size() - limit; i++) {
      store.delete(Store.keyOf(idle.get(i)));
    }
  }

  private void writeStatus(Map<String, Object> d, List<Map<String, Object>> all,
      Map<String, Object> newRs, int replicas, int collisions, boolean created, boolean paused) {
    int total = 0;
    int ready = 0;
    int available = 0;
    int desired = 0;
    for (Map<String, Object> rs : all) {
      Map<String, Object> st = mapOr(rs, "status");
      total += Workloads.integer(st, "replicas", 0);
      ready += Workloads.integer(st, "readyReplicas", 0);
      available += Workloads.integer(st, "availableReplicas", 0);
      desired += Workloads.integer(mapOr(rs, "spec"), "replicas", 1);
    }
    int updated = newRs == null ? 0 : Workloads.integer(mapOr(newRs, "status"), "replicas", 0);
    int maxUnavailable = maxUnavailable(d, replicas);
    String rsName = newRs == null ? null : Workloads.name(newRs);
    List<Map<String, Object>> wanted = new ArrayList<>();
    if (available >= replicas - maxUnavailable) {
      wanted.add(condition("Available", "True", "MinimumReplicasAvailable",
          "Deployment has minimum availability."));
    } else {
      wanted.add(condition("Available", "False", "MinimumReplicasUnavailable",
          "Deployment does not have minimum availability."));
    }
    boolean complete = newRs != null && updated == replicas && available >= replicas
        && total == replicas;
    Behavior b = manager.behaviorOf(TargetKind.DEPLOYMENT, d);
    if (paused) {
      wanted.add(condition("Progressing", "Unknown", "DeploymentPaused", "Deployment is paused"));
    } else if (complete) {
      wanted.add(condition("Progressing", "True", "NewReplicaSetAvailable",
          "ReplicaSet \"" + rsName + "\" has successfully progressed."));
    } else if (b != null && b.outcome() == Outcome.PROGRESS_DEADLINE) {
      wanted.add(condition("Progressing", "False", "ProgressDeadlineExceeded",
          rsName == null ? "Deployment \"" + Workloads.name(d) + "\" has timed out progressing."
              : "ReplicaSet \"" + rsName + "\" has timed out progressing."));
    } else if (created) {
      wanted.add(condition("Progressing", "True", "NewReplicaSetCreated",
          "Created new replica set \"" + rsName + "\""));
    } else {
      wanted.add(condition("Progressing", "True", "ReplicaSetUpdated", rsName == null
          ? "Deployment \"" + Workloads.name(d) + "\" is progressing."
          : "ReplicaSet \"" + rsName + "\" is progressing."));
    }
    Map<String, Object> liveStatus = mapOr(d, "status");
    Map<String, Object> status = new LinkedHashMap<>();
    Workloads.putNonZero(status, "availableReplicas", available);
    Workloads.putNonZero(status, "collisionCount", collisions);
    status.put("conditions", Workloads.conditions(wanted, Workloads.maps(liveStatus,
        "conditions"), store.now(), true, false));
    status.put("observedGeneration", Values.integer(Workloads.generation(d)));
    Workloads.putNonZero(status, "readyReplicas", ready);
    Workloads.putNonZero(status, "replicas", total);
    Workloads.putNonZero(status, "unavailableReplicas", Math.max(0, desired - available));
    Workloads.putNonZero(status, "updatedReplicas", updated);
    d.put("status", status);
    store.updateStatus(d, ControllerManager.CONTROLLER_MANAGER);
  }

  static int revision(Map<String, Object> rs) {
    try {
      return Integer.parseInt(Workloads.strings(Workloads.metadata(rs), "annotations")
          .getOrDefault(REVISION, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int maxRevision(List<Map<String, Object>> sets) {
    int max = 0;
    for (Map<String, Object> rs : sets) {
      max = Math.max(max, revision(rs));
    }
    return max;
  }

  /** {@code maxUnavailable} of a RollingUpdate (25% rounded down), 0 for other strategies. */
  static int maxUnavailable(Map<String, Object> d, int replicas) {
    Map<String, Object> strategy = mapOr(mapOr(d, "spec"), "strategy");
    if ("Recreate".equals(strategy.get("type")) || replicas == 0) {
      return 0;
    }
    Map<String, Object> rolling = mapOr(strategy, "rollingUpdate");
    int surge = Workloads.scaled(rolling.getOrDefault("maxSurge", "25%"), replicas, true, 0);
    int unavailable = Workloads.scaled(rolling.getOrDefault("maxUnavailable", "25%"), replicas,
        false, 0);
    if (surge == 0 && unavailable == 0) {
      unavailable = 1;
    }
    return Math.min(unavailable, replicas);
  }

  private static int maxSurge(Map<String, Object> d, int replicas) {
    Map<String, Object> strategy = mapOr(mapOr(d, "spec"), "strategy");
    if ("Recreate".equals(strategy.get("type"))) {
      return 0;
    }
    return Workloads.scaled(mapOr(strategy, "rollingUpdate").getOrDefault("maxSurge", "25%"),
        replicas, true, 0);
  }
}
