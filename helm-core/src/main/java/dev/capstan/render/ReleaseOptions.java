package dev.capstan.render;

import dev.capstan.release.ReleaseName;
import java.util.Objects;

/**
 * The release a chart is rendered for, as templates see it in {@code .Release} (§7.3): name,
 * namespace, revision and whether this is an install or an upgrade. {@code .Release.Service} is
 * always {@code Helm}.
 *
 * @param name the release name
 * @param namespace the namespace
 * @param revision the revision being rendered, from 1
 * @param upgrade {@code true} for an upgrade or rollback, {@code false} for an install
 */
public record ReleaseOptions(String name, String namespace, int revision, boolean upgrade) {
  /** Checks the name and the revision. */
  public ReleaseOptions {
    ReleaseName.validate(name);
    Objects.requireNonNull(namespace, "namespace");
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be at least 1: " + revision);
    }
  }

  /** An install (revision 1) of {@code name} in {@code namespace}, as {@code helm template} renders. */
  public static ReleaseOptions install(String name, String namespace) {
    return new ReleaseOptions(name, namespace, 1, false);
  }

  /** An upgrade of {@code name} in {@code namespace} to {@code revision}. */
  public static ReleaseOptions upgrade(String name, String namespace, int revision) {
    return new ReleaseOptions(name, namespace, revision, true);
  }
}
