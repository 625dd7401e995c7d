package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Workloads.mapOr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ReplicaSet controller: keeps {@code spec.replicas} pods from the template (named {@code
 * <replicaset>-<suffix>}, owned by the ReplicaSet), deleting the surplus (not-ready and newest
 * first), and writes {@code replicas}, {@code fullyLabeledReplicas}, {@code readyReplicas},
 * {@code availableReplicas} and {@code observedGeneration}. A template change does not touch the
 * pods that exist, as on a real cluster.
 */
final class ReplicaSetController {
  private final Store store;

  ReplicaSetController(Store store) {
    this.store = store;
  }

  void reconcile(ObjectKey key) {
    Map<String, Object> rs = store.get(key);
    if (rs == null) {
      return;
    }
    Map<String, Object> spec = mapOr(rs, "spec");
    int replicas = Workloads.integer(spec, "replicas", 1);
    Map<String, Object> template = mapOr(spec, "template");
    List<Map<String, Object>> pods = active(rs, key.namespace());
    if (pods.size() < replicas) {
      for (int i = pods.size(); i < replicas; i++) {
        store.create(Workloads.podFrom(rs, template, null, Map.of()),
            ControllerManager.CONTROLLER_MANAGER);
      }
    } else if (pods.size() > replicas) {
      List<Map<String, Object>> doomed = new ArrayList<>(pods);
      doomed.sort(Comparator.comparing((Map<String, Object> p) -> Workloads.ready(p))
          .thenComparing(p -> Values.string(Workloads.metadata(p), "creationTimestamp"),
              Comparator.reverseOrder())
          .thenComparing(Workloads::name, Comparator.reverseOrder()));
      for (Map<String, Object> p : doomed.subList(0, pods.size() - replicas)) {
        store.delete(Store.keyOf(p));
      }
    }
    pods = active(rs, key.namespace());
    Map<String, String> templateLabels = Workloads.strings(mapOr(template, "metadata"), "labels");
    int labelled = 0;
    int ready = 0;
    for (Map<String, Object> p : pods) {
      if (Workloads.labels(p).entrySet().containsAll(templateLabels.entrySet())) {
        labelled++;
      }
      if (Workloads.ready(p)) {
        ready++;
      }
    }
    Map<String, Object> status = new LinkedHashMap<>();
    Workloads.putNonZero(status, "availableReplicas", ready);
    Workloads.putNonZero(status, "fullyLabeledReplicas", labelled);
    status.put("observedGeneration", Values.integer(Workloads.generation(rs)));
    Workloads.putNonZero(status, "readyReplicas", ready);
    status.put("replicas", pods.size());
    rs.put("status", status);
    store.updateStatus(rs, ControllerManager.CONTROLLER_MANAGER);
  }

  /** The ReplicaSet's pods that have not finished. */
  private List<Map<String, Object>> active(Map<String, Object> rs, String namespace) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> p : Workloads.owned(store, "", "Pod", namespace, rs)) {
      if (!Workloads.terminated(p)) {
        out.add(p);
      }
    }
    return out;
  }
}
