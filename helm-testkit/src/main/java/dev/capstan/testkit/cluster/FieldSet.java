package dev.capstan.testkit.cluster;

import dev.capstan.internal.json.GoJson;
import dev.capstan.testkit.cluster.FieldPath.Field;
import dev.capstan.testkit.cluster.FieldPath.Index;
import dev.capstan.testkit.cluster.FieldPath.Key;
import dev.capstan.testkit.cluster.FieldPath.PathElement;
import dev.capstan.testkit.cluster.FieldPath.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable set of field paths: what one manager owns. Reads and writes Kubernetes'
 * {@code FieldsV1} form, a tree of {@code f:}, {@code k:}, {@code v:} and {@code i:} members in
 * which {@code "."} marks a path that is itself a member and has members below it.
 */
final class FieldSet {
  static final FieldSet EMPTY = new FieldSet(Set.of());

  private final Set<FieldPath> paths;
  private Map<String, Object> fieldsV1;

  FieldSet(Set<FieldPath> paths) {
    this.paths = Collections.unmodifiableSet(new HashSet<>(paths));
  }

  boolean isEmpty() {
    return paths.isEmpty();
  }

  boolean contains(FieldPath p) {
    return paths.contains(p);
  }

  Set<FieldPath> paths() {
    return paths;
  }

  FieldSet union(FieldSet other) {
    if (other.isEmpty() || paths.containsAll(other.paths)) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    Set<FieldPath> out = new HashSet<>(paths);
    out.addAll(other.paths);
    return new FieldSet(out);
  }

  FieldSet minus(FieldSet other) {
    if (other.isEmpty() || isEmpty() || !overlaps(other)) {
      return this;
    }
    Set<FieldPath> out = new HashSet<>(paths);
    out.removeAll(other.paths);
    return new FieldSet(out);
  }

  FieldSet intersect(FieldSet other) {
    if (!overlaps(other)) {
      return EMPTY;
    }
    Set<FieldPath> out = new HashSet<>(paths);
    out.retainAll(other.paths);
    return new FieldSet(out);
  }

  private boolean overlaps(FieldSet other) {
    Set<FieldPath> small = paths.size() <= other.paths.size() ? paths : other.paths;
    Set<FieldPath> large = small == paths ? other.paths : paths;
    for (FieldPath p : small) {
      if (large.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /** The paths in structured-merge-diff's iteration order. */
  List<FieldPath> sorted() {
    List<FieldPath> out = new ArrayList<>(paths);
    Collections.sort(out);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSet s && s.paths.equals(paths);
  }

  @Override
  public int hashCode() {
    return paths.hashCode();
  }

  @Override
  public String toString() {
    return sorted().toString();
  }

  /**
   * The set as a {@code fieldsV1} value, computed once: callers must not change it (stored objects
   * share it; what the cluster hands out is copied).
   */
  Map<String, Object> toFieldsV1() {
    Map<String, Object> done = fieldsV1;
    if (done == null) {
      done = write();
      fieldsV1 = done;
    }
    return done;
  }

  private Map<String, Object> write() {
    Node root = new Node();
    for (FieldPath p : paths) {
      Node n = root;
      for (PathElement e : p.elements()) {
        n = n.children.computeIfAbsent(e, k -> new Node());
      }
      n.member = true;
    }
    return root.write();
  }

  /**
   * The set a {@code fieldsV1} value describes.
   *
   * @throws IllegalArgumentException when it is malformed
   */
  static FieldSet fromFieldsV1(Object fieldsV1) {
    Set<FieldPath> out = new HashSet<>();
    if (!(fieldsV1 instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("fieldsV1 must be an object");
    }
    read(m, FieldPath.ROOT, out);
    return new FieldSet(out);
  }

  private static void read(Map<?, ?> node, FieldPath at, Set<FieldPath> out) {
    for (Map.Entry<?, ?> e : node.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (".".equals(key)) {
        out.add(at);
        continue;
      }
      if (!(e.getValue() instanceof Map<?, ?> child)) {
        throw new IllegalArgumentException("fieldsV1 member " + key + " must be an object");
      }
      FieldPath p = at.with(element(key));
      if (child.isEmpty()) {
        out.add(p);
      } else {
        read(child, p, out);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static PathElement element(String serialized) {
    if (serialized.length() < 2 || serialized.charAt(1) != ':') {
      throw new IllegalArgumentException("not a fieldsV1 path element: " + serialized);
    }
    String body = serialized.substring(2);
    switch (serialized.charAt(0)) {
      case 'f':
        return new Field(body);
      case 'k':
        Object fields = Values.normalize(GoJson.decodeWhole(body), "fieldsV1");
        if (!(fields instanceof Map<?, ?>)) {
          throw new IllegalArgumentException("a k: element must hold an object: " + serialized);
        }
        return new Key((Map<String, Object>) fields);
      case 'v':
        return new Value(Values.normalize(GoJson.decodeWhole(body), "fieldsV1"));
      case 'i':
        return new Index(Integer.parseInt(body));
      default:
        throw new IllegalArgumentException("unknown fieldsV1 path element type: " + serialized);
    }
  }

  private static final class Node {
    boolean member;
    final Map<PathElement, Node> children = new TreeMap<>();

    Map<String, Object> write() {
      Map<String, Object> out = new LinkedHashMap<>();
      if (member && !children.isEmpty()) {
        out.put(".", new LinkedHashMap<>());
      }
      children.forEach((e, n) -> out.put(e.serialized(), n.write()));
      return out;
    }
  }
}
