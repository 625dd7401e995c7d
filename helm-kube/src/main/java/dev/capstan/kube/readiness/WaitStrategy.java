package dev.capstan.kube.readiness;

/**
 * The two sets of readiness rules of Helm 4's {@code --wait}.
 *
 * <p>Helm's third value, {@code hookOnly}, performs no readiness check and so has no rules.
 */
public enum WaitStrategy {
  /**
   * Helm 3's {@code ReadyChecker}, Helm 4's {@code --wait=legacy}: per-kind rules such as a
   * Deployment's newest ReplicaSet with {@code maxUnavailable}; unknown kinds are ready at once.
   */
  LEGACY("legacy"),
  /**
   * Helm 4's {@code --wait=watcher} (kstatus): generic {@code deletionTimestamp} and {@code
   * observedGeneration} checks, per-kind rules, then {@code Ready}/{@code Stalled}/{@code
   * Reconciling} conditions for other kinds.
   */
  WATCHER("watcher");

  private final String flagValue;

  WaitStrategy(String flagValue) {
    this.flagValue = flagValue;
  }

  /** Returns the value of Helm's {@code --wait} flag that selects this strategy. */
  public String flagValue() {
    return flagValue;
  }
}
