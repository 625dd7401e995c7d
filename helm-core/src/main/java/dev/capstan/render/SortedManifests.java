package dev.capstan.render;

import dev.capstan.release.Hook;
import java.util.List;

/**
 * Rendered documents split into hooks and release manifests, each list in Helm's kind order (§5.1).
 *
 * @param hooks the documents annotated with {@code helm.sh/hook}, sorted by kind
 * @param manifests the other documents, sorted by kind
 */
public record SortedManifests(List<Hook> hooks, List<Manifest> manifests) {
  /** Copies the lists. */
  public SortedManifests {
    hooks = List.copyOf(hooks);
    manifests = List.copyOf(manifests);
  }

  /**
   * The release's {@code manifest} text exactly as Helm builds it: for each manifest
   * {@code ---\n# Source: <path>\n<content>\n}, concatenated.
   */
  public String manifestText() {
    StringBuilder sb = new StringBuilder();
    for (Manifest m : manifests) {
      appendDocument(sb, m.path(), m.content());
    }
    return sb.toString();
  }

  /**
   * The manifests in Helm's uninstall order (§5.1): stable-sorted by kind in
   * {@link KindSortOrder#UNINSTALL}, so documents of one kind keep their order.
   */
  public List<Manifest> manifestsInUninstallOrder() {
    List<Manifest> out = new java.util.ArrayList<>(manifests);
    out.sort(java.util.Comparator.comparing(Manifest::kind, KindSortOrder.UNINSTALL.comparator()));
    return List.copyOf(out);
  }

  static void appendDocument(StringBuilder sb, String path, String content) {
    sb.append("---\n# Source: ").append(path).append('\n').append(content).append('\n');
  }
}
