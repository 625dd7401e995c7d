package dev.capstan.testkit.cluster;

import dev.capstan.kube.ResourceRef;
import java.util.Objects;
import java.util.Optional;

/**
 * One request that {@link InMemoryCluster} received, as it was asked (before the server resolved
 * or refused it): the verb and the object it named. A {@link Verb#LIST} names no object
 * ({@code name} is {@code ""}), nor does a create that asks for a generated name.
 *
 * @param verb what was asked
 * @param apiVersion the apiVersion of the request
 * @param kind the kind
 * @param namespace the namespace, {@code ""} for cluster-scoped kinds or a list across namespaces
 * @param name the object's name, {@code ""} when the request names none
 */
public record RecordedRequest(Verb verb, String apiVersion, String kind, String namespace,
    String name) {

  /** Checks that no part is null. */
  public RecordedRequest {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /** The request {@code verb} on the object {@code ref}. */
  public static RecordedRequest of(Verb verb, ResourceRef ref) {
    return new RecordedRequest(verb, ref.apiVersion(), ref.kind(), ref.namespace(), ref.name());
  }

  /** A {@link Verb#LIST} of {@code kind} in {@code namespace} ({@code ""}: all namespaces). */
  public static RecordedRequest list(String apiVersion, String kind, String namespace) {
    return new RecordedRequest(Verb.LIST, apiVersion, kind, namespace, "");
  }

  /** The object the request named, empty for a list or a create with a generated name. */
  public Optional<ResourceRef> ref() {
    if (name.isEmpty() || apiVersion.isEmpty() || kind.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ResourceRef(apiVersion, kind, namespace, name));
  }

  /** As {@code GET Deployment/ns1/web}, or {@code LIST Deployment in ns1}. */
  @Override
  public String toString() {
    if (verb == Verb.LIST) {
      return "LIST " + kind + (namespace.isEmpty() ? "" : " in " + namespace);
    }
    return verb + " " + kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }
}
