package dev.capstan.kube.readiness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Which waiting containers turn an {@code IN_PROGRESS} Pod or workload into {@code FAILED} without
 * waiting for the timeout.
 *
 * <p>Each entry maps a container waiting reason (as in {@code
 * status.containerStatuses[].state.waiting.reason}) to the restart count from which it is terminal.
 * {@link #defaults()} fails a container in {@code CrashLoopBackOff} from its third restart and one
 * with an image or configuration error ({@code ImagePullBackOff}, {@code ErrImagePull}, {@code
 * CreateContainerConfigError}, {@code InvalidImageName}) at once. Init containers count as well.
 *
 * @param thresholds waiting reason to the smallest restart count that makes it terminal
 */
public record FailFast(Map<String, Integer> thresholds) {

  /** The default restart threshold for {@code CrashLoopBackOff}. */
  public static final int DEFAULT_CRASH_LOOP_RESTARTS = 3;

  /** Validates the thresholds and keeps an unmodifiable copy. */
  public FailFast {
    Objects.requireNonNull(thresholds, "thresholds");
    Map<String, Integer> copy = new LinkedHashMap<>();
    thresholds.forEach(
        (reason, restarts) -> {
          if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("fail-fast waiting reason must not be blank");
          }
          if (restarts == null || restarts < 0) {
            throw new IllegalArgumentException(
                "fail-fast restart threshold for " + reason + " must be >= 0, got " + restarts);
          }
          copy.put(reason, restarts);
        });
    thresholds = java.util.Collections.unmodifiableMap(copy);
  }

  /** Returns the default policy described in the class comment. */
  public static FailFast defaults() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("CrashLoopBackOff", DEFAULT_CRASH_LOOP_RESTARTS);
    m.put("ImagePullBackOff", 0);
    m.put("ErrImagePull", 0);
    m.put("CreateContainerConfigError", 0);
    m.put("InvalidImageName", 0);
    return new FailFast(m);
  }

  /** Returns a policy that never fails on a waiting container. */
  public static FailFast disabled() {
    return new FailFast(Map.of());
  }

  /** Returns a copy in which {@code waitingReason} is terminal from {@code restarts} restarts. */
  public FailFast withThreshold(String waitingReason, int restarts) {
    Map<String, Integer> m = new LinkedHashMap<>(thresholds);
    m.put(waitingReason, restarts);
    return new FailFast(m);
  }

  /** Returns a copy in which {@code waitingReason} is never terminal. */
  public FailFast without(String waitingReason) {
    Map<String, Integer> m = new LinkedHashMap<>(thresholds);
    m.remove(waitingReason);
    return new FailFast(m);
  }

  /** Returns the restart threshold of {@code waitingReason}, empty when it is never terminal. */
  public OptionalInt threshold(String waitingReason) {
    Integer t = thresholds.get(waitingReason);
    return t == null ? OptionalInt.empty() : OptionalInt.of(t);
  }
}
