package dev.capstan.kube;

import java.util.List;

/**
 * What an apply did, per object, as Helm's {@code Client.Update} reports it.
 *
 * @param created objects that did not exist and were created
 * @param updated objects that existed and were patched
 * @param unchanged objects that existed and needed no change (no request was sent)
 * @param deleted objects of the previous manifest that the new one no longer has
 * @param kept objects that would have been deleted but carry {@code helm.sh/resource-policy: keep}
 */
public record ApplyResult(List<ResourceRef> created, List<ResourceRef> updated,
    List<ResourceRef> unchanged, List<ResourceRef> deleted, List<ResourceRef> kept) {
  /** Copies the lists. */
  public ApplyResult {
    created = List.copyOf(created);
    updated = List.copyOf(updated);
    unchanged = List.copyOf(unchanged);
    deleted = List.copyOf(deleted);
    kept = List.copyOf(kept);
  }
}
