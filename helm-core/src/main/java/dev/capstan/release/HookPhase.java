package dev.capstan.release;

import java.util.Optional;

/** The phase of a hook's last run (§1.3), with Helm's strings. */
public enum HookPhase {
  /** The hook was created and its outcome is not known yet. */
  UNKNOWN("Unknown"),
  /** The hook is running. */
  RUNNING("Running"),
  /** The hook finished successfully. */
  SUCCEEDED("Succeeded"),
  /** The hook failed. */
  FAILED("Failed");

  private final String wireName;

  HookPhase(String wireName) {
    this.wireName = wireName;
  }

  /** The string stored in release records. */
  public String wireName() {
    return wireName;
  }

  /** Parses a record string; empty for {@code ""} (never ran) or anything unknown. */
  public static Optional<HookPhase> fromWireName(String s) {
    for (HookPhase p : values()) {
      if (p.wireName.equals(s)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
