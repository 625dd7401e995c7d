package dev.capstan.testkit.cluster;

import dev.capstan.testkit.cluster.FieldPath.Field;
import dev.capstan.testkit.cluster.FieldPath.Key;
import dev.capstan.testkit.cluster.FieldPath.PathElement;
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
 * The object side of server-side apply: merging an applied configuration into the live object
 * and pruning the fields a manager stopped applying.
 *
 * <ul>
 *   <li>Objects merge member by member; a scalar or atomic list in the configuration replaces the
 *       live value; a null removes the member.
 *   <li>Keyed lists merge element by element (by key), set lists value by value; the order follows
 *       structured-merge-diff: the configuration's elements in its order, with elements only the
 *       live list has staying where they were relative to the shared ones.
 * </ul>
 */
final class ApplyMerge {
  private final KindInfo kind;
  private final ListTypes types;

  ApplyMerge(KindInfo kind, ListTypes types) {
    this.kind = kind;
    this.types = types;
  }

  /** {@code live} with {@code config} merged in, as a new object; neither input is modified. */
  Map<String, Object> merge(Map<String, Object> live, Map<String, Object> config) {
    return mergeMap(Values.copy(live), config, List.of());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> mergeMap(Map<String, Object> live, Map<String, Object> config,
      List<String> names) {
    Map<String, Object> out = new LinkedHashMap<>(live);
    for (Map.Entry<String, Object> e : config.entrySet()) {
      String name = e.getKey();
      Object cv = e.getValue();
      Object lv = out.get(name);
      List<String> childNames = Fields.append(names, name);
      if (cv == null) {
        out.remove(name);
      } else if (cv instanceof Map<?, ?> cm && lv instanceof Map<?, ?> lm) {
        out.put(name, mergeMap((Map<String, Object>) lm, (Map<String, Object>) cm, childNames));
      } else if (cv instanceof List<?> cl && lv instanceof List<?> ll) {
        out.put(name, mergeList((List<Object>) ll, (List<Object>) cl, childNames));
      } else {
        out.put(name, Values.copy(cv));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<Object> mergeList(List<Object> live, List<Object> config, List<String> names) {
    ListType type = types.typeOf(kind, names, config);
    List<Object> liveKeys;
    List<Object> configKeys;
    if (type.type() == Type.SET && Fields.uniqueScalars(config) && Fields.uniqueScalars(live)) {
      liveKeys = live.stream().map(Values::key).toList();
      configKeys = config.stream().map(Values::key).toList();
    } else if (type.type() == Type.MAP && Fields.keysOf(config, type.keys()) != null
        && Fields.keysOf(live, type.keys()) != null) {
      liveKeys = new ArrayList<>(Fields.keysOf(live, type.keys()));
      configKeys = new ArrayList<>(Fields.keysOf(config, type.keys()));
    } else {
      return Values.copy(config);
    }
    boolean keyed = type.type() == Type.MAP;
    Map<Object, Object> liveByKey = new HashMap<>();
    for (int i = 0; i < live.size(); i++) {
      liveByKey.put(liveKeys.get(i), live.get(i));
    }
    Set<Object> inConfig = new HashSet<>(configKeys);
    List<Object> sharedOrder = new ArrayList<>();
    for (Object k : configKeys) {
      if (liveByKey.containsKey(k)) {
        sharedOrder.add(k);
      }
    }
    int nextShared = 0;
    Set<Object> merged = new HashSet<>();
    List<Object> out = new ArrayList<>(Math.max(live.size(), config.size()));
    int i = 0;
    int j = 0;
    while (i < live.size() || j < config.size()) {
      if (i < live.size() && j < config.size()) {
        Object lk = liveKeys.get(i);
        if (lk.equals(configKeys.get(j))) {
          out.add(element(live.get(i), config.get(j), keyed, names));
          merged.add(lk);
          i++;
          j++;
          nextShared = advancePast(sharedOrder, nextShared, lk);
          continue;
        }
        if (inConfig.contains(lk) && nextShared < sharedOrder.size()
            && !sharedOrder.get(nextShared).equals(lk)) {
          i++;
          continue;
        }
      }
      if (i < live.size()) {
        Object lk = liveKeys.get(i);
        if (!inConfig.contains(lk)) {
          out.add(Values.copy(live.get(i)));
          i++;
          continue;
        }
        if (merged.contains(lk)) {
          i++;
          continue;
        }
      }
      if (j < config.size()) {
        Object ck = configKeys.get(j);
        out.add(element(liveByKey.get(ck), config.get(j), keyed, names));
        merged.add(ck);
        j++;
        nextShared = advancePast(sharedOrder, nextShared, ck);
        continue;
      }
      i++;
    }
    return out;
  }

  private static int advancePast(List<Object> sharedOrder, int next, Object key) {
    return next < sharedOrder.size() && sharedOrder.get(next).equals(key) ? next + 1 : next;
  }

  @SuppressWarnings("unchecked")
  private Object element(Object live, Object config, boolean keyed, List<String> names) {
    if (!keyed) {
      return config;
    }
    if (live == null) {
      return Values.copy(config);
    }
    return mergeMap((Map<String, Object>) live, (Map<String, Object>) config, names);
  }

  /**
   * Removes each path of {@code remove} from {@code object} (in place), and then the objects and
   * lists left empty by that removal unless a path in {@code owned} keeps them.
   */
  void prune(Map<String, Object> object, FieldSet remove, FieldSet owned) {
    for (FieldPath p : remove.sorted()) {
      removeAt(object, p, owned);
    }
  }

  private void removeAt(Map<String, Object> object, FieldPath path, FieldSet owned) {
    List<Object> containers = new ArrayList<>();
    Object node = object;
    List<PathElement> els = path.elements();
    for (int i = 0; i < els.size(); i++) {
      containers.add(node);
      node = child(node, els.get(i));
      if (node == null && i < els.size() - 1) {
        return;
      }
    }
    if (!detach(containers.get(containers.size() - 1), els.get(els.size() - 1))) {
      return;
    }
    for (int depth = els.size() - 1; depth > 0; depth--) {
      Object container = containers.get(depth);
      boolean empty = container instanceof Map<?, ?> m ? m.isEmpty()
          : container instanceof List<?> l && l.isEmpty();
      FieldPath at = new FieldPath(els.subList(0, depth));
      if (!empty || owned.contains(at) || !(els.get(depth - 1) instanceof Field)) {
        return;
      }
      detach(containers.get(depth - 1), els.get(depth - 1));
    }
  }

  private static Object child(Object node, PathElement e) {
    if (e instanceof Field f) {
      return node instanceof Map<?, ?> m ? m.get(f.name()) : null;
    }
    if (node instanceof List<?> l) {
      int i = indexIn(l, e);
      return i < 0 ? null : l.get(i);
    }
    return null;
  }

  private static boolean detach(Object container, PathElement e) {
    if (e instanceof Field f && container instanceof Map<?, ?> m) {
      if (!m.containsKey(f.name())) {
        return false;
      }
      m.remove(f.name());
      return true;
    }
    if (container instanceof List<?> l) {
      int i = indexIn(l, e);
      if (i >= 0) {
        l.remove(i);
        return true;
      }
    }
    return false;
  }

  private static int indexIn(List<?> list, PathElement e) {
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (e instanceof Key k && item instanceof Map<?, ?> m) {
        boolean all = true;
        for (Map.Entry<String, Object> kf : k.fields().entrySet()) {
          if (!Values.same(kf.getValue(), m.get(kf.getKey()))) {
            all = false;
            break;
          }
        }
        if (all) {
          return i;
        }
      } else if (e instanceof FieldPath.Value v && Values.same(v.value(), item)) {
        return i;
      } else if (e instanceof FieldPath.Index idx && idx.index() == i) {
        return i;
      }
    }
    return -1;
  }
}
