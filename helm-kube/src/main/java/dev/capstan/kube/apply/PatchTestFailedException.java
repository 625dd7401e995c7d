package dev.capstan.kube.apply;

/**
 * A JSON Patch {@code test} operation found a different value: the document changed since the patch
 * was computed (for a resourceVersion guard, a conflict that the caller resolves by recomputing).
 */
public final class PatchTestFailedException extends PatchException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the path and both values. */
  public PatchTestFailedException(String message) {
    super(message);
  }
}
