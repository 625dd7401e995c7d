package dev.capstan.testkit.cluster;

import java.util.List;
import java.util.Map;

/**
 * What the server knows of one kind: where it is served (group, versions, plural), its scope,
 * whether {@code status} is a subresource, and for custom kinds the CRD's schema per version.
 *
 * @param group the API group, {@code ""} for the core group
 * @param kind the kind
 * @param plural the resource name, as in {@code deployments}
 * @param namespaced whether objects live in a namespace
 * @param versions the served versions, in the order discovery lists them
 * @param statusSubresource whether {@code status} is a subresource (server-side apply ignores it)
 * @param schemas the OpenAPI v3 schema per version (custom kinds only; may be empty)
 */
record KindInfo(String group, String kind, String plural, boolean namespaced,
    List<String> versions, boolean statusSubresource, Map<String, Map<String, Object>> schemas) {

  KindInfo {
    versions = List.copyOf(versions);
    schemas = Map.copyOf(schemas);
  }

  /** The resource as the API server names it in messages: {@code deployments.apps}, {@code pods}. */
  String resource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** The kind qualified by its group, as validation messages name it: {@code Deployment.apps}. */
  String qualifiedKind() {
    return group.isEmpty() ? kind : kind + "." + group;
  }

  /** Whether this is a built-in kind of the group-kind {@code group/kind}. */
  boolean is(String g, String k) {
    return group.equals(g) && kind.equals(k);
  }

  /** The group/version string for {@code version}: {@code v1} or {@code apps/v1}. */
  String apiVersion(String version) {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
