package dev.capstan.storage;

import dev.capstan.release.Release;
import dev.capstan.release.ReleaseInfo;
import dev.capstan.release.ReleaseStatus;
import dev.capstan.values.Values;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Small releases for storage tests. */
final class TestReleases {
  static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 6, ZoneOffset.UTC);

  private TestReleases() {}

  static Release release(String name, int revision, ReleaseStatus status) {
    return release(name, "default", revision, status);
  }

  static Release release(String name, String namespace, int revision, ReleaseStatus status) {
    return Release.of(name, namespace, revision,
        ReleaseInfo.of(T0, T0.plusSeconds(revision), "rev " + revision, status), null,
        Values.of(Map.of("replicaCount", 2.0)), "kind: ConfigMap\n", List.of());
  }
}
