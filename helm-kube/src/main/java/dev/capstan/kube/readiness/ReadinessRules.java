package dev.capstan.kube.readiness;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The readiness rules of one {@link WaitStrategy}: a registry keyed by API group and kind, holding
 * the built-in rules and any rules the user registered, which take precedence.
 *
 * <p>Built with {@link #builder(WaitStrategy)}; immutable and safe to share between threads.
 *
 * <pre>{@code
 * ReadinessRules rules = ReadinessRules.builder(WaitStrategy.LEGACY)
 *     .waitForJobs(true)
 *     .rule("example.com", "Widget", (obj, related) -> Readiness.ready("widgets are always ready"))
 *     .build();
 * Readiness r = rules.check(deployment, related);
 * }</pre>
 *
 * <p>Besides Helm's rules, the built-in rules fail fast: a result that would be {@code
 * IN_PROGRESS} becomes {@code FAILED} when the object can no longer become ready on its own:
 *
 * <ul>
 *   <li>a Job (when Jobs are waited for) with condition {@code Failed=True} or more failed pods
 *       than {@code spec.backoffLimit}; the reason starts with Helm's {@code job is failed:
 *       <ns>/<name>};
 *   <li>a Deployment whose {@code Progressing} condition has reason {@code
 *       ProgressDeadlineExceeded};
 *   <li>a Pod, or a Pod of a Deployment's new ReplicaSet, a ReplicaSet, ReplicationController,
 *       StatefulSet, DaemonSet or waited-for Job, with a container waiting in a state that the
 *       {@link FailFast} policy declares terminal.
 * </ul>
 *
 * A READY verdict is never overridden: a Deployment that has enough ready replicas within its
 * {@code maxUnavailable} stays READY while one of its pods crash-loops. Under {@code WATCHER} a
 * running Pod in {@code CrashLoopBackOff} fails at once whatever the threshold, as kstatus
 * decides; the threshold still applies to the Pods of workloads. User rules replace the built-in
 * rule of their kind entirely, fail-fast checks included.
 */
public final class ReadinessRules {

  private final WaitStrategy strategy;
  private final Settings settings;
  private final Map<String, ReadinessRule> custom;
  private final Map<String, ReadinessRule> builtIn;

  private ReadinessRules(Builder b) {
    this.strategy = b.strategy;
    this.settings =
        new Settings(
            b.waitForJobs,
            b.failFast,
            b.serialization != null ? b.serialization : new KubernetesSerialization(),
            b.clock);
    this.custom = Map.copyOf(b.custom);
    this.builtIn = strategy == WaitStrategy.LEGACY ? legacy(settings) : watcher(settings);
  }

  /** Returns a builder for the rules of {@code strategy}, with default options. */
  public static Builder builder(WaitStrategy strategy) {
    return new Builder(strategy);
  }

  /**
   * Returns the rules for waiting on hooks (§6, Helm 4): a Job is done when its {@code Complete}
   * condition is true and a Pod when its phase is {@code Succeeded}; a Job's {@code Failed}
   * condition, a Pod's {@code Failed} phase and the fail-fast conditions of their Pods fail the
   * hook. Only Jobs and Pods are waited on; other hook kinds are done once created.
   */
  public static ReadinessRules forHooks(FailFast failFast, KubernetesSerialization serialization,
      Clock clock) {
    Settings s = new Settings(true, failFast, serialization, clock);
    return builder(WaitStrategy.LEGACY).waitForJobs(true).failFast(failFast)
        .serialization(serialization).clock(clock)
        .rule("", "Pod", (o, r) -> HookRules.pod(s.as(o, Pod.class), s))
        .rule("batch", "Job", (o, r) -> HookRules.job(Specs.of(s.as(o, Job.class)), r, s))
        .build();
  }

  /** Returns a builder preset with this registry's strategy, options and user rules. */
  public Builder toBuilder() {
    Builder b = new Builder(strategy);
    b.waitForJobs = settings.waitForJobs();
    b.failFast = settings.failFast();
    b.serialization = settings.serialization();
    b.clock = settings.clock();
    b.custom.putAll(custom);
    return b;
  }

  /** Returns the strategy whose built-in rules this registry holds. */
  public WaitStrategy strategy() {
    return strategy;
  }

  /** Returns whether Jobs are waited for, as Helm's {@code --wait-for-jobs}. */
  public boolean waitForJobs() {
    return settings.waitForJobs();
  }

  /** Returns the fail-fast policy for waiting containers. */
  public FailFast failFast() {
    return settings.failFast();
  }

