package dev.capstan.storage;

/**
 * A record is too big for its storage object: the Kubernetes API server refuses a Secret or
 * ConfigMap whose data exceeds 1 MiB. Raised before anything is written; the message gives the
 * encoded size, the limit and the biggest parts of the record.
 */
public final class ReleaseTooLargeException extends ReleaseStorageException {
  private static final long serialVersionUID = 1L;

  private final long encodedBytes;

  /** Creates the exception with the encoded size and a message that explains it. */
  public ReleaseTooLargeException(String message, long encodedBytes) {
    super(message);
    this.encodedBytes = encodedBytes;
  }

  /** Returns the size the stored data would have had, in bytes. */
  public long encodedBytes() {
    return encodedBytes;
  }
}
