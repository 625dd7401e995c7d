package dev.capstan.kube;

import java.util.List;
import java.util.Objects;

/**
 * An apply failed part way. Keeps what had been done before it failed, so that a caller can clean
 * up the objects this apply created (Helm's {@code --cleanup-on-fail}), and, when existing objects
 * belong to someone else, every such conflict.
 */
public final class ApplyException extends ClusterException {
  private static final long serialVersionUID = 1L;

  private final transient ApplyResult partial;
  private final List<String> ownershipConflicts;

  ApplyException(String message, int code, String reason, Throwable cause, ApplyResult partial,
      List<String> ownershipConflicts) {
    super(message, code, reason, cause);
    this.partial = Objects.requireNonNull(partial, "partial");
    this.ownershipConflicts = List.copyOf(ownershipConflicts);
  }

  /** What was created, updated and left unchanged before the failure; nothing was deleted. */
  public ApplyResult partial() {
    return partial;
  }

  /**
   * Helm's message for each existing object the release may not adopt ({@code ... exists and
   * cannot be imported into the current release: ...}); empty when the failure was another one.
   * The exception's message is the first of them, as Helm reports it.
   */
  public List<String> ownershipConflicts() {
    return ownershipConflicts;
  }
}
