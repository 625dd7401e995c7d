package dev.capstan.client;

import dev.capstan.diff.ReleaseDiff;
import dev.capstan.release.Release;
import java.util.Objects;

/**
 * What an upgrade would change, before it changes anything: the library form of {@code helm diff
 * upgrade}. Secrets' values are redacted unless the diff options showed them.
 *
 * @param current the revision the upgrade would start from
 * @param wouldBe the revision the upgrade would record (a server-side dry run's result)
 * @param againstRelease per resource, the new manifest against the current revision's manifest
 * @param againstLive per resource, the new objects (with Helm's ownership metadata) against the
 *     live objects, with what the API server adds ignored; objects of the current revision that
 *     the new one drops show as removed when they still exist
 */
public record UpgradeDiff(Release current, Release wouldBe, ReleaseDiff againstRelease,
    ReleaseDiff againstLive) {
  /** Checks the parts. */
  public UpgradeDiff {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(wouldBe, "wouldBe");
    Objects.requireNonNull(againstRelease, "againstRelease");
    Objects.requireNonNull(againstLive, "againstLive");
  }

  /** Whether the upgrade would change anything in the cluster. */
  public boolean hasChanges() {
    return againstLive.hasChanges();
  }
}
