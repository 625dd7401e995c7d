package dev.capstan.client;

/** Whether an install or upgrade only shows what it would do (§5.7, Helm 4's {@code --dry-run}). */
public enum DryRun {
  /** A real run. */
  NONE,
  /**
   * No cluster contact at all: Helm's default capabilities, {@code lookup} answers nothing, no
   * ownership check, nothing stored.
   */
  CLIENT,
  /**
   * Reads only: the cluster's capabilities, {@code lookup}, the ownership check against live
   * objects; nothing written, nothing stored.
   */
  SERVER
}
