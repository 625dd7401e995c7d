package dev.capstan.testkit.cluster;

import dev.capstan.internal.json.GoJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The path of one field in an object, as server-side apply tracks ownership: field names, list
 * elements selected by their key fields ({@code [name="c"]}) and set elements selected by value
 * ({@code [="x"]}). Immutable (its hash is computed once, as paths live in hash sets); ordered as
 * structured-merge-diff iterates a field set (at each level the fields that end there before those
 * that go deeper, then by element).
 */
final class FieldPath implements Comparable<FieldPath> {
  static final FieldPath ROOT = new FieldPath(List.of());

  private final List<PathElement> elements;
  private final int hash;

  FieldPath(List<PathElement> elements) {
    this.elements = List.copyOf(elements);
    this.hash = this.elements.hashCode();
  }

  /** The path's steps from the object root. */
  List<PathElement> elements() {
    return elements;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof FieldPath p && p.hash == hash && p.elements.equals(elements));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** One step of a path. */
  sealed interface PathElement extends Comparable<PathElement> permits Field, Key, Value, Index {
    /** The element in {@code fieldsV1} form: {@code f:name}, {@code k:{...}}, {@code v:...}. */
    String serialized();

    /** Its rank among element types (field, key, value, index), as structured-merge-diff orders. */
    int rank();

    @Override
    default int compareTo(PathElement o) {
      int byRank = Integer.compare(rank(), o.rank());
      if (byRank != 0) {
        return byRank;
      }
      if (this instanceof Index a && o instanceof Index b) {
        return Integer.compare(a.index(), b.index());
      }
      return serialized().compareTo(o.serialized());
    }
  }

  /**
   * A field of a map.
   *
   * @param name the field's name
   */
  record Field(String name) implements PathElement {
    @Override
    public String serialized() {
      return "f:" + name;
    }

    @Override
    public int rank() {
      return 0;
    }

    @Override
    public String toString() {
      return "." + name;
    }
  }

  /**
   * The element of a keyed list whose key fields have these values.
   *
   * @param fields key field names (sorted) to their values
   */
  record Key(Map<String, Object> fields) implements PathElement {
    Key {
      fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    @Override
    public String serialized() {
      return "k:" + GoJson.write(fields);
    }

    @Override
    public int rank() {
      return 1;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Key k) || k.fields.size() != fields.size()) {
        return false;
      }
      for (Map.Entry<String, Object> e : fields.entrySet()) {
        if (!k.fields.containsKey(e.getKey())
            || !Values.same(e.getValue(), k.fields.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int h = 0;
      for (Map.Entry<String, Object> e : fields.entrySet()) {
        h += e.getKey().hashCode() ^ Objects.hashCode(Values.key(e.getValue()));
      }
      return h;
    }

    @Override
    public String toString() {
      List<String> parts = new ArrayList<>();
      fields.forEach((k, v) -> parts.add(k + "=" + GoJson.write(v)));
      return "[" + String.join(",", parts) + "]";
    }
  }

  /**
   * The element of a set list with this value.
   *
   * @param value the scalar
   */
  record Value(Object value) implements PathElement {
    @Override
    public String serialized() {
      return "v:" + GoJson.write(value);
    }

    @Override
    public int rank() {
      return 2;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Value v && Values.same(value, v.value);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(Values.key(value));
    }

    @Override
    public String toString() {
      return "[=" + GoJson.write(value) + "]";
    }
  }

  /**
   * An element of a list by position (only read from {@code fieldsV1} written elsewhere; this
   * server treats unkeyed lists as atomic).
   *
   * @param index the position
   */
  record Index(int index) implements PathElement {
    @Override
    public String serialized() {
      return "i:" + index;
    }

    @Override
    public int rank() {
      return 3;
    }

    @Override
    public String toString() {
      return "[" + index + "]";
    }
  }

  /** This path extended by one element. */
  FieldPath with(PathElement element) {
    List<PathElement> longer = new ArrayList<>(elements.size() + 1);
    longer.addAll(elements);
    longer.add(element);
    return new FieldPath(longer);
  }

  /** This path extended by a field. */
  FieldPath field(String name) {
    return with(new Field(name));
  }

  /** Whether this path starts with all of {@code prefix} and is longer. */
  boolean isBelow(FieldPath prefix) {
    return elements.size() > prefix.elements.size()
        && elements.subList(0, prefix.elements.size()).equals(prefix.elements);
  }

  /** The path without its last element (the root for a one-element path). */
  FieldPath parent() {
    return new FieldPath(elements.subList(0, Math.max(0, elements.size() - 1)));
  }

  int size() {
    return elements.size();
  }

  /** As the API server prints a path in conflict messages: {@code .spec.containers[name="c"].image}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    elements.forEach(sb::append);
    return sb.toString();
  }

  @Override
  public int compareTo(FieldPath o) {
    int n = Math.min(elements.size(), o.elements.size());
    for (int i = 0; i < n; i++) {
      PathElement a = elements.get(i);
      PathElement b = o.elements.get(i);
      boolean aEnds = elements.size() == i + 1;
      boolean bEnds = o.elements.size() == i + 1;
      if (a.equals(b)) {
        if (aEnds != bEnds) {
          return aEnds ? -1 : 1;
        }
        continue;
      }
      if (aEnds != bEnds) {
        return aEnds ? -1 : 1;
      }
      return a.compareTo(b);
    }
    return Integer.compare(elements.size(), o.elements.size());
  }
}
