package dev.capstan.client;

import dev.capstan.CapstanException;
import dev.capstan.kube.ResourceRef;
import dev.capstan.kube.readiness.Readiness;
import dev.capstan.release.Release;
import java.util.Map;
import java.util.Optional;

/**
 * An action failed. Says why in Helm's words, and carries what a program needs to react: the
 * revision that was recorded for the failure (if any), the resources that were not ready when it
 * gave up, and, for atomic operations, what the automatic uninstall or rollback did.
 */
public class ReleaseOperationException extends CapstanException {
  private static final long serialVersionUID = 1L;

  private final transient Release release;
  private final transient Map<ResourceRef, Readiness> notReady;
  private final transient AtomicOutcome atomicOutcome;

  ReleaseOperationException(String message, Throwable cause, Release release,
      Map<ResourceRef, Readiness> notReady, AtomicOutcome atomicOutcome) {
    super(message, cause);
    this.release = release;
    this.notReady = notReady == null ? Map.of() : Map.copyOf(notReady);
    this.atomicOutcome = atomicOutcome;
  }

  /** The revision recorded for this failure (status {@code failed}, or a pending one), if any. */
  public Optional<Release> release() {
    return Optional.ofNullable(release);
  }

  /** The resources that were not ready when waiting ended, with their last readiness. */
  public Map<ResourceRef, Readiness> notReady() {
    return notReady;
  }

  /** What the automatic uninstall (install) or rollback (upgrade) did, for atomic operations. */
  public Optional<AtomicOutcome> atomicOutcome() {
    return Optional.ofNullable(atomicOutcome);
  }
}
