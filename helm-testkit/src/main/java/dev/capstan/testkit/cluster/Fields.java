package dev.capstan.testkit.cluster;

import dev.capstan.testkit.cluster.FieldPath.Key;
import dev.capstan.testkit.cluster.FieldPath.Value;
import dev.capstan.testkit.cluster.ListTypes.ListType;
import dev.capstan.testkit.cluster.ListTypes.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of an object as server-side apply counts them, without a schema: every scalar, null,
 * empty object and atomic list is a leaf; each element of a keyed or set list is a field of its
 * own (a keyed element with its fields below it); objects with members are not fields themselves.
 * The fields the server manages ({@code apiVersion}, {@code kind}, {@code metadata.name},
 * {@code namespace}, {@code uid}, {@code resourceVersion}, {@code generation},
 * {@code creationTimestamp}, {@code selfLink}, {@code managedFields}) are left out, as the API
 * server's field manager strips them.
 */
final class Fields {
  private static final Set<String> SERVER_METADATA = Set.of("name", "namespace", "uid",
      "resourceVersion", "generation", "creationTimestamp", "selfLink", "managedFields",
      "clusterName");

  /**
   * The fields of one object with the values of its leaves.
   *
   * @param set every field
   * @param leaves the leaves' values
   */
  record Snapshot(FieldSet set, Map<FieldPath, Object> leaves) {
    static final Snapshot EMPTY = new Snapshot(FieldSet.EMPTY, Map.of());
  }

  /**
   * What changed from one snapshot to the next.
   *
   * @param added fields only the new object has
   * @param removed fields only the old object has
   * @param modified leaves both have with different values
   */
  record Comparison(FieldSet added, FieldSet removed, FieldSet modified) {
    FieldSet changed() {
      return added.union(modified);
    }
  }

  private final KindInfo kind;
  private final ListTypes types;
  private final Set<FieldPath> set = new HashSet<>();
  private final Map<FieldPath, Object> leaves = new HashMap<>();

  private Fields(KindInfo kind, ListTypes types) {
    this.kind = kind;
    this.types = types;
  }

  /** The fields of {@code object} (which is not modified). */
  static Snapshot of(Map<String, Object> object, KindInfo kind, ListTypes types) {
    if (object == null) {
      return Snapshot.EMPTY;
    }
    Fields f = new Fields(kind, types);
    for (Map.Entry<String, Object> e : object.entrySet()) {
      String name = e.getKey();
      if ("apiVersion".equals(name) || "kind".equals(name)) {
        continue;
      }
      if ("metadata".equals(name) && e.getValue() instanceof Map<?, ?> md) {
        FieldPath at = FieldPath.ROOT.field("metadata");
        for (Map.Entry<?, ?> m : md.entrySet()) {
          if (!SERVER_METADATA.contains((String) m.getKey())) {
            f.value(m.getValue(), at.field((String) m.getKey()),
                List.of("metadata", (String) m.getKey()));
          }
        }
        continue;
      }
      f.value(e.getValue(), FieldPath.ROOT.field(name), List.of(name));
    }
    return new Snapshot(new FieldSet(f.set), Map.copyOf(nullSafe(f.leaves)));
  }

  private static Map<FieldPath, Object> nullSafe(Map<FieldPath, Object> leaves) {
    Map<FieldPath, Object> out = new HashMap<>();
    leaves.forEach((k, v) -> out.put(k, v == null ? NULL : v));
    return out;
  }

  /** Stands for a JSON null among leaf values (immutable maps hold no nulls). */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  /** What changed from {@code before} to {@code after}. */
  static Comparison compare(Snapshot before, Snapshot after) {
    FieldSet added = after.set().minus(before.set());
    FieldSet removed = before.set().minus(after.set());
    Set<FieldPath> modified = new HashSet<>();
    for (Map.Entry<FieldPath, Object> e : after.leaves().entrySet()) {
      Object old = before.leaves().get(e.getKey());
      if (old != null && !sameLeaf(old, e.getValue())) {
        modified.add(e.getKey());
      }
    }
    return new Comparison(added, removed, new FieldSet(modified));
  }

  private static boolean sameLeaf(Object a, Object b) {
    if (a == NULL || b == NULL) {
      return a == b;
    }
    return Values.same(a, b);
  }

  private void value(Object v, FieldPath at, List<String> names) {
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        leaf(at, v);
        return;
      }
      map(m, at, names);
      return;
    }
    if (v instanceof List<?> l) {
      list(l, at, names);
      return;
    }
    leaf(at, v);
  }

  private void map(Map<?, ?> m, FieldPath at, List<String> names) {
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String name = (String) e.getKey();
      value(e.getValue(), at.field(name), append(names, name));
    }
  }

  @SuppressWarnings("unchecked")
  private void list(List<?> l, FieldPath at, List<String> names) {
    ListType type = types.typeOf(kind, names, (List<Object>) l);
    if (type.type() == Type.SET && uniqueScalars(l)) {
      for (Object e : l) {
        leaf(at.with(new Value(e)), e);
      }
      return;
    }
    if (type.type() == Type.MAP) {
      List<Key> keys = keysOf(l, type.keys());
      if (keys != null) {
        for (int i = 0; i < l.size(); i++) {
          FieldPath item = at.with(keys.get(i));
          set.add(item);
          map((Map<?, ?>) l.get(i), item, names);
        }
        return;
      }
    }
    leaf(at, l);
  }

  private void leaf(FieldPath at, Object v) {
    set.add(at);
    leaves.put(at, v);
  }

  /** The key of each element of a keyed list, or null when one lacks a key or keys repeat. */
  static List<Key> keysOf(List<?> list, List<String> keyFields) {
    if (keyFields.isEmpty()) {
      return null;
    }
    List<Key> out = new ArrayList<>(list.size());
    Set<Key> seen = new HashSet<>();
    for (Object e : list) {
      if (!(e instanceof Map<?, ?> m)) {
        return null;
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      for (String k : keyFields) {
        Object v = m.get(k);
        if (v == null || v instanceof Map || v instanceof List) {
          return null;
        }
        fields.put(k, v);
      }
      Key key = new Key(fields);
      if (!seen.add(key)) {
        return null;
      }
      out.add(key);
    }
    return out;
  }

  /** Whether a list holds distinct scalars only. */
  static boolean uniqueScalars(List<?> list) {
    Set<Object> seen = new HashSet<>();
    for (Object e : list) {
      if (e == null || e instanceof Map || e instanceof List || !seen.add(Values.key(e))) {
        return false;
      }
    }
    return true;
  }

  static List<String> append(List<String> names, String name) {
    List<String> out = new ArrayList<>(names.size() + 1);
    out.addAll(names);
    out.add(name);
    return out;
  }
}
