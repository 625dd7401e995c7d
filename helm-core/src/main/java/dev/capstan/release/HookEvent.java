package dev.capstan.release;

import java.util.Locale;
import java.util.Optional;

/** The lifecycle points at which a hook runs (§6), with the strings Helm uses for them. */
public enum HookEvent {
  /** Before any resource of an install is created. */
  PRE_INSTALL("pre-install"),
  /** After all resources of an install are created (and ready, when waiting). */
  POST_INSTALL("post-install"),
  /** Before any resource of an uninstall is deleted. */
  PRE_DELETE("pre-delete"),
  /** After all resources of an uninstall are deleted. */
  POST_DELETE("post-delete"),
  /** Before any resource of an upgrade is changed. */
  PRE_UPGRADE("pre-upgrade"),
  /** After all resources of an upgrade are changed. */
  POST_UPGRADE("post-upgrade"),
  /** Before any resource of a rollback is changed. */
  PRE_ROLLBACK("pre-rollback"),
  /** After all resources of a rollback are changed. */
  POST_ROLLBACK("post-rollback"),
  /** Run by {@code helm test}. */
  TEST("test");

  private final String wireName;

  HookEvent(String wireName) {
    this.wireName = wireName;
  }

  /** The string in the {@code helm.sh/hook} annotation and in release records. */
  public String wireName() {
    return wireName;
  }

  /**
   * Parses an annotation value (trimmed and lower-cased first, as Helm does); {@code test-success}
   * is Helm's legacy alias for {@link #TEST}. Unknown names give empty.
   */
  public static Optional<HookEvent> fromAnnotation(String s) {
    String v = s.trim().toLowerCase(Locale.ROOT);
    if (v.equals("test-success")) {
      return Optional.of(TEST);
    }
    for (HookEvent e : values()) {
      if (e.wireName.equals(v)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
