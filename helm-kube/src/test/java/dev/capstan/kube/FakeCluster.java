package dev.capstan.kube;

import dev.capstan.internal.json.GoJson;
import dev.capstan.kube.apply.JsonPatch;
import dev.capstan.kube.apply.PatchOperation;
import dev.capstan.kube.apply.PatchTestFailedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small map-backed {@link Cluster} for tests of code above the SPI: resourceVersions count up,
 * a JSON Patch whose test fails is answered 422 as the API server does, and a hook can change an
 * object just before a patch arrives, as a concurrent writer would. Records the requests it gets.
 */
final class FakeCluster implements Cluster {
  final Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
  final List<String> requests = new ArrayList<>();
  /** Runs before each patch is applied (a concurrent writer); may change {@link #objects}. */
  Runnable beforePatch = () -> { };
  /** Runs before each create, outside the lock, so tests can see creates that run at once. */
  java.util.function.Consumer<ResourceRef> beforeCreate = ref -> { };
  /** Answers a refusal for a patch or replace (an API server's validation), or null to accept it. */
  java.util.function.BiFunction<ResourceRef, String, ClusterException> refuseUpdate = (r, b) -> null;
  private long version;
  /** Failures to throw, in order, at the start of the next requests of a verb (GET, POST, ...). */
  final Map<String, java.util.ArrayDeque<ClusterException>> failures = new LinkedHashMap<>();
  /** When set, the next POST stores the object and then fails with this (a lost response). */
  ClusterException loseNextCreateResponse;

  void failNext(String verb, ClusterException e) {
    failures.computeIfAbsent(verb, v -> new java.util.ArrayDeque<>()).add(e);
  }

  private void maybeFail(String verb) {
    java.util.ArrayDeque<ClusterException> q = failures.get(verb);
    if (q != null && !q.isEmpty()) {
      throw q.poll();
    }
  }

  private static String key(ResourceRef ref) {
    return ref.apiVersion() + "/" + ref.kind() + "/" + ref.namespace() + "/" + ref.name();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> stamp(Map<String, Object> object) {
    Map<String, Object> copy = JsonPatch.apply(object, List.of());
    Map<String, Object> md = (Map<String, Object>) copy.get("metadata");
    md.put("resourceVersion", Long.toString(++version));
    return copy;
  }

  /** Changes an object as another writer would: a new resourceVersion and a label. */
  @SuppressWarnings("unchecked")
  synchronized void touch(ResourceRef ref) {
    Map<String, Object> o = stamp(objects.get(key(ref)));
    Map<String, Object> md = (Map<String, Object>) o.get("metadata");
    md.put("labels", new LinkedHashMap<>(Map.of("touched", "yes")));
    objects.put(key(ref), o);
  }

  @Override
  public String serverVersion() {
    return "v1.35.0";
  }

  @Override
  public List<String> apiVersions() {
    return List.of("v1", "apps/v1");
  }

  @Override
  public synchronized Optional<Map<String, Object>> get(ResourceRef ref) {
    requests.add("GET " + ref);
    maybeFail("GET");
    return Optional.ofNullable(objects.get(key(ref))).map(o -> JsonPatch.apply(o, List.of()));
  }

  @Override
  public Map<String, Object> create(Map<String, Object> object) {
    beforeCreate.accept(ResourceRef.of(object));
    return createLocked(object);
  }

  private synchronized Map<String, Object> createLocked(Map<String, Object> object) {
    ResourceRef ref = ResourceRef.of(object);
    requests.add("POST " + ref);
    maybeFail("POST");
    if (objects.containsKey(key(ref))) {
      throw new ClusterException.AlreadyExists(ref + " already exists", null);
    }
    objects.put(key(ref), stamp(object));
    if (loseNextCreateResponse != null) {
      ClusterException lost = loseNextCreateResponse;
      loseNextCreateResponse = null;
      throw lost;
    }
    return objects.get(key(ref));
  }

  @Override
  public synchronized Map<String, Object> replace(Map<String, Object> object) {
    ResourceRef ref = ResourceRef.of(object);
    requests.add("PUT " + ref);
    ClusterException refused = refuseUpdate.apply(ref, "PUT");
    if (refused != null) {
      throw refused;
    }
    objects.put(key(ref), stamp(object));
    return objects.get(key(ref));
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized Map<String, Object> patch(ResourceRef ref, String jsonPatch) {
    requests.add("PATCH " + ref);
    maybeFail("PATCH");
    beforePatch.run();
    ClusterException refused = refuseUpdate.apply(ref, jsonPatch);
    if (refused != null) {
      throw refused;
    }
    List<PatchOperation> ops = new ArrayList<>();
    for (Object o : (List<Object>) GoJson.decodeWhole(jsonPatch)) {
      Map<String, Object> m = (Map<String, Object>) o;
      String path = (String) m.get("path");
      ops.add(switch ((String) m.get("op")) {
        case "add" -> PatchOperation.add(path, m.get("value"));
        case "remove" -> PatchOperation.remove(path);
        case "replace" -> PatchOperation.replace(path, m.get("value"));
        case "test" -> PatchOperation.test(path, m.get("value"));
        default -> throw new IllegalArgumentException("unsupported op " + m.get("op"));
      });
    }
    try {
      objects.put(key(ref), stamp(JsonPatch.apply(objects.get(key(ref)), ops)));
    } catch (PatchTestFailedException e) {
      throw new ClusterException("patching " + ref + " failed (HTTP 422): " + e.getMessage(), 422,
          "Invalid", e);
    }
    return objects.get(key(ref));
  }

  @Override
  public Map<String, Object> serverSideApply(Map<String, Object> object, String fieldManager,
      boolean forceConflicts) {
    throw new UnsupportedOperationException("not needed by these tests");
  }

  @Override
  public AutoCloseable watch(ResourceRef ref, java.util.function.Consumer<WatchEvent> listener,
      java.util.function.Consumer<ClusterException> onClose) {
    throw new UnsupportedOperationException("not needed by these tests");
  }

  @Override
  public synchronized boolean delete(ResourceRef ref, Propagation propagation) {
    requests.add("DELETE " + ref);
    return objects.remove(key(ref)) != null;
  }

  @Override
  public List<Map<String, Object>> list(String apiVersion, String kind, String namespace,
      Map<String, String> labels) {
    throw new UnsupportedOperationException("not needed by these tests");
  }
}
