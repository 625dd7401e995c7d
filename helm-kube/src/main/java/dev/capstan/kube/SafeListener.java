package dev.capstan.kube;

import dev.capstan.progress.ProgressEvent;
import dev.capstan.progress.ProgressListener;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A listener that logs what another listener throws instead of letting it fail an operation. */
final class SafeListener implements ProgressListener {
  private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);
  private final ProgressListener delegate;

  private SafeListener(ProgressListener delegate) {
    this.delegate = delegate;
  }

  static ProgressListener of(ProgressListener listener) {
    Objects.requireNonNull(listener, "listener");
    return listener instanceof SafeListener ? listener : new SafeListener(listener);
  }

  @Override
  public void onEvent(ProgressEvent event) {
    LOG.debug("{}", event.message());
    try {
      delegate.onEvent(event);
    } catch (RuntimeException e) {
      LOG.warn("progress listener failed on \"{}\"", event.message(), e);
    }
  }
}
