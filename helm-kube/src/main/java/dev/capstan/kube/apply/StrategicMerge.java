package dev.capstan.kube.apply;

import static dev.capstan.kube.apply.JsonValues.asList;
import static dev.capstan.kube.apply.JsonValues.asMap;
import static dev.capstan.kube.apply.JsonValues.key;
import static dev.capstan.kube.apply.JsonValues.withoutNulls;

import dev.capstan.kube.apply.MergeKeys.Rule;
import dev.capstan.kube.apply.MergeKeys.Strategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The object that Kubernetes makes of {@code live} when it applies the three-way patch that
 * {@code CreateThreeWayMergePatch(original, modified, live)} (overwrite) computes: for strategic
 * kinds with the merge keys of {@link MergeKeys}, for the others with JSON merge semantics.
 *
 * <ul>
 *   <li>A member of {@code modified} is set; objects on both sides merge recursively; a null in
 *       {@code modified} deletes (for JSON merge kinds only where {@code original} did not have
 *       the same null); a member of {@code original} missing from {@code modified} is
 *       deleted; a member only {@code live} has is kept.
 *   <li>Keyed lists: elements whose key left {@code modified} (and was in {@code original}) are
 *       deleted, elements with a key on both sides merge recursively, new ones are appended, and
 *       elements only {@code live} has are kept. The order then follows Kubernetes'
 *       {@code $setElementOrder} handling: the elements of {@code modified} in its order, with the
 *       live-only elements interleaved by their live position.
 *   <li>Set lists (scalars) merge the same way with the element as its own key.
 *   <li>{@code retainKeys} objects keep only the members {@code modified} gives them.
 *   <li>Every other list is replaced as a whole.
 * </ul>
 *
 * <p>Three corner cases deliberately differ: a keyed list whose {@code modified} value repeats a
 * key is replaced as a whole (Kubernetes merges both elements into the first live match); a set
 * list holding objects or lists is replaced (Kubernetes rejects it); and an element that
 * {@code original} and {@code modified} have but {@code live} lacks is added as {@code modified}
 * has it, where Kubernetes appends its patch element verbatim, so that the delete directives of
 * its nested keyed lists turn into bogus entries (an env var with a name and nothing else).
 */
final class StrategicMerge {
  private static final Map<String, Object> EMPTY = Map.of();

  private final MergeKeys keys;
  private final String group;
  private final String kind;
  private final boolean strategic;

  private StrategicMerge(MergeKeys keys, String group, String kind) {
    this.keys = keys;
    this.group = group;
    this.kind = kind;
    this.strategic = !kind.isEmpty() && keys.isStrategic(group, kind);
  }

  /** The merger for the kind that {@code modified} declares (none if it has no apiVersion/kind). */
  static StrategicMerge forObject(Map<String, Object> modified, MergeKeys keys) {
    Object apiVersion = modified.get("apiVersion");
    Object kind = modified.get("kind");
    if (!(apiVersion instanceof String av) || !(kind instanceof String k)) {
      return new StrategicMerge(MergeKeys.none(), "", "");
    }
    int slash = av.indexOf('/');
    return new StrategicMerge(keys, slash < 0 ? "" : av.substring(0, slash), k);
  }

  /** The rule for a field path, or null. */
  Rule ruleAt(List<String> path) {
    return kind.isEmpty() ? null : keys.rule(group, kind, path);
  }

  /** The merged object; the inputs are not modified. */
  Map<String, Object> merge(
      Map<String, Object> original, Map<String, Object> modified, Map<String, Object> live) {
    return mergeMap(List.of(), "", original, modified, live, false);
  }

  private Map<String, Object> mergeMap(
      List<String> path,
      String where,
      Map<String, Object> original,
      Map<String, Object> modified,
      Map<String, Object> live,
      boolean retainKeys) {
    Map<String, Object> result = new LinkedHashMap<>(live);
    for (Map.Entry<String, Object> e : modified.entrySet()) {
      String name = e.getKey();
      Object mod = e.getValue();
      if (mod == null) {
        // JSON merge (CreateThreeWayJSONMergePatch) drops the null from its add/change half and
        // keeps it in the deletion half only where original had something else there.
        if (strategic || !original.containsKey(name) || original.get(name) != null) {
          result.remove(name);
        }
        continue;
      }
      Object cur = live.get(name);
      Object orig = original.get(name);
      List<String> childPath = append(path, name);
      String childWhere = Pointers.child(where, name);
      Rule rule = ruleAt(childPath);
      if (mod instanceof Map<?, ?> && cur instanceof Map<?, ?>) {
        boolean retain = rule != null && rule.strategy() == Strategy.RETAIN_KEYS;
        result.put(
            name,
            mergeMap(
                childPath,
                childWhere,
                orig instanceof Map<?, ?> ? asMap(orig) : EMPTY,
                asMap(mod),
                asMap(cur),
                retain));
      } else if (mod instanceof List<?> && cur instanceof List<?> && rule != null) {
        List<Object> origList = orig instanceof List<?> ? asList(orig) : List.of();
        result.put(name, mergeList(childPath, childWhere, rule, origList, asList(mod), asList(cur)));
      } else {
        result.put(name, withoutNulls(mod));
      }
    }
    for (String name : original.keySet()) {
      if (!modified.containsKey(name)) {
        result.remove(name);
      }
    }
    if (retainKeys) {
      Set<String> kept = new HashSet<>();
      modified.forEach(
          (name, value) -> {
            if (value != null) {
              kept.add(name);
            }
          });
      if (!kept.isEmpty()) {
        result.keySet().retainAll(kept);
      }
    }
    return result;
  }

