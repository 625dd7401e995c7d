package dev.capstan.testkit.cluster;

import dev.capstan.testkit.cluster.ScenarioBook.Entry;
import dev.capstan.testkit.cluster.ScenarioBook.TargetKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated controllers of one {@link InMemoryCluster} and what they share: a queue of the
 * objects to reconcile, filled by every write (an object's own key and its controller owner's),
 * which {@link #settle()} drains while the cluster's lock is held, at the end of each client
 * request; the scenarios; what the kubelet remembers of each pod; and a timer that wakes objects
 * up when a delay has passed (a thread of its own, or the cluster's virtual clock).
 *
 * <p>All state is guarded by the cluster's lock.
 */
final class ControllerManager {
  static final String CONTROLLER_MANAGER = "kube-controller-manager";
  static final String KUBELET = "kubelet";
  static final String SCHEDULER = "kube-scheduler";

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryCluster.class);
  /** A bound on the reconciles of one settle, which only a controller bug would reach. */
  private static final int MAX_RECONCILES = 100_000;

  /** Reconciles one object: reads it through the store and writes what its controller would. */
  interface Reconciler {
    void reconcile(ObjectKey key);
  }

  /**
   * What the cluster remembers of one object besides what is stored: when it started (for
   * delays), and for pods the addresses and restarts the kubelet gave them.
   */
  static final class Tracked {
    final String uid;
    final long startedNanos;
    String startTime;
    String finishTime;
    String node = "";
    String hostIp = "";
    String podIp = "";
    String address = "";
    String restartedContainer = "";
    int restarts;
    boolean pullBackOff;
    long wakeAtNanos = Long.MIN_VALUE;

    Tracked(String uid, long startedNanos) {
      this.uid = uid;
      this.startedNanos = startedNanos;
    }
  }

  /** The behavior a scenario sets for a pod, with the container it applies to (or null). */
  record Resolved(Behavior behavior, String container) {}

  private final Controllers settings;
  private final Store store;
  private final Object lock;
  private final ScenarioBook book = new ScenarioBook();
  private final Scenarios scenarios;
  private final LinkedHashSet<ObjectKey> queue = new LinkedHashSet<>();
  private final Map<ObjectKey, Tracked> tracked = new HashMap<>();
  private final Map<String, Reconciler> reconcilers = new LinkedHashMap<>();
  private final Map<String, Integer> podIpsByNode = new HashMap<>();
  private final ControllerTimer timer;
  private boolean settling;
  private boolean stopped;
  private long bindings;
  private long loadBalancers;

  ControllerManager(Controllers settings, Store store, Object lock, ControllerTimer timer) {
    this.settings = settings;
    this.store = store;
    this.lock = lock;
    this.scenarios = new Scenarios(this, "");
    this.timer = timer;
    reconcilers.put("apps/Deployment", new DeploymentController(store, this)::reconcile);
    reconcilers.put("apps/ReplicaSet", new ReplicaSetController(store)::reconcile);
    reconcilers.put("apps/StatefulSet", new StatefulSetController(store)::reconcile);
    reconcilers.put("apps/DaemonSet", new DaemonSetController(store)::reconcile);
    reconcilers.put("batch/Job", new JobController(store)::reconcile);
    reconcilers.put("/Pod", new Kubelet(store, this)::reconcile);
    reconcilers.put("/Service", new ServiceController(store, this)::reconcile);
    reconcilers.put("/PersistentVolumeClaim", new VolumeController(store, this)::reconcile);
  }

  Controllers settings() {
    return settings;
  }

  Scenarios scenarios() {
    return scenarios;
  }

  /** Registers the nodes the cluster pretends to have (the lock is held). */
  void start() {
    for (int i = 1; i <= settings.nodes(); i++) {
      store.create(Kubelet.node(i, store.serverVersion(), store.now()), KUBELET);
    }
    settle();
  }

  // ---------------------------------------------------------------------------------------------
  // The queue

  /** Queues what a write of {@code object} at {@code key} concerns. */
  void changed(ObjectKey key, Map<String, Object> object) {
    if (stopped) {
      return;
    }
    if (reconcilers.containsKey(kindKey(key))) {
      queue.add(key);
    }
    ObjectKey owner = Workloads.controllerOf(object, key.namespace());
    if (owner != null && reconcilers.containsKey(kindKey(owner))) {
      queue.add(owner);
    }
    if (key.group().isEmpty() && key.kind().equals("Node")) {
      for (Map<String, Object> ds : store.list("apps", "DaemonSet", "")) {
        queue.add(Store.keyOf(ds));
      }
    }
  }

  /** Queues what the removal of {@code object} concerns and forgets what was tracked of it. */
  void removed(ObjectKey key, Map<String, Object> object) {
    tracked.remove(key);
    changed(key, object);
  }

  /**
   * Reconciles queued objects, oldest first, until none is left; a controller that fails is
   * logged and the others go on, so a client request never fails because of a controller.
   */
  void settle() {
    if (settling || stopped) {
      return;
    }
    settling = true;
    try {
      int done = 0;
      while (!queue.isEmpty()) {
        if (++done > MAX_RECONCILES) {
          LOG.error("the simulated controllers did not settle after {} reconciles; dropping {}",
              MAX_RECONCILES, queue);
          queue.clear();
          break;
        }
        Iterator<ObjectKey> it = queue.iterator();
        ObjectKey key = it.next();
        it.remove();
        Reconciler r = reconcilers.get(kindKey(key));
        try {
          r.reconcile(key);
        } catch (RuntimeException e) {
          LOG.warn("the simulated {} controller failed to reconcile {}/{}: {}", key.kind(),
              key.namespace(), key.name(), e.getMessage(), e);
        }
      }
    } finally {
      settling = false;
    }
  }

  /** Queues every object whose state a scenario decides. */
  private void rescan() {
    for (String[] kind : new String[][] {{"", "Pod"}, {"apps", "Deployment"}, {"", "Service"},
        {"", "PersistentVolumeClaim"}}) {
      for (Map<String, Object> o : store.list(kind[0], kind[1], "")) {
        queue.add(Store.keyOf(o));
      }
    }
  }

  /** Changes the scenarios, then lets every object take them up. */
  void changeScenarios(Consumer<ScenarioBook> change) {
    synchronized (lock) {
      change.accept(book);
      rescan();
      settle();
    }
  }

  private static String kindKey(ObjectKey key) {
    return key.group() + "/" + key.kind();
  }

  // ---------------------------------------------------------------------------------------------
  // Time

  /** What is remembered of {@code key}, new when its uid changed. */
  Tracked tracked(ObjectKey key, String uid) {
    Tracked t = tracked.get(key);
    if (t == null || !t.uid.equals(uid)) {
      t = new Tracked(uid, timer.nanoTime());
      tracked.put(key, t);
    }
    return t;
  }

  /** How long is left of {@code delay} since {@code t} started, zero when it has passed. */
  long remainingNanos(Tracked t, Duration delay) {
    long left = delay.toNanos() - (timer.nanoTime() - t.startedNanos);
    return Math.max(0, left);
  }

  /**
   * Reconciles {@code key} again in {@code nanos}, unless a wake-up of {@code t} that comes no
   * later is pending.
   */
  void wakeUp(ObjectKey key, Tracked t, long nanos) {
    long now = timer.nanoTime();
    long due = now + nanos;
    boolean pending = t.wakeAtNanos != Long.MIN_VALUE && t.wakeAtNanos - now > 0;
    if (stopped || (pending && t.wakeAtNanos - due <= 0)) {
      return;
    }
    t.wakeAtNanos = due;
    timer.schedule(() -> {
      synchronized (lock) {
        if (!stopped) {
          queue.add(key);
          settle();
        }
      }
    }, nanos);
  }

  /** Stops the controllers and their timer thread, waiting up to {@code millis} for it. */
  void shutdown(long millis) {
    synchronized (lock) {
      stopped = true;
      queue.clear();
    }
    timer.shutdown(millis);
  }

  boolean isTerminated() {
    return timer.isTerminated();
  }

  // ---------------------------------------------------------------------------------------------
  // Addresses

  /** The node the next unbound pod goes to: round robin over the nodes there are, or null. */
  String nextNode() {
    List<Map<String, Object>> nodes = store.list("", "Node", "");
    if (nodes.isEmpty()) {
      return null;
    }
    return Workloads.name(nodes.get((int) (bindings++ % nodes.size())));
  }

  /** The next pod IP on {@code node}, from the node's pod CIDR {@code 10.244.<n>.0/24}. */
  String nextPodIp(Map<String, Object> node) {
    String cidr = Values.string(Workloads.mapOr(node, "spec"), "podCIDR");
    String prefix = cidr.isEmpty() ? "10.244.255." : cidr.substring(0, cidr.lastIndexOf('.') + 1);
    int n = podIpsByNode.merge(Workloads.name(node), 1, Integer::sum);
    return prefix + (1 + n % 254);
  }

  /** The next load balancer address, from {@code 172.18.255.200} up. */
  String nextLoadBalancerIp() {
    long n = loadBalancers++;
    return "172.18." + (255 - (int) ((200 + n) / 256)) + "." + ((200 + n) % 256);
  }

  // ---------------------------------------------------------------------------------------------
  // Scenarios

  /** The behavior of a pod and the container it applies to, as the scenarios decide it. */
  Resolved resolvePod(Map<String, Object> pod) {
    for (Candidate c : candidates(pod)) {
      if (c.entry.behavior != null) {
        Behavior b = c.entry.behavior;
        return new Resolved(b, b.container() != null ? b.container() : c.defaultContainer);
      }
    }
    return new Resolved(new Behavior(Behavior.Outcome.READY, null, 0, 0, null,
        settings.readyAfter()), null);
  }

  /** The log text a scenario gives a pod's container, or null. */
  String scenarioLog(Map<String, Object> pod, String container) {
    for (Candidate c : candidates(pod)) {
      String text = c.entry.logs.get(container);
      if (text == null && container.equals(c.defaultContainer)) {
        text = c.entry.logs.get("");
      }
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  /** The behavior a scenario sets for a Deployment, Service or claim itself, or null. */
  Behavior behaviorOf(TargetKind kind, Map<String, Object> object) {
    String ns = Values.string(Workloads.metadata(object), "namespace");
    Entry e = book.named(kind, ns, Workloads.name(object));
    if (e == null || e.behavior == null) {
      e = book.every(kind, ns);
    }
    return e == null ? null : e.behavior;
  }

  /** A matching scenario entry and the container its unnamed behaviors apply to. */
  private record Candidate(Entry entry, String defaultContainer) {}

  /** The scenario entries that match a pod, most specific first. */
  private List<Candidate> candidates(Map<String, Object> pod) {
    String ns = Values.string(Workloads.metadata(pod), "namespace");
    Map<String, Object> spec = Workloads.mapOr(pod, "spec");
    List<Map<String, Object>> containers = Workloads.maps(spec, "containers");
    String first = containers.isEmpty() ? null : Values.string(containers.get(0), "name");
    List<TargetKind> kinds = new ArrayList<>();
    kinds.add(TargetKind.POD);
    List<Candidate> out = new ArrayList<>();
    add(out, book.named(TargetKind.POD, ns, Workloads.name(pod)), first);
    Map<String, Object> current = pod;
    for (int depth = 0; depth < 4; depth++) {
      ObjectKey owner = Workloads.controllerOf(current, ns);
      TargetKind kind = owner == null ? null : TargetKind.of(owner.group(), owner.kind());
      if (kind == null) {
        break;
      }
      kinds.add(kind);
      add(out, book.named(kind, ns, owner.name()), first);
      current = store.get(owner);
      if (current == null) {
        break;
      }
    }
    List<Map<String, Object>> all = new ArrayList<>(Workloads.maps(spec, "initContainers"));
    all.addAll(containers);
    for (Map<String, Object> c : all) {
      String image = Values.string(c, "image");
      if (!image.isEmpty()) {
        add(out, book.named(TargetKind.IMAGE, ns, image), Values.string(c, "name"));
      }
    }
    for (TargetKind kind : kinds) {
      add(out, book.every(kind, ns), first);
    }
    return out;
  }

  private static void add(List<Candidate> out, Entry entry, String defaultContainer) {
    if (entry != null) {
      out.add(new Candidate(entry, defaultContainer));
    }
  }
}
