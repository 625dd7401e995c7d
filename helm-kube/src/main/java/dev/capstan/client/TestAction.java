package dev.capstan.client;

import dev.capstan.release.ApplyMethod;
import dev.capstan.release.HookEvent;
import dev.capstan.release.Release;
import dev.capstan.storage.ReleaseNotFoundException;
import dev.capstan.storage.ReleaseStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Helm's test (§3.8): the test hooks of the last revision, recorded in that revision. */
final class TestAction {
  private final Lifecycle life;

  TestAction(Lifecycle life) {
    this.life = life;
  }

  Release run(String name, String namespace, Duration timeout, Set<String> only) {
    life.requireReachable();
    ReleaseStorage storage = life.storage(namespace, Optional.empty());
    Release last;
    try {
      last = storage.last(name);
    } catch (ReleaseNotFoundException e) {
      throw new ReleaseOperationException("release: not found", e, null, null, null);
    }
    Instant deadline = life.deadline(timeout);
    try {
      Release tested = life.runHooks(HookEvent.TEST, last, storage,
          last.applyMethodIfSet().orElse(ApplyMethod.CLIENT_SIDE), deadline,
          h -> only.isEmpty() || only.contains(h.name()));
      life.update(storage, tested);
      return tested;
    } catch (Lifecycle.HookFailure f) {
      life.update(storage, f.release);
      throw new ReleaseOperationException(f.getMessage(), f.hook, f.release, null, null);
    }
  }
}
