package dev.capstan.testkit.cluster;

import dev.capstan.kube.TimeSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Virtual time for tests: a clock that stands still until something waits on it or a test moves
 * it, so timeouts, delays and lease expiries happen at once and always in the same order.
 *
 * <p>Give it to the {@link InMemoryCluster} (its builder's {@code clock}) and to the {@link
 * dev.capstan.client.ReleaseClient} (its builder's {@code clock}): the client's waits (for
 * readiness, between retries, for another operation) then move the clock instead of sleeping,
 * and the cluster's controllers do what was due at each moment on the way. A Deployment that
 * becomes ready after thirty seconds is ready when the client's wait has moved the clock thirty
 * seconds on; one that never becomes ready fails a five-minute {@code --timeout} without the test
 * waiting five minutes.
 *
 * <pre>{@code
 * VirtualClock clock = VirtualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * InMemoryCluster cluster = InMemoryCluster.builder().clock(clock).withControllers().build();
 * ReleaseClient helm = ReleaseClient.builder().cluster(cluster).storage(new MemoryDriver())
 *     .clock(clock).build();
 * cluster.scenario().deployment("web").neverReady();
 * assertThatThrownBy(() -> helm.install("web", chart, in -> in.waitReady().timeout(Duration.ofMinutes(5))))
 *     .hasMessageContaining("context deadline exceeded");          // at once
 * assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:05:00Z"));
 * }</pre>
 *
 * <p>What was scheduled (a controller's delayed work, a lease renewal) runs on the thread that
 * moves the clock, in order of its due time. Time moves only forward. A wait moves the clock
 * whether or not other threads are still working in real time, so a test that needs another
 * thread to act during a wait uses the system clock instead.
 *
 * <p>Thread-safe. {@link #withZone} answers a view that shares this clock's time.
 */
public final class VirtualClock extends Clock implements TimeSource {
  private static final Logger LOG = LoggerFactory.getLogger(VirtualClock.class);

  /** The time and the schedule that every zone view of one clock shares. */
  private static final class State {
    final Instant origin;
    final PriorityQueue<Task> tasks = new PriorityQueue<>();
    /** Serialises the moves of the clock, so that scheduled tasks run one at a time, in order. */
    final Object moving = new Object();
    volatile long nanos;
    long sequence;

    State(Instant origin) {
      this.origin = origin;
    }
  }

  private record Task(long due, long seq, Runnable run) implements Comparable<Task> {
    @Override
    public int compareTo(Task o) {
      int c = Long.compare(due, o.due);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final State state;
  private final ZoneId zone;

  private VirtualClock(State state, ZoneId zone) {
    this.state = state;
    this.zone = zone;
  }

  /** A virtual clock showing {@code start}, in UTC. */
  public static VirtualClock at(Instant start) {
    return new VirtualClock(new State(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  @Override
  public Instant instant() {
    return state.origin.plusNanos(state.nanos);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public VirtualClock withZone(ZoneId newZone) {
    return new VirtualClock(state, Objects.requireNonNull(newZone, "zone"));
  }

  @Override
  public Clock clock() {
    return this;
  }

  /** How much time has passed on this clock since it was made. */
  public Duration elapsed() {
    return Duration.ofNanos(state.nanos);
  }

  /**
   * Moves the clock forward by {@code duration}, running what was scheduled on the way in order
   * of its due time (each with the clock showing that time).
   *
   * @throws IllegalArgumentException when {@code duration} is negative
   */
  public void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a virtual clock only moves forward, got " + duration);
    }
    moveTo(Math.addExact(state.nanos, duration.toNanos()), false);
  }

  /** Moves the clock to {@code target} as {@link #advance} does; a past instant is an error. */
  public void advanceTo(Instant target) {
    advance(Duration.between(instant(), Objects.requireNonNull(target, "target")));
  }

  /**
   * Answers the head of {@code queue} if it has one; otherwise moves the clock forward to the
   * next scheduled task due within {@code max} (running it) or by {@code max}, and answers the
   * head of the queue then, or {@code null}.
   */
  @Override
  public <T> T poll(BlockingQueue<T> queue, Duration max) throws InterruptedException {
    checkInterrupt();
    T head = queue.poll();
    if (head != null) {
      return head;
    }
    long target = Math.addExact(state.nanos, Math.max(0, max.toNanos()));
    moveTo(target, true);
    checkInterrupt();
    return queue.poll();
  }

  /** Moves the clock forward by {@code duration}, as {@link #advance} does. */
  @Override
  public void sleep(Duration duration) throws InterruptedException {
    checkInterrupt();
    if (!duration.isNegative()) {
      advance(duration);
    }
  }

  /**
   * Runs {@code task} each time another {@code period} has passed on this clock, on the thread
   * that moves it, until the handle is closed.
   */
  @Override
  public AutoCloseable every(Duration period, String threadName, Runnable task) {
    long step = Math.max(1, period.toNanos());
    boolean[] closed = {false};
    Runnable[] repeat = new Runnable[1];
    repeat[0] = () -> {
      synchronized (closed) {
        if (closed[0]) {
          return;
        }
      }
      task.run();
      schedule(step, repeat[0]);
    };
    schedule(step, repeat[0]);
    return () -> {
      synchronized (closed) {
        closed[0] = true;
      }
    };
  }

  /** Nanoseconds since this clock was made: the controllers' monotonic time. */
  long nanoTime() {
    return state.nanos;
  }

  /** Runs {@code task} when {@code delayNanos} more have passed on this clock. */
  void schedule(long delayNanos, Runnable task) {
    synchronized (state) {
      long due = Math.addExact(state.nanos, Math.max(0, delayNanos));
      state.tasks.add(new Task(due, state.sequence++, task));
    }
  }

  /** How many scheduled tasks have not run yet. */
  int scheduled() {
    synchronized (state) {
      return state.tasks.size();
    }
  }

  /**
   * Moves to {@code target}, running due tasks in order; with {@code stopAtTask} the move ends
   * right after the first task that ran, so that a waiter can look again.
   */
  private void moveTo(long target, boolean stopAtTask) {
    synchronized (state.moving) {
      while (true) {
        Task next;
        synchronized (state) {
          next = state.tasks.peek();
          if (next == null || next.due > target) {
            if (target > state.nanos) {
              state.nanos = target;
            }
            return;
          }
          state.tasks.poll();
          if (next.due > state.nanos) {
            state.nanos = next.due;
          }
        }
        try {
          next.run.run();
        } catch (RuntimeException e) {
          LOG.warn("a task scheduled on the virtual clock failed: {}", e.toString(), e);
        }
        if (stopAtTask) {
          return;
        }
      }
    }
  }

  private static void checkInterrupt() throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted while waiting on a virtual clock");
    }
  }

  @Override
  public String toString() {
    return "VirtualClock[" + instant() + ", " + zone + "]";
  }
}
