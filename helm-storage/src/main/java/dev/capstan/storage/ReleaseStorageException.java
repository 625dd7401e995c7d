package dev.capstan.storage;

import dev.capstan.CapstanException;

/** The root of the failures a {@link ReleaseDriver} or {@link ReleaseStorage} reports. */
public class ReleaseStorageException extends CapstanException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what failed and for which record. */
  public ReleaseStorageException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public ReleaseStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
