package dev.capstan.testkit.cluster;

import java.util.Comparator;

/**
 * Where an object is stored: its API group, kind, namespace ({@code ""} when cluster-scoped) and
 * name, whatever version it was written at. Ordered so that the objects of a kind are contiguous
 * and sorted by namespace, then name.
 */
record ObjectKey(String group, String kind, String namespace, String name)
    implements Comparable<ObjectKey> {
  private static final Comparator<ObjectKey> ORDER = Comparator.comparing(ObjectKey::group)
      .thenComparing(ObjectKey::kind)
      .thenComparing(ObjectKey::namespace)
      .thenComparing(ObjectKey::name);

  /** The first key of a kind, for range scans. */
  static ObjectKey first(String group, String kind) {
    return new ObjectKey(group, kind, "", "");
  }

  /** The first key after every key of a kind. */
  static ObjectKey afterLast(String group, String kind) {
    return new ObjectKey(group, kind + "\0", "", "");
  }

  @Override
  public int compareTo(ObjectKey o) {
    return ORDER.compare(this, o);
  }
}
