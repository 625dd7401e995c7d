package dev.capstan.client;

import dev.capstan.kube.ServerSide;
import java.time.Duration;
import java.util.Objects;

/**
 * The options that install, upgrade and rollback share: what to wait for, how long, hooks and the
 * apply method. Not for subclassing outside this package.
 *
 * @param <B> the concrete builder, returned by every method for chaining
 */
public abstract class ActionBuilder<B extends ActionBuilder<B>> {
  WaitMode waitMode;
  boolean waitForJobs;
  Duration timeout;
  boolean noHooks;
  ServerSide serverSide = ServerSide.AUTO;
  boolean forceConflicts;

  ActionBuilder() {}

  abstract B self();

  /** Waits for every resource to be ready by kstatus rules ({@code --wait}). */
  public B waitReady() {
    return waitMode(WaitMode.WATCHER);
  }

  /** What to wait for after applying ({@code --wait=watcher|legacy|hookOnly}). */
  public B waitMode(WaitMode mode) {
    this.waitMode = Objects.requireNonNull(mode, "mode");
    return self();
  }

  /** Also waits for Jobs to complete ({@code --wait-for-jobs}); needs a waiting mode. */
  public B waitForJobs(boolean wait) {
    this.waitForJobs = wait;
    return self();
  }

  /** The deadline of the whole operation ({@code --timeout}); the client's default otherwise. */
  public B timeout(Duration d) {
    this.timeout = Objects.requireNonNull(d, "timeout");
    return self();
  }

  /** Runs no hooks ({@code --no-hooks}). */
  public B noHooks() {
    this.noHooks = true;
    return self();
  }

  /**
   * Server-side or client-side apply ({@code --server-side}; default: server-side for an install,
   * as the release before for an upgrade or rollback).
   */
  public B serverSide(ServerSide choice) {
    this.serverSide = Objects.requireNonNull(choice, "serverSide");
    return self();
  }

  /** Takes over fields other managers own ({@code --force-conflicts}); server-side only. */
  public B forceConflicts() {
    this.forceConflicts = true;
    return self();
  }

  /** Refuses forceConflicts with client-side apply. */
  void checkForceConflicts() {
    if (forceConflicts && serverSide == ServerSide.FALSE) {
      throw new IllegalArgumentException("forceConflicts needs server-side apply, but serverSide is"
          + " FALSE");
    }
  }
}
