package dev.capstan.kube.apply;

import static dev.capstan.kube.apply.JsonValues.asList;
import static dev.capstan.kube.apply.JsonValues.asMap;
import static dev.capstan.kube.apply.JsonValues.deepEquals;
import static dev.capstan.kube.apply.JsonValues.key;

import dev.capstan.kube.apply.MergeKeys.Rule;
import dev.capstan.kube.apply.MergeKeys.Strategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON Patch operations that turn one value into another. Objects are diffed member by member;
 * lists that merge by key (or as sets) are diffed element by element, matched by key, with indexes
 * valid at the moment each operation applies (removals from the highest index down, then moves and
 * insertions from the front); other lists that differ are replaced whole.
 */
final class PatchDiff {
  private final Function<List<String>, Rule> rules;
  private final List<PatchOperation> ops = new ArrayList<>();

  private PatchDiff(Function<List<String>, Rule> rules) {
    this.rules = rules;
  }

  /** The operations that turn {@code from} into {@code to}, with the list rules given by path. */
  static List<PatchOperation> diff(
      Map<String, Object> from, Map<String, Object> to, Function<List<String>, Rule> rules) {
    PatchDiff diff = new PatchDiff(rules);
    diff.value("", List.of(), from, to);
    return diff.ops;
  }

  private void value(String pointer, List<String> path, Object from, Object to) {
    if (deepEquals(from, to)) {
      return;
    }
    if (from instanceof Map<?, ?> && to instanceof Map<?, ?>) {
      object(pointer, path, asMap(from), asMap(to));
    } else if (from instanceof List<?> && to instanceof List<?>) {
      list(pointer, path, asList(from), asList(to));
    } else {
      ops.add(PatchOperation.replace(pointer, to));
    }
  }

  private void object(String pointer, List<String> path, Map<String, Object> from,
      Map<String, Object> to) {
    for (String name : from.keySet()) {
      if (!to.containsKey(name)) {
        ops.add(PatchOperation.remove(Pointers.child(pointer, name)));
      }
    }
    for (Map.Entry<String, Object> e : to.entrySet()) {
      String name = e.getKey();
      String child = Pointers.child(pointer, name);
      if (!from.containsKey(name)) {
        ops.add(PatchOperation.add(child, e.getValue()));
      } else {
        List<String> childPath = new ArrayList<>(path);
        childPath.add(name);
        value(child, childPath, from.get(name), e.getValue());
      }
    }
  }

  private void list(String pointer, List<String> path, List<Object> from, List<Object> to) {
    Rule rule = rules.apply(path);
    Function<Object, Object> keyOf = null;
    if (rule != null && rule.strategy() == Strategy.KEYED_LIST) {
      String mergeKey = rule.mergeKey();
      if (allKeyed(from, mergeKey) && allKeyed(to, mergeKey)) {
        keyOf = element -> key(asMap(element).get(mergeKey));
      }
    } else if (rule != null && rule.strategy() == Strategy.SET_LIST) {
      if (from.stream().allMatch(JsonValues::isScalar)
          && to.stream().allMatch(JsonValues::isScalar)) {
        keyOf = JsonValues::key;
      }
    }
    if (keyOf == null || !unique(from, keyOf) || !unique(to, keyOf)) {
      ops.add(PatchOperation.replace(pointer, to));
      return;
    }
    keyedList(pointer, path, from, to, keyOf);
  }

  private void keyedList(String pointer, List<String> path, List<Object> from, List<Object> to,
      Function<Object, Object> keyOf) {
    Set<Object> wanted = new HashSet<>();
    to.forEach(element -> wanted.add(keyOf.apply(element)));
    Map<Object, Object> fromByKey = new HashMap<>();
    List<Object> current = new ArrayList<>();
    for (Object element : from) {
      fromByKey.put(keyOf.apply(element), element);
      current.add(keyOf.apply(element));
    }
    for (int i = from.size() - 1; i >= 0; i--) {
      if (!wanted.contains(current.get(i))) {
        ops.add(PatchOperation.remove(Pointers.child(pointer, i)));
        current.remove(i);
      }
    }
    for (int i = 0; i < to.size(); i++) {
      Object element = to.get(i);
      Object k = keyOf.apply(element);
      String at = Pointers.child(pointer, i);
      int found = current.indexOf(k);
      if (found < 0) {
        ops.add(PatchOperation.add(at, element));
        current.add(i, k);
        continue;
      }
      if (found != i) {
        ops.add(PatchOperation.move(Pointers.child(pointer, found), at));
        current.remove(found);
        current.add(i, k);
      }
      value(at, path, fromByKey.get(k), element);
    }
  }

  private static boolean allKeyed(List<Object> list, String mergeKey) {
    return list.stream().allMatch(e -> e instanceof Map<?, ?> m && m.containsKey(mergeKey));
  }

  private static boolean unique(List<Object> list, Function<Object, Object> keyOf) {
    Set<Object> seen = new HashSet<>();
    for (Object element : list) {
      if (!seen.add(keyOf.apply(element))) {
        return false;
      }
    }
    return true;
  }
}
