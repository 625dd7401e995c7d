package dev.capstan.kube;

import dev.capstan.internal.yaml.Yaml;
import dev.capstan.kube.readiness.FailFast;
import dev.capstan.kube.readiness.ReadinessRules;
import dev.capstan.progress.ProgressEvent;
import dev.capstan.progress.ProgressListener;
import dev.capstan.release.ApplyMethod;
import dev.capstan.release.Hook;
import dev.capstan.release.HookEvent;
import dev.capstan.release.HookExecution;
import dev.capstan.release.HookPhase;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a release's hooks for one lifecycle event as Helm does (§6): the hooks of the event sorted by
 * weight, then name (their given order, Helm's kind order, breaks ties), one at a time. Each hook's
 * earlier object is deleted first when its policy says {@code before-hook-creation} (the default),
 * its {@code last_run} is recorded as running, its object is created and, for Jobs and Pods,
 * waited for until it succeeds or fails. After a failure the hook is deleted if it says {@code
 * hook-failed}, and so are the earlier hooks of the event that say {@code hook-succeeded}; after
 * success, the hooks that say {@code hook-succeeded} are deleted in reverse order.
 * CustomResourceDefinition hooks are never deleted.
 *
 * <p>Immutable and thread-safe. Progress goes to the listener as {@link ProgressEvent}s, including
 * the hooks' logs that {@code helm.sh/hook-output-log-policy} asks for.
 */
public final class HookRunner {
  /** How many lines from the end of a container's log a failure or log event shows. */
  public static final int LOG_TAIL_LINES = 20;

  /** What Helm 4 waits when the timeout is zero. */
  static final Duration ZERO_TIMEOUT_WAIT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(HookRunner.class);
  private static final String CRD = "CustomResourceDefinition";

  private final Cluster cluster;
  private final KubernetesSerialization serialization;
  private final Clock clock;
  private final FailFast failFast;
  private final ProgressListener listener;
  private final ApplyMethod method;
  private final ReadinessWaiter waiter;

  /**
   * A runner creating hooks in {@code cluster}; {@code serialization} reads objects for the
   * readiness rules and {@code clock} gives the {@code last_run} times and the deadlines.
   */
  public HookRunner(Cluster cluster, KubernetesSerialization serialization, Clock clock) {
    this(cluster, serialization, clock, FailFast.defaults(), ProgressListener.none(),
        ApplyMethod.CLIENT_SIDE);
  }

  private HookRunner(Cluster cluster, KubernetesSerialization serialization, Clock clock,
      FailFast failFast, ProgressListener listener, ApplyMethod method) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.serialization = Objects.requireNonNull(serialization, "serialization");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.failFast = Objects.requireNonNull(failFast, "failFast");
    this.listener = SafeListener.of(listener);
    this.method = Objects.requireNonNull(method, "method");
    this.waiter = new ReadinessWaiter(cluster,
        ReadinessRules.forHooks(failFast, serialization, clock), serialization, clock);
  }

  /** This runner telling {@code newListener} about each hook. */
  public HookRunner withListener(ProgressListener newListener) {
    return new HookRunner(cluster, serialization, clock, failFast, newListener, method);
  }

  /**
   * This runner creating hook objects with {@code newMethod}: client-side creates them (the
   * default), server-side applies them with field manager {@code helm}, as Helm 4 does for a
   * release applied server-side and for every uninstall.
   */
  public HookRunner withApplyMethod(ApplyMethod newMethod) {
    return new HookRunner(cluster, serialization, clock, failFast, listener, newMethod);
  }

  /**
   * This runner failing a hook's Pod at once on the waiting containers that {@code newFailFast}
   * declares terminal (default {@link FailFast#defaults()}: image errors, crash loops).
   */
  public HookRunner withFailFast(FailFast newFailFast) {
    return new HookRunner(cluster, serialization, clock, newFailFast, listener, method);
  }

  /**
   * Runs the hooks of {@code event}.
   *
   * @param hooks all hooks of the release, in the release's order
   * @param namespace the release's namespace, given to namespaced hook objects that have none
   * @param timeout how long each hook may take (Helm's {@code --timeout}, per hook); zero means 30 s
   * @param record told the release's hooks whenever Helm stores the record: when a hook starts
   *     (its {@code last_run} says running, and an empty delete policy has become {@code
   *     before-hook-creation})
   * @return all hooks of the release in the given order, the ones that ran with their {@code
   *     last_run}; the caller stores them with the release's next record
   * @throws HookException when a hook fails; it carries the hooks as they stand
   */
  public List<Hook> run(HookEvent event, List<Hook> hooks, String namespace, Duration timeout,
      Consumer<List<Hook>> record) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(record, "record");
    Duration perHook = timeout.isZero() ? ZERO_TIMEOUT_WAIT : timeout;
    List<Hook> current = new ArrayList<>(hooks);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < current.size(); i++) {
      if (current.get(i).runsAt(event)) {
        order.add(i);
      }
    }
    order.sort(Comparator.<Integer>comparingInt(i -> current.get(i).weight())
        .thenComparing(i -> current.get(i).name()));
    List<Integer> done = new ArrayList<>();
    for (int i : order) {
      Hook hook = current.get(i);
      if (hook.deletePolicies().isEmpty()) {
        hook = hook.withDeletePolicies(List.of(Hook.BEFORE_HOOK_CREATION));
      }
      Map<String, Object> object = object(hook, namespace);
      ResourceRef ref = ResourceRef.of(object);
      if (hook.hasDeletePolicy(Hook.BEFORE_HOOK_CREATION)) {
        delete(hook, ref, perHook);
      }
      hook = hook.withLastRun(new HookExecution(now(), null, HookPhase.RUNNING));
      current.set(i, hook);
      record.accept(List.copyOf(current));
      listener.onEvent(new ProgressEvent.HookStarted(event, hook.path(), ref));
      try {
        if (method == ApplyMethod.SERVER_SIDE) {
          cluster.serverSideApply(object, ResourceApplier.FIELD_MANAGER, false);
        } else {
          cluster.create(object);
        }
      } catch (ClusterException e) {
        Hook failed = finish(current, i, null, HookPhase.FAILED);
        String message = "warning: Hook " + event.wireName() + " " + hook.path() + " failed: "
            + e.getMessage();
        listener.onEvent(new ProgressEvent.HookFinished(event, hook.path(), ref,
            HookPhase.FAILED, e.getMessage()));
        throw new HookException(message, e, failed, current, List.of());
      }
      try {
        if (isWaitedOn(ref)) {
          waiter.waitReady(List.of(ref), perHook, listener);
        }
      } catch (ClusterException e) {
        Hook failed = finish(current, i, now(), HookPhase.FAILED);
        List<ProgressEvent.HookLog> logs = failedContainerLogs(ref);
        if (failed.outputLogPolicies().contains(Hook.HOOK_FAILED)) {
          logs.forEach(listener::onEvent);
        }
        listener.onEvent(new ProgressEvent.HookFinished(event, hook.path(), ref,
            HookPhase.FAILED, e.getMessage()));
        if (failed.hasDeletePolicy(Hook.HOOK_FAILED)) {
          deleteQuietly(failed, ref, perHook);
        }
        for (int earlier : done) {
          Hook h = current.get(earlier);
          if (h.hasDeletePolicy(Hook.HOOK_SUCCEEDED)) {
            deleteQuietly(h, ResourceRef.of(object(h, namespace)), perHook);
          }
        }
        throw new HookException(withLogs(e.getMessage(), logs), e, failed, current, logs);
      }
      finish(current, i, now(), HookPhase.SUCCEEDED);
      listener.onEvent(new ProgressEvent.HookFinished(event, hook.path(), ref,
          HookPhase.SUCCEEDED, ""));
      done.add(i);
    }
    for (int k = done.size() - 1; k >= 0; k--) {
      Hook h = current.get(done.get(k));
      ResourceRef ref = ResourceRef.of(object(h, namespace));
      if (h.outputLogPolicies().contains(Hook.HOOK_SUCCEEDED)) {
        containerLogs(ref, false).forEach(listener::onEvent);
      }
      if (h.hasDeletePolicy(Hook.HOOK_SUCCEEDED)) {
        delete(h, ref, perHook);
      }
    }
    return List.copyOf(current);
  }

  /** Records the end of hook {@code i}; answers the updated hook. */
  private static Hook finish(List<Hook> current, int i, OffsetDateTime completedAt,
      HookPhase phase) {
    Hook h = current.get(i);
    Hook done = h.withLastRun(new HookExecution(h.lastRun().startedAt(), completedAt, phase));
    current.set(i, done);
    return done;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private static boolean isWaitedOn(ResourceRef ref) {
    return (ref.group().isEmpty() && ref.kind().equals("Pod"))
        || (ref.group().equals("batch") && ref.kind().equals("Job"));
  }

  /** The hook's object, namespaced in the release's namespace when it names none. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> object(Hook hook, String namespace) {
    Object parsed;
    try {
      parsed = Yaml.load(hook.manifest(), hook.path());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("hook " + hook.name() + " in " + hook.path()
          + " is not valid YAML: " + e.getMessage(), e);
    }
    if (!(parsed instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("hook " + hook.name() + " in " + hook.path()
          + " is not a Kubernetes object");
    }
    Map<String, Object> object = new LinkedHashMap<>((Map<String, Object>) m);
    Map<String, Object> metadata = object.get("metadata") instanceof Map<?, ?> md
        ? new LinkedHashMap<>((Map<String, Object>) md) : new LinkedHashMap<>();
    object.put("metadata", metadata);
    String apiVersion = String.valueOf(object.get("apiVersion"));
    String kind = String.valueOf(object.get("kind"));
    Object ns = metadata.get("namespace");
    if ((ns == null || "".equals(ns)) && cluster.isNamespaced(apiVersion, kind)) {
      metadata.put("namespace", namespace);
    }
    return object;
  }

  /** Deletes a hook's object by policy and waits until it is gone; CRDs are never deleted. */
  private void delete(Hook hook, ResourceRef ref, Duration timeout) {
    if (hook.kind().equals(CRD)) {
      return;
    }
    if (cluster.delete(ref, Cluster.Propagation.BACKGROUND)) {
      listener.onEvent(new ProgressEvent.ResourceDeleted(ref));
      waiter.waitDeleted(List.of(ref), timeout, listener);
    }
  }

  private void deleteQuietly(Hook hook, ResourceRef ref, Duration timeout) {
    try {
      delete(hook, ref, timeout);
    } catch (ClusterException e) {
      LOG.warn("could not delete hook {} ({}): {}", ref, hook.path(), e.getMessage());
    }
  }

  private List<ProgressEvent.HookLog> failedContainerLogs(ResourceRef ref) {
    try {
      return containerLogs(ref, true);
    } catch (ClusterException e) {
      LOG.debug("no logs for the failed hook {}: {}", ref, e.getMessage());
      return List.of();
    }
  }

  /**
   * The last log lines of the hook's containers: a Pod's own, or those of a Job's Pods (found by
   * the Job's selector); with {@code failedOnly}, only of containers that ended in error.
   */
  private List<ProgressEvent.HookLog> containerLogs(ResourceRef ref, boolean failedOnly) {
    if (!isWaitedOn(ref)) {
      return new ArrayList<>();
    }
    List<Pod> pods = new ArrayList<>();
    if (ref.kind().equals("Pod")) {
      cluster.get(ref).ifPresent(p -> pods.add(serialization.convertValue(p, Pod.class)));
    } else {
      cluster.get(ref).ifPresent(job -> {
        LabelSelector selector = serialization.convertValue(job,
            io.fabric8.kubernetes.api.model.batch.v1.Job.class).getSpec().getSelector();
        pods.addAll(new ClusterRelated(cluster, serialization).pods(ref.namespace(), selector));
      });
    }
    pods.sort(Comparator.comparing(p -> p.getMetadata().getName()));
    List<ProgressEvent.HookLog> out = new ArrayList<>();
    for (Pod pod : pods) {
      ResourceRef podRef = new ResourceRef("v1", "Pod", ref.namespace(), pod.getMetadata().getName());
      for (ContainerStatus cs : statuses(pod)) {
        boolean failed = cs.getState() != null && cs.getState().getTerminated() != null
            && cs.getState().getTerminated().getExitCode() != null
            && cs.getState().getTerminated().getExitCode() != 0;
        if (failedOnly && !failed) {
          continue;
        }
        cluster.logs(podRef, cs.getName(), LOG_TAIL_LINES)
            .filter(log -> !log.isEmpty())
            .ifPresent(log -> out.add(new ProgressEvent.HookLog(podRef, cs.getName(), log)));
      }
    }
    return out;
  }

  private static List<ContainerStatus> statuses(Pod pod) {
    List<ContainerStatus> all = new ArrayList<>();
    if (pod.getStatus() != null) {
      if (pod.getStatus().getInitContainerStatuses() != null) {
        all.addAll(pod.getStatus().getInitContainerStatuses());
      }
      if (pod.getStatus().getContainerStatuses() != null) {
        all.addAll(pod.getStatus().getContainerStatuses());
      }
    }
    return all;
  }

  private static String withLogs(String message, List<ProgressEvent.HookLog> logs) {
    StringBuilder sb = new StringBuilder(message);
    for (ProgressEvent.HookLog l : logs) {
      sb.append("\nlast log lines of ").append(l.pod()).append(" container ")
          .append(l.container()).append(":\n").append(l.log().stripTrailing());
    }
    return sb.toString();
  }
}
