package dev.capstan.client;

/** What {@link ReleaseClient#recover} does with an abandoned pending revision. */
public enum RecoveryPolicy {
  /**
   * Marks it failed, then undoes it: an abandoned install is uninstalled, an abandoned upgrade or
   * rollback is rolled back to the last successful revision (as an atomic operation would have).
   */
  ROLL_BACK,
  /** Only marks it failed; the cluster is left as the abandoned operation left it. */
  MARK_FAILED
}
