package dev.capstan.render;

import dev.capstan.internal.yaml.Yaml;
import dev.capstan.internal.yaml.YamlException;
import dev.capstan.release.Hook;
import dev.capstan.release.HookEvent;
import dev.capstan.release.HookExecution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits rendered templates into documents and sorts them into hooks and manifests as Helm's
 * {@code SortManifests} does (§5.1, §6).
 */
final class ManifestSorter {
  private static final Logger LOG = LoggerFactory.getLogger(ManifestSorter.class);

  /** Helm's document separator: {@code (?:^|\s*\n)---\s*}. */

  static final String HOOK_ANNOTATION = "helm.sh/hook";
  static final String HOOK_WEIGHT_ANNOTATION = "helm.sh/hook-weight";
  static final String HOOK_DELETE_ANNOTATION = "helm.sh/hook-delete-policy";
  static final String HOOK_OUTPUT_LOG_ANNOTATION = "helm.sh/hook-output-log-policy";

  private ManifestSorter() {}

  /**
   * Sorts rendered files (path to content). Files are taken in path order; partials ({@code _}
   * basenames) and blank files are skipped; each file is split into trimmed documents; hooks with
   * an unknown event are dropped (logged); both lists are then stable-sorted by kind.
   *
   * @throws RenderException when a document is not valid YAML or its head has the wrong types
   */
  static SortedManifests sort(Map<String, String> files, KindSortOrder order) {
    List<Hook> hooks = new ArrayList<>();
    List<Manifest> manifests = new ArrayList<>();
    for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
      String path = file.getKey();
      String content = file.getValue();
      if (basename(path).startsWith("_") || content.isBlank()) {
        continue;
      }
      for (String doc : split(content)) {
        classify(path, doc, hooks, manifests);
      }
    }
    Comparator<String> kinds = order.comparator();
    hooks.sort(Comparator.comparing(Hook::kind, kinds));
    manifests.sort(Comparator.comparing(Manifest::kind, kinds));
    return new SortedManifests(hooks, manifests);
  }

  /** Splits a file into its non-blank documents, each trimmed, in order. */
  static List<String> split(String content) {
    // The regex (?:^|\s*\n)---\s* by hand: a separator is "---" at the start or right after a
    // new line that an earlier separator did not consume, with the white space after it. The
    // white space before it ends up at the end of the previous piece, which is stripped.
    List<String> docs = new ArrayList<>();
    int start = 0;
    int consumed = 0;
    int n = content.length();
    int p = 0;
    while (p <= n - 3) {
      if (content.startsWith("---", p)
          && (p == 0 || (content.charAt(p - 1) == '\n' && p - 1 >= consumed))) {
        addPiece(docs, content, start, p);
        int end = p + 3;
        while (end < n && isGoSpace(content.charAt(end))) {
          end++;
        }
        start = end;
        consumed = end;
        p = end;
      } else {
        int next = content.indexOf("---", p + 1);
        if (next < 0) {
          break;
        }
        p = next;
      }
    }
    addPiece(docs, content, start, n);
    return docs;
  }

  /** The prefix of the comment line that names a document's template in a release manifest. */
  static final String SOURCE_PREFIX = "# Source: ";

  /**
   * Reads a release's manifest text ({@code ---\n# Source: <path>\n<content>\n} blocks) back
   * into its documents, in order: each document's path comes from its {@code # Source:} line
   * ({@code ""} without one), its content is the rest, trimmed. Blank documents are skipped.
   *
   * @throws RenderException when a document is not valid YAML or its head has the wrong types
   */
  static List<Manifest> documents(String manifestText) {
    List<Manifest> out = new ArrayList<>();
    for (String doc : split(manifestText)) {
      String path = "";
      String content = doc;
      if (doc.startsWith(SOURCE_PREFIX)) {
        int eol = doc.indexOf('\n');
        path = (eol < 0 ? doc.substring(SOURCE_PREFIX.length())
            : doc.substring(SOURCE_PREFIX.length(), eol)).strip();
        content = eol < 0 ? "" : doc.substring(eol + 1).strip();
      }
      if (content.isEmpty()) {
        continue;
      }
      Head head = Head.parse(path.isEmpty() ? "<manifest>" : path, content);
      out.add(new Manifest(path, content, head.apiVersion, head.kind, head.name));
    }
    return out;
  }

  private static void addPiece(List<String> docs, String content, int from, int to) {
    String piece = content.substring(from, to);
    if (!piece.isBlank()) {
      docs.add(piece.strip());
    }
  }

  /** RE2's {@code \s}: space, tab, new line, form feed, carriage return. */
  private static boolean isGoSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static void classify(String path, String doc, List<Hook> hooks, List<Manifest> out) {
    Head head = Head.parse(path, doc);
    String hookEvents = head.annotations.get(HOOK_ANNOTATION);
    if (hookEvents == null) {
      out.add(new Manifest(path, doc, head.apiVersion, head.kind, head.name));
      return;
    }
    List<HookEvent> events = new ArrayList<>();
    for (String e : hookEvents.split(",", -1)) {
      var event = HookEvent.fromAnnotation(e);
      if (event.isEmpty()) {
        LOG.info("skipping unknown hook: \"{}\" in {}", hookEvents, path);
        return;
      }
      events.add(event.get());
    }
    hooks.add(new Hook(head.name, head.kind, path, doc, events, weight(head),
        listAnnotation(head, HOOK_DELETE_ANNOTATION),
        listAnnotation(head, HOOK_OUTPUT_LOG_ANNOTATION), HookExecution.never()));
  }

  private static int weight(Head head) {
    String w = head.annotations.get(HOOK_WEIGHT_ANNOTATION);
    if (w == null) {
      return 0;
    }
    try {
      return Integer.parseInt(w.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<String> listAnnotation(Head head, String annotation) {
    String v = head.annotations.get(annotation);
    List<String> out = new ArrayList<>();
    if (v != null) {
      for (String p : v.split(",", -1)) {
        out.add(p.strip().toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static String basename(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The parts of a document's head that sorting needs, as Helm's {@code SimpleHead}. */
  /** The head as the full YAML parser reads it, for tests of the fast path. */
  static List<Object> fullHead(String path, String doc) {
    Head h = Head.parseFully(path, doc);
    return List.of(h.apiVersion, h.kind, h.name, h.annotations);
  }

  private record Head(String apiVersion, String kind, String name, Map<String, String> annotations) {
    static Head parse(String path, String doc) {
      ManifestHeadScanner.Head fast = ManifestHeadScanner.scan(doc);
      if (fast != null) {
        return new Head(fast.apiVersion(), fast.kind(), fast.name(), fast.annotations());
      }
      return parseFully(path, doc);
    }

    static Head parseFully(String path, String doc) {
      Object parsed;
      try {
        parsed = Yaml.load(doc, path);
      } catch (YamlException e) {
        throw new RenderException("YAML parse error on " + path + ": line " + e.line() + ": "
            + e.problem(), e);
      }
      if (parsed == null) {
        return new Head("", "", "", Map.of());
      }
      if (!(parsed instanceof Map<?, ?> root)) {
        throw new RenderException("YAML parse error on " + path
            + ": a document must be a map, not " + describe(parsed));
      }
      String apiVersion = string(path, root.get("apiVersion"), "apiVersion");
      String kind = string(path, root.get("kind"), "kind");
      String name = "";
      Map<String, String> annotations = Map.of();
      Object metadata = root.get("metadata");
      if (metadata instanceof Map<?, ?> md) {
        name = string(path, md.get("name"), "metadata.name");
        if (md.get("annotations") instanceof Map<?, ?> ann) {
          Map<String, String> a = new TreeMap<>();
          for (Map.Entry<?, ?> e : ann.entrySet()) {
            a.put((String) e.getKey(),
                string(path, e.getValue(), "metadata.annotations." + e.getKey()));
          }
          annotations = a;
        } else if (md.get("annotations") != null) {
          throw new RenderException("YAML parse error on " + path
              + ": metadata.annotations must be a map of strings, not "
              + describe(md.get("annotations")));
        }
      } else if (metadata != null) {
        throw new RenderException("YAML parse error on " + path
            + ": metadata must be a map, not " + describe(metadata));
      }
      return new Head(apiVersion, kind, name, annotations);
    }

    private static String string(String path, Object v, String field) {
      if (v == null) {
        return "";
      }
      if (v instanceof String s) {
        return s;
      }
      throw new RenderException("YAML parse error on " + path + ": " + field
          + " must be a string, not " + describe(v) + " (quote it in the template)");
    }

    private static String describe(Object v) {
      if (v instanceof Map) {
        return "a map";
      }
      if (v instanceof List) {
        return "a list";
      }
      return "the " + v.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + v;
    }
  }
}
