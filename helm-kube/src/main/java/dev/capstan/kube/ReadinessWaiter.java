package dev.capstan.kube;

import dev.capstan.kube.readiness.Readiness;
import dev.capstan.kube.readiness.ReadinessRules;
import dev.capstan.kube.readiness.Related;
import dev.capstan.progress.ProgressEvent;
import dev.capstan.progress.ProgressListener;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Waits until objects are ready by Helm's rules (§5.6). Each object is watched, so a status change
 * is seen as soon as the API server reports it; every object is also re-read at a fixed interval,
 * which covers broken watches and changes of related objects (pods, ReplicaSets) that do not touch
 * the object itself. A terminal condition (failed Job, crash loop, progress deadline) ends the wait
 * at once. The wait honours its deadline and thread interruption and leaves no watch open.
 */
public final class ReadinessWaiter {
  /** How often every object is re-read besides its watch. */
  public static final Duration RECHECK_INTERVAL = Duration.ofSeconds(2);

  private final Cluster cluster;
  private final ReadinessRules rules;
  private final Related related;
  private final KubernetesSerialization serialization;
  private final Clock clock;
  private final TimeSource time;

  /**
   * A waiter reading through {@code cluster}, judging with {@code rules}, looking up pods and
   * ReplicaSets through the same cluster ({@link ClusterRelated}).
   */
  public ReadinessWaiter(Cluster cluster, ReadinessRules rules,
      KubernetesSerialization serialization, Clock clock) {
    this(cluster, rules, new ClusterRelated(cluster, serialization), serialization, clock);
  }

