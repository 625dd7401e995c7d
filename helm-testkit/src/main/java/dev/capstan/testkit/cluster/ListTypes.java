package dev.capstan.testkit.cluster;

import dev.capstan.kube.apply.MergeKeys;
import dev.capstan.kube.apply.PatchException;
import dev.capstan.kube.apply.ThreeWayMerge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How server-side apply treats each list of a kind: atomic (replaced whole and owned as one
 * field), a set of scalars, or a map keyed by some fields of its elements.
 *
 * <p>Sources, in order: the object metadata every kind shares ({@code finalizers} a set,
 * {@code ownerReferences} keyed by {@code uid}); for kinds that {@link MergeKeys} knows, its merge
 * keys; for custom kinds, the {@code x-kubernetes-list-type} and {@code x-kubernetes-list-map-keys}
 * of the CRD's schema; otherwise atomic.
 *
 * <p>{@link MergeKeys} has no public lookup of a path's rule, so the rule is read from its public
 * behaviour: a three-way merge ({@link ThreeWayMerge#merged}) of two one-element lists at the path
 * tells a set (both elements kept) from an atomic list (replaced) from a keyed one (elements without
 * the key are refused), and the key is the candidate field under which two elements merge. Answers
 * are cached per path.
 */
final class ListTypes {
  private static final String PROBE_FIELD = "capstan.dev/probe";

  /** A list's merge type. */
  enum Type {
    /** Replaced whole; one field. */
    ATOMIC,
    /** Scalars, each element its own field. */
    SET,
    /** Objects keyed by {@link ListType#keys()}. */
    MAP
  }

  /**
   * A list's merge type and, for {@link Type#MAP}, its key fields (empty when the key is not known
   * yet, which callers treat as atomic).
   */
  record ListType(Type type, List<String> keys) {
    static final ListType ATOMIC = new ListType(Type.ATOMIC, List.of());
    static final ListType SET = new ListType(Type.SET, List.of());

    ListType {
      keys = List.copyOf(keys);
    }
  }

  private record CacheKey(String group, String kind, List<String> path) {}

  private final MergeKeys mergeKeys;
  private final Map<CacheKey, ListType> probed = new ConcurrentHashMap<>();

  ListTypes(MergeKeys mergeKeys) {
    this.mergeKeys = Objects.requireNonNull(mergeKeys, "mergeKeys");
  }

  /**
   * The type of the list at {@code path} (field names from the root; list elements implicit) in
   * objects of {@code kind}, given the fields its elements have (candidates for the key).
   */
  ListType typeOf(KindInfo kind, List<String> path, List<Object> elements) {
    if (path.size() == 2 && "metadata".equals(path.get(0))) {
      if ("finalizers".equals(path.get(1))) {
        return ListType.SET;
      }
      if ("ownerReferences".equals(path.get(1))) {
        return new ListType(Type.MAP, List.of("uid"));
      }
    }
    if (mergeKeys.isStrategic(kind.group(), kind.kind())) {
      return probe(kind, path, elements);
    }
    if (!kind.schemas().isEmpty()) {
      return fromSchema(kind.schemas().values().iterator().next(), path);
    }
    return ListType.ATOMIC;
  }

  private ListType probe(KindInfo kind, List<String> path, List<Object> elements) {
    CacheKey key = new CacheKey(kind.group(), kind.kind(), List.copyOf(path));
    ListType known = probed.get(key);
    if (known != null && (known.type() != Type.MAP || !known.keys().isEmpty())) {
      return known;
    }
    ListType type = known != null ? known : probeType(kind, path);
    if (type.type() == Type.MAP) {
      for (String candidate : candidates(elements)) {
        if (mergesBy(kind, path, candidate)) {
          type = new ListType(Type.MAP, List.of(candidate));
          break;
        }
      }
    }
    probed.put(key, type);
    return type;
  }

  private ListType probeType(KindInfo kind, List<String> path) {
    try {
      Map<String, Object> merged = ThreeWayMerge.merged(Map.of(),
          document(kind, path, List.of("b")), document(kind, path, List.of("a")), mergeKeys);
      Object at = at(merged, kind, path);
      return at instanceof List<?> l && l.size() == 2 ? ListType.SET : ListType.ATOMIC;
    } catch (PatchException e) {
      return new ListType(Type.MAP, List.of());
    }
  }

  private boolean mergesBy(KindInfo kind, List<String> path, String candidate) {
    Map<String, Object> live = new LinkedHashMap<>();
    live.put(candidate, "a");
    live.put(PROBE_FIELD, 1);
    try {
      ThreeWayMerge.merged(Map.of(), document(kind, path, List.of(Map.of(candidate, "a"))),
          document(kind, path, List.of(live)), mergeKeys);
      return true;
    } catch (PatchException e) {
      return false;
    }
  }

  private static List<String> candidates(List<Object> elements) {
    List<String> out = null;
    for (Object e : elements) {
      if (!(e instanceof Map<?, ?> m)) {
        return List.of();
      }
      List<String> fields = new ArrayList<>();
      m.forEach((k, v) -> {
        if (v != null && !(v instanceof Map) && !(v instanceof List)) {
          fields.add((String) k);
        }
      });
      if (out == null) {
        out = fields;
      } else {
        out.retainAll(fields);
      }
    }
    return out == null ? List.of() : out;
  }

  /**
   * An object of the kind with {@code list} at {@code path}; enclosing keyed lists get one element
   * carrying their key, so that the merge descends into it.
   */
  private Map<String, Object> document(KindInfo kind, List<String> path, List<Object> list) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("apiVersion", kind.group().isEmpty() ? "v1" : kind.group() + "/v1");
    root.put("kind", kind.kind());
    Map<String, Object> node = root;
    for (int i = 0; i < path.size() - 1; i++) {
      Map<String, Object> child = new LinkedHashMap<>();
      ListType enclosing = i == 0 ? ListType.ATOMIC : enclosingType(kind, path.subList(0, i + 1));
      if (enclosing.type() == Type.MAP && !enclosing.keys().isEmpty()) {
        child.put(enclosing.keys().get(0), "probe");
        node.put(path.get(i), new ArrayList<>(List.of(child)));
      } else {
        node.put(path.get(i), child);
      }
      node = child;
    }
    node.put(path.get(path.size() - 1), new ArrayList<>(list));
    return root;
  }

  private ListType enclosingType(KindInfo kind, List<String> prefix) {
    ListType t = probed.get(new CacheKey(kind.group(), kind.kind(), List.copyOf(prefix)));
    return t == null ? ListType.ATOMIC : t;
  }

  private Object at(Map<String, Object> merged, KindInfo kind, List<String> path) {
    Object node = merged;
    for (String name : path) {
      while (node instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?>) {
        node = l.get(0);
      }
      if (!(node instanceof Map<?, ?> m)) {
        return null;
      }
      node = m.get(name);
    }
    return node;
  }

  /** The list type the CRD schema gives the path, atomic when it says nothing. */
  @SuppressWarnings("unchecked")
  static ListType fromSchema(Map<String, Object> schema, List<String> path) {
    Map<String, Object> node = schema;
    for (String name : path) {
      while (node != null && "array".equals(node.get("type"))) {
        node = Values.map(node, "items");
      }
      if (node == null) {
        return ListType.ATOMIC;
      }
      Map<String, Object> props = Values.map(node, "properties");
      Map<String, Object> next = props == null ? null : Values.map(props, name);
      if (next == null && node.get("additionalProperties") instanceof Map<?, ?> ap) {
        next = (Map<String, Object>) ap;
      }
      node = next;
    }
    if (node == null) {
      return ListType.ATOMIC;
    }
    String listType = Values.string(node, "x-kubernetes-list-type");
    if ("set".equals(listType)) {
      return ListType.SET;
    }
    if ("map".equals(listType)) {
      List<Object> keys = Values.list(node, "x-kubernetes-list-map-keys");
      List<String> names = new ArrayList<>();
      if (keys != null) {
        keys.forEach(k -> names.add(String.valueOf(k)));
      }
      return names.isEmpty() ? ListType.ATOMIC : new ListType(Type.MAP, names);
    }
    return ListType.ATOMIC;
  }
}