  /**
   * Returns the rule that applies to objects of {@code group}/{@code kind}: the user's rule if one
   * is registered, else the built-in one; empty when the strategy's default for unknown kinds
   * applies (LEGACY: ready at once; WATCHER: kstatus generic rules).
   */
  public Optional<ReadinessRule> ruleFor(String group, String kind) {
    String key = key(group, kind);
    ReadinessRule r = custom.get(key);
    return Optional.ofNullable(r != null ? r : builtIn.get(key));
  }

  /**
   * Returns the readiness of {@code object}.
   *
   * @param object the live object; typed fabric8 model or {@code GenericKubernetesResource}
   * @param related the ReplicaSets and Pods rules may need
   */
  public Readiness check(HasMetadata object, Related related) {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(related, "related");
    String kind = object.getKind();
    if (kind == null || kind.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot check readiness of an object without kind: " + Objs.path(object));
    }
    Optional<ReadinessRule> rule = ruleFor(Objs.group(object.getApiVersion()), kind);
    if (rule.isPresent()) {
      return rule.get().check(object, related);
    }
    return strategy == WaitStrategy.LEGACY
        ? Readiness.ready(Objs.describe(object) + " has no readiness rule and is ready at once")
        : WatcherRules.generic(object, settings);
  }

  static String key(String group, String kind) {
    return (group == null ? "" : group) + "/" + kind;
  }

