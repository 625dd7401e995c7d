package dev.capstan.testkit.cluster;

import dev.capstan.kube.ClusterException;
import dev.capstan.kube.WatchEvent;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open watch: its events queue here and are delivered in order on a dispatcher thread.
 * Closing it drops what is not delivered yet, stops delivery and tells {@code onClose} (with null,
 * after the event being delivered, if any); closing again does nothing.
 */
final class WatchHandle implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryCluster.class);
  private static final Object CLOSED = new Object();

  final ObjectKey key;
  final String apiVersion;
  private final Consumer<WatchEvent> listener;
  private final Consumer<ClusterException> onClose;
  private final Dispatcher dispatcher;
  private final Consumer<WatchHandle> unregister;
  private final ArrayDeque<Object> queue = new ArrayDeque<>();
  private boolean draining;
  private volatile boolean closed;

  WatchHandle(ObjectKey key, String apiVersion, Consumer<WatchEvent> listener,
      Consumer<ClusterException> onClose, Dispatcher dispatcher,
      Consumer<WatchHandle> unregister) {
    this.key = key;
    this.apiVersion = apiVersion;
    this.listener = listener;
    this.onClose = onClose;
    this.dispatcher = dispatcher;
    this.unregister = unregister;
  }

  /** Queues an event (the object already a copy of its own). */
  void offer(WatchEvent event) {
    synchronized (this) {
      if (closed) {
        return;
      }
      queue.add(event);
      if (draining) {
        return;
      }
      draining = true;
    }
    dispatcher.execute(this::drain);
  }

  @Override
  public void close() {
    if (!stop()) {
      return;
    }
    unregister.accept(this);
  }

  /** Stops delivery and queues the close notice; false when it was already closed. */
  boolean stop() {
    synchronized (this) {
      if (closed) {
        return false;
      }
      closed = true;
      queue.clear();
      queue.add(CLOSED);
      if (draining) {
        return true;
      }
      draining = true;
    }
    dispatcher.execute(this::drain);
    return true;
  }

  private void drain() {
    while (true) {
      Object next;
      synchronized (this) {
        next = queue.poll();
        if (next == null) {
          draining = false;
          return;
        }
      }
      try {
        if (next == CLOSED) {
          onClose.accept(null);
        } else if (!closed) {
          listener.accept((WatchEvent) next);
        }
      } catch (RuntimeException e) {
        LOG.warn("a watch listener of {} failed", key, e);
      }
    }
  }
}
