package dev.capstan.storage;

/**
 * A release has records but none of them is {@code deployed}. The message is Helm's:
 * {@code "<name>" has no deployed releases}.
 */
public final class NoDeployedReleasesException extends ReleaseNotFoundException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for release {@code name}. */
  public NoDeployedReleasesException(String name) {
    super("\"" + name + "\" has no deployed releases", true);
  }
}
