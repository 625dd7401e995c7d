package dev.capstan.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * What an upgrade or rollback would change in a release: one {@link ResourceDiff} per resource
 * of either state, in Helm's install order by kind, then by namespace and name.
 */
public final class ReleaseDiff {
  private final List<ResourceDiff> resources;

  ReleaseDiff(List<ResourceDiff> resources) {
    this.resources = List.copyOf(resources);
  }

  /** Every resource, unchanged ones included, in order. */
  public List<ResourceDiff> resources() {
    return resources;
  }

  /** The resources only in the new state, in order. */
  public List<ResourceDiff> added() {
    return only(Change.ADDED);
  }

  /** The resources only in the old state, in order. */
  public List<ResourceDiff> removed() {
    return only(Change.REMOVED);
  }

  /** The resources in both states whose text differs, in order. */
  public List<ResourceDiff> changed() {
    return only(Change.CHANGED);
  }

  /** The resources in both states with the same text, in order. */
  public List<ResourceDiff> unchanged() {
    return only(Change.UNCHANGED);
  }

  /** Whether any resource is added, removed or changed. */
  public boolean hasChanges() {
    for (ResourceDiff r : resources) {
      if (r.change() != Change.UNCHANGED) {
        return true;
      }
    }
    return false;
  }

  /**
   * The report helm-diff prints: for each added, removed or changed resource, in order, a line
   * {@code <namespace>, <name>, <Kind> (<group>) has changed:} ({@code has been added:},
   * {@code has been removed:}) followed by its hunks. Unchanged resources are left out; with no
   * changes the report is {@code ""}.
   */
  public String report() {
    StringBuilder out = new StringBuilder();
    for (ResourceDiff r : resources) {
      if (r.change() != Change.UNCHANGED) {
        out.append(r.title()).append(' ').append(r.change().phrase()).append(":\n")
            .append(r.hunks());
      }
    }
    return out.toString();
  }

  private List<ResourceDiff> only(Change change) {
    List<ResourceDiff> out = new ArrayList<>();
    for (ResourceDiff r : resources) {
      if (r.change() == change) {
        out.add(r);
      }
    }
    return List.copyOf(out);
  }

  /** Two release diffs are equal when their resources are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ReleaseDiff d && resources.equals(d.resources);
  }

  /** A hash of the resources. */
  @Override
  public int hashCode() {
    return resources.hashCode();
  }

  /** A count per change, such as {@code ReleaseDiff[added=1, removed=0, changed=2, unchanged=3]}. */
  @Override
  public String toString() {
    return "ReleaseDiff[added=" + added().size() + ", removed=" + removed().size() + ", changed="
        + changed().size() + ", unchanged=" + unchanged().size() + "]";
  }
}
