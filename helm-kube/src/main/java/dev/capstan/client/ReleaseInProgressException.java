package dev.capstan.client;

import dev.capstan.release.Release;
import dev.capstan.release.ReleaseStatus;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Another operation holds the release: its last revision is pending ({@code pending-install},
 * {@code pending-upgrade} or {@code pending-rollback}), or another writer recorded the same
 * revision first. Says which revision, in which state, since when.
 */
public final class ReleaseInProgressException extends ReleaseOperationException {
  private static final long serialVersionUID = 1L;

  private final transient Release holder;

  ReleaseInProgressException(String message, Release holder, Throwable cause) {
    super(message, cause, null, null, null);
    this.holder = Objects.requireNonNull(holder, "holder");
  }

  /** The revision that holds the release. */
  public Release holder() {
    return holder;
  }

  /** Its status. */
  public Optional<ReleaseStatus> status() {
    return holder.info() == null ? Optional.empty() : holder.info().statusIfSet();
  }

  /** When it started (its {@code last_deployed}), if recorded. */
  public Optional<OffsetDateTime> since() {
    return holder.info() == null ? Optional.empty()
        : Optional.ofNullable(holder.info().lastDeployed());
  }
}
