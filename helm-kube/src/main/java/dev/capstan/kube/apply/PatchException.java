package dev.capstan.kube.apply;

import dev.capstan.CapstanException;

/**
 * A patch could not be computed or applied: a list that merges by key holds an element without that
 * key, a JSON Patch path does not exist, an operation is malformed. The message names the path.
 */
public class PatchException extends CapstanException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the operation and path that failed. */
  public PatchException(String message) {
    super(message);
  }
}
