package dev.capstan.storage;

import java.util.Objects;

/**
 * A {@link ReleaseDriver#delete delete} found the object but could not read it as a release record
 * (bad base64, gzip or JSON, a foreign type). The key names the object, so it was deleted all the
 * same; there is no release to return, so this exception reports what was deleted and why it could
 * not be read. The deletion has happened when this is thrown.
 *
 * <p>This differs from Helm on purpose: Helm's {@code Delete} reads the object first (spec §2.5)
 * and fails on one it cannot decode, leaving it in place, so a corrupt revision can never be
 * removed through Helm's storage.
 */
public final class UnreadableRecordDeletedException extends ReleaseStorageException {
  private static final long serialVersionUID = 1L;

  private final transient SkippedRecord deleted;

  /** Creates the exception for the deleted object; {@code cause} is why it could not be read. */
  public UnreadableRecordDeletedException(SkippedRecord deleted, Throwable cause) {
    super("deleted " + Objects.requireNonNull(deleted, "deleted").key() + " in namespace "
        + deleted.namespace() + ", which was not a readable release record: " + deleted.reason(),
        cause);
    this.deleted = deleted;
  }

  /** Returns the deleted object: its namespace, name and why it could not be read. */
  public SkippedRecord deleted() {
    return deleted;
  }
}
