package dev.capstan.render;

import java.util.List;
import java.util.Objects;

/**
 * One rendered Kubernetes resource that is part of a release (not a hook).
 *
 * @param path the template that produced it, as in Helm's {@code # Source:} line, e.g.
 *     {@code mychart/templates/service.yaml}
 * @param content the YAML document, trimmed
 * @param apiVersion the document's {@code apiVersion}, or {@code ""}
 * @param kind the document's {@code kind}, or {@code ""}
 * @param name the document's {@code metadata.name}, or {@code ""}
 */
public record Manifest(String path, String content, String apiVersion, String kind, String name) {
  /** Checks that no component is {@code null}. */
  public Manifest {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /**
   * The documents of a release's manifest text, the form Helm stores in {@code release.manifest}
   * and {@link SortedManifests#manifestText()} writes: {@code ---\n# Source: <path>\n<content>\n}
   * blocks, split as Helm splits rendered files.
   *
   * <p>Each document keeps the path of its {@code # Source:} line ({@code ""} when it has none);
   * its content is the rest of the document, trimmed. Blank documents are skipped, every other
   * document is returned as found, in order (a hook document in the text is returned too).
   *
   * @param manifestText the manifest text, such as {@code release.manifest}
   * @return the documents, in text order
   * @throws RenderException when a document is not valid YAML or its head has the wrong types
   */
  public static List<Manifest> fromManifestText(String manifestText) {
    Objects.requireNonNull(manifestText, "manifestText");
    return List.copyOf(ManifestSorter.documents(manifestText));
  }
}
