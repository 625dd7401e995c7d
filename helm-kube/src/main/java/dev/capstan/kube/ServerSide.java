package dev.capstan.kube;

import dev.capstan.release.ApplyMethod;
import java.util.Locale;
import java.util.Optional;

/**
 * Helm 4's {@code --server-side} choice (§5.10), and the apply method it leads to: an install
 * applies server-side unless told otherwise; an upgrade or rollback with {@link #AUTO} follows the
 * method recorded in the release it starts from (for a rollback, the target revision), so releases
 * written by Helm 3, which record none, stay client-side.
 */
public enum ServerSide {
  /** {@code --server-side=true}: server-side apply. */
  TRUE,
  /** {@code --server-side=false}: client-side apply. */
  FALSE,
  /** {@code --server-side=auto}: as the release before (the default of upgrade and rollback). */
  AUTO;

  /**
   * Parses Helm's flag value ({@code true}, {@code false} or {@code auto}, any case).
   *
   * @throws IllegalArgumentException naming the value otherwise
   */
  public static ServerSide fromFlag(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> TRUE;
      case "false" -> FALSE;
      case "auto" -> AUTO;
      default -> throw new IllegalArgumentException("invalid server-side value \"" + value
          + "\": must be true, false or auto");
    };
  }

  /** The method of an install: server-side unless {@link #FALSE}. */
  public ApplyMethod forInstall() {
    return this == FALSE ? ApplyMethod.CLIENT_SIDE : ApplyMethod.SERVER_SIDE;
  }

  /**
   * The method of an upgrade or rollback from a release recorded with {@code previous} (empty:
   * recorded without a method, as Helm 3 does).
   */
  public ApplyMethod forUpgrade(Optional<ApplyMethod> previous) {
    return switch (this) {
      case TRUE -> ApplyMethod.SERVER_SIDE;
      case FALSE -> ApplyMethod.CLIENT_SIDE;
      case AUTO -> previous.orElse(ApplyMethod.CLIENT_SIDE);
    };
  }

  /**
   * The applier strategy for {@code method} with Helm 4's force flags.
   *
   * @param forceReplace {@code --force-replace}: replace (PUT) existing objects; client-side only
   * @param forceConflicts {@code --force-conflicts}: take over fields of other managers;
   *     server-side only
   * @throws IllegalArgumentException when the flags do not fit the method or each other, with
   *     Helm's text where Helm has one
   */
  public static ResourceApplier.Strategy strategy(ApplyMethod method, boolean forceReplace,
      boolean forceConflicts) {
    if (forceReplace && forceConflicts) {
      throw new IllegalArgumentException(
          "invalid options: force-replace and force-conflicts are mutually exclusive");
    }
    if (method == ApplyMethod.SERVER_SIDE) {
      if (forceReplace) {
        throw new IllegalArgumentException(
            "cannot use server-side apply and force replace together");
      }
      return forceConflicts ? ResourceApplier.Strategy.SERVER_SIDE_FORCE_CONFLICTS
          : ResourceApplier.Strategy.SERVER_SIDE;
    }
    if (forceConflicts) {
      throw new IllegalArgumentException("force-conflicts needs server-side apply");
    }
    return forceReplace ? ResourceApplier.Strategy.REPLACE
        : ResourceApplier.Strategy.THREE_WAY_PATCH;
  }
}
