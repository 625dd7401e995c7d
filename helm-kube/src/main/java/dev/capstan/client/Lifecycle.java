package dev.capstan.client;

import dev.capstan.CapstanException;
import dev.capstan.chart.Chart;
import dev.capstan.internal.yaml.Yaml;
import dev.capstan.kube.ApplyException;
import dev.capstan.kube.ApplyOptions;
import dev.capstan.kube.ApplyResult;
import dev.capstan.kube.Cluster;
import dev.capstan.kube.ClusterException;
import dev.capstan.kube.HookException;
import dev.capstan.kube.HookRunner;
import dev.capstan.kube.ReadinessWaiter;
import dev.capstan.kube.ResourceApplier;
import dev.capstan.kube.ResourceRef;
import dev.capstan.kube.Retry;
import dev.capstan.kube.ServerSide;
import dev.capstan.kube.readiness.ReadinessRules;
import dev.capstan.kube.readiness.WaitStrategy;
import dev.capstan.progress.ProgressListener;
import dev.capstan.release.ApplyMethod;
import dev.capstan.release.Hook;
import dev.capstan.release.HookEvent;
import dev.capstan.release.Release;
import dev.capstan.render.ChartRenderer;
import dev.capstan.render.ReleaseOptions;
import dev.capstan.render.RenderedChart;
import dev.capstan.storage.ReleaseDriver;
import dev.capstan.storage.ReleaseStorage;
import dev.capstan.values.Values;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The steps every action shares (render, record, hooks, apply, wait), so that the actions only
 * compose them in Helm's order. One per client; immutable and thread-safe.
 */
