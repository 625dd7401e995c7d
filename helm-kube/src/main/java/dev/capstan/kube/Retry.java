package dev.capstan.kube;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Retries of transient cluster failures (HTTP 429, 5xx except 501, no response) with exponential
 * backoff, within a deadline: a retry is only started when its wait ends before the deadline.
 * Immutable; time is read from the injected {@link Clock} and waits go through a {@link Sleeper}.
 */
public final class Retry {
  /** Waits; {@link Thread#sleep(long)} in production, a fake clock's advance in tests. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

  private final Clock clock;
  private final Sleeper sleeper;
  private final Instant deadline;

  private Retry(Clock clock, Sleeper sleeper, Instant deadline) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.deadline = deadline;
  }

  /** No retries: the first failure is final. */
  public static Retry none() {
    return new Retry(null, null, null);
  }

  /**
   * Retries until {@code budget} from now on {@code clock} has passed, waiting as the clock's
   * {@link TimeSource#of time source} does (sleeping, unless it is a virtual clock).
   */
  public static Retry within(Duration budget, Clock clock) {
    return within(budget, clock, TimeSource.of(clock)::sleep);
  }

  /** Retries until {@code budget} from now on {@code clock} has passed, waiting with {@code sleeper}. */
  public static Retry within(Duration budget, Clock clock, Sleeper sleeper) {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    return new Retry(clock, sleeper, clock.instant().plus(budget));
  }

  /**
   * Checks {@code done} until it answers true, waiting between checks with the same doubling
   * backoff as retries, while the deadline allows; without a deadline ({@link #none()}) it checks
   * once.
   *
   * @return whether {@code done} answered true before the deadline
   * @throws ClusterException with code 0 when the thread is interrupted while waiting (the
   *     interrupt flag stays set)
   */
  public boolean poll(java.util.function.BooleanSupplier done) {
    Duration backoff = FIRST_BACKOFF;
    while (true) {
      if (done.getAsBoolean()) {
        return true;
      }
      if (deadline == null || clock.instant().plus(backoff).isAfter(deadline)) {
        return false;
      }
      try {
        sleeper.sleep(backoff);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new ClusterException("interrupted while waiting", 0, "Interrupted", ie);
      }
      backoff = next(backoff);
    }
  }

  private static Duration next(Duration backoff) {
    Duration doubled = backoff.multipliedBy(2);
    return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
  }

  /**
   * Runs {@code call}, retrying it while it fails transiently and the deadline allows.
   *
   * @throws ClusterException the last failure, when it is not transient or time is up
   * @throws ClusterException with code 0 when the thread is interrupted while waiting (the
   *     interrupt flag stays set)
   */
  public <T> T run(Supplier<T> call) {
    Duration backoff = FIRST_BACKOFF;
    while (true) {
      try {
        return call.get();
      } catch (ClusterException e) {
        if (deadline == null || !e.isTransient()
            || clock.instant().plus(backoff).isAfter(deadline)) {
          throw e;
        }
        try {
          sleeper.sleep(backoff);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new ClusterException("interrupted while waiting to retry: " + e.getMessage(), 0,
              "Interrupted", e);
        }
        backoff = next(backoff);
      }
    }
  }
}
