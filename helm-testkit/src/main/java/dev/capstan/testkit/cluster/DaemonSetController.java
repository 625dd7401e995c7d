package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Workloads.mapOr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DaemonSet controller: one pod from the template on every node (bound to it, labelled with
 * {@code controller-revision-hash} and {@code pod-template-generation}); pods on nodes that are
 * gone, and extra pods on a node, are deleted. A RollingUpdate replaces the pods of an older
 * template, all at once; OnDelete replaces none. Node selectors, affinity and taints are not
 * considered. Then the status: {@code desiredNumberScheduled}, {@code currentNumberScheduled},
 * {@code updatedNumberScheduled}, {@code numberReady}, {@code numberAvailable}, {@code
 * numberUnavailable}, {@code numberMisscheduled} and {@code observedGeneration}.
 */
final class DaemonSetController {
  static final String TEMPLATE_GENERATION = "pod-template-generation";

  private final Store store;

  DaemonSetController(Store store) {
    this.store = store;
  }

  void reconcile(ObjectKey key) {
    Map<String, Object> ds = store.get(key);
    if (ds == null) {
      return;
    }
    Map<String, Object> spec = mapOr(ds, "spec");
    Map<String, Object> template = mapOr(spec, "template");
    String hash = Workloads.templateHash(template, 0);
    boolean rolling = !"OnDelete".equals(mapOr(spec, "updateStrategy").get("type"));
    List<String> nodes = new ArrayList<>();
    for (Map<String, Object> n : store.list("", "Node", "")) {
      nodes.add(Workloads.name(n));
    }
    Map<String, List<Map<String, Object>>> byNode = new LinkedHashMap<>();
    for (Map<String, Object> p : Workloads.owned(store, "", "Pod", key.namespace(), ds)) {
      String node = Values.string(mapOr(p, "spec"), "nodeName");
      if (!nodes.contains(node) || Workloads.terminated(p)) {
        store.delete(Store.keyOf(p));
      } else {
        byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(p);
      }
    }
    for (String node : nodes) {
      List<Map<String, Object>> here = byNode.getOrDefault(node, List.of());
      for (int i = 1; i < here.size(); i++) {
        store.delete(Store.keyOf(here.get(i)));
      }
      Map<String, Object> pod = here.isEmpty() ? null : here.get(0);
      if (pod != null && rolling
          && !hash.equals(Workloads.labels(pod).get(Workloads.REVISION_HASH))) {
        store.delete(Store.keyOf(pod));
        pod = null;
      }
      if (pod == null) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Workloads.REVISION_HASH, hash);
        labels.put(TEMPLATE_GENERATION, Long.toString(Workloads.generation(ds)));
        Map<String, Object> created = Workloads.podFrom(ds, template, null, labels);
        Values.mapIn(created, "spec").put("nodeName", node);
        store.create(created, ControllerManager.CONTROLLER_MANAGER);
      }
    }
    int scheduled = 0;
    int updated = 0;
    int ready = 0;
    Map<String, Boolean> seen = new LinkedHashMap<>();
    for (Map<String, Object> p : Workloads.owned(store, "", "Pod", key.namespace(), ds)) {
      String node = Values.string(mapOr(p, "spec"), "nodeName");
      if (seen.putIfAbsent(node, true) != null) {
        continue;
      }
      scheduled++;
      if (hash.equals(Workloads.labels(p).get(Workloads.REVISION_HASH))) {
        updated++;
      }
      if (Workloads.ready(p)) {
        ready++;
      }
    }
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("currentNumberScheduled", scheduled);
    status.put("desiredNumberScheduled", nodes.size());
    Workloads.putNonZero(status, "numberAvailable", ready);
    status.put("numberMisscheduled", 0);
    status.put("numberReady", ready);
    Workloads.putNonZero(status, "numberUnavailable", Math.max(0, nodes.size() - ready));
    status.put("observedGeneration", Values.integer(Workloads.generation(ds)));
    Workloads.putNonZero(status, "updatedNumberScheduled", updated);
    ds.put("status", status);
    store.updateStatus(ds, ControllerManager.CONTROLLER_MANAGER);
  }
}
