package dev.capstan.release;

import java.util.Optional;

/**
 * How a release's resources were applied: Helm 4's {@code apply_method} field (spec §1.1). An absent
 * field means client-side apply.
 */
public enum ApplyMethod {
  /** {@code csa}: client-side apply. */
  CLIENT_SIDE("csa"),
  /** {@code ssa}: server-side apply. */
  SERVER_SIDE("ssa");

  private final String wireName;

  ApplyMethod(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the string Helm writes, {@code csa} or {@code ssa}. */
  public String wireName() {
    return wireName;
  }

  /** Returns the method whose wire string is exactly {@code s}, or empty. */
  public static Optional<ApplyMethod> fromWireName(String s) {
    for (ApplyMethod m : values()) {
      if (m.wireName.equals(s)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
