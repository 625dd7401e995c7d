package dev.capstan.kube;

import dev.capstan.CapstanException;
import dev.capstan.progress.ProgressEvent;
import dev.capstan.release.Hook;
import java.util.List;
import java.util.Objects;

/**
 * A hook failed (§6): its object could not be created, its Job or Pod failed, or it did not finish
 * in time. Carries the release's hooks as they stand after the failure (with the failed hook's
 * {@code last_run}), so that the caller can record them, and the last log lines of the failing
 * containers where the cluster had them.
 */
public final class HookException extends CapstanException {
  private static final long serialVersionUID = 1L;

  private final transient Hook hook;
  private final transient List<Hook> hooks;
  private final transient List<ProgressEvent.HookLog> logs;

  HookException(String message, Throwable cause, Hook hook, List<Hook> hooks,
      List<ProgressEvent.HookLog> logs) {
    super(message, cause);
    this.hook = Objects.requireNonNull(hook, "hook");
    this.hooks = List.copyOf(hooks);
    this.logs = List.copyOf(logs);
  }

  /** The hook that failed, with its {@code last_run} phase {@code Failed}. */
  public Hook hook() {
    return hook;
  }

  /** All hooks of the release after the failure, in the order they were given. */
  public List<Hook> hooks() {
    return hooks;
  }

  /** The last log lines of the failing hook's containers that ended in error, where available. */
  public List<ProgressEvent.HookLog> logs() {
    return logs;
  }
}
