package dev.capstan.kube;

import dev.capstan.CapstanException;

/**
 * A request to the cluster failed. Keeps the HTTP status code and the API server's reason
 * ({@code NotFound}, {@code Conflict}, {@code AlreadyExists}, {@code Forbidden}, ...), so callers
 * can tell a missing object from a refused one.
 */
public class ClusterException extends CapstanException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String reason;

  /** Creates the failure with the HTTP status code (0 when no response came) and the reason. */
  public ClusterException(String message, int code, String reason, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.reason = reason == null ? "" : reason;
  }

  /** The HTTP status code, or 0 when the server gave no response. */
  public int code() {
    return code;
  }

  /** The API server's reason, such as {@code Conflict}, or {@code ""}. */
  public String reason() {
    return reason;
  }

  /** Whether retrying may help: too many requests, a server error (not 501) or no response. */
  public boolean isTransient() {
    return code == 0 || code == 429 || (code >= 500 && code != 501);
  }

  /** The object does not exist (HTTP 404). */
  public static final class NotFound extends ClusterException {
    private static final long serialVersionUID = 1L;

    /** Creates it. */
    public NotFound(String message, Throwable cause) {
      super(message, 404, "NotFound", cause);
    }
  }

  /** The object already exists (HTTP 409 on create). */
  public static final class AlreadyExists extends ClusterException {
    private static final long serialVersionUID = 1L;

    /** Creates it. */
    public AlreadyExists(String message, Throwable cause) {
      super(message, 409, "AlreadyExists", cause);
    }
  }

  /** The object changed since it was read (HTTP 409 on update: a stale resourceVersion). */
  public static final class Conflict extends ClusterException {
    private static final long serialVersionUID = 1L;

    /** Creates it. */
    public Conflict(String message, Throwable cause) {
      super(message, 409, "Conflict", cause);
    }
  }
}