  /**
   * A waiter reading through {@code cluster}, judging with {@code rules}, looking up pods and
   * ReplicaSets through {@code related}; {@code serialization} turns objects into fabric8 models for
   * the rules, {@code clock} measures the deadline (and, when it is a {@link TimeSource} such as
   * the testkit's virtual clock, lets the waits pass).
   */
  public ReadinessWaiter(Cluster cluster, ReadinessRules rules, Related related,
      KubernetesSerialization serialization, Clock clock) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.related = Objects.requireNonNull(related, "related");
    this.serialization = Objects.requireNonNull(serialization, "serialization");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.time = TimeSource.of(clock);
  }

  /** Why a wait ended without every object ready. */
  public static final class WaitException extends ClusterException {
    private static final long serialVersionUID = 1L;
    private final transient Map<ResourceRef, Readiness> notReady;

    WaitException(String message, Map<ResourceRef, Readiness> notReady) {
      super(message, 0, "", null);
      this.notReady = Map.copyOf(notReady);
    }

    /** The objects that were not ready, with their last readiness. */
    public Map<ResourceRef, Readiness> notReady() {
      return notReady;
    }
  }

  /**
   * Waits until every object in {@code refs} is ready, telling {@code listener} when an object is
   * first seen not ready, whenever its reason changes, and when it becomes ready.
   *
   * @throws WaitException when an object fails ({@code resource <Kind>/<ns>/<name> not ready.
   *     status: Failed, message: ...}) or the deadline passes (the not-ready objects and
   *     {@code context deadline exceeded})
   * @throws ClusterException when the thread is interrupted (the interrupt flag stays set)
   */
  public void waitReady(List<ResourceRef> refs, Duration timeout, ProgressListener listener) {
    await(refs, timeout, this::check, reporting(listener, true), "ready");
  }

  /**
   * Waits until none of {@code refs} exists any more (Helm's wait for deletion), telling {@code
   * listener} what still exists.
   *
   * @throws WaitException when the deadline passes ({@code resource <Kind>/<ns>/<name> not
   *     deleted. status: InProgress, message: ...} and {@code context deadline exceeded})
   * @throws ClusterException when the thread is interrupted (the interrupt flag stays set)
   */
  public void waitDeleted(List<ResourceRef> refs, Duration timeout, ProgressListener listener) {
    await(refs, timeout, this::checkGone, reporting(listener, false), "deleted");
  }

  /**
   * Reports the first readiness of each object, each change of its reason, and (with {@code
   * ready}) its readiness.
   */
  private static Consumer<Map.Entry<ResourceRef, Readiness>> reporting(ProgressListener listener,
      boolean ready) {
    ProgressListener safe = SafeListener.of(listener);
    Map<ResourceRef, Readiness> last = new java.util.HashMap<>();
    return e -> {
      Readiness r = e.getValue();
      if (r.equals(last.put(e.getKey(), r))) {
        return;
      }
      if (r.isReady()) {
        if (ready) {
          safe.onEvent(new ProgressEvent.ResourceReady(e.getKey(), r.reason()));
        }
      } else if (!r.isFailed()) {
        safe.onEvent(new ProgressEvent.ResourceWaiting(e.getKey(), r));
      }
    };
  }

  private void await(List<ResourceRef> refs, Duration timeout,
      java.util.function.Function<ResourceRef, Readiness> checker,
      Consumer<Map.Entry<ResourceRef, Readiness>> progress, String goal) {
    Instant deadline = clock.instant().plus(timeout);
    BlockingQueue<ResourceRef> changed = new LinkedBlockingQueue<>();
    List<AutoCloseable> watches = new ArrayList<>();
    Map<ResourceRef, Readiness> pending = new LinkedHashMap<>();
    try {
      for (ResourceRef ref : refs) {
        watches.add(cluster.watch(ref, e -> changed.add(ref), cause -> changed.add(ref)));
        pending.put(ref, Readiness.inProgress("not checked yet"));
      }
      List<ResourceRef> toCheck = new ArrayList<>(refs);
      Instant nextFullCheck = clock.instant().plus(RECHECK_INTERVAL);
      while (true) {
        for (ResourceRef ref : toCheck) {
          if (!pending.containsKey(ref)) {
            continue;
          }
          Readiness r = checker.apply(ref);
          progress.accept(Map.entry(ref, r));
          if (r.isReady()) {
            pending.remove(ref);
          } else if (r.isFailed()) {
            throw new WaitException("resource " + ref + " not " + goal + ". status: Failed, message: "
                + r.reason() + r.cause().filter(c -> !r.reason().contains(detail(c)))
                    .map(c -> " (" + c + ")").orElse(""), Map.of(ref, r));
          } else {
            pending.put(ref, r);
          }
        }
        if (pending.isEmpty()) {
          return;
        }
        Instant now = clock.instant();
        if (!now.isBefore(deadline)) {
          StringBuilder sb = new StringBuilder();
          for (Map.Entry<ResourceRef, Readiness> e : pending.entrySet()) {
            sb.append("resource ").append(e.getKey()).append(" not ").append(goal)
                .append(". status: InProgress, message: ").append(e.getValue().reason())
                .append('\n');
          }
          throw new WaitException(sb + "context deadline exceeded", pending);
        }
        Instant wakeUp = nextFullCheck.isBefore(deadline) ? nextFullCheck : deadline;
        Duration wait = Duration.between(now, wakeUp);
        ResourceRef first = time.poll(changed, wait.isZero() ? Duration.ofMillis(1) : wait);
        toCheck = new ArrayList<>();
        if (first == null) {
          toCheck.addAll(pending.keySet());
          nextFullCheck = clock.instant().plus(RECHECK_INTERVAL);
        } else {
          toCheck.add(first);
          changed.drainTo(toCheck);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException("interrupted while waiting for " + pending.keySet()
          + " to be " + goal, 0, "Interrupted", e);
    } finally {
      for (AutoCloseable w : watches) {
        try {
          w.close();
        } catch (Exception ignored) {
          // Closing a watch that already ended is harmless.
        }
      }
    }
  }

  /** The message part of a cause {@code Reason: message}: what a reason may already quote. */
  private static String detail(String cause) {
    int colon = cause.indexOf(": ");
    return colon < 0 ? cause : cause.substring(colon + 2);
  }

  private Readiness checkGone(ResourceRef ref) {
    return cluster.get(ref).isPresent() ? Readiness.inProgress(ref + " still exists")
        : Readiness.ready(ref + " is gone");
  }

  private Readiness check(ResourceRef ref) {
    return cluster.get(ref)
        .map(o -> rules.check(serialization.convertValue(o, GenericKubernetesResource.class),
            related))
        .orElse(Readiness.inProgress(ref + " does not exist"));
  }
}
