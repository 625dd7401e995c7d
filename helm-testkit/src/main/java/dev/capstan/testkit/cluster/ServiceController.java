package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Workloads.mapOr;

import dev.capstan.testkit.cluster.Behavior.Outcome;
import dev.capstan.testkit.cluster.ControllerManager.Tracked;
import dev.capstan.testkit.cluster.ScenarioBook.TargetKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service controller of a cloud provider: a Service of type LoadBalancer gets {@code
 * status.loadBalancer.ingress[0].ip} (from {@code 172.18.255.200} up, kept while it exists) after
 * the controllers' delay, or never with a never-ready scenario; a Service that is no longer a
 * LoadBalancer loses it. Cluster IPs come from admission, not from here.
 */
final class ServiceController {
  static final String SERVICE_CONTROLLER = "cloud-controller-manager";

  private final Store store;
  private final ControllerManager manager;

  ServiceController(Store store, ControllerManager manager) {
    this.store = store;
    this.manager = manager;
  }

  void reconcile(ObjectKey key) {
    Map<String, Object> svc = store.get(key);
    if (svc == null) {
      return;
    }
    boolean loadBalancer = "LoadBalancer".equals(mapOr(svc, "spec").get("type"));
    Map<String, Object> liveBalancer = mapOr(mapOr(svc, "status"), "loadBalancer");
    if (!loadBalancer) {
      if (liveBalancer.get("ingress") != null) {
        svc.put("status", new LinkedHashMap<>(Map.of("loadBalancer", new LinkedHashMap<>())));
        store.updateStatus(svc, SERVICE_CONTROLLER);
      }
      return;
    }
    Behavior b = manager.behaviorOf(TargetKind.SERVICE, svc);
    if (b != null && b.outcome() == Outcome.NEVER_READY) {
      return;
    }
    Tracked t = manager.tracked(key, Workloads.uid(svc));
    Duration delay = b != null && b.delay() != null ? b.delay() : manager.settings().readyAfter();
    long left = manager.remainingNanos(t, delay);
    if (left > 0) {
      manager.wakeUp(key, t, left);
      return;
    }
    if (t.address.isEmpty()) {
      t.address = manager.nextLoadBalancerIp();
    }
    Map<String, Object> ingress = new LinkedHashMap<>();
    ingress.put("ip", t.address);
    ingress.put("ipMode", "VIP");
    Map<String, Object> balancer = new LinkedHashMap<>();
    balancer.put("ingress", new ArrayList<>(List.of(ingress)));
    svc.put("status", new LinkedHashMap<>(Map.of("loadBalancer", balancer)));
    store.updateStatus(svc, SERVICE_CONTROLLER);
  }
}
