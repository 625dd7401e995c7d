package dev.capstan.kube.readiness;

import java.util.Objects;
import java.util.Optional;

/**
 * The readiness of one Kubernetes object at one moment: {@link State#READY}, {@link
 * State#IN_PROGRESS} or {@link State#FAILED}, with a human reason and, for a failure, its terminal
 * cause.
 *
 * <p>The reason says what was seen, for example {@code "0 of 3 replicas of the new ReplicaSet
 * web-7d9 ready (1 may be unavailable)"}. The cause is the text the cluster gave for a failure (a
 * Job condition message, a container's waiting message) and is present only when the state is
 * {@code FAILED}.
 */
public final class Readiness {

  /** The three outcomes of a readiness check. */
  public enum State {
    /** The object is ready; a waiter stops waiting for it. */
    READY,
    /** The object is not ready yet but may become ready; a waiter keeps waiting. */
    IN_PROGRESS,
    /** The object will not become ready without a change; a waiter stops and reports it. */
    FAILED;
  }

  private final State state;
  private final String reason;
  private final String cause;

  private Readiness(State state, String reason, String cause) {
    this.state = Objects.requireNonNull(state, "state");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.cause = cause;
  }

  /** Returns a {@code READY} result with the given reason. */
  public static Readiness ready(String reason) {
    return new Readiness(State.READY, reason, null);
  }

  /** Returns an {@code IN_PROGRESS} result whose reason says what is still missing. */
  public static Readiness inProgress(String reason) {
    return new Readiness(State.IN_PROGRESS, reason, null);
  }

  /**
   * Returns a {@code FAILED} result.
   *
   * @param reason what failed, naming the object
   * @param cause the terminal cause as the cluster reported it (may be empty but not null)
   */
  public static Readiness failed(String reason, String cause) {
    return new Readiness(State.FAILED, reason, Objects.requireNonNull(cause, "cause"));
  }

  /** Returns the state. */
  public State state() {
    return state;
  }

  /** Returns the human reason for the state. */
  public String reason() {
    return reason;
  }

  /** Returns the terminal cause of a failure; empty unless the state is {@code FAILED}. */
  public Optional<String> cause() {
    return Optional.ofNullable(cause);
  }

  /** Returns whether the state is {@code READY}. */
  public boolean isReady() {
    return state == State.READY;
  }

  /** Returns whether the state is {@code FAILED}. */
  public boolean isFailed() {
    return state == State.FAILED;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Readiness r
        && r.state == state
        && r.reason.equals(reason)
        && Objects.equals(r.cause, cause);
  }

  @Override
  public int hashCode() {
    return Objects.hash(state, reason, cause);
  }

  @Override
  public String toString() {
    return cause == null ? state + ": " + reason : state + ": " + reason + " (" + cause + ")";
  }
}