  private Object mergeList(
      List<String> path,
      String where,
      Rule rule,
      List<Object> original,
      List<Object> modified,
      List<Object> live) {
    return switch (rule.strategy()) {
      case KEYED_LIST -> mergeKeyedList(path, where, rule, original, modified, live);
      case SET_LIST -> mergeSetList(original, modified, live);
      case RETAIN_KEYS -> modified;
    };
  }

  private Object mergeKeyedList(
      List<String> path,
      String where,
      Rule rule,
      List<Object> original,
      List<Object> modified,
      List<Object> live) {
    String mergeKey = rule.mergeKey();
    Function<Object, Object> keyOf = element -> key(asMap(element).get(mergeKey));
    requireKeys(modified, mergeKey, where, "the new manifest");
    requireKeys(live, mergeKey, where, "the live object");
    requireKeys(original, mergeKey, where, "the previous manifest");
    List<Object> modKeys = modified.stream().map(keyOf).toList();
    if (new HashSet<>(modKeys).size() != modKeys.size()) {
      return modified.stream().map(JsonValues::withoutNulls).toList();
    }
    if (live.isEmpty()) {
      return modified.stream().map(JsonValues::withoutNulls).toList();
    }
    Set<Object> modKeySet = new HashSet<>(modKeys);
    Set<Object> deleted = new HashSet<>();
    Map<Object, Map<String, Object>> originalByKey = new HashMap<>();
    for (Object element : original) {
      Object k = keyOf.apply(element);
      originalByKey.putIfAbsent(k, asMap(element));
      if (!modKeySet.contains(k)) {
        deleted.add(k);
      }
    }
    List<Object> working = new ArrayList<>();
    for (Object element : live) {
      if (!deleted.contains(keyOf.apply(element))) {
        working.add(element);
      }
    }
    for (int i = 0; i < modified.size(); i++) {
      Map<String, Object> mod = asMap(modified.get(i));
      Object k = modKeys.get(i);
      int at = indexOfKey(working, k, keyOf);
      if (at >= 0) {
        working.set(
            at,
            mergeMap(
                path,
                Pointers.child(where, i),
                originalByKey.getOrDefault(k, EMPTY),
                mod,
                asMap(working.get(at)),
                rule.retainKeys()));
      } else {
        working.add(withoutNulls(mod));
      }
    }
    if (modified.isEmpty()) {
      return working;
    }
    List<Object> liveKeys = live.stream().map(keyOf).toList();
    return setElementOrder(
        working, modKeys, serverOrder(liveKeys, deleted, modKeys), keyOf);
  }

  /**
   * The live key order that Kubernetes' {@code $setElementOrder} handling compares against. It
   * reads the live list through a slice whose backing array the merge has already changed in
   * place: each {@code $patch: delete} (applied in the order of their keys as strings) shifts the
   * later elements left, and each appended element is written into the freed slots. Reproducing
   * this makes a live-only element (a sidecar) land where Kubernetes puts it when the same upgrade
   * deletes and adds elements.
   */
  private static List<Object> serverOrder(
      List<Object> liveKeys, Set<Object> deleted, List<Object> modKeys) {
    Object[] backing = liveKeys.toArray();
    int length = backing.length;
    List<Object> deletions = new ArrayList<>(deleted);
    deletions.sort(Comparator.comparing(StrategicMerge::goString));
    for (Object k : deletions) {
      for (int i = indexOf(backing, length, k); i >= 0; i = indexOf(backing, length, k)) {
        System.arraycopy(backing, i + 1, backing, i, length - i - 1);
        length--;
      }
    }
    for (Object k : modKeys) {
      if (indexOf(backing, Math.min(length, backing.length), k) < 0) {
        if (length < backing.length) {
          backing[length] = k;
        }
        length++;
      }
    }
    return java.util.Arrays.asList(backing);
  }

  private static int indexOf(Object[] array, int length, Object k) {
    for (int i = 0; i < length; i++) {
      if (Objects.equals(array[i], k)) {
        return i;
      }
    }
    return -1;
  }

