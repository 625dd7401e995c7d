package dev.capstan.progress;

/**
 * Hears the {@link ProgressEvent}s of an operation as they happen.
 *
 * <p>Events may arrive from several threads at once (objects of one kind are applied in parallel),
 * so an implementation must be thread-safe. It should return quickly; a listener that throws is
 * logged and otherwise ignored, it never fails the operation.
 */
@FunctionalInterface
public interface ProgressListener {

  /** Called for each event. */
  void onEvent(ProgressEvent event);

  /** A listener that ignores every event. */
  static ProgressListener none() {
    return event -> { };
  }
}
