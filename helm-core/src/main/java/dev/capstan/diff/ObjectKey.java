package dev.capstan.diff;

import dev.capstan.render.KindSortOrder;
import java.util.Comparator;

/**
 * How Helm matches an object of one release with one of another: API group, kind, namespace and
 * name, the version within the group left out.
 */
record ObjectKey(String group, String kind, String namespace, String name) {
  /** Helm's install order by kind, then namespace, name and group. */
  static final Comparator<ObjectKey> ORDER = Comparator
      .comparing(ObjectKey::kind, KindSortOrder.INSTALL.comparator())
      .thenComparing(ObjectKey::namespace)
      .thenComparing(ObjectKey::name)
      .thenComparing(ObjectKey::group);

  /** The group of {@code apiVersion}: the part before the last {@code /}, {@code ""} for core. */
  static String groupOf(String apiVersion) {
    int slash = apiVersion.lastIndexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /**
   * The object as helm-diff names it: {@code <namespace>, <name>, <Kind> (<group>)}, where the
   * core group shows as its {@code apiVersion} ({@code v1}).
   */
  static String title(String apiVersion, String kind, String namespace, String name) {
    String group = groupOf(apiVersion);
    return namespace + ", " + name + ", " + kind + " (" + (group.isEmpty() ? apiVersion : group)
        + ")";
  }
}
