package dev.capstan.storage;

import dev.capstan.release.Release;
import java.util.Map;
import java.util.Objects;

/**
 * One release record as a driver stores it: where it lives, the object's labels and the release.
 *
 * <p>{@code labels} are the raw labels of the storage object, system labels included (what Helm's
 * {@code List} and {@code Query} return). {@code release.labels()} holds only the custom labels.
 * {@code resourceVersion} is the driver's opaque version of the stored object: {@code null} for a
 * record not yet written, set on every record a driver returns. An update that carries a version
 * succeeds only if the object is still at that version.
 *
 * @param namespace the namespace, never empty
 * @param key the object name, {@code sh.helm.release.v1.<name>.v<revision>}
 * @param labels the object's labels
 * @param release the release
 * @param resourceVersion the stored object's version, or {@code null}
 * @param annotations the object's annotations (Helm writes none; Capstan keeps an operation's
 *     lease there while its revision is pending)
 */
public record StoredRelease(String namespace, String key, Map<String, String> labels,
    Release release, String resourceVersion, Map<String, String> annotations) {

  /** Checks the parts and freezes the labels and annotations. */
  public StoredRelease {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(release, "release");
    if (namespace.isEmpty()) {
      throw new IllegalArgumentException("stored release " + key + ": empty namespace");
    }
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  /** A record without annotations. */
  public StoredRelease(String namespace, String key, Map<String, String> labels, Release release,
      String resourceVersion) {
    this(namespace, key, labels, release, resourceVersion, Map.of());
  }

  /** Returns a copy with the annotations replaced. */
  public StoredRelease withAnnotations(Map<String, String> newAnnotations) {
    return new StoredRelease(namespace, key, labels, release, resourceVersion, newAnnotations);
  }

  /** Returns a record not yet written: key from the release's name and version, no version. */
  public static StoredRelease of(String namespace, Release release, Map<String, String> labels) {
    return new StoredRelease(namespace, ReleaseKey.of(release.name(), release.version()), labels,
        release, null);
  }

  /** Returns a copy with the given resource version. */
  public StoredRelease withResourceVersion(String newVersion) {
    return new StoredRelease(namespace, key, labels, release, newVersion, annotations);
  }

  /**
   * Returns a copy with the release and labels replaced, keeping key, namespace, version and
   * annotations.
   */
  public StoredRelease withContent(Release newRelease, Map<String, String> newLabels) {
    return new StoredRelease(namespace, key, newLabels, newRelease, resourceVersion, annotations);
  }
}
