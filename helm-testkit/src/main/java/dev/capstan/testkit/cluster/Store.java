package dev.capstan.testkit.cluster;

import java.util.List;
import java.util.Map;

/**
 * The cluster as its simulated controllers see it. Every call takes effect at once, is not
 * recorded as a request and is never failed by an injected failure; the caller holds the
 * cluster's lock. Objects going in and coming out are copies.
 */
interface Store {

  /** A copy of the stored object, or null. */
  Map<String, Object> get(ObjectKey key);

  /** Copies of the objects of a kind in {@code namespace} ({@code ""}: all), sorted by key. */
  List<Map<String, Object>> list(String group, String kind, String namespace);

  /**
   * Creates {@code object} as an update of {@code manager} and answers it as stored.
   *
   * @throws dev.capstan.kube.ClusterException when the API server would refuse it
   */
  Map<String, Object> create(Map<String, Object> object, String manager);

  /** Writes {@code object} (the main resource) as {@code manager}; null when it is gone. */
  Map<String, Object> update(Map<String, Object> object, String manager);

  /** Writes only the {@code status} of {@code object}, through the status subresource. */
  Map<String, Object> updateStatus(Map<String, Object> object, String manager);

  /** Binds a pod to {@code node} (its {@code spec.nodeName}), keeping its generation. */
  Map<String, Object> bind(Map<String, Object> pod, String node, String manager);

  /** Deletes an object and its dependents in the background; nothing when it is gone. */
  void delete(ObjectKey key);

  /** The cluster clock's time, RFC 3339 in seconds. */
  String now();

  /** The version the cluster reports, such as {@code v1.35.0}. */
  String serverVersion();

  /** Where {@code object} is stored. */
  static ObjectKey keyOf(Map<String, Object> object) {
    String apiVersion = Values.string(object, "apiVersion");
    int slash = apiVersion.indexOf('/');
    Map<String, Object> md = Values.map(object, "metadata");
    return new ObjectKey(slash < 0 ? "" : apiVersion.substring(0, slash),
        Values.string(object, "kind"), Values.string(md, "namespace"), Values.string(md, "name"));
  }
}
