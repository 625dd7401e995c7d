package dev.capstan.repo;

import dev.capstan.CapstanException;

/**
 * A chart repository could not be read or a chart could not be fetched from it: an HTTP status
 * (the URL and status are in the message), a timeout, a refused connection, a malformed or
 * oversized index (file and line), a chart or version the index does not hold, or a download
 * whose sha256 digest differs from the index's.
 */
public class RepositoryException extends CapstanException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message says what failed and where. */
  public RepositoryException(String message) {
    super(message);
  }

  /** Creates an exception whose message says what failed and where, with the cause. */
  public RepositoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
