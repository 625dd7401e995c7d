package dev.capstan.client;

import dev.capstan.release.Release;
import dev.capstan.release.ReleaseStatus;
import dev.capstan.storage.ReleaseNotFoundException;
import dev.capstan.storage.ReleaseStorage;
import java.util.Optional;

/** Recovery of a pending revision whose operation was abandoned (its process died). */
final class RecoverAction {
  private final Lifecycle life;
  private final RollbackAction rollback;
  private final UninstallAction uninstall;

  RecoverAction(Lifecycle life, RollbackAction rollback, UninstallAction uninstall) {
    this.life = life;
    this.rollback = rollback;
    this.uninstall = uninstall;
  }

  /**
   * Recovers {@code name} when its last revision is pending and its lease has expired (or, with
   * {@code force}, whatever the lease says).
   *
   * @return empty when the last revision is not pending
   */
  Optional<RecoveryResult> run(String name, String ns, RecoveryPolicy policy, boolean force,
      RollbackOptions rollbackOptions) {
    ReleaseStorage storage = life.storage(ns, Optional.empty());
    Release last;
    try {
      last = storage.last(name);
    } catch (ReleaseNotFoundException e) {
      throw new ReleaseOperationException("release: not found", e, null, null, null);
    }
    ReleaseStatus status = last.info() == null ? null : last.info().status();
    if (status == null || !status.isPending()) {
      return Optional.empty();
    }
    Optional<ReleaseLease> lease = life.lease(storage, last);
    if (!force) {
      if (lease.isEmpty()) {
        throw new ReleaseInProgressException("revision " + last.version() + " of " + name + " is "
            + status.wireName() + " without a lease (another tool may be running it): recover "
            + "with force to take it over", last, null);
      }
      if (!lease.get().isExpired(life.clock().instant())) {
        throw new ReleaseInProgressException("another operation (install/upgrade/rollback) is in "
            + "progress: revision " + last.version() + " (" + status.wireName() + ") "
            + lease.get(), last, null);
      }
    }
    String why = lease.map(l -> "abandoned by " + l.holder() + " (lease expired at " + l.expires()
        + ")").orElse("abandoned (taken over without a lease)");
    Release failed = last.withInfo(last.info().withStatus(ReleaseStatus.FAILED)
        .withDescription("Release \"" + name + "\" failed: " + why));
    life.update(storage, failed, java.util.Map.of());
    if (policy == RecoveryPolicy.MARK_FAILED) {
      return Optional.of(new RecoveryResult(failed, lease, Optional.empty(), false));
    }
    if (status == ReleaseStatus.PENDING_INSTALL && Lifecycle.lastSuccessful(storage, name).isEmpty()) {
      uninstall.run(name, ns, UninstallOptions.builder().build());
      return Optional.of(new RecoveryResult(failed, lease, Optional.empty(), true));
    }
    Optional<Release> good = Lifecycle.lastSuccessful(storage, name);
    if (good.isEmpty()) {
      return Optional.of(new RecoveryResult(failed, lease, Optional.empty(), false));
    }
    Release rolledBack = rollback.run(name, ns, rollbackOptions.withTarget(good.get().version()));
    return Optional.of(new RecoveryResult(failed, lease, Optional.of(rolledBack), false));
  }
}
