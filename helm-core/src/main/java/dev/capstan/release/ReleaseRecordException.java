package dev.capstan.release;

import dev.capstan.CapstanException;

/** A stored release record that cannot be read: bad base64, gzip or JSON, or a field of the wrong type. */
public class ReleaseRecordException extends CapstanException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the record and what is wrong. */
  public ReleaseRecordException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public ReleaseRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
