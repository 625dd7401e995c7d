package dev.capstan.kube;

import dev.capstan.kube.apply.JsonPatch;
import dev.capstan.kube.apply.MergeKeys;
import dev.capstan.kube.apply.PatchOperation;
import dev.capstan.kube.apply.ThreeWayMerge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Client-side apply of a release's objects (§5.2): each target object is created when missing, or
 * patched with the three-way merge of the previous manifest's object, the target and the live
 * object, sent as a JSON Patch guarded by the live resourceVersion (recomputed and retried when the
 * object changed meanwhile). Afterwards the previous manifest's objects that the target no longer
 * has are deleted, unless the live object says {@code helm.sh/resource-policy: keep}.
 *
 * <p>Objects are applied one at a time in the order given (callers pass Helm's install order).
 */
public final class ResourceApplier {
  /** The annotation that keeps an object when its release no longer has it. */
  public static final String RESOURCE_POLICY_ANNOTATION = "helm.sh/resource-policy";

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
    SERVER_SIDE_FORCE_CONFLICTS
  }

  /** The field manager Helm's CLI uses. */
  public static final String FIELD_MANAGER = "helm";

  private final Cluster cluster;
  private final MergeKeys keys;
  private final Retry retry;

  /** Applies through {@code cluster} with Kubernetes' merge keys for built-in kinds. */
  public ResourceApplier(Cluster cluster) {
    this(cluster, MergeKeys.builtIn());
  }

  /** Applies through {@code cluster} with the given merge keys. */
  public ResourceApplier(Cluster cluster, MergeKeys keys) {
    this(cluster, keys, Retry.none());
  }

  private ResourceApplier(Cluster cluster, MergeKeys keys, Retry retry) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.retry = Objects.requireNonNull(retry, "retry");
  }

  /**
   * This applier retrying transient failures (429, 5xx, no response) of each request with backoff
   * as {@code retry} allows. A create retried after a lost response that did create the object
   * counts as created.
   */
  public ResourceApplier withRetry(Retry retry) {
    return new ResourceApplier(cluster, keys, retry);
  }

  /**
   * Brings the cluster from {@code previous} to {@code target}.
   *
   * @param previous the objects of the release's previous manifest (empty for an install), each
   *     with its namespace set
   * @param target the objects to apply, each with its namespace set (cluster-scoped kinds excepted)
   * @throws ClusterException when a create fails (nothing after it is applied) or when updates
   *     fail (their messages joined with {@code " && "}, as Helm does); deletions happen only after
   *     every object applied
   */
  public ApplyResult apply(List<Map<String, Object>> previous, List<Map<String, Object>> target) {
    return apply(previous, target, Strategy.THREE_WAY_PATCH);
  }

  /**
   * Brings the cluster from {@code previous} to {@code target} with the given strategy for
   * objects that exist; see {@link #apply(List, List)}.
   */
  public ApplyResult apply(List<Map<String, Object>> previous, List<Map<String, Object>> target,
      Strategy strategy) {
    Objects.requireNonNull(strategy, "strategy");
    Map<String, Map<String, Object>> originals = new HashMap<>();
    for (Map<String, Object> o : previous) {
      originals.put(identity(ResourceRef.of(o)), o);
    }
    List<ResourceRef> created = new ArrayList<>();
    List<ResourceRef> updated = new ArrayList<>();
    List<ResourceRef> unchanged = new ArrayList<>();
    List<String> updateErrors = new ArrayList<>();
    List<String> targetIds = new ArrayList<>();
    for (Map<String, Object> object : target) {
      ResourceRef ref = ResourceRef.of(object);
      targetIds.add(identity(ref));
      Optional<Map<String, Object>> live = retry.run(() -> cluster.get(ref));
      boolean serverSide = strategy == Strategy.SERVER_SIDE
          || strategy == Strategy.SERVER_SIDE_FORCE_CONFLICTS;
      if (live.isEmpty()) {
        if (serverSide) {
          retry.run(() -> cluster.serverSideApply(object, FIELD_MANAGER,
              strategy == Strategy.SERVER_SIDE_FORCE_CONFLICTS));
        } else {
          create(object);
        }
        created.add(ref);
        continue;
      }
      try {
        boolean changed = switch (strategy) {
          case THREE_WAY_PATCH -> update(ref, originals.get(identity(ref)), object, live.get());
          case REPLACE -> replace(object, live.get());
          case SERVER_SIDE, SERVER_SIDE_FORCE_CONFLICTS -> !Objects.equals(
              resourceVersion(live.get()), resourceVersion(retry.run(() -> cluster.serverSideApply(
                  object, FIELD_MANAGER, strategy == Strategy.SERVER_SIDE_FORCE_CONFLICTS))));
        };
        if (changed) {
          updated.add(ref);
        } else {
          unchanged.add(ref);
        }
      } catch (ClusterException e) {
        updateErrors.add(e.getMessage());
      }
    }
    if (!updateErrors.isEmpty()) {
      throw new ClusterException(String.join(" && ", updateErrors), 0, "", null);
    }
    List<ResourceRef> deleted = new ArrayList<>();
    List<ResourceRef> kept = new ArrayList<>();
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
        continue;
      }
      try {
        if (retry.run(() -> cluster.delete(ref, Cluster.Propagation.BACKGROUND))) {
          deleted.add(ref);
        }
      } catch (ClusterException e) {
        deleteErrors.add(e.getMessage());
      }
    }
    if (!deleteErrors.isEmpty()) {
      throw new ClusterException(String.join("\n", deleteErrors), 0, "", null);
    }
    return new ApplyResult(created, updated, unchanged, deleted, kept);
  }

  /** Creates an object; after a transient failure, an object that exists now was created by us. */
  private void create(Map<String, Object> object) {
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
  private boolean update(ResourceRef ref, Map<String, Object> original, Map<String, Object> target,
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
        boolean raced = e.code() == 409 || e.code() == 422;
        if (!raced || attempt >= MAX_CONFLICT_RETRIES) {
          throw e;
        }
        current = retry.run(() -> cluster.get(ref)).orElseThrow(() -> new ClusterException.NotFound(
            ref + " disappeared while it was being updated", e));
      }
    }
  }

  /** An object's identity across versions: group, kind, namespace and name. */
  private static String identity(ResourceRef ref) {
    return ref.group() + "/" + ref.kind() + "/" + ref.namespace() + "/" + ref.name();
  }

  private static String annotation(Map<String, Object> object, String key) {
    if (object.get("metadata") instanceof Map<?, ?> md
        && md.get("annotations") instanceof Map<?, ?> annotations
        && annotations.get(key) instanceof String s) {
      return s.strip().toLowerCase(java.util.Locale.ROOT);
    }
    return null;
  }
}
