package dev.capstan.client;

import dev.capstan.release.Release;
import java.util.Objects;
import java.util.Optional;

/**
 * What an atomic operation did after it failed.
 *
 * @param action what was attempted
 * @param succeeded whether it succeeded
 * @param release for a rollback, the revision it recorded; empty for an uninstall
 * @param failure why it failed, or {@code ""}
 */
public record AtomicOutcome(Action action, boolean succeeded, Optional<Release> release,
    String failure) {
  /** What an atomic operation does when it fails. */
  public enum Action {
    /** A failed install was uninstalled, its history purged. */
    UNINSTALLED,
    /** A failed upgrade was rolled back to the last successful revision. */
    ROLLED_BACK
  }

  /** Checks the parts. */
  public AtomicOutcome {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(failure, "failure");
  }
}
