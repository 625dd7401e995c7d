package dev.capstan.diff;

import dev.capstan.CapstanException;
import dev.capstan.internal.yaml.Yaml;
import dev.capstan.internal.yaml.YamlWriter;
import dev.capstan.render.Manifest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares two states of a release, resource by resource: what {@code helm diff upgrade} shows
 * before an upgrade or a rollback changes anything.
 *
 * <p>The states are given as objects, the maps of YAML or JSON trees (manifests read with a YAML
 * parser, or live objects from the API server, which come in the same shape), or as release
 * manifest texts. Nothing is read from a cluster. Objects are matched by API group, kind,
 * namespace and name, as Helm matches them; the version is not part of the match. Each object is
 * printed as YAML with its keys sorted, as Helm prints values, so key order and number forms do not
 * cause differences, and equal objects always print the same text.
 *
 * <pre>{@code
 * ReleaseDiff diff = ManifestDiff.compare(deployed.manifest(), rendered.manifestText(),
 *     DiffOptions.builder().namespace("production").build());
 * if (diff.hasChanges()) {
 *   System.out.print(diff.report());
 * }
 * }</pre>
 */
public final class ManifestDiff {
  private ManifestDiff() {}

  /**
   * Compares two lists of objects: {@code from}, the current state (a release's objects or the
   * live objects), with {@code to}, the state an upgrade or rollback would leave. The given maps
   * are not changed.
   *
   * <p>An object whose kind ends in {@code List} and that has an {@code items} list stands for its
   * items, as for {@code kubectl}.
   *
   * @return one resource diff per resource of either side, in Helm's install order by kind, then
   *     by namespace and name
   * @throws DiffException when an object has no {@code apiVersion}, {@code kind} or
   *     {@code metadata.name}, two objects on one side have the same identity, or a value has no
   *     YAML form; the message names the side and the document (1-based)
   */
  public static ReleaseDiff compare(List<? extends Map<String, ?>> from,
      List<? extends Map<String, ?>> to, DiffOptions options) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(options, "options");
    return compareDocs(documents("from", from), documents("to", to), options);
  }

  /**
   * Compares two release manifest texts, the form Helm stores in {@code release.manifest}
   * ({@code ---\n# Source: <path>\n<content>\n} blocks), keeping each document's source path.
   * Documents are split as Helm splits them; empty ones (only comments) are skipped. See
   * {@link #compare(List, List, DiffOptions)}.
   *
   * @param fromManifest the current release's manifest
   * @param toManifest the manifest an upgrade or rollback would install
   * @throws DiffException when a document is not valid YAML or not an object, or for the reasons
   *     of {@link #compare(List, List, DiffOptions)}; the message names the source path
   */
  public static ReleaseDiff compare(String fromManifest, String toManifest, DiffOptions options) {
    Objects.requireNonNull(fromManifest, "fromManifest");
    Objects.requireNonNull(toManifest, "toManifest");
    Objects.requireNonNull(options, "options");
    return compareDocs(documents("from", fromManifest), documents("to", toManifest), options);
  }

  /** One input document: the side, its 1-based number, its source path or {@code ""}, the tree. */
  private record Document(String side, int number, String source, Map<?, ?> object) {
    String label() {
      String doc = "document " + number;
      return side + " " + (source.isEmpty() ? doc : source + " (" + doc + ")");
    }
  }

  /** A matched object, normalised: its identity and the tree to print. */
  private record Entry(String apiVersion, String kind, String namespace, String name,
      String source, String label, Map<String, Object> tree) {}

  private static List<Document> documents(String side, List<? extends Map<String, ?>> objects) {
    List<Document> out = new ArrayList<>(objects.size());
    int number = 0;
    for (Map<String, ?> o : objects) {
      number++;
      if (o == null) {
        throw new DiffException(side + " document " + number + " is null");
      }
      out.add(new Document(side, number, "", o));
    }
    return out;
  }

  private static List<Document> documents(String side, String manifestText) {
    List<Manifest> manifests;
    try {
      manifests = Manifest.fromManifestText(manifestText);
    } catch (CapstanException e) {
      throw new DiffException(side + " manifest: " + e.getMessage(), e);
    }
    List<Document> out = new ArrayList<>(manifests.size());
    int number = 0;
    for (Manifest m : manifests) {
      number++;
      Document doc = new Document(side, number, m.path(), Map.of());
      Object tree;
      try {
        tree = Yaml.load(m.content(), m.path().isEmpty() ? doc.label() : m.path());
      } catch (CapstanException e) {
        throw new DiffException(side + " manifest: " + e.getMessage(), e);
      }
      if (tree == null) {
        continue;
      }
      if (!(tree instanceof Map<?, ?> map)) {
        throw new DiffException(doc.label() + " is not a Kubernetes object but "
            + (tree instanceof List ? "a list" : "the scalar " + tree));
      }
      out.add(new Document(side, number, m.path(), map));
    }
    return out;
  }

  private static ReleaseDiff compareDocs(List<Document> fromDocs, List<Document> toDocs,
      DiffOptions options) {
    Map<ObjectKey, Entry> from = index(fromDocs, options);
    Map<ObjectKey, Entry> to = index(toDocs, options);
    TreeSet<ObjectKey> keys = new TreeSet<>(ObjectKey.ORDER);
    keys.addAll(from.keySet());
    keys.addAll(to.keySet());
    List<ResourceDiff> out = new ArrayList<>(keys.size());
    for (ObjectKey key : keys) {
      out.add(resource(from.get(key), to.get(key), options));
    }
    return new ReleaseDiff(out);
  }

  private static ResourceDiff resource(Entry from, Entry to, DiffOptions options) {
    Entry id = to != null ? to : from;
    if (!options.showSecrets() && SecretRedactor.isSecret(id.apiVersion(), id.kind())) {
      SecretRedactor.redact(from == null ? null : from.tree(), to == null ? null : to.tree());
    }
    String fromYaml = from == null ? "" : yaml(from);
    String toYaml = to == null ? "" : yaml(to);
    Change change;
    if (from == null) {
      change = Change.ADDED;
    } else if (to == null) {
      change = Change.REMOVED;
    } else {
      change = fromYaml.equals(toYaml) ? Change.UNCHANGED : Change.CHANGED;
    }
    String source = to != null && !to.source().isEmpty() ? to.source()
        : from != null ? from.source() : "";
    return new ResourceDiff(id.apiVersion(), id.kind(), id.namespace(), id.name(), change, source,
        fromYaml, toYaml, UnifiedDiff.hunks(fromYaml, toYaml, options.contextLines()));
  }

  private static String yaml(Entry e) {
    try {
      return YamlWriter.write(e.tree());
    } catch (IllegalArgumentException ex) {
      throw new DiffException(e.label() + ": cannot be written as YAML: " + ex.getMessage(), ex);
    }
  }

  private static Map<ObjectKey, Entry> index(List<Document> docs, DiffOptions options) {
    Map<ObjectKey, Entry> out = new HashMap<>();
    for (Document doc : docs) {
      if (isList(doc.object())) {
        List<?> items = (List<?>) doc.object().get("items");
        for (int i = 0; i < items.size(); i++) {
          String label = doc.label() + ", item " + (i + 1);
          if (!(items.get(i) instanceof Map<?, ?> item)) {
            throw new DiffException(label + " is not a Kubernetes object");
          }
          add(out, item, doc.source(), label, options);
        }
      } else {
        add(out, doc.object(), doc.source(), doc.label(), options);
      }
    }
    return out;
  }

  private static boolean isList(Map<?, ?> object) {
    return object.get("kind") instanceof String kind && kind.endsWith("List")
        && object.get("items") instanceof List;
  }

  private static void add(Map<ObjectKey, Entry> out, Map<?, ?> object, String source,
      String label, DiffOptions options) {
    String apiVersion = text(object.get("apiVersion"), label, "apiVersion");
    String kind = text(object.get("kind"), label, "kind");
    Object md = object.get("metadata");
    if (md != null && !(md instanceof Map)) {
      throw new DiffException(label + ": metadata must be a map");
    }
    Map<?, ?> metadata = md == null ? Map.of() : (Map<?, ?>) md;
    String name = text(metadata.get("name"), label, "metadata.name");
    Object ns = metadata.get("namespace");
    if (ns != null && !(ns instanceof String)) {
      throw new DiffException(label + ": metadata.namespace must be a string");
    }
    String namespace = options.namespaceOf(apiVersion, kind, ns == null ? "" : (String) ns);
    ObjectKey key = new ObjectKey(ObjectKey.groupOf(apiVersion), kind, namespace, name);
    Map<String, Object> tree = Normalizer.normalize(object, options, label,
        SecretRedactor.isSecret(apiVersion, kind));
    Entry entry = new Entry(apiVersion, kind, namespace, name, source, label, tree);
    Entry earlier = out.putIfAbsent(key, entry);
    if (earlier != null) {
      throw new DiffException(label + " and " + earlier.label() + " are the same resource: "
          + ObjectKey.title(apiVersion, kind, namespace, name));
    }
  }

  private static String text(Object v, String label, String field) {
    if (v == null || "".equals(v)) {
      throw new DiffException(label + " has no " + field
          + " (a resource needs an apiVersion, a kind and a metadata.name)");
    }
    if (!(v instanceof String s)) {
      throw new DiffException(label + ": " + field + " must be a string, not " + v);
    }
    return s;
  }
}
