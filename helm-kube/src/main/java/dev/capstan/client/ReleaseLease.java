package dev.capstan.client;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who holds a release while one of its revisions is pending, since when and until when: kept in
 * annotations on the revision's storage object (Helm ignores them), so that another process can
 * tell a running operation from one whose process died, and recover the latter.
 *
 * @param holder the holder's identity ({@link ReleaseClient.Builder#holder})
 * @param acquired when the operation started
 * @param expires when the lease ends: the operation's deadline, its rollback budget and a grace
 *     period; a pending revision whose lease has expired was abandoned
 */
public record ReleaseLease(String holder, Instant acquired, Instant expires) {
  /** The annotation with the holder's identity. */
  public static final String HOLDER = "capstan.dev/lease-holder";
  /** The annotation with the start time (RFC 3339). */
  public static final String ACQUIRED = "capstan.dev/lease-acquired";
  /** The annotation with the expiry time (RFC 3339). */
  public static final String EXPIRES = "capstan.dev/lease-expires";

  /** Checks the parts. */
  public ReleaseLease {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(acquired, "acquired");
    Objects.requireNonNull(expires, "expires");
  }

  /** The lease in annotations, or empty when they hold none (or an unreadable one). */
  public static Optional<ReleaseLease> of(Map<String, String> annotations) {
    String holder = annotations.get(HOLDER);
    String acquired = annotations.get(ACQUIRED);
    String expires = annotations.get(EXPIRES);
    if (holder == null || acquired == null || expires == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ReleaseLease(holder, Instant.parse(acquired), Instant.parse(expires)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The annotations that record this lease. */
  public Map<String, String> toAnnotations() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(HOLDER, holder);
    out.put(ACQUIRED, acquired.toString());
    out.put(EXPIRES, expires.toString());
    return out;
  }

  /** Whether the lease has ended at {@code now}. */
  public boolean isExpired(Instant now) {
    return !now.isBefore(expires);
  }

  @Override
  public String toString() {
    return "held by " + holder + " since " + acquired + ", lease until " + expires;
  }
}
