package dev.capstan.internal.yaml;

import dev.capstan.internal.json.GoJson;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads YAML the way Helm does (Go's yaml.v2 through sigs.k8s.io/yaml), with limits so that hostile
 * input cannot exhaust memory or the stack.
 *
 * <p>Plain scalars resolve as yaml.v2 resolves them: {@code ~}, {@code null}, {@code Null},
 * {@code NULL} and the empty value are null; {@code y}, {@code yes}, {@code on}, {@code true} (and
 * their capitalised and upper-case forms) are true, {@code n}, {@code no}, {@code off},
 * {@code false} false; integers may be signed, hexadecimal ({@code 0x}), octal ({@code 0o} or a
 * leading {@code 0}), binary ({@code 0b}) and contain underscores; floats include exponents and
 * {@code .inf}/{@code -.inf}/{@code .nan}; timestamps stay strings. Quoted scalars are strings;
 * explicit tags ({@code !!str}, {@code !!int}, {@code !!float}, {@code !!bool}, {@code !!null},
 * {@code !!binary}) are honoured. Merge keys ({@code <<}) merge a map or a list of maps, in document
 * order, as yaml.v2 does. A repeated key keeps its last value. Map keys that are not strings are
 * converted as sigs.k8s.io/yaml converts them ({@code 1} becomes {@code "1"}, {@code true}
 * {@code "true"}, a float uses Go's 32-bit shortest formatting).
 *
 * <p>Values are {@link LinkedHashMap}{@code <String, Object>}, {@link ArrayList}, {@link String},
 * {@link Boolean}, {@link Long} (integers; beyond the long range {@link Double}), {@link Double}
 * and {@code null}.
 *
 * <p>Limits: a document of at most {@link #MAX_CODE_POINTS} code points, nesting at most
 * {@link #MAX_DEPTH} collections deep, and yaml.v2's alias-expansion budget (a "billion laughs"
 * document fails with {@code document contains excessive aliasing}).
 *
 * <p>Internal: not part of Capstan's API.
 */
public final class Yaml {
  private Yaml() {}

  /** The largest document read, in Unicode code points: 5 MiB, Helm's limit for one chart file. */
  public static final int MAX_CODE_POINTS = 5 * 1024 * 1024;

  /** The deepest nesting of maps and lists accepted. */
  public static final int MAX_DEPTH = 500;

  /**
   * Reads the first document of {@code text}: maps, lists, strings, booleans, numbers (Long/Double)
   * and null. An empty document is {@code null}.
   *
   * @param source the name used in error messages, such as {@code mychart/values.yaml}
   * @throws YamlException naming the source, line and column of the problem
   */
  public static Object load(String text, String source) {
    List<Object> docs = loadAll(text, source);
    return docs.isEmpty() ? null : docs.get(0);
  }

  /**
   * Reads every document of {@code text}, in order; see {@link #load(String, String)}.
   *
   * @throws YamlException naming the source, line and column of the problem
   */
  public static List<Object> loadAll(String text, String source) {
    return loadAll(text, source, MAX_CODE_POINTS);
  }

  /**
   * Reads the first document of {@code text} with a limit other than {@link #MAX_CODE_POINTS},
   * such as a repository index's; see {@link #load(String, String)}.
   */
  public static Object load(String text, String source, int maxCodePoints) {
    List<Object> docs = loadAll(text, source, maxCodePoints);
    return docs.isEmpty() ? null : docs.get(0);
  }

  private static List<Object> loadAll(String text, String source, int maxCodePoints) {
    String name = source == null ? "<yaml>" : source;
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints > maxCodePoints) {
      throw new YamlException(name, 0, 0, "document is " + codePoints
          + " code points long, more than the limit of " + maxCodePoints, null);
    }
    LoadSettings settings = LoadSettings.builder()
        .setLabel(name)
        .setCodePointLimit(Math.max(maxCodePoints, 1) + 1024)
        .setAllowDuplicateKeys(true)
        .build();
    String current = text;
    for (int fixes = 0; ; fixes++) {
      try {
        return parseAll(current, name, settings);
      } catch (MarkedYamlEngineException e) {
        String patched = fixes < MAX_TAB_FIXES ? separatingTabToSpace(current, e) : null;
        if (patched == null) {
          Mark mark = e.getProblemMark().orElse(e.getContextMark().orElse(null));
          int line = mark == null ? 0 : mark.getLine() + 1;
          int col = mark == null ? 0 : mark.getColumn() + 1;
          String problem = e.getProblem();
          if (e.getContext() != null && !e.getContext().isEmpty()) {
            problem = e.getContext() + ": " + problem;
          }
          throw new YamlException(name, line, col, problem, e);
        }
        current = patched;
      } catch (YamlEngineException e) {
        throw new YamlException(name, 0, 0, e.getMessage(), e);
      }
    }
  }

  /** How many separating tabs are rewritten (one re-parse each) before an error is reported. */
  private static final int MAX_TAB_FIXES = 200;

  private static List<Object> parseAll(String text, String name, LoadSettings settings) {
    List<Object> out = new ArrayList<>();
    Iterator<Event> events = new Parse(settings).parseString(text).iterator();
    int endOfText = text.endsWith("\n") || text.endsWith("\r")
        ? -1 : text.codePointCount(0, text.length());
    Composer composer = new Composer(name, events, endOfText);
    Node doc;
    while ((doc = composer.nextDocument()) != Composer.END) {
      out.add(new Decoder(name).document(doc));
    }
    return out;
  }

  /**
   * go-yaml accepts a tab as the blank between tokens on a line ({@code key:\tvalue},
   * {@code [a,\tb]}); snakeyaml-engine does not. When the parser stops at such a tab (one that is
   * not part of the line's indentation), it becomes a space of the same width, so positions in
   * later messages stay right. Returns null when the error is about something else.
   */
  private static String separatingTabToSpace(String text, MarkedYamlEngineException e) {
    Mark mark = e.getProblemMark().orElse(null);
    if (mark == null) {
      return null;
    }
    int cp = mark.getIndex();
    if (cp < 0 || cp >= text.codePointCount(0, text.length())) {
      return null;
    }
    int i = text.offsetByCodePoints(0, cp);
    if (text.charAt(i) != '\t') {
      return null;
    }
    boolean tokenBefore = false;
    for (int j = i - 1; j >= 0 && text.charAt(j) != '\n' && text.charAt(j) != '\r'; j--) {
      char c = text.charAt(j);
      if (c != ' ' && c != '\t') {
        tokenBefore = true;
        break;
      }
    }
    if (!tokenBefore) {
      return null;
    }
    return text.substring(0, i) + ' ' + text.substring(i + 1);
  }

  // ---------------------------------------------------------------------------------------------
  // Node graph, composed from parser events (aliases point at their anchored node).

  private abstract static class Node {
    final int line;
    final int column;

    Node(Optional<Mark> mark) {
      this.line = mark.map(m -> m.getLine() + 1).orElse(0);
      this.column = mark.map(m -> m.getColumn() + 1).orElse(0);
    }
  }

  private static final class ScalarNode extends Node {
    final String value;
    final String tag; // "" when none
    final boolean plain;

    ScalarNode(ScalarEvent e, int endOfText) {
      super(e.getStartMark());
      this.value = blockAtEndOfText(e, endOfText) && e.getValue().endsWith("\n")
          ? e.getValue().substring(0, e.getValue().length() - 1)
          : e.getValue();
      this.tag = e.getTag().orElse("");
      this.plain = e.isPlain();
    }
  }

  /**
   * A literal or folded block scalar that ends the text, when the text has no final line break:
   * go-yaml (like libyaml) gives its content no trailing line break there ({@code "k: |\n  x"} is
   * {@code x}), snakeyaml-engine adds one.
   */
  private static boolean blockAtEndOfText(ScalarEvent e, int endOfText) {
    if (endOfText < 0) {
      return false;
    }
    ScalarStyle style = e.getScalarStyle();
    if (style != ScalarStyle.LITERAL && style != ScalarStyle.FOLDED) {
      return false;
    }
    return e.getEndMark().map(m -> m.getIndex() >= endOfText).orElse(false);
  }

  private static final class MappingNode extends Node {
    final List<Node> children = new ArrayList<>(); // key, value, key, value...

    MappingNode(Event e) {
      super(e.getStartMark());
    }
  }

  private static final class SequenceNode extends Node {
    final List<Node> children = new ArrayList<>();

    SequenceNode(Event e) {
      super(e.getStartMark());
    }
  }

  private static final class AliasNode extends Node {
    final String name;
    final Node target;

    AliasNode(AliasEvent e, Node target) {
      super(e.getStartMark());
      this.name = e.getAlias().getValue();
      this.target = target;
    }
  }

  private static final class Composer {
    static final Node END = new SequenceNode(new org.snakeyaml.engine.v2.events.StreamEndEvent());
    private static final Node EMPTY_DOC = null;

    private final String source;
    private final Iterator<Event> events;
    private final int endOfText;

    /** {@code endOfText}: the text's length in code points, or -1 when it ends in a line break. */
    Composer(String source, Iterator<Event> events, int endOfText) {
      this.source = source;
      this.events = events;
      this.endOfText = endOfText;
    }

    /** The next document's root (null for an empty document), or {@link #END}. */
    Node nextDocument() {
      while (events.hasNext()) {
        Event e = events.next();
        switch (e.getEventId()) {
          case DocumentStart:
            return document();
          case StreamEnd:
            return END;
          default:
            break;
        }
      }
      return END;
    }

    private Node document() {
      Map<String, Node> anchors = new HashMap<>();
      Deque<Node> stack = new ArrayDeque<>();
      Node root = EMPTY_DOC;
      boolean seenRoot = false;
      while (events.hasNext()) {
        Event e = events.next();
        Node made = null;
        switch (e.getEventId()) {
          case DocumentEnd:
            return seenRoot ? root : EMPTY_DOC;
          case Scalar:
            made = new ScalarNode((ScalarEvent) e, endOfText);
            anchor(anchors, (NodeEvent) e, made);
            break;
          case Alias: {
            AliasEvent a = (AliasEvent) e;
            Node target = anchors.get(a.getAlias().getValue());
            if (target == null) {
              throw error(e, "unknown anchor '" + a.getAlias().getValue() + "' referenced");
            }
            made = new AliasNode(a, target);
            break;
          }
          case MappingStart:
          case SequenceStart: {
            Node coll = e.getEventId() == Event.ID.MappingStart ? new MappingNode(e) : new SequenceNode(e);
            anchor(anchors, (CollectionStartEvent) e, coll);
            attach(stack, coll);
            if (stack.isEmpty()) {
              root = coll;
              seenRoot = true;
            }
            if (stack.size() >= MAX_DEPTH) {
              throw error(e, "nesting is deeper than the limit of " + MAX_DEPTH + " levels");
            }
            stack.push(coll);
            continue;
          }
          case MappingEnd:
          case SequenceEnd:
            stack.pop();
            continue;
          default:
            continue;
        }
        if (stack.isEmpty()) {
          root = made;
          seenRoot = true;
        } else {
          attach(stack, made);
        }
      }
      return seenRoot ? root : EMPTY_DOC;
    }

    private static void attach(Deque<Node> stack, Node child) {
      Node parent = stack.peek();
      if (parent instanceof MappingNode m) {
        m.children.add(child);
      } else if (parent instanceof SequenceNode s) {
        s.children.add(child);
      }
    }

    private static void anchor(Map<String, Node> anchors, NodeEvent e, Node node) {
      e.getAnchor().ifPresent(a -> anchors.put(a.getValue(), node));
    }

    private YamlException error(Event e, String problem) {
      Optional<Mark> m = e.getStartMark();
      return new YamlException(source, m.map(x -> x.getLine() + 1).orElse(0),
          m.map(x -> x.getColumn() + 1).orElse(0), problem, null);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Decoding nodes to Java values, as yaml.v2 then sigs.k8s.io/yaml do.

  private static final class Decoder {
    private static final int RATIO_RANGE_LOW = 400_000;
    private static final int RATIO_RANGE_HIGH = 4_000_000;

    private final String source;
    private final IdentityHashMap<Node, Boolean> inProgress = new IdentityHashMap<>();
    private long decodeCount;
    private long aliasCount;
    private int aliasDepth;
    private int depth;

    Decoder(String source) {
      this.source = source;
    }

    /**
     * Keys that sigs.k8s.io/yaml cannot convert (null, uint64) are only an error if they survive
     * into the final tree (a later duplicate key may discard the map that holds them), because the
     * conversion runs after yaml.v2 has built the whole document. Until then they stand in the map
     * under a unique placeholder.
     */
    private static final String BAD_KEY_PREFIX = "\uFFFF\u0000capstan-unconvertible-key-";

    private final Map<String, YamlException> badKeys = new HashMap<>();

    Object document(Node root) {
      if (root == null) {
        return null;
      }
      Object doc = decode(root);
      if (!badKeys.isEmpty()) {
        checkKeys(doc);
      }
      return doc;
    }

    private void checkKeys(Object v) {
      if (v instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          YamlException bad = badKeys.get(e.getKey());
          if (bad != null) {
            throw bad;
          }
          checkKeys(e.getValue());
        }
      } else if (v instanceof List<?> l) {
        for (Object o : l) {
          checkKeys(o);
        }
      }
    }

    private String badKey(Node keyNode, String problem) {
      String placeholder = BAD_KEY_PREFIX + badKeys.size();
      badKeys.put(placeholder, error(keyNode, problem));
      return placeholder;
    }

    private static double allowedAliasRatio(long decodeCount) {
      if (decodeCount <= RATIO_RANGE_LOW) {
        return 0.99;
      }
      if (decodeCount >= RATIO_RANGE_HIGH) {
        return 0.10;
      }
      return 0.99 - 0.89 * ((double) (decodeCount - RATIO_RANGE_LOW)
          / (RATIO_RANGE_HIGH - RATIO_RANGE_LOW));
    }

    private YamlException error(Node n, String problem) {
      return new YamlException(source, n.line, n.column, problem, null);
    }

    private Object decode(Node n) {
      decodeCount++;
      if (aliasDepth > 0) {
        aliasCount++;
      }
      if (aliasCount > 100 && decodeCount > 1000
          && (double) aliasCount / decodeCount > allowedAliasRatio(decodeCount)) {
        throw error(n, "document contains excessive aliasing");
      }
      if (n instanceof ScalarNode s) {
        return scalar(s);
      }
      if (n instanceof AliasNode a) {
        return alias(a);
      }
      if (++depth > MAX_DEPTH) {
        throw error(n, "nesting is deeper than the limit of " + MAX_DEPTH + " levels");
      }
      try {
        if (n instanceof SequenceNode s) {
          List<Object> out = new ArrayList<>(s.children.size());
          for (Node c : s.children) {
            out.add(decode(c));
          }
          return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        mapping((MappingNode) n, out);
        return out;
      } finally {
        depth--;
      }
    }

    private Object alias(AliasNode a) {
      if (inProgress.containsKey(a)) {
        throw error(a, "anchor '" + a.name + "' value contains itself");
      }
      inProgress.put(a, Boolean.TRUE);
      aliasDepth++;
      try {
        return decode(a.target);
      } finally {
        aliasDepth--;
        inProgress.remove(a);
      }
    }

    private Object scalar(ScalarNode s) {
      Object v;
      if (s.tag.isEmpty() && !s.plain) {
        v = s.value;
      } else {
        GoYamlResolver.Resolved r;
        try {
          r = GoYamlResolver.resolve(s.tag, s.value);
        } catch (IllegalArgumentException e) {
          throw error(s, e.getMessage());
        }
        v = r.value();
        if (GoYamlResolver.BINARY.equals(r.tag())) {
          try {
            // Go's base64.StdEncoding skips line breaks, but no other blanks.
            byte[] data = Base64.getDecoder().decode(s.value.replace("\r", "").replace("\n", ""));
            v = new String(data, java.nio.charset.StandardCharsets.UTF_8);
          } catch (IllegalArgumentException e) {
            throw error(s, "!!binary value contains invalid base64 data");
          }
        }
      }
      if (v instanceof BigInteger b) {
        return b.doubleValue();
      }
      return v;
    }

    private static boolean isMerge(Node n) {
      return n instanceof ScalarNode s && s.value.equals("<<")
          && ((s.plain && s.tag.isEmpty()) || GoYamlResolver.MERGE.equals(s.tag));
    }

    private void mapping(MappingNode n, Map<String, Object> out) {
      List<Node> ch = n.children;
      for (int i = 0; i + 1 < ch.size(); i += 2) {
        Node keyNode = ch.get(i);
        if (isMerge(keyNode)) {
          merge(ch.get(i + 1), out);
          continue;
        }
        Object k = decode(keyNode);
        if (k instanceof Map || k instanceof List) {
          throw error(keyNode, "invalid map key: a " + (k instanceof Map ? "map" : "list")
              + " cannot be a key");
        }
        String key = keyString(keyNode, k);
        Object v = decode(ch.get(i + 1));
        out.put(key, v);
      }
    }

    private String keyString(Node keyNode, Object k) {
      if (k instanceof String s) {
        return s;
      }
      if (k instanceof Boolean b) {
        return b.toString();
      }
      if (k instanceof Long l) {
        return l.toString();
      }
      if (k instanceof Double d) {
        if (keyNode instanceof ScalarNode s && isUint64(s)) {
          return badKey(keyNode, "unsupported map key of type: uint64, key: " + s.value);
        }
        String f = GoJson.formatFloat(d, 'g', 32);
        switch (f) {
          case "+Inf":
            return ".inf";
          case "-Inf":
            return "-.inf";
          case "NaN":
            return ".nan";
          default:
            return f;
        }
      }
      return badKey(keyNode, "unsupported map key of type: <nil>, key: null");
    }

    private static boolean isUint64(ScalarNode s) {
      try {
        return GoYamlResolver.resolve(s.tag, s.value).value() instanceof BigInteger;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }

    @SuppressWarnings("unchecked")
    private void merge(Node n, Map<String, Object> out) {
      Node target = n instanceof AliasNode a ? a.target : n;
      if (target instanceof MappingNode) {
        mergeOne(n, out);
      } else if (n instanceof SequenceNode seq) {
        List<Node> items = seq.children;
        for (int i = items.size() - 1; i >= 0; i--) {
          Node item = items.get(i);
          Node t = item instanceof AliasNode a ? a.target : item;
          if (!(t instanceof MappingNode)) {
            throw error(item, "map merge requires map or sequence of maps as the value");
          }
          mergeOne(item, out);
        }
      } else {
        throw error(n, "map merge requires map or sequence of maps as the value");
      }
    }

    @SuppressWarnings("unchecked")
    private void mergeOne(Node n, Map<String, Object> out) {
      // yaml.v2 decodes the merged map straight into the map being built: its keys overwrite the
      // keys set so far, and keys after the merge key overwrite the merged ones.
      Object merged = decode(n);
      out.putAll((Map<String, Object>) merged);
    }
  }
}
