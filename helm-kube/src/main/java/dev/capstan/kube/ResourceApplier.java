package dev.capstan.kube;

import dev.capstan.kube.apply.JsonPatch;
import dev.capstan.kube.apply.MergeKeys;
import dev.capstan.kube.apply.PatchOperation;
import dev.capstan.kube.apply.ThreeWayMerge;
import dev.capstan.progress.ProgressEvent;
import dev.capstan.progress.ProgressEvent.ApplyAction;
import dev.capstan.progress.ProgressListener;
import dev.capstan.render.KindSortOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Applies a release's objects to a cluster as Helm does (§5.1, §5.2): objects in Helm's install
 * order, the objects of one kind in parallel and kinds one after the other; each object created
 * when missing, or brought to its new state by the chosen {@link Strategy}. Afterwards the previous
 * manifest's objects that the target no longer has are deleted, unless the live object says
 * {@code helm.sh/resource-policy: keep}. {@link #deleteAll} removes a release's objects in Helm's
 * uninstall order.
 *
 * <p>Immutable and thread-safe; an apply starts its worker threads itself and stops them before it
 * returns, so nothing runs in the background afterwards. Progress goes to the listener as {@link
 * ProgressEvent}s.
 */
public final class ResourceApplier {
  /** The annotation that keeps an object when its release no longer has it. */
  public static final String RESOURCE_POLICY_ANNOTATION = "helm.sh/resource-policy";

  /** The field manager Helm's CLI uses. */
  public static final String FIELD_MANAGER = "helm";

  /** How many objects of one kind are applied at once unless {@link #withParallelism} says. */
  public static final int DEFAULT_PARALLELISM = 8;

  private static final int MAX_CONFLICT_RETRIES = 5;

  /** How existing objects are brought to their new state. */
  public enum Strategy {
    /** Client-side: a three-way merge sent as a JSON Patch (Helm's default before server-side apply). */
    THREE_WAY_PATCH,
    /** Replace the whole object (HTTP PUT), as Helm's {@code --force-replace}. */
    REPLACE,
    /** Server-side apply with field manager {@code helm}; conflicts fail. */
    SERVER_SIDE,
    /** Server-side apply taking over conflicting fields ({@code --force-conflicts}). */
    SERVER_SIDE_FORCE_CONFLICTS;

    boolean serverSide() {
      return this == SERVER_SIDE || this == SERVER_SIDE_FORCE_CONFLICTS;
    }
  }

  private final Cluster cluster;
  private final MergeKeys keys;
  private final Retry retry;
  private final int parallelism;
  private final ProgressListener listener;

  /** Applies through {@code cluster} with Kubernetes' merge keys for built-in kinds. */
  public ResourceApplier(Cluster cluster) {
    this(cluster, MergeKeys.builtIn());
  }

  /** Applies through {@code cluster} with the given merge keys. */
  public ResourceApplier(Cluster cluster, MergeKeys keys) {
    this(cluster, keys, Retry.none(), DEFAULT_PARALLELISM, ProgressListener.none());
  }

  private ResourceApplier(Cluster cluster, MergeKeys keys, Retry retry, int parallelism,
      ProgressListener listener) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.parallelism = parallelism;
    this.listener = SafeListener.of(listener);
  }

  /**
   * This applier retrying transient failures (429, 5xx, no response) of each request with backoff
   * as {@code retry} allows. A create retried after a lost response that did create the object
   * counts as created. The retry's deadline also bounds the wait for an object being recreated
   * to go.
   */
  public ResourceApplier withRetry(Retry newRetry) {
    return new ResourceApplier(cluster, keys, newRetry, parallelism, listener);
  }

  /**
   * This applier sending at most {@code n} requests at once for objects of one kind; 1 applies
   * one object at a time.
   *
   * @throws IllegalArgumentException when {@code n} is below 1
   */
  public ResourceApplier withParallelism(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + n);
    }
    return new ResourceApplier(cluster, keys, retry, n, listener);
  }

  /** This applier telling {@code newListener} what it does to each object. */
  public ResourceApplier withListener(ProgressListener newListener) {
    return new ResourceApplier(cluster, keys, retry, parallelism, newListener);
  }

  /**
   * Brings the cluster from {@code previous} to {@code target} with {@link
   * ApplyOptions#defaults()}: client-side three-way patches, no ownership metadata.
   *
   * @see #apply(List, List, ApplyOptions)
   */
  public ApplyResult apply(List<Map<String, Object>> previous, List<Map<String, Object>> target) {
    return apply(previous, target, ApplyOptions.defaults());
  }

  /**
   * Brings the cluster from {@code previous} to {@code target}.
   *
   * <p>With an owning release ({@link ApplyOptions#withOwner}), every target object first gets
   * Helm's ownership metadata, and every existing object that {@code previous} does not have is
   * checked before anything is written: one that belongs elsewhere stops the apply with Helm's
   * {@code exists and cannot be imported into the current release} message, unless ownership is
   * taken.
   *
   * @param previous the objects of the release's previous manifest (empty for an install), each
   *     with its namespace set (cluster-scoped kinds excepted)
   * @param target the objects to apply, each with its namespace set (cluster-scoped kinds
   *     excepted); they are applied in Helm's install order, whatever order they come in
   * @throws ApplyException when objects belong to another owner (nothing was written), when a
   *     create fails (no later kind is applied) or when updates fail (their messages joined with
   *     {@code " && "}, as Helm does); it carries what had been done. Deletions happen only after
   *     every object applied.
   * @throws ClusterException when deleting removed objects fails
   */
  public ApplyResult apply(List<Map<String, Object>> previous, List<Map<String, Object>> target,
      ApplyOptions options) {
    Objects.requireNonNull(options, "options");
    Map<String, Map<String, Object>> originals = byIdentity(previous);
    List<Map<String, Object>> ordered = installOrder(target, options);
    try (Workers workers = new Workers(parallelism)) {
      List<Optional<Map<String, Object>>> live = readLive(workers, ordered);
      checkOwnership(ordered, live, originals, options);
      Outcome[] outcomes = new Outcome[ordered.size()];
      List<String> createErrors = new ArrayList<>();
      List<String> updateErrors = new ArrayList<>();
      ClusterException firstFailure = null;
      for (int[] batch : batchesByKind(ordered)) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = batch[0]; i < batch[1]; i++) {
          indexes.add(i);
        }
        List<Outcome> done = workers.map(indexes, i -> applyOne(
            ordered.get(i), live.get(i), originals.get(identity(ResourceRef.of(ordered.get(i)))),
            options));
        for (int k = 0; k < indexes.size(); k++) {
          Outcome o = done.get(k);
          outcomes[indexes.get(k)] = o;
          if (o.failure != null) {
            (o.creating ? createErrors : updateErrors).add(o.failure.getMessage());
            firstFailure = firstFailure == null ? o.failure : firstFailure;
          }
        }
        if (!createErrors.isEmpty()) {
          break;
        }
      }
      if (firstFailure != null) {
        List<String> all = new ArrayList<>(createErrors);
        all.addAll(updateErrors);
        boolean one = all.size() == 1;
        throw new ApplyException(String.join(" && ", all), one ? firstFailure.code() : 0,
            one ? firstFailure.reason() : "", firstFailure, result(ordered, outcomes, List.of(),
            List.of()), List.of());
      }
      List<ResourceRef> deleted = new ArrayList<>();
      List<ResourceRef> kept = new ArrayList<>();
      deleteRemoved(previous, ordered, deleted, kept);
      return result(ordered, outcomes, deleted, kept);
    }
  }

  /**
   * Helm's adoption check on its own (§5.5), without writing anything: for every target object
   * that {@code previous} does not have and that exists in the cluster, whether it already
   * belongs to the release.
   *
   * @return Helm's message for each object that belongs elsewhere ({@code ... exists and cannot be
   *     imported into the current release: ...}), in install order; empty when all may be adopted
   */
  public List<String> ownershipConflicts(List<Map<String, Object>> previous,
      List<Map<String, Object>> target, String release, String releaseNamespace) {
    ApplyOptions options = ApplyOptions.defaults().withOwner(release, releaseNamespace);
    List<Map<String, Object>> ordered = installOrder(target, options);
    try (Workers workers = new Workers(parallelism)) {
      checkOwnership(ordered, readLive(workers, ordered), byIdentity(previous), options);
      return List.of();
    } catch (ApplyException e) {
      return e.ownershipConflicts();
    }
  }

  /**
   * Deletes a release's objects as Helm's uninstall does (§3.4, §5.4): in uninstall order, the
   * objects of one kind in parallel; an object whose manifest says {@code
   * helm.sh/resource-policy: keep} is left. Objects already gone count as absent, not as errors.
   *
   * @throws ClusterException when deletions fail: every object is tried, then the failures are
   *     reported together, one per line
   */
  public DeletionResult deleteAll(List<Map<String, Object>> objects,
      Cluster.Propagation propagation) {
    Objects.requireNonNull(propagation, "propagation");
    List<Map<String, Object>> ordered = new ArrayList<>(objects);
    ordered.sort(Comparator.comparing(o -> String.valueOf(o.get("kind")),
        KindSortOrder.UNINSTALL.comparator()));
    List<ResourceRef> deleted = new ArrayList<>();
    List<ResourceRef> kept = new ArrayList<>();
    List<ResourceRef> absent = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    try (Workers workers = new Workers(parallelism)) {
      for (int[] batch : batchesByKind(ordered)) {
        List<Map<String, Object>> slice = ordered.subList(batch[0], batch[1]);
        List<Deletion> done = workers.map(slice, o -> deleteOne(ResourceRef.of(o), o, propagation));
        for (int k = 0; k < slice.size(); k++) {
          Deletion d = done.get(k);
          ResourceRef ref = ResourceRef.of(slice.get(k));
          switch (d.outcome) {
            case DELETED -> deleted.add(ref);
            case KEPT -> kept.add(ref);
            case ABSENT -> absent.add(ref);
            case FAILED -> errors.add(d.failure.getMessage());
            default -> throw new IllegalStateException(d.outcome.name());
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ClusterException(String.join("\n", errors), 0, "", null);
    }
    return new DeletionResult(deleted, kept, absent);
  }

  private enum Gone { DELETED, KEPT, ABSENT, FAILED }

  private record Deletion(Gone outcome, ClusterException failure) {}

  private Deletion deleteOne(ResourceRef ref, Map<String, Object> manifest,
      Cluster.Propagation propagation) {
    if ("keep".equals(annotation(manifest, RESOURCE_POLICY_ANNOTATION))) {
      listener.onEvent(new ProgressEvent.ResourceKept(ref));
      return new Deletion(Gone.KEPT, null);
    }
    try {
      if (retry.run(() -> cluster.delete(ref, propagation))) {
        listener.onEvent(new ProgressEvent.ResourceDeleted(ref));
        return new Deletion(Gone.DELETED, null);
      }
      return new Deletion(Gone.ABSENT, null);
    } catch (ClusterException e) {
      return new Deletion(Gone.FAILED, e);
    }
  }

  private List<Map<String, Object>> installOrder(List<Map<String, Object>> target,
      ApplyOptions options) {
    List<Map<String, Object>> ordered = new ArrayList<>(target.size());
    for (Map<String, Object> o : target) {
      ordered.add(options.releaseName().isPresent()
          ? Ownership.withOwnership(o, options.releaseName().get(),
              options.releaseNamespace().get())
          : o);
    }
    ordered.sort(Comparator.comparing(o -> String.valueOf(o.get("kind")),
        KindSortOrder.INSTALL.comparator()));
    return ordered;
  }

  /** The ranges [from, to) of consecutive objects of one kind. */
  private static List<int[]> batchesByKind(List<Map<String, Object>> ordered) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= ordered.size(); i++) {
      if (i == ordered.size()
          || !Objects.equals(ordered.get(i).get("kind"), ordered.get(start).get("kind"))) {
        if (i > start) {
          out.add(new int[] {start, i});
        }
        start = i;
      }
    }
    return out;
  }

  private static void checkOwnership(List<Map<String, Object>> ordered,
      List<Optional<Map<String, Object>>> live, Map<String, Map<String, Object>> originals,
      ApplyOptions options) {
    if (options.releaseName().isEmpty() || options.takeOwnership()) {
      return;
    }
    List<String> conflicts = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      ResourceRef ref = ResourceRef.of(ordered.get(i));
      if (live.get(i).isEmpty() || originals.containsKey(identity(ref))) {
        continue;
      }
      Ownership.problem(live.get(i).get(), options.releaseName().get(),
          options.releaseNamespace().get())
          .ifPresent(p -> conflicts.add(Ownership.conflictMessage(ref, p)));
    }
    if (!conflicts.isEmpty()) {
      throw new ApplyException(conflicts.get(0), 409, "Conflict", null,
          new ApplyResult(List.of(), List.of(), List.of(), List.of(), List.of()), conflicts);
    }
  }

  /** What happened to one object; {@code failure} is set when it failed. */
  private record Outcome(ApplyAction action, boolean creating, ClusterException failure) {}

  private Outcome applyOne(Map<String, Object> object, Optional<Map<String, Object>> live,
      Map<String, Object> original, ApplyOptions options) {
    ResourceRef ref = ResourceRef.of(object);
    Strategy strategy = options.strategy();
    if (live.isEmpty()) {
      try {
        create(object, strategy);
      } catch (ClusterException e) {
        return new Outcome(null, true, e);
      }
      return applied(ref, ApplyAction.CREATED, "");
    }
    try {
      boolean changed = update(ref, object, live.get(), original, strategy);
      return applied(ref, changed ? ApplyAction.UPDATED : ApplyAction.UNCHANGED, "");
    } catch (ClusterException e) {
      List<String> immutable = ImmutableFields.of(e);
      if (immutable.isEmpty() || !options.recreateOnImmutableChange()) {
        return new Outcome(null, false, e);
      }
      try {
        recreate(ref, object, strategy);
      } catch (ClusterException again) {
        return new Outcome(null, false, again);
      }
      return applied(ref, ApplyAction.RECREATED, String.join(", ", immutable)
          + (immutable.size() == 1 ? " is" : " are") + " immutable");
    }
  }

  private Outcome applied(ResourceRef ref, ApplyAction action, String detail) {
    listener.onEvent(new ProgressEvent.ResourceApplied(ref, action, detail));
    return new Outcome(action, false, null);
  }

  private static ApplyResult result(List<Map<String, Object>> ordered, Outcome[] outcomes,
      List<ResourceRef> deleted, List<ResourceRef> kept) {
    List<ResourceRef> created = new ArrayList<>();
    List<ResourceRef> updated = new ArrayList<>();
    List<ResourceRef> unchanged = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      if (outcomes[i] == null || outcomes[i].action == null) {
        continue;
      }
      ResourceRef ref = ResourceRef.of(ordered.get(i));
      switch (outcomes[i].action) {
        case CREATED, RECREATED -> created.add(ref);
        case UPDATED -> updated.add(ref);
        case UNCHANGED -> unchanged.add(ref);
        default -> throw new IllegalStateException(outcomes[i].action.name());
      }
    }
    return new ApplyResult(created, updated, unchanged, deleted, kept);
  }

  private boolean update(ResourceRef ref, Map<String, Object> object, Map<String, Object> live,
      Map<String, Object> original, Strategy strategy) {
    return switch (strategy) {
      case THREE_WAY_PATCH -> patch(ref, original, object, live);
      case REPLACE -> replace(object, live);
      case SERVER_SIDE, SERVER_SIDE_FORCE_CONFLICTS -> !Objects.equals(resourceVersion(live),
          resourceVersion(retry.run(() -> cluster.serverSideApply(object, FIELD_MANAGER,
              strategy == Strategy.SERVER_SIDE_FORCE_CONFLICTS))));
    };
  }

  /** Deletes the object, waits within the retry budget until it is gone, and creates it again. */
  private void recreate(ResourceRef ref, Map<String, Object> object, Strategy strategy) {
    retry.run(() -> cluster.delete(ref, Cluster.Propagation.BACKGROUND));
    listener.onEvent(new ProgressEvent.ResourceDeleted(ref));
    if (!retry.poll(() -> retry.run(() -> cluster.get(ref)).isEmpty())) {
      throw new ClusterException(ref + " was deleted to be recreated but still exists", 0, "",
          null);
    }
    create(object, strategy);
  }

  /** Creates an object; after a transient failure, an object that exists now was created by us. */
  private void create(Map<String, Object> object, Strategy strategy) {
    if (strategy.serverSide()) {
      retry.run(() -> cluster.serverSideApply(object, FIELD_MANAGER,
          strategy == Strategy.SERVER_SIDE_FORCE_CONFLICTS));
      return;
    }
    boolean[] retried = {false};
    try {
      retry.run(() -> {
        try {
          return cluster.create(object);
        } catch (ClusterException e) {
          if (e.isTransient()) {
            retried[0] = true;
          }
          throw e;
        }
      });
    } catch (ClusterException.AlreadyExists e) {
      if (!retried[0]) {
        throw e;
      }
    }
  }

  /** Replaces one object with the target at the live resourceVersion; answers whether it changed. */
  private boolean replace(Map<String, Object> target, Map<String, Object> live) {
    Map<String, Object> object = new LinkedHashMap<>(target);
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (object.get("metadata") instanceof Map<?, ?> md) {
      for (Map.Entry<?, ?> e : md.entrySet()) {
        metadata.put((String) e.getKey(), e.getValue());
      }
    }
    metadata.put("resourceVersion", resourceVersion(live));
    object.put("metadata", metadata);
    return !Objects.equals(resourceVersion(live),
        resourceVersion(retry.run(() -> cluster.replace(object))));
  }

  private static Object resourceVersion(Map<String, Object> object) {
    return object.get("metadata") instanceof Map<?, ?> md ? md.get("resourceVersion") : null;
  }

  /** Patches one object; answers whether a change was sent. */
  private boolean patch(ResourceRef ref, Map<String, Object> original, Map<String, Object> target,
      Map<String, Object> live) {
    Map<String, Object> current = live;
    for (int attempt = 0; ; attempt++) {
      // Without the object in the previous manifest, the live object is the baseline (Helm 4).
      List<PatchOperation> ops =
          ThreeWayMerge.patch(original != null ? original : current, target, current, keys);
      if (ops.isEmpty()) {
        return false;
      }
      try {
        String body = JsonPatch.toJson(ops);
        retry.run(() -> cluster.patch(ref, body));
        return true;
      } catch (ClusterException e) {
        boolean raced = e.code() == 409 || (e.code() == 422 && ImmutableFields.of(e).isEmpty());
        if (!raced || attempt >= MAX_CONFLICT_RETRIES) {
          throw e;
        }
        current = retry.run(() -> cluster.get(ref)).orElseThrow(() -> new ClusterException.NotFound(
            ref + " disappeared while it was being updated", e));
      }
    }
  }

  /** Deletes the previous manifest's objects that the target no longer has (§5.2 step 5). */
  private void deleteRemoved(List<Map<String, Object>> previous,
      List<Map<String, Object>> target, List<ResourceRef> deleted, List<ResourceRef> kept) {
    java.util.Set<String> targetIds = byIdentity(target).keySet();
    List<String> deleteErrors = new ArrayList<>();
    for (Map<String, Object> o : previous) {
      ResourceRef ref = ResourceRef.of(o);
      if (targetIds.contains(identity(ref))) {
        continue;
      }
      Optional<Map<String, Object>> live;
      try {
        live = retry.run(() -> cluster.get(ref));
      } catch (ClusterException e) {
        continue;
      }
      if (live.isEmpty()) {
        continue;
      }
      if ("keep".equals(annotation(live.get(), RESOURCE_POLICY_ANNOTATION))) {
        kept.add(ref);
        listener.onEvent(new ProgressEvent.ResourceKept(ref));
        continue;
      }
      try {
        if (retry.run(() -> cluster.delete(ref, Cluster.Propagation.BACKGROUND))) {
          deleted.add(ref);
          listener.onEvent(new ProgressEvent.ResourceDeleted(ref));
        }
      } catch (ClusterException e) {
        deleteErrors.add(e.getMessage());
      }
    }
    if (!deleteErrors.isEmpty()) {
      throw new ClusterException(String.join("\n", deleteErrors), 0, "", null);
    }
  }

  /** The objects by {@link #identity}. */
  private static Map<String, Map<String, Object>> byIdentity(List<Map<String, Object>> objects) {
    Map<String, Map<String, Object>> out = new HashMap<>();
    for (Map<String, Object> o : objects) {
      out.put(identity(ResourceRef.of(o)), o);
    }
    return out;
  }

  /** The live state of each object, read in parallel. */
  private List<Optional<Map<String, Object>>> readLive(Workers workers,
      List<Map<String, Object>> ordered) {
    return workers.map(ordered, o -> retry.run(() -> cluster.get(ResourceRef.of(o))));
  }

  /** An object's identity across versions: group, kind, namespace and name. */
  private static String identity(ResourceRef ref) {
    return ref.group() + "/" + ref.kind() + "/" + ref.namespace() + "/" + ref.name();
  }

  private static String annotation(Map<String, Object> object, String key) {
    if (object.get("metadata") instanceof Map<?, ?> md
        && md.get("annotations") instanceof Map<?, ?> annotations
        && annotations.get(key) instanceof String s) {
      return s.strip().toLowerCase(Locale.ROOT);
    }
    return null;
  }

  /**
   * The threads of one apply: started when first needed, stopped on close. A single item runs on
   * the caller's thread. An interrupt of the caller cancels the running items.
   */
  private static final class Workers implements AutoCloseable {
    private final int size;
    private ExecutorService pool;

    Workers(int size) {
      this.size = size;
    }

    <T, R> List<R> map(List<T> items, Function<T, R> work) {
      List<R> out = new ArrayList<>(items.size());
      if (items.size() <= 1 || size == 1) {
        for (T item : items) {
          out.add(work.apply(item));
        }
        return out;
      }
      if (pool == null) {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(size, r -> {
          Thread t = new Thread(r, "capstan-apply-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
      }
      List<Future<R>> futures = new ArrayList<>(items.size());
      for (T item : items) {
        futures.add(pool.submit(() -> work.apply(item)));
      }
      try {
        for (Future<R> f : futures) {
          out.add(f.get());
        }
        return out;
      } catch (InterruptedException e) {
        futures.forEach(f -> f.cancel(true));
        Thread.currentThread().interrupt();
        throw new ClusterException("interrupted while applying", 0, "Interrupted", e);
      } catch (ExecutionException e) {
        futures.forEach(f -> f.cancel(true));
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    @Override
    public void close() {
      if (pool == null) {
        return;
      }
      pool.shutdownNow();
      try {
        // Cancelled requests stop at their next interruptible point; wait for them briefly so
        // that nothing of this apply outlives it.
        pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
