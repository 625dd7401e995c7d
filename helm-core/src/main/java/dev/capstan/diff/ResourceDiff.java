package dev.capstan.diff;

import java.util.Objects;
import java.util.Optional;

/**
 * What an upgrade or rollback does to one Kubernetes resource: its identity, the kind of
 * {@link Change}, its YAML text before and after (normalised and redacted as the
 * {@link DiffOptions} say) and the unified diff between them.
 *
 * <p>Resources are matched by API group, kind, namespace and name, as Helm matches them; the
 * version within the group is not part of the match, so {@code apps/v1beta1} and {@code apps/v1}
 * objects of one name are one resource, and the {@code apiVersion} line shows as a change.
 */
public final class ResourceDiff {
  /** The header name of the missing side of an added or removed resource. */
  static final String NO_FILE = "/dev/null";

  private final String apiVersion;
  private final String kind;
  private final String namespace;
  private final String name;
  private final Change change;
  private final String source;
  private final String fromYaml;
  private final String toYaml;
  private final String hunks;

  ResourceDiff(String apiVersion, String kind, String namespace, String name, Change change,
      String source, String fromYaml, String toYaml, String hunks) {
    this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.name = Objects.requireNonNull(name, "name");
    this.change = Objects.requireNonNull(change, "change");
    this.source = Objects.requireNonNull(source, "source");
    this.fromYaml = Objects.requireNonNull(fromYaml, "fromYaml");
    this.toYaml = Objects.requireNonNull(toYaml, "toYaml");
    this.hunks = Objects.requireNonNull(hunks, "hunks");
  }

  /** The {@code apiVersion} of the new object, or of the old one when it was removed. */
  public String apiVersion() {
    return apiVersion;
  }

  /** The API group, {@code ""} for the core group. */
  public String group() {
    return ObjectKey.groupOf(apiVersion);
  }

  /** The kind, such as {@code Deployment}. */
  public String kind() {
    return kind;
  }

  /**
   * The namespace: the object's own, or the {@linkplain DiffOptions#namespace() release
   * namespace} when it has none, or {@code ""}.
   */
  public String namespace() {
    return namespace;
  }

  /** The object's {@code metadata.name}. */
  public String name() {
    return name;
  }

  /** What happens to the resource. */
  public Change change() {
    return change;
  }

  /**
   * The template that produced the resource, from the manifest's {@code # Source:} line: the new
   * side's when known, else the old side's; empty for objects given as maps.
   */
  public Optional<String> source() {
    return source.isEmpty() ? Optional.empty() : Optional.of(source);
  }

  /** The old object as YAML, {@code ""} when the resource is added. */
  public String fromYaml() {
    return fromYaml;
  }

  /** The new object as YAML, {@code ""} when the resource is removed. */
  public String toYaml() {
    return toYaml;
  }

  /**
   * The resource as helm-diff names it: {@code <namespace>, <name>, <Kind> (<group>)}, the core
   * group shown as {@code v1}, as in {@code default, web, Deployment (apps)}.
   */
  public String title() {
    return ObjectKey.title(apiVersion, kind, namespace, name);
  }

  /**
   * The unified diff from {@link #fromYaml()} to {@link #toYaml()}: a {@code --- <title>} and a
   * {@code +++ <title>} line ({@code /dev/null} for the missing side of an added or removed
   * resource), then {@code @@ -a,b +c,d @@} hunks as GNU {@code diff -u} writes them. {@code ""}
   * when unchanged.
   */
  public String unifiedDiff() {
    if (hunks.isEmpty()) {
      return "";
    }
    String from = change == Change.ADDED ? NO_FILE : title();
    String to = change == Change.REMOVED ? NO_FILE : title();
    return "--- " + from + "\n+++ " + to + "\n" + hunks;
  }

  /** The hunks of {@link #unifiedDiff()} without its two header lines. */
  public String hunks() {
    return hunks;
  }

  /** Two resource diffs are equal when every part is. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceDiff r && apiVersion.equals(r.apiVersion) && kind.equals(r.kind)
        && namespace.equals(r.namespace) && name.equals(r.name) && change == r.change
        && source.equals(r.source) && fromYaml.equals(r.fromYaml) && toYaml.equals(r.toYaml)
        && hunks.equals(r.hunks);
  }

  /** A hash of the parts. */
  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, namespace, name, change, source, fromYaml, toYaml);
  }

  /** The title and the change, such as {@code default, web, Deployment (apps) has changed}. */
  @Override
  public String toString() {
    return title() + " " + change.phrase();
  }
}
