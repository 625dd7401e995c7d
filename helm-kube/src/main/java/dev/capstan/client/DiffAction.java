package dev.capstan.client;

import dev.capstan.diff.DiffOptions;
import dev.capstan.diff.ManifestDiff;
import dev.capstan.diff.ReleaseDiff;
import dev.capstan.kube.Ownership;
import dev.capstan.kube.ResourceRef;
import dev.capstan.release.Release;
import dev.capstan.storage.NoDeployedReleasesException;
import dev.capstan.storage.ReleaseStorage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The comparisons behind {@link ReleaseClient#diff}. */
final class DiffAction {
  private DiffAction() {}

  static UpgradeDiff diff(Lifecycle life, String name, Release wouldBe, DiffOptions options) {
    String ns = wouldBe.namespace();
    ReleaseStorage storage = life.storage(ns, Optional.empty());
    Release current;
    try {
      current = storage.deployed(name);
    } catch (NoDeployedReleasesException none) {
      current = storage.last(name);
    }
    DiffOptions scoped = options.toBuilder().namespace(ns)
        .namespacedKinds(life.cluster()::isNamespaced).build();
    ReleaseDiff againstRelease = ManifestDiff.compare(current.manifest(), wouldBe.manifest(),
        scoped);

    List<Map<String, Object>> target = new ArrayList<>();
    Set<ResourceRef> targetRefs = new HashSet<>();
    for (Map<String, Object> o : life.objects(wouldBe.manifest(), ns, "release " + name)) {
      target.add(Ownership.withOwnership(o, name, ns));
      targetRefs.add(ResourceRef.of(o));
    }
    List<Map<String, Object>> live = new ArrayList<>();
    for (Map<String, Object> o : target) {
      life.cluster().get(ResourceRef.of(o)).ifPresent(live::add);
    }
    for (Map<String, Object> o : life.objects(current.manifest(), ns, "revision "
        + current.version())) {
      ResourceRef ref = ResourceRef.of(o);
      if (!targetRefs.contains(ref)) {
        life.cluster().get(ref).ifPresent(live::add);
      }
    }
    ReleaseDiff againstLive = ManifestDiff.compare(live, target,
        scoped.toBuilder().normalizeLive(true).build());
    return new UpgradeDiff(current, wouldBe, againstRelease, againstLive);
  }
}
