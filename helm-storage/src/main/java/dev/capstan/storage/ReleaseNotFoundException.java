package dev.capstan.storage;

/**
 * No record matched: a {@code get}, {@code update} or {@code delete} of a key that is not stored, or a
 * history query for a release that has no records. The message starts with Helm's
 * {@code release: not found}.
 */
public class ReleaseNotFoundException extends ReleaseStorageException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with Helm's {@code release: not found} followed by {@code detail}. */
  public ReleaseNotFoundException(String detail) {
    super("release: not found: " + detail);
  }

  /** Creates the exception with a message that is used as is. */
  ReleaseNotFoundException(String message, boolean verbatim) {
    super(message);
  }
}
