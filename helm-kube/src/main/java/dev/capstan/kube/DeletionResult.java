package dev.capstan.kube;

import java.util.List;

/**
 * What {@link ResourceApplier#deleteAll} did, per object.
 *
 * @param deleted objects that were deleted
 * @param kept objects left because their manifest says {@code helm.sh/resource-policy: keep}
 * @param absent objects that were already gone
 */
public record DeletionResult(List<ResourceRef> deleted, List<ResourceRef> kept,
    List<ResourceRef> absent) {
  /** Copies the lists. */
  public DeletionResult {
    deleted = List.copyOf(deleted);
    kept = List.copyOf(kept);
    absent = List.copyOf(absent);
  }
}
