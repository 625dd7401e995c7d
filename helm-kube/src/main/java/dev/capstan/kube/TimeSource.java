package dev.capstan.kube;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How Capstan reads the time and lets it pass while it waits (for readiness, between retries, for
 * another operation to end, to renew a lease).
 *
 * <p>In production this is the {@linkplain #system(Clock) system}: waits block the thread for real.
 * A test can give a clock that also implements this interface, such as the testkit's virtual
 * clock: there a wait moves the clock forward instead of sleeping, so a ten-minute timeout ends at
 * once and what was scheduled for that time (a controller making a Deployment ready, a lease
 * renewal) happens in order on the way. Every place that takes a {@link Clock} asks
 * {@link #of(Clock)}, so giving such a clock is enough.
 *
 * <p>Implementations must be thread-safe.
 */
public interface TimeSource {

  /** The clock that deadlines, timestamps and leases are read from. */
  Clock clock();

  /**
   * Waits up to {@code max} for an element of {@code queue}, as {@link BlockingQueue#poll(long,
   * TimeUnit)} does.
   *
   * <p>A virtual time source may instead move its clock forward by at most {@code max} and answer
   * {@code null} before that time has passed on the clock (for instance at the moment something
   * scheduled happened), so a caller must re-read the clock after each call.
   *
   * @return the head of the queue, or {@code null} when none came
   * @throws InterruptedException when the thread is interrupted while it waits
   */
  <T> T poll(BlockingQueue<T> queue, Duration max) throws InterruptedException;

  /**
   * Lets {@code duration} pass.
   *
   * @throws InterruptedException when the thread is interrupted while it waits
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Runs {@code task} every {@code period}, the first time one period from now, until the
   * returned handle is closed. The system's runs it on a daemon thread of its own named
   * {@code threadName}; a virtual time source runs it when its clock passes each time.
   *
   * @return the handle that stops the repetition (and waits a little for a run in progress)
   */
  AutoCloseable every(Duration period, String threadName, Runnable task);

  /**
   * The time source behind {@code clock}: the clock itself when it is one (a virtual clock), else
   * the {@linkplain #system(Clock) system's} reading {@code clock}.
   */
  static TimeSource of(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return clock instanceof TimeSource t ? t : system(clock);
  }

  /**
   * Real time: waits block the calling thread, repeated tasks run on daemon threads; deadlines are
   * read from {@code clock}.
   */
  static TimeSource system(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return new TimeSource() {
      @Override
      public Clock clock() {
        return clock;
      }

      @Override
      public <T> T poll(BlockingQueue<T> queue, Duration max) throws InterruptedException {
        return queue.poll(Math.max(0, max.toNanos()), TimeUnit.NANOSECONDS);
      }

      @Override
      public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
          TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }
      }

      @Override
      public AutoCloseable every(Duration period, String threadName, Runnable task) {
        long nanos = Math.max(1, period.toNanos());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, threadName);
          t.setDaemon(true);
          return t;
        });
        timer.scheduleWithFixedDelay(task, nanos, nanos, TimeUnit.NANOSECONDS);
        return () -> {
          timer.shutdownNow();
          try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
      }

      @Override
      public String toString() {
        return "TimeSource.system(" + clock + ")";
      }
    };
  }
}
