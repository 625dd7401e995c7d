package dev.capstan.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A {@link ReleaseDriver} that keeps records in memory, like Helm's memory driver (spec §2.6): a map
 * of namespace to key to record, listing one namespace or all of them.
 *
 * <p>Records are immutable, so unlike Helm's driver nothing is shared with the caller, and
 * {@link #query} matches custom labels too (Helm's memory driver ignores them; its Secret and
 * ConfigMap drivers do not). Every write
 * gets a new resource version from a per-driver counter. All methods are atomic (one lock), so
 * concurrent creates of one key have exactly one winner. Thread-safe.
 */
public final class MemoryDriver implements ReleaseDriver {
  private final Object lock = new Object();
  private final Map<String, Map<String, StoredRelease>> byNamespace = new HashMap<>();
  /** Namespace to {@code name} label to keys: lets a query for one release skip the others. */
  private final Map<String, Map<String, Set<String>>> byName = new HashMap<>();
  private long versionCounter;

  /** Creates an empty driver. */
  public MemoryDriver() {}

  @Override
  public String name() {
    return "Memory";
  }

  @Override
  public StoredRelease create(StoredRelease record) {
    Objects.requireNonNull(record, "record");
    synchronized (lock) {
      Map<String, StoredRelease> ns = byNamespace.computeIfAbsent(record.namespace(),
          n -> new TreeMap<>());
      if (ns.containsKey(record.key())) {
        throw new ReleaseExistsException(record.namespace(), record.key());
      }
      StoredRelease stored = normalise(record);
      ns.put(record.key(), stored);
      index(stored);
      return stored;
    }
  }

  @Override
  public StoredRelease update(StoredRelease record) {
    Objects.requireNonNull(record, "record");
    synchronized (lock) {
      StoredRelease current = find(record.namespace(), record.key());
      if (record.resourceVersion() != null
          && !record.resourceVersion().equals(current.resourceVersion())) {
        throw new ReleaseConflictException(record.namespace(), record.key(),
            record.resourceVersion(), current.resourceVersion());
      }
      StoredRelease stored = normalise(record);
      byNamespace.get(record.namespace()).put(record.key(), stored);
      unindex(current);
      index(stored);
      return stored;
    }
  }

  @Override
  public StoredRelease delete(String namespace, String key) {
    synchronized (lock) {
      StoredRelease current = find(namespace, key);
      byNamespace.get(namespace).remove(key);
      unindex(current);
      return current;
    }
  }

  @Override
  public StoredRelease get(String namespace, String key) {
    synchronized (lock) {
      return find(namespace, key);
    }
  }

  @Override
  public ReleaseListing list(String namespace, Predicate<StoredRelease> filter) {
    Objects.requireNonNull(filter, "filter");
    List<StoredRelease> out = new ArrayList<>();
    for (StoredRelease r : snapshot(namespace)) {
      if (HelmLabels.OWNER_HELM.equals(r.labels().get(HelmLabels.OWNER)) && filter.test(r)) {
        out.add(r);
      }
    }
    return new ReleaseListing(out, List.of());
  }

  @Override
  public ReleaseListing query(String namespace, Map<String, String> labels) {
    Objects.requireNonNull(labels, "labels");
    List<StoredRelease> out = new ArrayList<>();
    String name = labels.get(HelmLabels.NAME);
    for (StoredRelease r : name == null ? snapshot(namespace) : snapshotOf(namespace, name)) {
      if (r.labels().entrySet().containsAll(labels.entrySet())) {
        out.add(r);
      }
    }
    return new ReleaseListing(out, List.of());
  }

  private List<StoredRelease> snapshot(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    synchronized (lock) {
      List<StoredRelease> all = new ArrayList<>();
      if (namespace.isEmpty()) {
        byNamespace.values().forEach(m -> all.addAll(m.values()));
      } else {
        all.addAll(byNamespace.getOrDefault(namespace, Map.of()).values());
      }
      return all;
    }
  }

  /** The records of {@code namespace} ({@code ""} = all) whose {@code name} label is {@code name}. */
  private List<StoredRelease> snapshotOf(String namespace, String name) {
    Objects.requireNonNull(namespace, "namespace");
    synchronized (lock) {
      List<StoredRelease> out = new ArrayList<>();
      for (Map.Entry<String, Map<String, Set<String>>> ns : byName.entrySet()) {
        if (namespace.isEmpty() || namespace.equals(ns.getKey())) {
          Map<String, StoredRelease> records = byNamespace.get(ns.getKey());
          for (String key : ns.getValue().getOrDefault(name, Set.of())) {
            out.add(records.get(key));
          }
        }
      }
      return out;
    }
  }

  private void index(StoredRelease r) {
    String name = r.labels().get(HelmLabels.NAME);
    if (name != null) {
      byName.computeIfAbsent(r.namespace(), n -> new HashMap<>())
          .computeIfAbsent(name, n -> new TreeSet<>()).add(r.key());
    }
  }

  private void unindex(StoredRelease r) {
    String name = r.labels().get(HelmLabels.NAME);
    Map<String, Set<String>> ns = byName.get(r.namespace());
    if (name != null && ns != null && ns.containsKey(name)) {
      ns.get(name).remove(r.key());
      if (ns.get(name).isEmpty()) {
        ns.remove(name);
      }
    }
  }

  private StoredRelease find(String namespace, String key) {
    StoredRelease r = byNamespace.getOrDefault(namespace, Map.of()).get(key);
    if (r == null) {
      throw new ReleaseNotFoundException(key + " in namespace " + namespace);
    }
    return r;
  }

  /** Gives the record a fresh version and makes its release labels the custom object labels. */
  private StoredRelease normalise(StoredRelease record) {
    versionCounter++;
    return new StoredRelease(record.namespace(), record.key(), record.labels(),
        record.release().withLabels(HelmLabels.customOf(record.labels())),
        Long.toString(versionCounter), record.annotations());
  }
}
