package dev.capstan.client;

/** How an upgrade combines the new values with the release's previous ones (§4.2). */
public enum ValuesMode {
  /**
   * Helm's default: the previous user values are reused when no new values are given, and dropped
   * as soon as any are.
   */
  DEFAULT,
  /**
   * {@code --reuse-values}: the new values over the previous user values, and the previous
   * release's computed values in place of the new chart's defaults.
   */
  REUSE,
  /** {@code --reset-values}: only the new values, over the new chart's defaults. */
  RESET,
  /**
   * {@code --reset-then-reuse-values}: the new values over the previous user values, over the new
   * chart's defaults.
   */
  RESET_THEN_REUSE
}
