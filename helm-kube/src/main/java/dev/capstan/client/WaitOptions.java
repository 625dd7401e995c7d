package dev.capstan.client;

import java.time.Duration;
import java.util.Objects;

/**
 * What an action waits for and how long: the validated common part of the action options.
 *
 * @param mode what is waited for after applying
 * @param waitForJobs whether Jobs must complete (only with a mode other than {@link
 *     WaitMode#HOOKS_ONLY})
 * @param timeout the deadline for the whole operation (hooks, apply and wait), or null for the
 *     client's default
 */
record WaitOptions(WaitMode mode, boolean waitForJobs, Duration timeout) {
  WaitOptions {
    Objects.requireNonNull(mode, "mode");
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
    }
    if (waitForJobs && mode == WaitMode.HOOKS_ONLY) {
      throw new IllegalArgumentException(
          "waitForJobs needs a wait mode that waits for resources, but the wait mode is HOOKS_ONLY");
    }
  }

  /**
   * The wait of an action whose caller chose {@code explicit} (null: not chosen): atomic actions
   * wait for their resources unless the caller said otherwise, and refuse to be told not to.
   */
  static WaitOptions of(WaitMode explicit, boolean atomic, boolean waitForJobs, Duration timeout) {
    if (atomic && explicit == WaitMode.HOOKS_ONLY) {
      throw new IllegalArgumentException("atomic needs the resources to be waited for, but the "
          + "wait mode is HOOKS_ONLY: choose WATCHER or LEGACY, or leave the wait mode unset");
    }
    WaitMode mode = explicit != null ? explicit : atomic ? WaitMode.WATCHER : WaitMode.HOOKS_ONLY;
    return new WaitOptions(mode, waitForJobs, timeout);
  }
}
