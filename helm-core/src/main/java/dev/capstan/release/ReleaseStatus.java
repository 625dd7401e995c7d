package dev.capstan.release;

import java.util.Optional;

/** The status of a release revision, with Helm's exact wire strings (spec §1.5). */
public enum ReleaseStatus {
  /** {@code unknown}: the state is not known. */
  UNKNOWN("unknown"),
  /** {@code deployed}: the revision is the one currently deployed. */
  DEPLOYED("deployed"),
  /** {@code uninstalled}: the release was uninstalled and its history kept. */
  UNINSTALLED("uninstalled"),
  /** {@code superseded}: a later revision replaced this one. */
  SUPERSEDED("superseded"),
  /** {@code failed}: the install, upgrade or rollback failed. */
  FAILED("failed"),
  /** {@code uninstalling}: an uninstall is under way. */
  UNINSTALLING("uninstalling"),
  /** {@code pending-install}: an install is under way. */
  PENDING_INSTALL("pending-install"),
  /** {@code pending-upgrade}: an upgrade is under way. */
  PENDING_UPGRADE("pending-upgrade"),
  /** {@code pending-rollback}: a rollback is under way. */
  PENDING_ROLLBACK("pending-rollback");

  private final String wireName;

  ReleaseStatus(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the string Helm writes for this status, e.g. {@code pending-install}. */
  public String wireName() {
    return wireName;
  }

  /** Returns whether this is one of the three {@code pending-*} statuses, as Go's {@code IsPending}. */
  public boolean isPending() {
    return this == PENDING_INSTALL || this == PENDING_UPGRADE || this == PENDING_ROLLBACK;
  }

  /** Returns the status whose wire string is exactly {@code s}, or empty. */
  public static Optional<ReleaseStatus> fromWireName(String s) {
    for (ReleaseStatus st : values()) {
      if (st.wireName.equals(s)) {
        return Optional.of(st);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
