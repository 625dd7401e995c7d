package dev.capstan.testkit.cluster;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon threads that deliver one cluster's watch events. Each watch drains its own queue on
 * one of them at a time, so its events arrive in order and a slow listener holds up only its own
 * watch; writers only enqueue. Idle threads end after a second; {@link #shutdown} ends them all.
 */
final class Dispatcher {
  private final ThreadPoolExecutor executor;

  Dispatcher() {
    String cluster = Integer.toHexString(System.identityHashCode(this));
    AtomicInteger threads = new AtomicInteger();
    executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "capstan-inmemory-cluster-" + cluster + "-watch-"
              + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** Runs {@code task} on a dispatcher thread; does nothing once shut down. */
  void execute(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException closed) {
      // Shut down: nothing is delivered any more.
    }
  }

  /**
   * Lets the tasks already handed over finish (up to {@code millis}), then interrupts what is
   * still running.
   */
  void shutdown(long millis) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
        executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  boolean isTerminated() {
    return executor.isTerminated();
  }
}
