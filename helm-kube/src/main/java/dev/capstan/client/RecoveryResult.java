package dev.capstan.client;

import dev.capstan.release.Release;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ReleaseClient#recover} did.
 *
 * @param abandoned the pending revision, now recorded as failed
 * @param lease the lease it carried, if any
 * @param rolledBack the revision the rollback recorded, when an upgrade or rollback was undone
 * @param uninstalled whether an abandoned install was uninstalled
 */
public record RecoveryResult(Release abandoned, Optional<ReleaseLease> lease,
    Optional<Release> rolledBack, boolean uninstalled) {
  /** Checks the parts. */
  public RecoveryResult {
    Objects.requireNonNull(abandoned, "abandoned");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(rolledBack, "rolledBack");
  }
}
