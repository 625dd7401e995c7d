package dev.capstan.storage;

/**
 * A {@code create} found the key already stored: another writer claimed that revision first. The
 * message starts with Helm's {@code release: already exists}.
 */
public final class ReleaseExistsException extends ReleaseStorageException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code key} in {@code namespace}. */
  public ReleaseExistsException(String namespace, String key) {
    super("release: already exists: " + key + " in namespace " + namespace);
  }
}
