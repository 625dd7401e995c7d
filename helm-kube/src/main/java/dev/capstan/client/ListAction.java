package dev.capstan.client;

import dev.capstan.release.Release;
import dev.capstan.release.ReleaseStatus;
import dev.capstan.storage.ReleaseStorage;
import dev.capstan.storage.StoredRelease;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Helm's list (§3.7). */
final class ListAction {
  private final Lifecycle life;

  ListAction(Lifecycle life) {
    this.life = life;
  }

  List<Release> run(String namespace, ListOptions o) {
    ReleaseStorage storage = life.storage(o.allNamespaces() ? "" : namespace, Optional.empty());
    List<StoredRelease> candidates = o.supersededOnly()
        ? storage.list(r -> true).releases() : storage.latest().releases();
    List<Release> out = new ArrayList<>();
    for (StoredRelease stored : candidates) {
      Release r = stored.release();
      ReleaseStatus status = r.info() == null ? null : r.info().status();
      if (status == null || !o.states().contains(status)) {
        continue;
      }
      if (o.filter().isPresent() && !o.filter().get().matcher(r.name()).find()) {
        continue;
      }
      if (!matches(stored.labels(), o.selector())) {
        continue;
      }
      out.add(r);
    }
    Comparator<Release> order = o.sort() == ListOptions.Sort.DATE
        ? Comparator.comparing(ListAction::deployedSeconds).thenComparing(Release::name)
        : Comparator.comparing(Release::name).thenComparing(Release::namespace);
    out.sort(o.reverse() ? order.reversed() : order);
    int from = Math.min(o.offset(), out.size());
    int to = o.max() == 0 ? out.size() : Math.min(out.size(), from + o.max());
    return List.copyOf(out.subList(from, to));
  }

  private static long deployedSeconds(Release r) {
    OffsetDateTime t = r.info() == null ? null : r.info().lastDeployed();
    return t == null ? 0 : t.toEpochSecond();
  }

  private static boolean matches(Map<String, String> labels, Map<String, String> selector) {
    for (Map.Entry<String, String> e : selector.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
