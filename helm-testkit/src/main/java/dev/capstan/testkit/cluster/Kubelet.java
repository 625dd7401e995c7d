package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Workloads.condition;
import static dev.capstan.testkit.cluster.Workloads.mapOr;
import static dev.capstan.testkit.cluster.Workloads.maps;

import dev.capstan.testkit.cluster.Behavior.Outcome;
import dev.capstan.testkit.cluster.ControllerManager.Resolved;
import dev.capstan.testkit.cluster.ControllerManager.Tracked;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler and the kubelets of the pretended nodes: binds each unbound pod to a node (round
 * robin) and writes its status as a kubelet would, for the outcome its scenario decides: running
 * and ready (a Job's pod, or a hook's pod that is not restarted, then succeeds), running and not
 * ready, crash-looping with a rising restart count, failing to pull its image, or failed. A pod
 * that has finished is left as it is.
 */
final class Kubelet {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryCluster.class);

  private final Store store;
  private final ControllerManager manager;

  Kubelet(Store store, ControllerManager manager) {
    this.store = store;
    this.manager = manager;
  }

  /** The Node object of the {@code i}-th pretended node ({@code node-<i>}, from 1). */
  static Map<String, Object> node(int i, String kubeletVersion, String now) {
    String name = "node-" + i;
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("kubernetes.io/arch", "amd64");
    labels.put("kubernetes.io/hostname", name);
    labels.put("kubernetes.io/os", "linux");
    Map<String, Object> md = new LinkedHashMap<>();
    md.put("name", name);
    md.put("labels", labels);
    String cidr = "10.244." + (i - 1) + ".0/24";
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("podCIDR", cidr);
    spec.put("podCIDRs", new ArrayList<>(List.of(cidr)));
    Map<String, Object> resources = new LinkedHashMap<>();
    resources.put("cpu", "8");
    resources.put("ephemeral-storage", "100Gi");
    resources.put("memory", "16Gi");
    resources.put("pods", "110");
    List<Object> conditions = new ArrayList<>();
    for (String[] c : new String[][] {
        {"MemoryPressure", "False", "KubeletHasSufficientMemory",
            "kubelet has sufficient memory available"},
        {"DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"},
        {"PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"},
        {"Ready", "True", "KubeletReady", "kubelet is posting ready status"}}) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lastHeartbeatTime", now);
      m.put("lastTransitionTime", now);
      m.put("message", c[3]);
      m.put("reason", c[2]);
      m.put("status", c[1]);
      m.put("type", c[0]);
      conditions.add(m);
    }
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("architecture", "amd64");
    info.put("containerRuntimeVersion", "containerd://2.1.4");
    info.put("kubeletVersion", kubeletVersion);
    info.put("operatingSystem", "linux");
    info.put("osImage", "Capstan in-memory node");
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("addresses", new ArrayList<>(List.of(
        new LinkedHashMap<>(Map.of("address", "172.18.0." + (i + 1), "type", "InternalIP")),
        new LinkedHashMap<>(Map.of("address", name, "type", "Hostname")))));
    status.put("allocatable", new LinkedHashMap<>(resources));
    status.put("capacity", resources);
    status.put("conditions", conditions);
    status.put("nodeInfo", info);
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("apiVersion", "v1");
    node.put("kind", "Node");
    node.put("metadata", md);
    node.put("spec", spec);
    node.put("status", status);
    return node;
  }

  void reconcile(ObjectKey key) {
    Map<String, Object> pod = store.get(key);
    if (pod == null || Workloads.terminated(pod)) {
      return;
    }
    Tracked t = manager.tracked(key, Workloads.uid(pod));
    String nodeName = Values.string(mapOr(pod, "spec"), "nodeName");
    if (nodeName.isEmpty()) {
      String chosen = manager.nextNode();
      if (chosen == null) {
        write(pod, unschedulable(pod));
        return;
      }
      pod = store.bind(pod, chosen, ControllerManager.SCHEDULER);
      if (pod == null) {
        return;
      }
      nodeName = chosen;
    }
    if (!nodeName.equals(t.node)) {
      Map<String, Object> node = store.get(new ObjectKey("", "Node", "", nodeName));
      t.node = nodeName;
      t.hostIp = node == null ? "" : internalIp(node);
      boolean hostNetwork = Boolean.TRUE.equals(mapOr(pod, "spec").get("hostNetwork"));
      t.podIp = node == null ? "" : hostNetwork ? t.hostIp : manager.nextPodIp(node);
    }
    if (t.startTime == null) {
      t.startTime = store.now();
    }
    Resolved r = manager.resolvePod(pod);
    Behavior b = r.behavior();
    String c = r.container();
    if (c != null && !Workloads.containerNames(pod).contains(c)) {
      LOG.warn("a scenario names container {} of pod {}/{}, which has none of that name; the pod"
          + " is never ready", c, key.namespace(), key.name());
      write(pod, running(pod, t, false));
      return;
    }
    switch (b.outcome()) {
      case READY -> ready(key, pod, t, b);
      case NEVER_READY, PROGRESS_DEADLINE -> write(pod, running(pod, t, false));
      case CRASH_LOOP, FAIL -> {
        if (restartsContainers(pod)) {
          int restarts = b.restarts() > 0 ? b.restarts() : manager.settings().crashLoopRestarts();
          t.restartedContainer = c;
          while (t.restarts < restarts) {
            t.restarts++;
            pod = write(pod, crashLooping(pod, t, c, b.exitCode()));
          }
          write(pod, crashLooping(pod, t, c, b.exitCode()));
        } else {
          pod = startRunning(pod, t, false);
          t.finishTime = t.finishTime == null ? store.now() : t.finishTime;
          write(pod, failed(pod, t, c, b.exitCode()));
        }
      }
      case IMAGE_PULL_FAILS -> {
        String image = image(pod, c);
        String error = b.message() != null ? b.message()
            : "rpc error: code = NotFound desc = failed to pull and unpack image \""
                + reference(image) + "\": failed to resolve reference \"" + reference(image)
                + "\": " + reference(image) + ": not found";
        if (!t.pullBackOff) {
          pod = write(pod, pulling(pod, t, c, "ErrImagePull", error));
          t.pullBackOff = true;
        }
        write(pod, pulling(pod, t, c, "ImagePullBackOff", "Back-off pulling image \"" + image
            + "\": ErrImagePull: " + error));
      }
      default -> throw new IllegalStateException("unknown outcome " + b.outcome());
    }
  }

  private void ready(ObjectKey key, Map<String, Object> pod, Tracked t, Behavior b) {
    Duration delay = b.delay() != null ? b.delay() : manager.settings().readyAfter();
    long left = manager.remainingNanos(t, delay);
    if (left > 0) {
      write(pod, running(pod, t, false));
      manager.wakeUp(key, t, left);
      return;
    }
    if (runsToCompletion(pod)) {
      pod = startRunning(pod, t, true);
      t.finishTime = t.finishTime == null ? store.now() : t.finishTime;
      write(pod, succeeded(pod, t));
    } else {
      write(pod, running(pod, t, true));
    }
  }

  /** Writes a running status first when the pod has not been running yet. */
  private Map<String, Object> startRunning(Map<String, Object> pod, Tracked t, boolean ready) {
    if (Workloads.phase(pod).equals("Running")) {
      return pod;
    }
    return write(pod, running(pod, t, ready));
  }

  private Map<String, Object> write(Map<String, Object> pod, Map<String, Object> status) {
    Map<String, Object> candidate = new LinkedHashMap<>(pod);
    candidate.put("status", status);
    Map<String, Object> written = store.updateStatus(candidate, ControllerManager.KUBELET);
    return written == null ? pod : written;
  }

  /** Whether the pod's containers are restarted when they exit (not for a Job's pods). */
  private static boolean restartsContainers(Map<String, Object> pod) {
    String policy = Values.string(mapOr(pod, "spec"), "restartPolicy");
    return !policy.equals("Never") && !ownedByJob(pod);
  }

  /** Whether the pod runs to completion: a Job's pod, or a hook's that is not restarted. */
  private static boolean runsToCompletion(Map<String, Object> pod) {
    if (ownedByJob(pod)) {
      return true;
    }
    String policy = Values.string(mapOr(pod, "spec"), "restartPolicy");
    boolean hook = Workloads.metadata(pod).get("annotations") instanceof Map<?, ?> a
        && a.containsKey(Workloads.HELM_HOOK);
    return hook && (policy.equals("Never") || policy.equals("OnFailure"));
  }

  private static boolean ownedByJob(Map<String, Object> pod) {
    ObjectKey owner = Workloads.controllerOf(pod, "");
    return owner != null && owner.group().equals("batch") && owner.kind().equals("Job");
  }

  // ---------------------------------------------------------------------------------------------
  // Statuses

  private Map<String, Object> unschedulable(Map<String, Object> pod) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("conditions", Workloads.conditions(List.of(condition("PodScheduled", "False",
        "Unschedulable", "0/0 nodes are available: no nodes available to schedule pods.")),
        liveConditions(pod), store.now(), false, false));
    status.put("phase", "Pending");
    status.put("qosClass", qosClass(pod));
    return status;
  }

  /** Running, every container started, ready or not. */
  private Map<String, Object> running(Map<String, Object> pod, Tracked t, boolean ready) {
    List<Object> inits = new ArrayList<>();
    for (Map<String, Object> c : initContainers(pod)) {
      inits.add(completedInit(pod, t, c));
    }
    List<Object> mains = new ArrayList<>();
    List<String> unready = new ArrayList<>();
    for (Map<String, Object> c : containers(pod)) {
      mains.add(runningContainer(pod, t, c, ready));
      if (!ready) {
        unready.add(Values.string(c, "name"));
      }
    }
    return status(pod, t, "Running", true, null, unready, null, inits, mains);
  }

  /** The container {@code crashing} waits in CrashLoopBackOff after its last exit. */
  private Map<String, Object> crashLooping(Map<String, Object> pod, Tracked t, String crashing,
      int exitCode) {
    String message = "back-off " + backOff(t.restarts) + " restarting failed container="
        + crashing + " pod=" + Workloads.name(pod) + "_"
        + Values.string(Workloads.metadata(pod), "namespace") + "(" + Workloads.uid(pod) + ")";
    Map<String, Object> waiting = state("waiting", "reason", "CrashLoopBackOff", "message",
        message);
    Map<String, Object> last = terminated(pod, t, crashing, exitCode, "Error", t.restarts - 1);
    return blocked(pod, t, crashing, waiting, last, t.restarts, true, "Running");
  }

  /** The container {@code pulling} waits because its image cannot be pulled. */
  private Map<String, Object> pulling(Map<String, Object> pod, Tracked t, String pulling,
      String reason, String message) {
    Map<String, Object> waiting = state("waiting", "reason", reason, "message", message);
    return blocked(pod, t, pulling, waiting, Map.of(), 0, false, "Pending");
  }

  /**
   * The container {@code stuck} is in {@code stuckState}; an init container keeps the main
   * containers from starting, a main container leaves the others running.
   */
  private Map<String, Object> blocked(Map<String, Object> pod, Tracked t, String stuck,
      Map<String, Object> stuckState, Map<String, Object> lastState, int restarts,
      boolean pulled, String phase) {
    boolean init = isInit(pod, stuck);
    List<Object> inits = new ArrayList<>();
    boolean before = true;
    for (Map<String, Object> c : initContainers(pod)) {
      String name = Values.string(c, "name");
      if (name.equals(stuck)) {
        inits.add(containerStatus(pod, t, c, stuckState, false, false, restarts, lastState,
            pulled));
        before = false;
      } else if (before) {
        inits.add(completedInit(pod, t, c));
      } else {
        inits.add(containerStatus(pod, t, c, state("waiting", "reason", "PodInitializing"),
            false, false, 0, Map.of(), false));
      }
    }
    List<Object> mains = new ArrayList<>();
    List<String> unready = new ArrayList<>();
    for (Map<String, Object> c : containers(pod)) {
      String name = Values.string(c, "name");
      if (init) {
        mains.add(containerStatus(pod, t, c, state("waiting", "reason", "PodInitializing"),
            false, false, 0, Map.of(), false));
        unready.add(name);
      } else if (name.equals(stuck)) {
        mains.add(containerStatus(pod, t, c, stuckState, false, false, restarts, lastState,
            pulled));
        unready.add(name);
      } else {
        mains.add(runningContainer(pod, t, c, true));
      }
    }
    return status(pod, t, init ? "Pending" : phase, true, init ? stuck : null, unready, null,
        inits, mains);
  }

  /** Failed: the container {@code failing} exited with {@code exitCode}, the others ended. */
  private Map<String, Object> failed(Map<String, Object> pod, Tracked t, String failing,
      int exitCode) {
    boolean init = isInit(pod, failing);
    List<Object> inits = new ArrayList<>();
    boolean before = true;
    for (Map<String, Object> c : initContainers(pod)) {
      String name = Values.string(c, "name");
      if (name.equals(failing)) {
        inits.add(containerStatus(pod, t, c, terminated(pod, t, name, exitCode, "Error", 0),
            false, false, 0, Map.of(), true));
        before = false;
      } else if (before) {
        inits.add(completedInit(pod, t, c));
      } else {
        inits.add(containerStatus(pod, t, c, state("waiting", "reason", "PodInitializing"),
            false, false, 0, Map.of(), false));
      }
    }
    List<Object> mains = new ArrayList<>();
    for (Map<String, Object> c : containers(pod)) {
      String name = Values.string(c, "name");
      Map<String, Object> st = init ? state("waiting", "reason", "PodInitializing")
          : name.equals(failing) ? terminated(pod, t, name, exitCode, "Error", 0)
          : terminated(pod, t, name, 0, "Completed", 0);
      mains.add(containerStatus(pod, t, c, st, false, false, 0, Map.of(), !init));
    }
    return status(pod, t, "Failed", false, init ? failing : null, List.of(), "PodFailed", inits,
        mains);
  }

  /** Succeeded: every container exited with code 0. */
  private Map<String, Object> succeeded(Map<String, Object> pod, Tracked t) {
    List<Object> inits = new ArrayList<>();
    for (Map<String, Object> c : initContainers(pod)) {
      inits.add(completedInit(pod, t, c));
    }
    List<Object> mains = new ArrayList<>();
    for (Map<String, Object> c : containers(pod)) {
      mains.add(containerStatus(pod, t, c, terminated(pod, t, Values.string(c, "name"), 0,
          "Completed", 0), false, false, 0, Map.of(), true));
    }
    return status(pod, t, "Succeeded", false, null, List.of(), "PodCompleted", inits, mains);
  }

  /**
   * A pod status: {@code uninitialized} names the init container holding the pod up, {@code
   * unready} the containers not ready, {@code ended} the reason of a finished pod.
   */
  private Map<String, Object> status(Map<String, Object> pod, Tracked t, String phase,
      boolean sandbox, String uninitialized, List<String> unready, String ended,
      List<Object> inits, List<Object> mains) {
    List<Map<String, Object>> wanted = new ArrayList<>();
    wanted.add(condition("PodReadyToStartContainers", sandbox ? "True" : "False", null, null));
    if (uninitialized != null) {
      wanted.add(condition("Initialized", "False", "ContainersNotInitialized",
          "containers with incomplete status: [" + uninitialized + "]"));
    } else {
      wanted.add(condition("Initialized", "True", ended == null ? null : "PodCompleted", null));
    }
    if (ended != null) {
      wanted.add(condition("Ready", "False", ended, null));
      wanted.add(condition("ContainersReady", "False", ended, null));
    } else if (!unready.isEmpty()) {
      String message = "containers with unready status: [" + String.join(" ", unready) + "]";
      wanted.add(condition("Ready", "False", "ContainersNotReady", message));
      wanted.add(condition("ContainersReady", "False", "ContainersNotReady", message));
    } else {
      wanted.add(condition("Ready", "True", null, null));
      wanted.add(condition("ContainersReady", "True", null, null));
    }
    wanted.add(condition("PodScheduled", "True", null, null));
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("conditions", Workloads.conditions(wanted, liveConditions(pod), store.now(), false,
        false));
    status.put("containerStatuses", mains);
    status.put("hostIP", t.hostIp);
    status.put("hostIPs", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("ip", t.hostIp)))));
    if (!inits.isEmpty()) {
      status.put("initContainerStatuses", inits);
    }
    status.put("phase", phase);
    status.put("podIP", t.podIp);
    status.put("podIPs", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("ip", t.podIp)))));
    status.put("qosClass", qosClass(pod));
    status.put("startTime", t.startTime);
    return status;
  }

  private Map<String, Object> runningContainer(Map<String, Object> pod, Tracked t,
      Map<String, Object> c, boolean ready) {
    String name = Values.string(c, "name");
    boolean restarted = name.equals(t.restartedContainer) && t.restarts > 0;
    Map<String, Object> last = restarted
        ? terminated(pod, t, name, 1, "Error", t.restarts - 1) : Map.of();
    return containerStatus(pod, t, c, state("running", "startedAt", t.startTime), ready, true,
        restarted ? t.restarts : 0, last, true);
  }

  private Map<String, Object> completedInit(Map<String, Object> pod, Tracked t,
      Map<String, Object> c) {
    return containerStatus(pod, t, c, terminated(pod, t, Values.string(c, "name"), 0, "Completed",
        0), true, false, 0, Map.of(), true);
  }

  private Map<String, Object> containerStatus(Map<String, Object> pod, Tracked t,
      Map<String, Object> c, Map<String, Object> state, boolean ready, boolean started,
      int restarts, Map<String, Object> lastState, boolean pulled) {
    String name = Values.string(c, "name");
    String image = Values.string(c, "image");
    Map<String, Object> m = new LinkedHashMap<>();
    if (pulled && !state.containsKey("waiting")) {
      m.put("containerID", containerId(pod, name, restarts));
    }
    m.put("image", image);
    m.put("imageID", pulled ? repository(image) + "@sha256:" + Workloads.sha256(image) : "");
    m.put("lastState", new LinkedHashMap<>(lastState));
    m.put("name", name);
    m.put("ready", ready);
    m.put("restartCount", restarts);
    m.put("started", started);
    m.put("state", state);
    return m;
  }

  private Map<String, Object> terminated(Map<String, Object> pod, Tracked t, String container,
      int exitCode, String reason, int run) {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("containerID", containerId(pod, container, Math.max(0, run)));
    inner.put("exitCode", exitCode);
    inner.put("finishedAt", t.finishTime != null ? t.finishTime : t.startTime);
    inner.put("reason", reason);
    inner.put("startedAt", t.startTime);
    return new LinkedHashMap<>(Map.of("terminated", inner));
  }

  private static Map<String, Object> state(String kind, String... keysAndValues) {
    Map<String, Object> inner = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      inner.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new LinkedHashMap<>(Map.of(kind, inner));
  }

  private static String containerId(Map<String, Object> pod, String container, int run) {
    return "containerd://" + Workloads.sha256(Workloads.uid(pod) + "/" + container + "/" + run);
  }

  /** The back-off the kubelet waits before the next restart: 10 s doubling, at most 5 min. */
  static String backOff(int restarts) {
    long seconds = Math.min(300, 10L << Math.min(10, Math.max(0, restarts - 1)));
    return seconds < 60 ? seconds + "s" : (seconds / 60) + "m" + (seconds % 60) + "s";
  }

  /** An image as a registry names it: {@code nginx:1.27} is {@code docker.io/library/nginx:1.27}. */
  static String reference(String image) {
    int slash = image.indexOf('/');
    String first = slash < 0 ? "" : image.substring(0, slash);
    boolean registry = first.contains(".") || first.contains(":") || first.equals("localhost");
    if (slash < 0) {
      return "docker.io/library/" + image;
    }
    return registry ? image : "docker.io/" + image;
  }

  /** The repository of an image reference, without tag or digest. */
  private static String repository(String image) {
    String ref = reference(image);
    int at = ref.indexOf('@');
    if (at >= 0) {
      ref = ref.substring(0, at);
    }
    int colon = ref.lastIndexOf(':');
    return colon > ref.lastIndexOf('/') ? ref.substring(0, colon) : ref;
  }

  private static String image(Map<String, Object> pod, String container) {
    Map<String, Object> spec = mapOr(pod, "spec");
    for (String list : List.of("initContainers", "containers")) {
      for (Map<String, Object> c : maps(spec, list)) {
        if (Values.string(c, "name").equals(container)) {
          return Values.string(c, "image");
        }
      }
    }
    return "";
  }

  private static boolean isInit(Map<String, Object> pod, String container) {
    for (Map<String, Object> c : initContainers(pod)) {
      if (Values.string(c, "name").equals(container)) {
        return true;
      }
    }
    return false;
  }

  private static List<Map<String, Object>> initContainers(Map<String, Object> pod) {
    return maps(mapOr(pod, "spec"), "initContainers");
  }

  private static List<Map<String, Object>> containers(Map<String, Object> pod) {
    return maps(mapOr(pod, "spec"), "containers");
  }

  private static List<Map<String, Object>> liveConditions(Map<String, Object> pod) {
    return maps(mapOr(pod, "status"), "conditions");
  }

  private static String internalIp(Map<String, Object> node) {
    for (Map<String, Object> a : maps(mapOr(node, "status"), "addresses")) {
      if ("InternalIP".equals(a.get("type"))) {
        return Values.string(a, "address");
      }
    }
    return "";
  }

  /** The pod's QoS class, from its containers' requests and limits. */
  private static String qosClass(Map<String, Object> pod) {
    List<Map<String, Object>> all = new ArrayList<>(initContainers(pod));
    all.addAll(containers(pod));
    boolean any = false;
    boolean guaranteed = !all.isEmpty();
    for (Map<String, Object> c : all) {
      Map<String, Object> resources = mapOr(c, "resources");
      Map<String, Object> requests = mapOr(resources, "requests");
      Map<String, Object> limits = mapOr(resources, "limits");
      any |= !requests.isEmpty() || !limits.isEmpty();
      for (String r : List.of("cpu", "memory")) {
        Object limit = limits.get(r);
        Object request = requests.containsKey(r) ? requests.get(r) : limit;
        guaranteed &= limit != null && Values.same(limit, request);
      }
    }
    return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
  }
}
