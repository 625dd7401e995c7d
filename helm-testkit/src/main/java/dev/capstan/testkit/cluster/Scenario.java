package dev.capstan.testkit.cluster;

import dev.capstan.testkit.cluster.Behavior.Outcome;
import dev.capstan.testkit.cluster.ScenarioBook.Target;
import dev.capstan.testkit.cluster.ScenarioBook.TargetKind;
import java.time.Duration;
import java.util.Objects;

/**
 * What happens to one target of {@link Scenarios}: each call replaces the target's previous
 * behavior (log texts are kept until {@link #reset()}) and takes effect at once, and returns this
 * scenario so that a log can be set in the same statement.
 *
 * <p>Container behaviors ({@link #crashLoop}, {@link #imagePullFails}, {@link #fail}) apply to
 * the target's default container unless one is named: the first container of the pod, or for an
 * {@linkplain Scenarios#image image} target the container that runs the image. An init
 * container may be named; the pod then never gets past its initialisation. What a crash turns
 * into depends on the pod, as on a real cluster: a container that is restarted ({@code
 * restartPolicy} Always or OnFailure) goes into {@code CrashLoopBackOff}; a pod that does not
 * restart it, and every pod of a Job, ends in phase {@code Failed}, and a Job retries until its
 * {@code backoffLimit} is exceeded.
 */
public final class Scenario {
  private final ControllerManager manager;
  private final Target target;

  Scenario(ControllerManager manager, Target target) {
    this.manager = manager;
    this.target = target;
  }

  /**
   * Never ready: pods run without becoming ready (a Job never completes), a LoadBalancer Service
   * never gets an address, a PersistentVolumeClaim stays Pending.
   */
  public Scenario neverReady() {
    return set(Behavior.of(Outcome.NEVER_READY));
  }

