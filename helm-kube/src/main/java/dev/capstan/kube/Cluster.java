package dev.capstan.kube;

import dev.capstan.render.Capabilities;
import dev.capstan.render.Lookup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes cluster as Capstan's actions see it: the service provider interface behind which
 * the fabric8 client ({@link KubeCluster#of}) or the testkit's in-memory cluster stands. Objects are plain
 * maps, as they appear in manifests; no fabric8 type crosses this interface.
 *
 * <p>The interface grows only through default methods. Implementations must be thread-safe.
 */
public interface Cluster {

  /** How deleting an object treats the objects it owns. */
  enum Propagation {
    /** Owned objects are deleted in the background (Helm's default). */
    BACKGROUND,
    /** The object goes once its owned objects are gone. */
    FOREGROUND,
    /** Owned objects are left. */
    ORPHAN
  }

  /**
   * The server's Kubernetes version, such as {@code v1.35.0}.
   *
   * @throws ClusterException when the cluster cannot be reached
   */
  String serverVersion();

  /** The API versions the server serves ({@code v1}, {@code apps/v1}, ...), as Helm's capabilities list them. */
  List<String> apiVersions();

  /** The object, or empty when it does not exist. */
  Optional<Map<String, Object>> get(ResourceRef ref);

  /**
   * Creates {@code object} and answers it as stored (with uid, resourceVersion, ...).
   *
   * @throws ClusterException.AlreadyExists when an object of that name exists
   */
  Map<String, Object> create(Map<String, Object> object);

  /**
   * Replaces the object with {@code object} (HTTP PUT). When {@code object} carries
   * {@code metadata.resourceVersion}, the server refuses the write if the object changed since.
   *
   * @throws ClusterException.Conflict when the resourceVersion is stale
   * @throws ClusterException.NotFound when the object does not exist
   */
  Map<String, Object> replace(Map<String, Object> object);

  /**
   * Applies a JSON Patch (RFC 6902, as JSON text) to the object; a {@code test} operation on
   * {@code /metadata/resourceVersion} guards it against concurrent changes.
   *
   * @throws ClusterException.NotFound when the object does not exist
   * @throws ClusterException with code 422 when a test operation fails or the patch is invalid
   */
  Map<String, Object> patch(ResourceRef ref, String jsonPatch);

  /**
   * Server-side apply of {@code object} under {@code fieldManager} (Helm uses {@code helm}): the
   * API server merges it and records field ownership.
   *
   * @param forceConflicts take over fields another manager owns (Helm's {@code --force-conflicts})
   * @throws ClusterException.Conflict when fields are owned by another manager; the message names
   *     the fields and the managers, as the API server reports them
   */
  Map<String, Object> serverSideApply(Map<String, Object> object, String fieldManager,
      boolean forceConflicts);

  /**
   * Deletes the object.
   *
   * @return {@code false} when it did not exist
   */
  boolean delete(ResourceRef ref, Propagation propagation);

  /**
   * The objects of a kind in {@code namespace} ({@code ""}: every namespace, or cluster-scoped
   * kinds) whose labels include all of {@code labels}.
   */
  List<Map<String, Object>> list(String apiVersion, String kind, String namespace,
      Map<String, String> labels);

  /**
   * Watches one object: {@code listener} hears of every change until the returned handle is closed.
   * When the watch breaks, {@code onClose} is told why (with the failure, or null when it was
   * closed on purpose), so the caller can fall back to reading the object.
   *
   * @return the handle that stops the watch; closing it twice is harmless
   */
  AutoCloseable watch(ResourceRef ref, java.util.function.Consumer<WatchEvent> listener,
      java.util.function.Consumer<ClusterException> onClose);

  /**
   * Whether objects of the kind live in a namespace. The default knows Kubernetes' own kinds and
   * answers {@code true} for others; implementations that can ask the server override it.
   *
   * @throws ClusterException when the kind is not served (an implementation that asks the server)
   */
  default boolean isNamespaced(String apiVersion, String kind) {
    Boolean known = BuiltInKinds.namespaced(apiVersion, kind);
    return known == null || known;
  }

  /**
   * The last {@code tailLines} lines of a container's log, or empty when the cluster keeps no log
   * for it or cannot serve logs (the default).
   *
   * @param pod the pod
   * @param container the container's name
   * @param tailLines how many lines from the end, at least 1
   */
  default Optional<String> logs(ResourceRef pod, String container, int tailLines) {
    return Optional.empty();
  }

  /**
   * The capabilities templates see on this cluster: its version and API versions.
   *
   * @throws ClusterException when the cluster cannot be reached
   */
  default Capabilities capabilities() {
    return Capabilities.defaults().withKubeVersion(serverVersion()).withApiVersions(apiVersions());
  }

  /**
   * Helm's template function {@code lookup} on this cluster: one object by name, or all objects of
   * the kind (as a list object with {@code items}) when the name is empty; an empty map when
   * nothing is found.
   */
  default Lookup lookup() {
    return (apiVersion, kind, namespace, name) -> {
      if (!name.isEmpty()) {
        return get(new ResourceRef(apiVersion, kind, namespace, name)).orElse(Map.of());
      }
      List<Map<String, Object>> items = list(apiVersion, kind, namespace, Map.of());
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("apiVersion", apiVersion);
      out.put("kind", kind + "List");
      out.put("items", items);
      return out;
    };
  }
}