final class Lifecycle {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Lifecycle.class);
  private final Cluster cluster;
  private final ReleaseDriver driver;
  private final Clock clock;
  private final dev.capstan.kube.TimeSource time;
  private final ProgressListener listener;
  private final Supplier<KubernetesSerialization> serialization;
  private final String defaultNamespace;
  private final Duration defaultTimeout;
  private final int defaultHistoryMax;
  private final String holder;
  private final RecoveryPolicy autoRecover;
  private final Duration leaseTtl;
  /** One lock per release: the action's writes and its lease renewals never race each other. */
  private final Map<String, Object> writeLocks = new java.util.concurrent.ConcurrentHashMap<>();
  /** The renewals running for each release, and per thread for the operation that started them. */
  private final Map<String, Heartbeat> heartbeats = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<Thread, List<Heartbeat>> byThread = new java.util.concurrent.ConcurrentHashMap<>();

  Lifecycle(Cluster cluster, ReleaseDriver driver, Clock clock, ProgressListener listener,
      Supplier<KubernetesSerialization> serialization, String defaultNamespace,
      Duration defaultTimeout, int defaultHistoryMax, String holder, RecoveryPolicy autoRecover,
      Duration leaseTtl) {
    this.cluster = cluster;
    this.driver = driver;
    this.clock = clock;
    this.time = dev.capstan.kube.TimeSource.of(clock);
    this.listener = listener;
    this.serialization = serialization;
    this.defaultNamespace = defaultNamespace;
    this.defaultTimeout = defaultTimeout;
    this.defaultHistoryMax = defaultHistoryMax;
    this.holder = holder;
    this.autoRecover = autoRecover;
    this.leaseTtl = leaseTtl;
  }

  /**
   * Runs one client operation; whatever way it ends, the lease renewals it started stop, so that
   * a revision it left pending becomes recoverable once its lease runs out.
   */
  <T> T operation(java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } finally {
      List<Heartbeat> started = byThread.remove(Thread.currentThread());
      if (started != null) {
        started.forEach(Heartbeat::close);
      }
    }
  }

  private Object lockFor(Release r) {
    return writeLocks.computeIfAbsent(r.namespace() + "/" + r.name(), k -> new Object());
  }

  /** The policy for abandoned revisions found by an action, or null when the caller recovers. */
  RecoveryPolicy autoRecover() {
    return autoRecover;
  }

  /** The lease of an operation that starts now, as storage annotations; renewed while it runs. */
  Map<String, String> lease() {
    Instant now = clock.instant();
    return new ReleaseLease(holder, now, now.plus(leaseTtl)).toAnnotations();
  }

  /**
   * Renews the lease of a pending revision every third of its time to live, until the revision
   * is no longer pending or held by this client, or the operation ends.
   */
  private final class Heartbeat implements AutoCloseable {
    private final AutoCloseable repeat;
    private final String key;
    private volatile boolean done;

    Heartbeat(ReleaseStorage storage, Release pending) {
      this.key = pending.namespace() + "/" + pending.name();
      Duration every = Duration.ofMillis(Math.max(1, leaseTtl.toMillis() / 3));
      this.repeat = time.every(every, "capstan-lease-" + pending.name(), () -> {
        if (!done) {
          renew(storage, pending);
        }
      });
    }

    private void renew(ReleaseStorage storage, Release pending) {
      try {
        synchronized (lockFor(pending)) {
          dev.capstan.storage.StoredRelease stored =
              storage.getStored(pending.name(), pending.version());
          Release r = stored.release();
          java.util.Optional<ReleaseLease> lease = ReleaseLease.of(stored.annotations());
          boolean ours = lease.isPresent() && lease.get().holder().equals(holder);
          if (!ours || r.info() == null || r.info().status() == null
              || !r.info().status().isPending()) {
            done = true;
            return;
          }
          storage.update(r, new ReleaseLease(holder, lease.get().acquired(),
              clock.instant().plus(leaseTtl)).toAnnotations());
        }
      } catch (RuntimeException e) {
        LOG.warn("could not renew the lease of {} revision {}: {}", pending.name(),
            pending.version(), e.getMessage());
      }
    }

    @Override
    public void close() {
      done = true;
      heartbeats.remove(key, this);
      try {
        repeat.close();
      } catch (Exception e) {
        LOG.debug("stopping the lease renewal of {}: {}", key, e.getMessage());
      }
    }
  }

  /** The lease recorded on a stored revision, if any. */
  java.util.Optional<ReleaseLease> lease(ReleaseStorage storage, Release release) {
    return ReleaseLease.of(storage.getStored(release.name(), release.version()).annotations());
  }

  /** Helm's in-progress failure for a pending revision, saying who holds it when known. */
  ReleaseInProgressException inProgress(ReleaseStorage storage, Release pending) {
    String lease = lease(storage, pending).map(l -> ": revision " + pending.version() + " ("
        + pending.info().status().wireName() + ") " + l).orElse("");
    return new ReleaseInProgressException(
        "another operation (install/upgrade/rollback) is in progress" + lease, pending, null);
  }

  /**
   * Waits up to {@code max} until the last revision of {@code name} is no longer pending, or its
   * lease has expired; re-reads every half second.
   *
   * @return whether the release became free (or abandoned) in time
   * @throws ReleaseOperationException when the thread is interrupted (the flag stays set)
   */
  boolean awaitNotPending(ReleaseStorage storage, String name, Duration max) {
    Instant until = clock.instant().plus(max);
    while (true) {
      Release last = storage.last(name);
      boolean pending = last.info() != null && last.info().status() != null
          && last.info().status().isPending();
      if (!pending || abandoned(storage, last)) {
        return true;
      }
      if (!clock.instant().isBefore(until)) {
        return false;
      }
      try {
        time.sleep(Duration.ofMillis(Math.max(1, Math.min(500,
            Duration.between(clock.instant(), until).toMillis()))));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ReleaseOperationException("interrupted while waiting for release " + name
            + " to be free", e, null, null, null);
      }
    }
  }

  /** Whether the pending revision's lease has expired (no lease: unknown, so not expired). */
  boolean abandoned(ReleaseStorage storage, Release pending) {
    return lease(storage, pending).map(l -> l.isExpired(clock.instant())).orElse(false);
  }

  /** The newest deployed or superseded revision: what atomic operations and recovery return to. */
  static java.util.Optional<Release> lastSuccessful(ReleaseStorage storage, String name) {
    List<Release> history = storage.history(name);
    for (int i = history.size() - 1; i >= 0; i--) {
      Release r = history.get(i);
      dev.capstan.release.ReleaseStatus st = r.info() == null ? null : r.info().status();
      if (st == dev.capstan.release.ReleaseStatus.DEPLOYED
          || st == dev.capstan.release.ReleaseStatus.SUPERSEDED) {
        return java.util.Optional.of(r);
      }
    }
    return java.util.Optional.empty();
  }

  Cluster cluster() {
    return cluster;
  }

  Clock clock() {
    return clock;
  }

  String namespace(java.util.Optional<String> chosen) {
    return chosen.orElse(defaultNamespace);
  }

  ReleaseStorage storage(String namespace, java.util.Optional<Integer> historyMax) {
    return ReleaseStorage.of(driver, namespace, clock)
        .withMaxHistory(historyMax.orElse(defaultHistoryMax));
  }

  OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /** The deadline of an operation with {@code timeout} (the client's default when null). */
  Instant deadline(Duration timeout) {
    return clock.instant().plus(timeout == null ? defaultTimeout : timeout);
  }

  /**
   * Stores a new revision (with its lease annotations) and reports it; a revision with a lease
   * has it renewed until the operation ends.
   */
  void create(ReleaseStorage storage, Release release, Map<String, String> annotations) {
    synchronized (lockFor(release)) {
      storage.create(release, annotations);
    }
    recorded(release);
    if (ReleaseLease.of(annotations).isPresent()) {
      Heartbeat beat = new Heartbeat(storage, release);
      Heartbeat before = heartbeats.put(release.namespace() + "/" + release.name(), beat);
      if (before != null) {
        before.close();
      }
      byThread.computeIfAbsent(Thread.currentThread(), t -> new ArrayList<>()).add(beat);
    }
  }

  /** Stores a new revision and reports it. */
  void create(ReleaseStorage storage, Release release) {
    create(storage, release, Map.of());
  }

  /** Replaces a stored revision (keeping its annotations) and reports it. */
  void update(ReleaseStorage storage, Release release) {
    synchronized (lockFor(release)) {
      storage.update(release);
    }
    recorded(release);
  }

  /**
   * Replaces a stored revision and its annotations and reports it; clearing the annotations ends
   * the revision's lease and its renewals.
   */
  void update(ReleaseStorage storage, Release release, Map<String, String> annotations) {
    if (annotations.isEmpty()) {
      Heartbeat beat = heartbeats.get(release.namespace() + "/" + release.name());
      if (beat != null) {
        beat.close();
      }
    }
    synchronized (lockFor(release)) {
      storage.update(release, annotations);
    }
    recorded(release);
  }

  private void recorded(Release r) {
    if (r.info() != null && r.info().status() != null) {
      var e = new dev.capstan.progress.ProgressEvent.RevisionRecorded(r.name(), r.namespace(),
          r.version(), r.info().status(), r.info().description());
      LOG.info("{}", e.message());
      event(e);
    }
  }

  /** Tells the listener; a listener that throws is logged, never fails the operation. */
  void event(dev.capstan.progress.ProgressEvent e) {
    try {
      listener.onEvent(e);
    } catch (RuntimeException failure) {
      LOG.warn("progress listener failed on \"{}\"", e.message(), failure);
    }
  }

  /** What is left until {@code deadline}, never less than a millisecond. */
  Duration remaining(Instant deadline) {
    Duration left = Duration.between(clock.instant(), deadline);
    return left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
  }

  /** Helm's reachability check (§3): the server version, or {@code kubernetes cluster unreachable}. */
  void requireReachable() {
    try {
      cluster.serverVersion();
    } catch (ClusterException e) {
      throw new ReleaseOperationException("kubernetes cluster unreachable: " + e.getMessage(), e,
          null, null, null);
    }
  }

  /**
   * The chart as the record stores it, exactly as Helm writes it, its mod times at the offset of
   * this client's clock.
   */
  dev.capstan.release.ReleaseChart storedChart(Chart chart) {
    return dev.capstan.release.ReleaseChart.of(chart, clock.getZone());
  }

  /**
   * The values a revision was rendered with, as {@code helm get values --all} computes them: the
   * user values over the stored chart's defaults (the stored chart has no subcharts).
   */
  static Values computedValues(Release release) {
    Values defaults = release.chart() == null || release.chart().values() == null ? Values.empty()
        : release.chart().values();
    return dev.capstan.values.Coalescing.coalesceTables(release.config(), defaults);
  }

  /**
   * Renders {@code chart} for the release with the cluster's capabilities and lookup, or, for a
   * client-side dry run, offline: Helm's default capabilities and a {@code lookup} that finds
   * nothing.
   */
  RenderedChart render(Chart chart, ReleaseOptions release, Values values, DryRun dryRun) {
    ChartRenderer renderer = dryRun == DryRun.CLIENT ? ChartRenderer.builder().clock(clock).build()
        : ChartRenderer.builder().clock(clock).capabilities(cluster.capabilities())
            .lookup(cluster.lookup()).build();
    return renderer.render(chart, release, values);
  }

  /**
   * The objects of a release manifest (the {@code ---}-separated documents of {@code
   * release.manifest}), namespaced kinds without a namespace put in {@code namespace}.
   */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> objects(String manifest, String namespace, String source) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object doc : Yaml.loadAll(manifest, source)) {
      if (doc == null) {
        continue;
      }
      if (!(doc instanceof Map<?, ?> m)) {
        throw new CapstanException(source + ": a manifest document is not a Kubernetes object");
      }
      Map<String, Object> object = new LinkedHashMap<>((Map<String, Object>) m);
      Map<String, Object> metadata = object.get("metadata") instanceof Map<?, ?> md
          ? new LinkedHashMap<>((Map<String, Object>) md) : new LinkedHashMap<>();
      object.put("metadata", metadata);
      Object ns = metadata.get("namespace");
      if ((ns == null || "".equals(ns)) && cluster.isNamespaced(String.valueOf(
          object.get("apiVersion")), String.valueOf(object.get("kind")))) {
        metadata.put("namespace", namespace);
      }
      out.add(object);
    }
    return out;
  }

  static List<ResourceRef> refs(List<Map<String, Object>> objects) {
    List<ResourceRef> out = new ArrayList<>();
    for (Map<String, Object> o : objects) {
      out.add(ResourceRef.of(o));
    }
    return out;
  }

  ResourceApplier applier(Instant deadline) {
    return new ResourceApplier(cluster).withRetry(Retry.within(remaining(deadline), clock))
        .withListener(listener);
  }

  static ApplyOptions applyOptions(ApplyMethod method, boolean forceReplace,
      boolean forceConflicts, String release, String namespace) {
    return ApplyOptions.defaults()
        .withStrategy(ServerSide.strategy(method, forceReplace, forceConflicts))
        .withOwner(release, namespace);
  }

  /**
   * Applies and returns what was done; on failure the {@link ApplyException} carries what had
   * been created, for cleanup.
   */
  ApplyResult apply(List<Map<String, Object>> previous, List<Map<String, Object>> target,
      ApplyOptions options, Instant deadline) {
    return applier(deadline).apply(previous, target, options);
  }

  /** Deletes the objects an apply created (Helm's cleanup-on-fail); returns the errors. */
  List<String> cleanUp(List<ResourceRef> created, List<Map<String, Object>> target,
      Instant deadline) {
    List<Map<String, Object>> toDelete = new ArrayList<>();
    for (Map<String, Object> o : target) {
      if (created.contains(ResourceRef.of(o))) {
        toDelete.add(o);
      }
    }
    try {
      applier(deadline).deleteAll(toDelete, Cluster.Propagation.BACKGROUND);
      return List.of();
    } catch (ClusterException e) {
      return List.of(e.getMessage());
    }
  }

  /** Waits as {@code wait} says for {@code objects}, within the deadline. */
  void waitReady(List<Map<String, Object>> objects, WaitOptions wait, Instant deadline) {
    if (wait.mode() == WaitMode.HOOKS_ONLY || objects.isEmpty()) {
      return;
    }
    ReadinessRules rules = ReadinessRules.builder(wait.mode() == WaitMode.LEGACY
        ? WaitStrategy.LEGACY : WaitStrategy.WATCHER).waitForJobs(wait.waitForJobs())
        .serialization(serialization.get()).clock(clock).build();
    new ReadinessWaiter(cluster, rules, serialization.get(), clock)
        .waitReady(refs(objects), remaining(deadline), listener);
  }

  /** Waits until {@code refs} are gone, within the deadline. */
  void waitDeleted(List<ResourceRef> refs, Instant deadline) {
    if (refs.isEmpty()) {
      return;
    }
    ReadinessRules rules = ReadinessRules.builder(WaitStrategy.LEGACY)
        .serialization(serialization.get()).clock(clock).build();
    new ReadinessWaiter(cluster, rules, serialization.get(), clock)
        .waitDeleted(refs, remaining(deadline), listener);
  }

  /**
   * Runs the hooks of {@code event}, storing the release each time a hook starts (§6), and returns
   * the release with its hooks' {@code last_run}.
   *
   * @throws HookFailure carrying the release with the hooks as they stood at the failure
   */
  Release runHooks(HookEvent event, Release release, ReleaseStorage storage, ApplyMethod method,
      Instant deadline) {
    return runHooks(event, release, storage, method, deadline, h -> true);
  }

  /**
   * As {@link #runHooks(HookEvent, Release, ReleaseStorage, ApplyMethod, Instant)}, running only
   * the hooks {@code selected} accepts; the others stay in the release as they were.
   */
  Release runHooks(HookEvent event, Release release, ReleaseStorage storage, ApplyMethod method,
      Instant deadline, java.util.function.Predicate<Hook> selected) {
    HookRunner runner = new HookRunner(cluster, serialization.get(), clock).withListener(listener)
        .withApplyMethod(method);
    List<Hook> all = release.hooks();
    List<Integer> positions = new ArrayList<>();
    List<Hook> subset = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (selected.test(all.get(i))) {
        positions.add(i);
        subset.add(all.get(i));
      }
    }
    Release[] latest = {release};
    java.util.function.Function<List<Hook>, Release> merged = ran -> {
      List<Hook> hooks = new ArrayList<>(latest[0].hooks());
      for (int k = 0; k < ran.size(); k++) {
        hooks.set(positions.get(k), ran.get(k));
      }
      return latest[0].withHooks(hooks);
    };
    try {
      List<Hook> ran = runner.run(event, subset, release.namespace(), remaining(deadline), h -> {
        latest[0] = merged.apply(h);
        synchronized (lockFor(latest[0])) {
          storage.update(latest[0]);
        }
      });
      return merged.apply(ran);
    } catch (HookException e) {
      throw new HookFailure(merged.apply(e.hooks()), e);
    }
  }

  /**
   * Runs hooks as {@link #runHooks}, turning a hook failure into a {@link StepFailure} whose
   * message is {@code wrap} of the hook's (each action words it its own way).
   */
  Release hooks(HookEvent event, Release release, ReleaseStorage storage, ApplyMethod method,
      Instant deadline, java.util.function.UnaryOperator<String> wrap) {
    try {
      return runHooks(event, release, storage, method, deadline);
    } catch (HookFailure f) {
      throw new StepFailure(f.release, wrap.apply(f.getMessage()), f.hook);
    }
  }

  /** A step of an action failed; the message is the one Helm gives, the release as it stood. */
  static final class StepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Release release;

    StepFailure(Release release, String message, Throwable cause) {
      super(message, cause);
      this.release = release;
    }
  }

  /** A hook failed; carries the release with the hooks' state at that moment. */
  static final class HookFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Release release;
    final HookException hook;

    HookFailure(Release release, HookException hook) {
      super(hook.getMessage(), hook);
      this.release = release;
      this.hook = hook;
    }
  }

  /** The resources that were not ready, when {@code e} is a wait failure. */
  static Map<ResourceRef, dev.capstan.kube.readiness.Readiness> notReady(Throwable e) {
    return e instanceof ReadinessWaiter.WaitException w ? w.notReady() : Map.of();
  }

  static String message(Throwable e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
