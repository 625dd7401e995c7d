package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Workloads.mapOr;

import dev.capstan.testkit.cluster.Behavior.Outcome;
import dev.capstan.testkit.cluster.ControllerManager.Tracked;
import dev.capstan.testkit.cluster.ScenarioBook.TargetKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The persistent volume binder with a dynamic provisioner behind it: a PersistentVolumeClaim is
 * Pending, then after the controllers' delay Bound, with the access modes and the capacity it
 * requested (no PersistentVolume object is made); with a never-ready scenario it stays Pending. A
 * bound claim stays bound.
 */
final class VolumeController {
  private final Store store;
  private final ControllerManager manager;

  VolumeController(Store store, ControllerManager manager) {
    this.store = store;
    this.manager = manager;
  }

  void reconcile(ObjectKey key) {
    Map<String, Object> pvc = store.get(key);
    if (pvc == null || "Bound".equals(mapOr(pvc, "status").get("phase"))) {
      return;
    }
    Behavior b = manager.behaviorOf(TargetKind.PERSISTENT_VOLUME_CLAIM, pvc);
    Tracked t = manager.tracked(key, Workloads.uid(pvc));
    Duration delay = b != null && b.delay() != null ? b.delay() : manager.settings().readyAfter();
    long left = manager.remainingNanos(t, delay);
    Map<String, Object> status = new LinkedHashMap<>();
    if ((b != null && b.outcome() == Outcome.NEVER_READY) || left > 0) {
      status.put("phase", "Pending");
      if (left > 0 && (b == null || b.outcome() != Outcome.NEVER_READY)) {
        manager.wakeUp(key, t, left);
      }
    } else {
      Map<String, Object> spec = mapOr(pvc, "spec");
      if (spec.get("accessModes") != null) {
        status.put("accessModes", Values.copy(spec.get("accessModes")));
      }
      Object storage = mapOr(mapOr(spec, "resources"), "requests").get("storage");
      if (storage != null) {
        status.put("capacity", new LinkedHashMap<>(Map.of("storage", storage)));
      }
      status.put("phase", "Bound");
    }
    pvc.put("status", status);
    store.updateStatus(pvc, ControllerManager.CONTROLLER_MANAGER);
  }
}
