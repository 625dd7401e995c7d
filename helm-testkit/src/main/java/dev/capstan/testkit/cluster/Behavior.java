package dev.capstan.testkit.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * What a scenario makes of the objects it targets.
 *
 * @param outcome what happens
 * @param container the container it happens to, or null for the target's default container
 * @param restarts how far a crash loop's restart count rises
 * @param exitCode the exit code of a failing container
 * @param message the image-pull error, or null for the default one
 * @param delay how long a ready outcome waits, or null for the controllers' default
 */
record Behavior(Outcome outcome, String container, int restarts, int exitCode, String message,
    Duration delay) {

  /** What happens to the objects a scenario targets. */
  enum Outcome {
    /** Ready (or, for a pod that runs to completion, succeeded), after the delay. */
    READY,
    /** Running, never ready. */
    NEVER_READY,
    /** The container keeps crashing; its restart count rises to {@code restarts}. */
    CRASH_LOOP,
    /** The container's image cannot be pulled. */
    IMAGE_PULL_FAILS,
    /** The container exits with {@code exitCode}. */
    FAIL,
    /** A Deployment reports its progress deadline exceeded; its pods never get ready. */
    PROGRESS_DEADLINE
  }

  Behavior {
    Objects.requireNonNull(outcome, "outcome");
  }

  static Behavior of(Outcome outcome) {
    return new Behavior(outcome, null, 0, 0, null, null);
  }
}
