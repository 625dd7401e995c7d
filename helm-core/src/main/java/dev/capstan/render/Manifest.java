package dev.capstan.render;

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
}
