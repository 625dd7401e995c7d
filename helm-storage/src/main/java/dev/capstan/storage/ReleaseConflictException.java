package dev.capstan.storage;

/**
 * An {@code update} was based on a stale copy: the stored object changed (or was deleted and
 * re-created) since it was read, so writing would lose the other writer's change. Read the record
 * again and retry.
 */
public final class ReleaseConflictException extends ReleaseStorageException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code key}, naming the version the caller held. */
  public ReleaseConflictException(String namespace, String key, String expectedVersion,
      String actualVersion) {
    super("release: conflict: " + key + " in namespace " + namespace + " was modified by another"
        + " writer (update was based on version " + expectedVersion + ", stored version is "
        + actualVersion + "); read it again and retry");
  }
}
