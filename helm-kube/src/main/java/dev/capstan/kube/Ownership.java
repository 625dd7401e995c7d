package dev.capstan.kube;

import dev.capstan.internal.json.GoJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Helm's ownership metadata (§5.5): the label and annotations that mark an object as managed by a
 * release, and the check that decides whether an existing object may be adopted.
 */
public final class Ownership {
  /** The label every release object carries: {@code app.kubernetes.io/managed-by: Helm}. */
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  /** The value of {@link #MANAGED_BY_LABEL}. */
  public static final String MANAGED_BY_HELM = "Helm";
  /** The annotation naming the owning release. */
  public static final String RELEASE_NAME_ANNOTATION = "meta.helm.sh/release-name";
  /** The annotation naming the owning release's namespace. */
  public static final String RELEASE_NAMESPACE_ANNOTATION = "meta.helm.sh/release-namespace";

  private Ownership() {}

  /**
   * A copy of {@code object} marked as owned by the release: the label and both annotations are set
   * over any existing ones, as Helm does before applying a (non-hook) resource.
   */
  public static Map<String, Object> withOwnership(Map<String, Object> object, String release,
      String releaseNamespace) {
    Map<String, Object> copy = new LinkedHashMap<>(object);
    Map<String, Object> metadata = copyOf(copy.get("metadata"));
    copy.put("metadata", metadata);
    Map<String, Object> labels = copyOf(metadata.get("labels"));
    labels.put(MANAGED_BY_LABEL, MANAGED_BY_HELM);
    metadata.put("labels", labels);
    Map<String, Object> annotations = copyOf(metadata.get("annotations"));
    annotations.put(RELEASE_NAME_ANNOTATION, release);
    annotations.put(RELEASE_NAMESPACE_ANNOTATION, releaseNamespace);
    metadata.put("annotations", annotations);
    return copy;
  }

  /**
   * What stops the release from adopting the live object, in Helm's words
   * ({@code invalid ownership metadata; label validation error: missing key ...}), or empty when
   * the object already belongs to this release.
   */
  public static Optional<String> problem(Map<String, ?> live, String release,
      String releaseNamespace) {
    Map<String, ?> metadata = live.get("metadata") instanceof Map<?, ?> m ? cast(m) : Map.of();
    Map<String, ?> labels = metadata.get("labels") instanceof Map<?, ?> m ? cast(m) : Map.of();
    Map<String, ?> annotations =
        metadata.get("annotations") instanceof Map<?, ?> m ? cast(m) : Map.of();
    List<String> errors = new ArrayList<>();
    require(labels, MANAGED_BY_LABEL, MANAGED_BY_HELM).ifPresent(e ->
        errors.add("label validation error: " + e));
    require(annotations, RELEASE_NAME_ANNOTATION, release).ifPresent(e ->
        errors.add("annotation validation error: " + e));
    require(annotations, RELEASE_NAMESPACE_ANNOTATION, releaseNamespace).ifPresent(e ->
        errors.add("annotation validation error: " + e));
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("invalid ownership metadata; " + String.join("; ", errors));
  }

  /**
   * Helm's message for an existing object that the release may not adopt:
   * {@code <Kind> "<name>" in namespace "<ns>" exists and cannot be imported into the current
   * release: <problem>}.
   */
  public static String conflictMessage(ResourceRef ref, String problem) {
    return ref.kind() + " " + GoJson.goQuote(ref.name()) + " in namespace "
        + GoJson.goQuote(ref.namespace()) + " exists and cannot be imported into the current release: "
        + problem;
  }

  private static Optional<String> require(Map<String, ?> values, String key, String want) {
    if (!values.containsKey(key)) {
      return Optional.of("missing key " + GoJson.goQuote(key) + ": must be set to "
          + GoJson.goQuote(want));
    }
    Object actual = values.get(key);
    String text = actual == null ? "" : actual.toString();
    if (!text.equals(want)) {
      return Optional.of("key " + GoJson.goQuote(key) + " must equal " + GoJson.goQuote(want)
          + ": current value is " + GoJson.goQuote(text));
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> cast(Map<?, ?> m) {
    return (Map<String, ?>) m;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copyOf(Object v) {
    return v instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
  }
}