  /**
   * Ready {@code delay} after starting (in real time, or on the cluster's {@link VirtualClock}): a
   * pod after it started, a Job's pod completes after it, a LoadBalancer gets its address and a
   * claim its volume after they were created.
   *
   * @throws IllegalArgumentException when the delay is negative
   */
  public Scenario readyAfter(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("readyAfter must not be negative, got " + delay);
    }
    return set(new Behavior(Outcome.READY, null, 0, 0, null, delay));
  }

  /**
   * The default container keeps crashing: it waits in {@code CrashLoopBackOff} with its restart
   * count risen to {@link Controllers#crashLoopRestarts()}, after exiting with code 1.
   */
  public Scenario crashLoop() {
    return crashLoop(null, 0, "crashLoop");
  }

  /** As {@link #crashLoop()}, for the container {@code container}. */
  public Scenario crashLoop(String container) {
    return crashLoop(requireContainer(container, "crashLoop"), 0, "crashLoop");
  }

  /**
   * As {@link #crashLoop()}, for the container {@code container}, whose restart count rises to
   * {@code restarts}.
   *
   * @throws IllegalArgumentException when {@code restarts} is less than 1
   */
  public Scenario crashLoop(String container, int restarts) {
    if (restarts < 1) {
      throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
    }
    return crashLoop(requireContainer(container, "crashLoop"), restarts, "crashLoop");
  }

  private Scenario crashLoop(String container, int restarts, String method) {
    requirePods(method);
    return set(new Behavior(Outcome.CRASH_LOOP, container, restarts, 1, null, null));
  }

  /**
   * The default container's image cannot be pulled: it waits with {@code ErrImagePull}, then
   * {@code ImagePullBackOff}, with a registry's not-found message; the pod stays Pending.
   */
  public Scenario imagePullFails() {
    requirePods("imagePullFails");
    return set(Behavior.of(Outcome.IMAGE_PULL_FAILS));
  }

  /** As {@link #imagePullFails()}, for the container {@code container}. */
  public Scenario imagePullFails(String container) {
    requirePods("imagePullFails");
    return set(new Behavior(Outcome.IMAGE_PULL_FAILS,
        requireContainer(container, "imagePullFails"), 0, 0, null, null));
  }

  /** As {@link #imagePullFails(String)}, with {@code message} as the pull error. */
  public Scenario imagePullFails(String container, String message) {
    requirePods("imagePullFails");
    Objects.requireNonNull(message, "message");
    return set(new Behavior(Outcome.IMAGE_PULL_FAILS,
        requireContainer(container, "imagePullFails"), 0, 0, message, null));
  }

  /**
   * The default container exits with code 1 after writing {@code log}, which {@link
   * InMemoryCluster#logs} then serves: a Job fails once its pods exceed its backoff limit, a pod
   * that is not restarted fails, others crash-loop.
   */
  public Scenario fail(String log) {
    Objects.requireNonNull(log, "log");
    requirePods("fail");
    return failWith(null, 1, log);
  }

  /**
   * As {@link #fail(String)}, for the container {@code container} exiting with {@code exitCode}.
   *
   * @throws IllegalArgumentException when {@code exitCode} is 0
   */
  public Scenario fail(String container, int exitCode, String log) {
    Objects.requireNonNull(log, "log");
    requirePods("fail");
    if (exitCode == 0) {
      throw new IllegalArgumentException("a failing container exits with a code other than 0");
    }
    return failWith(requireContainer(container, "fail"), exitCode, log);
  }

  private Scenario failWith(String container, int exitCode, String log) {
    Behavior behavior = new Behavior(Outcome.FAIL, container, 0, exitCode, null, null);
    manager.changeScenarios(book -> {
      book.setBehavior(target, behavior);
      book.setLog(target, container == null ? "" : container, log);
    });
    return this;
  }

  /**
   * The Deployment exceeds its progress deadline: its {@code Progressing} condition turns False
   * with reason {@code ProgressDeadlineExceeded} while its new pods never get ready.
   *
   * @throws IllegalStateException when the target is not a Deployment
   */
  public Scenario progressDeadlineExceeded() {
    if (target.kind() != TargetKind.DEPLOYMENT) {
      throw new IllegalStateException("progressDeadlineExceeded applies to Deployments, not to "
          + target);
    }
    return set(Behavior.of(Outcome.PROGRESS_DEADLINE));
  }

  /** Sets the log text of the default container of the target's pods. */
  public Scenario logs(String text) {
    Objects.requireNonNull(text, "text");
    requirePods("logs");
    manager.changeScenarios(book -> book.setLog(target, "", text));
    return this;
  }

  /** Sets the log text of the container {@code container} of the target's pods. */
  public Scenario logs(String container, String text) {
    Objects.requireNonNull(text, "text");
    requirePods("logs");
    String name = requireContainer(container, "logs");
    manager.changeScenarios(book -> book.setLog(target, name, text));
    return this;
  }

  /** Drops this target's behavior and log texts: its objects become ready. */
  public Scenario reset() {
    manager.changeScenarios(book -> book.reset(target));
    return this;
  }

  /** As {@code Deployment web in namespace ns1}, or {@code image example/web:2.0}. */
  @Override
  public String toString() {
    return target.toString();
  }

  private Scenario set(Behavior behavior) {
    manager.changeScenarios(book -> book.setBehavior(target, behavior));
    return this;
  }

  private void requirePods(String method) {
    if (!target.kind().hasPods()) {
      throw new IllegalStateException(method + " applies to pods and the workloads that run"
          + " them, not to " + target);
    }
  }

  private String requireContainer(String container, String method) {
    Objects.requireNonNull(container, "container");
    if (container.isBlank()) {
      throw new IllegalArgumentException("container must not be blank");
    }
    if (target.kind() == TargetKind.IMAGE) {
      throw new IllegalArgumentException(method + " on " + target + " applies to the container"
          + " that runs the image; name no container");
    }
    return container;
  }
}