  /** A merge key as Go's {@code fmt.Sprintf("%v")} prints it, the order deletions apply in. */
  private static String goString(Object k) {
    if (k instanceof java.math.BigDecimal d) {
      return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
    }
    return String.valueOf(k);
  }

  private static Object mergeSetList(
      List<Object> original, List<Object> modified, List<Object> live) {
    if (!allScalars(original) || !allScalars(modified) || !allScalars(live)) {
      return modified;
    }
    Set<Object> modKeys = new HashSet<>();
    modified.forEach(v -> modKeys.add(key(v)));
    Set<Object> toDelete = new HashSet<>();
    original.forEach(
        v -> {
          if (!modKeys.contains(key(v))) {
            toDelete.add(key(v));
          }
        });
    if (modified.isEmpty()) {
      return live.stream().filter(v -> !toDelete.contains(key(v))).toList();
    }
    Set<Object> liveKeys = new HashSet<>();
    live.forEach(v -> liveKeys.add(key(v)));
    List<Object> adds = modified.stream().filter(v -> !liveKeys.contains(key(v))).toList();
    // Kubernetes' diff sorts the live list in place (by its values as strings) before it checks
    // whether the list changed: a live list that differs from modified only in order is left as
    // it is unless modified is not itself sorted.
    List<Object> liveSorted = new ArrayList<>(live);
    liveSorted.sort(Comparator.comparing(v -> goString(key(v))));
    if (toDelete.isEmpty() && adds.isEmpty() && JsonValues.deepEquals(liveSorted, modified)) {
      return live;
    }
    List<Object> merged = new ArrayList<>(live);
    if (!adds.isEmpty()) {
      merged.addAll(adds);
      Set<Object> seen = new LinkedHashSet<>();
      merged = merged.stream().filter(v -> seen.add(key(v))).toList();
    }
    List<Object> ordered =
        setElementOrder(
            merged,
            modified.stream().map(JsonValues::key).toList(),
            live.stream().map(JsonValues::key).toList(),
            JsonValues::key);
    return ordered.stream().filter(v -> !toDelete.contains(key(v))).toList();
  }

  /**
   * Kubernetes' ordering of a merged list under {@code $setElementOrder}: the elements named by
   * {@code order} in that order, the others in their live order, interleaved so that a live-only
   * element goes before a patch element that comes after it in the live list.
   */
  private static List<Object> setElementOrder(
      List<Object> merged,
      List<Object> order,
      List<Object> liveOrder,
      Function<Object, Object> keyOf) {
    Set<Object> inOrder = new HashSet<>(order);
    List<Object> patchItems = new ArrayList<>();
    List<Object> serverOnly = new ArrayList<>();
    for (Object element : merged) {
      (inOrder.contains(keyOf.apply(element)) ? patchItems : serverOnly).add(element);
    }
    patchItems.sort(Comparator.comparingInt(e -> order.indexOf(keyOf.apply(e))));
    serverOnly.sort(Comparator.comparingInt(e -> liveOrder.indexOf(keyOf.apply(e))));
    List<Object> result = new ArrayList<>(merged.size());
    int i = 0;
    int j = 0;
    while (i < serverOnly.size() || j < patchItems.size()) {
      if (i >= serverOnly.size()) {
        result.add(patchItems.get(j++));
      } else if (j >= patchItems.size()) {
        result.add(serverOnly.get(i++));
      } else {
        int left = liveOrder.indexOf(keyOf.apply(serverOnly.get(i)));
        int right = liveOrder.indexOf(keyOf.apply(patchItems.get(j)));
        if (left >= 0 && right >= 0 && left < right) {
          result.add(serverOnly.get(i++));
        } else {
          result.add(patchItems.get(j++));
        }
      }
    }
    return result;
  }

  private static int indexOfKey(List<Object> list, Object k, Function<Object, Object> keyOf) {
    for (int i = 0; i < list.size(); i++) {
      if (Objects.equals(keyOf.apply(list.get(i)), k)) {
        return i;
      }
    }
    return -1;
  }

  private static void requireKeys(List<Object> list, String mergeKey, String where, String side) {
    for (int i = 0; i < list.size(); i++) {
      Object element = list.get(i);
      if (!(element instanceof Map<?, ?> m)) {
        throw new PatchException(
            "element " + i + " of " + where + " in " + side + " is a "
                + JsonValues.type(element) + ", but this list merges objects by \"" + mergeKey
                + "\"");
      }
      if (!m.containsKey(mergeKey)) {
        throw new PatchException(
            "element " + i + " of " + where + " in " + side + " has no \"" + mergeKey
                + "\", the key this list merges by");
      }
    }
  }

  private static boolean allScalars(List<Object> list) {
    return list.stream().allMatch(JsonValues::isScalar);
  }

  private static List<String> append(List<String> path, String name) {
    List<String> child = new ArrayList<>(path.size() + 1);
    child.addAll(path);
    child.add(name);
    return child;
  }
}
