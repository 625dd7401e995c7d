package dev.capstan.storage;

import java.util.Collection;

/**
 * A release's custom labels use a label that Helm reserves for itself ({@code name, owner, status,
 * version, createdAt, modifiedAt}). The message is Helm's, with the offending keys appended.
 */
public final class ReservedLabelException extends ReleaseStorageException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception naming the reserved keys that were used. */
  public ReservedLabelException(Collection<String> used) {
    super("user supplied labels contains system reserved label name. System labels: "
        + HelmLabels.SYSTEM_LABELS.toString().replace(",", "") + " (used: " + used + ")");
  }
}
