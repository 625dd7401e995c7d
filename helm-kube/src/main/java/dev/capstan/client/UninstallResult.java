package dev.capstan.client;

import dev.capstan.kube.ResourceRef;
import dev.capstan.release.Release;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ReleaseClient#uninstall} did.
 *
 * @param release the last revision, now {@code uninstalled} (stored only with keep-history)
 * @param kept the objects left because of {@code helm.sh/resource-policy: keep}
 * @param info Helm's report of them ({@code These resources were kept due to the resource
 *     policy:\n[Kind] name\n...}), or {@code ""}
 */
public record UninstallResult(Release release, List<ResourceRef> kept, String info) {
  /** Checks and copies the parts. */
  public UninstallResult {
    Objects.requireNonNull(release, "release");
    kept = List.copyOf(kept);
    Objects.requireNonNull(info, "info");
  }
}
