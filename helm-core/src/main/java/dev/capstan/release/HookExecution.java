package dev.capstan.release;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * When a hook last ran and how it ended: the {@code last_run} of a release record (§1.3).
 * Times keep their offset and nanoseconds; a hook that never ran has no times and no phase.
 *
 * @param startedAt when the hook was started, or {@code null}
 * @param completedAt when the hook finished, or {@code null}
 * @param phase the phase, or {@code null} when the hook never ran
 */
public record HookExecution(OffsetDateTime startedAt, OffsetDateTime completedAt, HookPhase phase) {
  private static final HookExecution NEVER = new HookExecution(null, null, null);

  /** The execution of a hook that never ran. */
  public static HookExecution never() {
    return NEVER;
  }

  /** The phase, if the hook ever ran. */
  public Optional<HookPhase> phaseIfRan() {
    return Optional.ofNullable(phase);
  }
}