  private static Map<String, ReadinessRule> legacy(Settings s) {
    Map<String, ReadinessRule> m = new LinkedHashMap<>();
    m.put(key("", "Pod"), (o, r) -> {
      Pod pod = s.as(o, Pod.class);
      return failFast(LegacyRules.pod(pod), () -> FailFastChecks.pod(pod, s.failFast()));
    });
    m.put(key("batch", "Job"), (o, r) -> {
      Job job = Specs.of(s.as(o, Job.class));
      return failFast(LegacyRules.job(job, s.waitForJobs()), () -> jobFailure(job, r, s));
    });
    m.put(key("apps", "Deployment"), (o, r) -> {
      Deployment d = Specs.of(s.as(o, Deployment.class));
      if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
        return LegacyRules.deployment(d, Optional.empty());
      }
      Optional<ReplicaSet> newRs = NewReplicaSet.find(d, r, s.serialization());
      return failFast(LegacyRules.deployment(d, newRs), () -> deploymentFailure(d, newRs, r, s));
    });
    m.put(key("apps", "ReplicaSet"), (o, r) -> {
      ReplicaSet rs = Specs.of(s.as(o, ReplicaSet.class));
      return failFast(LegacyRules.replicaSet(rs, r),
          () -> podsFailure(rs, rs.getSpec().getSelector(), r, s));
    });
    m.put(key("", "ReplicationController"), (o, r) -> {
      ReplicationController rc = Specs.of(s.as(o, ReplicationController.class));
      return failFast(LegacyRules.replicationController(rc, r),
          () -> podsFailure(rc, LegacyRules.selectorOf(rc), r, s));
    });
    m.put(key("apps", "StatefulSet"), (o, r) -> {
      StatefulSet sts = Specs.of(s.as(o, StatefulSet.class));
      return failFast(LegacyRules.statefulSet(sts),
          () -> podsFailure(sts, sts.getSpec().getSelector(), r, s));
    });
    m.put(key("apps", "DaemonSet"), (o, r) -> {
      DaemonSet ds = Specs.of(s.as(o, DaemonSet.class));
      return failFast(LegacyRules.daemonSet(ds),
          () -> podsFailure(ds, ds.getSpec().getSelector(), r, s));
    });
    m.put(key("", "PersistentVolumeClaim"),
        (o, r) -> LegacyRules.persistentVolumeClaim(s.as(o, PersistentVolumeClaim.class)));
    m.put(key("", "Service"), (o, r) -> LegacyRules.service(s.as(o, Service.class)));
    m.put(key("apiextensions.k8s.io", "CustomResourceDefinition"),
        (o, r) -> LegacyRules.customResourceDefinition(o, s.tree(o)));
    return Map.copyOf(m);
  }

  private static Map<String, ReadinessRule> watcher(Settings s) {
    return WatcherRules.rules(s);
  }

  /** Returns {@code base}, or the fail-fast failure when base is IN_PROGRESS and one is found. */
  static Readiness failFast(
      Readiness base, java.util.function.Supplier<Optional<Readiness>> check) {
    if (base.state() != Readiness.State.IN_PROGRESS) {
      return base;
    }
    return check.get().orElse(base);
  }

  /** Fail-fast checks of a Job: Failed condition, backoffLimit, then its Pods. */
  static Optional<Readiness> jobFailure(Job job, Related related, Settings s) {
    if (job.getStatus() != null && job.getStatus().getConditions() != null) {
      for (JobCondition c : job.getStatus().getConditions()) {
        if ("Failed".equals(c.getType()) && "True".equals(c.getStatus())) {
          String cause = Objs.orEmpty(c.getReason())
              + (c.getMessage() == null || c.getMessage().isEmpty() ? "" : ": " + c.getMessage());
          return Optional.of(Readiness.failed("job is failed: " + Objs.path(job), cause));
        }
      }
    }
    int failed = job.getStatus() == null ? 0 : Objs.orZero(job.getStatus().getFailed());
    int limit = LegacyRules.backoffLimit(job);
    if (failed > limit) {
      return Optional.of(Readiness.failed("job is failed: " + Objs.path(job),
          failed + " failed pod" + Objs.plural(failed) + " exceed backoffLimit " + limit));
    }
    return podsFailure(job, job.getSpec() == null ? null : job.getSpec().getSelector(), related, s);
  }

  /** Fail-fast checks of a Deployment: progress deadline, then the Pods of its new ReplicaSet. */
  static Optional<Readiness> deploymentFailure(
      Deployment d, Optional<ReplicaSet> newRs, Related related, Settings s) {
    if (d.getStatus() != null && d.getStatus().getConditions() != null) {
      for (DeploymentCondition c : d.getStatus().getConditions()) {
        if ("Progressing".equals(c.getType())
            && "ProgressDeadlineExceeded".equals(c.getReason())) {
          return Optional.of(Readiness.failed(
              Objs.describe(d) + " exceeded its progress deadline", Objs.orEmpty(c.getMessage())));
        }
      }
    }
    LabelSelector selector = newRs
        .map(rs -> rs.getSpec() == null ? null : rs.getSpec().getSelector())
        .orElse(d.getSpec().getSelector());
    return podsFailure(d, selector, related, s);
  }

  private static Optional<Readiness> podsFailure(
      HasMetadata owner, LabelSelector selector, Related related, Settings s) {
    return FailFastChecks.pods(Objs.namespace(owner), selector, related, s.failFast())
        .map(f -> Readiness.failed(Objs.describe(owner) + ": " + f.reason(), f.cause().orElse("")));
  }

  /** Builds {@link ReadinessRules}; every option has a default. */
  public static final class Builder {
    private final WaitStrategy strategy;
    private boolean waitForJobs;
    private FailFast failFast = FailFast.defaults();
    private KubernetesSerialization serialization;
    private Clock clock = Clock.systemUTC();
    private final Map<String, ReadinessRule> custom = new LinkedHashMap<>();

    private Builder(WaitStrategy strategy) {
      this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /** Waits for Jobs to complete, as Helm's {@code --wait-for-jobs} (default false). */
    public Builder waitForJobs(boolean waitForJobs) {
      this.waitForJobs = waitForJobs;
      return this;
    }

    /** Sets the fail-fast policy for waiting containers (default {@link FailFast#defaults()}). */
    public Builder failFast(FailFast failFast) {
      this.failFast = Objects.requireNonNull(failFast, "failFast");
      return this;
    }

    /**
     * Sets the serialization used to convert generic objects to typed ones and to read objects
     * as JSON trees (default: a new {@link KubernetesSerialization}, whose creation takes about a
     * second on a cold JVM); pass the client's own ({@code client.getKubernetesSerialization()})
     * to share its registered types and skip that cost.
     */
    public Builder serialization(KubernetesSerialization serialization) {
      this.serialization = Objects.requireNonNull(serialization, "serialization");
      return this;
    }

    /**
     * Sets the clock read by rules that depend on time (kstatus gives an unschedulable Pod 15
     * seconds before it fails); default the UTC system clock.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Registers the rule for objects of {@code group}/{@code kind} ({@code ""} is the core group),
     * replacing the built-in rule of that kind and any rule registered before for it.
     *
     * @throws IllegalArgumentException when {@code kind} is blank
     */
    public Builder rule(String group, String kind, ReadinessRule rule) {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(rule, "rule");
      if (kind == null || kind.isBlank()) {
        throw new IllegalArgumentException("readiness rule kind must not be blank (group \""
            + group + "\")");
      }
      if (group.contains("/")) {
        throw new IllegalArgumentException("readiness rule group must be an API group without "
            + "version, got \"" + group + "\" for kind " + kind);
      }
      custom.put(key(group, kind), rule);
      return this;
    }

    /** Returns the immutable registry. */
    public ReadinessRules build() {
      return new ReadinessRules(this);
    }
  }
}
