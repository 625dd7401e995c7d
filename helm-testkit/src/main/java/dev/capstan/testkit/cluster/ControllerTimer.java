package dev.capstan.testkit.cluster;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The controllers' time: a monotonic reading and delayed work. Real time runs the work on a timer
 * thread of the cluster's own; virtual time ({@link VirtualClock}) runs it when the clock is moved
 * past it.
 */
interface ControllerTimer {
  /** Monotonic nanoseconds, for the delays of simulated controllers. */
  long nanoTime();

  /** Runs {@code task} in {@code nanos}; does nothing once shut down. */
  void schedule(Runnable task, long nanos);

  /** Stops running delayed work, waiting up to {@code millis} for a run in progress. */
  void shutdown(long millis);

  /** Whether no delayed work runs any more. */
  boolean isTerminated();

  /** The timer of a cluster whose clock is {@code clock}. */
  static ControllerTimer of(java.time.Clock clock) {
    return clock instanceof VirtualClock v ? new Virtual(v) : new Real();
  }

  /** Real time, with one daemon thread. */
  final class Real implements ControllerTimer {
    private final ScheduledThreadPoolExecutor timer;

    Real() {
      String id = Integer.toHexString(System.identityHashCode(this));
      timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "capstan-inmemory-cluster-" + id + "-controllers");
        t.setDaemon(true);
        return t;
      });
      timer.setRemoveOnCancelPolicy(true);
      timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void schedule(Runnable task, long nanos) {
      if (!timer.isShutdown()) {
        timer.schedule(task, nanos, TimeUnit.NANOSECONDS);
      }
    }

    @Override
    public void shutdown(long millis) {
      timer.shutdownNow();
      try {
        timer.awaitTermination(millis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public boolean isTerminated() {
      return timer.isTerminated();
    }
  }

  /** Virtual time: work runs when the clock passes its time. */
  final class Virtual implements ControllerTimer {
    private final VirtualClock clock;
    private volatile boolean stopped;

    Virtual(VirtualClock clock) {
      this.clock = clock;
    }

    @Override
    public long nanoTime() {
      return clock.nanoTime();
    }

    @Override
    public void schedule(Runnable task, long nanos) {
      if (!stopped) {
        clock.schedule(nanos, () -> {
          if (!stopped) {
            task.run();
          }
        });
      }
    }

    @Override
    public void shutdown(long millis) {
      stopped = true;
    }

    @Override
    public boolean isTerminated() {
      return stopped;
    }
  }
}
