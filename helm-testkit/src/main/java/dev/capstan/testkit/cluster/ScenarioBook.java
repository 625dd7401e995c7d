package dev.capstan.testkit.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scenarios set on one cluster: per target (a kind and a name, every object of a kind, or an
 * image, each in one namespace or any), a behavior and log texts per container. Not
 * thread-safe; the cluster guards it with its lock.
 */
final class ScenarioBook {

  /** What a scenario can target. */
  enum TargetKind {
    DEPLOYMENT("apps", "Deployment"),
    STATEFUL_SET("apps", "StatefulSet"),
    DAEMON_SET("apps", "DaemonSet"),
    REPLICA_SET("apps", "ReplicaSet"),
    JOB("batch", "Job"),
    POD("", "Pod"),
    SERVICE("", "Service"),
    PERSISTENT_VOLUME_CLAIM("", "PersistentVolumeClaim"),
    IMAGE(null, "image");

    final String group;
    final String kind;

    TargetKind(String group, String kind) {
      this.group = group;
      this.kind = kind;
    }

    /** Whether the target runs pods, so that container scenarios apply. */
    boolean hasPods() {
      return this != SERVICE && this != PERSISTENT_VOLUME_CLAIM;
    }

    /** The target kind of objects of {@code group/kind}, or null. */
    static TargetKind of(String group, String kind) {
      for (TargetKind t : values()) {
        if (t.group != null && t.group.equals(group) && t.kind.equals(kind)) {
          return t;
        }
      }
      return null;
    }
  }

  /**
   * One target.
   *
   * @param kind what it targets
   * @param namespace its namespace, {@code ""} for any
   * @param name the object's name or the image, null for every object of the kind
   */
  record Target(TargetKind kind, String namespace, String name) {
    @Override
    public String toString() {
      String what = name == null ? "every " + kind.kind
          : kind == TargetKind.IMAGE ? "image " + name : kind.kind + " " + name;
      return what + (namespace.isEmpty() ? "" : " in namespace " + namespace);
    }
  }

  /** What is set for one target. */
  static final class Entry {
    Behavior behavior;
    /** Log text by container; {@code ""} stands for the target's default container. */
    final Map<String, String> logs = new LinkedHashMap<>();
  }

  private final Map<Target, Entry> entries = new LinkedHashMap<>();

  void setBehavior(Target target, Behavior behavior) {
    entries.computeIfAbsent(target, t -> new Entry()).behavior = behavior;
  }

  void setLog(Target target, String container, String text) {
    entries.computeIfAbsent(target, t -> new Entry()).logs.put(container, text);
  }

  void reset(Target target) {
    entries.remove(target);
  }

  void clear() {
    entries.clear();
  }

  /** The entry for the named object in {@code namespace}, else in any namespace; or null. */
  Entry named(TargetKind kind, String namespace, String name) {
    Entry e = entries.get(new Target(kind, namespace, name));
    return e != null ? e : entries.get(new Target(kind, "", name));
  }

  /** The entry for every object of the kind in {@code namespace}, else in any; or null. */
  Entry every(TargetKind kind, String namespace) {
    return named(kind, namespace, null);
  }
}
