package dev.capstan.kube.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomized properties of the three-way merge over objects that share structure (three mutations
 * of one random base object), with keyed lists, set lists, retainKeys objects and atomic lists.
 * Each seed runs a fixed number of cases, so a failure reproduces from its seed and case number.
 */
class ThreeWayMergePropertyTest {
  private static final int CASES = 500;
  static final String GROUP = "test.capstan.dev";
  private static final MergeKeys KEYS =
      MergeKeys.builder()
          .mergeList(GROUP, "Thing", "spec.items", "name")
          .mergeList(GROUP, "Thing", "spec.items.ports", "port")
          .mergeSet(GROUP, "Thing", "spec.tags")
          .retainKeys(GROUP, "Thing", "spec.strategy")
          .mergeListRetainingKeys(GROUP, "Thing", "spec.volumes", "name")
          .build();
  private static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "f");
  private static final List<String> FIELDS = List.of("x", "y", "k/8s", "t~1", "z");

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  @DisplayName("applying the patch to live gives the merged object, and re-patching it is a no-op")
  void patchReachesMergeAndIsIdempotent(long seed) {
    Random random = new Random(seed);
    for (int n = 0; n < CASES; n++) {
      Map<String, Object> base = thing(random);
      Map<String, Object> original = mutate(random, base, true);
      Map<String, Object> modified = mutate(random, base, true);
      Map<String, Object> live = mutate(random, base, false);
      for (MergeKeys keys : List.of(KEYS, MergeKeys.none())) {
        String label = "seed " + seed + " case " + n + " " + keys;

        List<PatchOperation> patch = ThreeWayMerge.patch(original, modified, live, keys);
        Map<String, Object> result = JsonPatch.apply(live, patch);

        assertThat(JsonValues.deepEquals(result,
                ThreeWayMerge.merged(original, modified, live, keys)))
            .as(label + "\nlive %s\npatch %s\nresult %s", live, patch, result)
            .isTrue();
        assertThat(ThreeWayMerge.patch(original, modified, result, keys))
            .as(label + " re-patch of %s", result)
            .isEmpty();
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13})
  @DisplayName("when live is the original, the result is the new manifest (set lists as sets)")
  void liveEqualToOriginalGivesModified(long seed) {
    Random random = new Random(seed);
    for (int n = 0; n < CASES; n++) {
      Map<String, Object> base = thing(random);
      Map<String, Object> original = mutate(random, base, false);
      Map<String, Object> modified = mutate(random, base, false);
      for (MergeKeys keys : List.of(KEYS, MergeKeys.none())) {

        Map<String, Object> result =
            JsonPatch.apply(original, ThreeWayMerge.patch(original, modified, original, keys));

        assertThat(JsonValues.deepEquals(tagsSorted(result), tagsSorted(modified)))
            .as("seed %d case %d %s\noriginal %s\nmodified %s\nresult %s", seed, n, keys,
                original, modified, result)
            .isTrue();
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23})
  @DisplayName("fields and keyed elements only live has survive; with none() they follow JSON merge")
  void liveOnlyFieldsSurvive(long seed) {
    Random random = new Random(seed);
    for (int n = 0; n < CASES; n++) {
      Map<String, Object> base = thing(random);
      Map<String, Object> original = mutate(random, base, true);
      Map<String, Object> modified = mutate(random, base, true);
      Map<String, Object> live = mutate(random, base, false);
      live.put("status", Map.of("observedGeneration", 4L));
      Map<String, Object> spec = JsonValues.asMap(live.get("spec"));
      Map<String, Object> sidecar = new LinkedHashMap<>();
      sidecar.put("name", "sidecar");
      sidecar.put("image", "proxy");
      if (spec.get("items") instanceof List<?> items
          && JsonValues.asMap(modified.get("spec")).get("items") instanceof List<?>) {
        JsonValues.asList(items).add(random.nextInt(items.size() + 1), sidecar);
      }

      Map<String, Object> result =
          JsonPatch.apply(live, ThreeWayMerge.patch(original, modified, live, KEYS));

      assertThat(result.get("status")).isEqualTo(Map.of("observedGeneration", 4L));
      if (JsonValues.asMap(live.get("spec")).get("items") instanceof List<?> liveItems
          && liveItems.contains(sidecar)) {
        assertThat(JsonValues.asMap(result.get("spec")).get("items"))
            .as("seed %d case %d", seed, n)
            .asList()
            .contains(sidecar);
      }
      int caseNumber = n;
      assertThat(JsonValues.deepEquals(
              ThreeWayMerge.merged(original, modified, live, MergeKeys.none()),
              jsonMergeOracle(original, modified, live)))
          .as(() -> "seed %d case %d none() against RFC 7386 three-way merge\noriginal %s"
              .formatted(seed, caseNumber, original) + "\nmodified " + modified + "\nlive " + live
              + "\nmerged " + ThreeWayMerge.merged(original, modified, live, MergeKeys.none())
              + "\noracle " + jsonMergeOracle(original, modified, live))
          .isTrue();
    }
  }

  /**
   * The object with its set list {@code spec.tags} sorted: Kubernetes leaves a live set list whose
   * values the chart only reordered (into sorted order) as it is, so only the values must match.
   */
  private static Object tagsSorted(Map<String, Object> thing) {
    Map<String, Object> copy = JsonValues.asMap(JsonValues.mutableCopy(thing));
    if (copy.get("spec") instanceof Map<?, ?> spec && spec.get("tags") instanceof List<?> tags) {
      List<Object> sorted = new ArrayList<>(tags);
      sorted.sort(java.util.Comparator.comparing(String::valueOf));
      JsonValues.asMap(spec).put("tags", sorted);
    }
    return copy;
  }

  // ---------------------------------------------------------------------------------------------
  // An independent three-way JSON merge (RFC 7386), as k8s' jsonmergepatch builds it: the
  // additions and changes from live to modified, the deletions from original to modified.

  private static Object jsonMergeOracle(
      Map<String, Object> original, Map<String, Object> modified, Map<String, Object> live) {
    Map<String, Object> addAndChange = dropNulls(createMergePatch(live, modified));
    Map<String, Object> deletions = keepNulls(createMergePatch(original, modified));
    Object patch = mergePatch(deletions, addAndChange);
    return mergePatch(JsonValues.mutableCopy(live), patch);
  }

  private static Map<String, Object> createMergePatch(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> out = new LinkedHashMap<>();
    b.forEach((k, bv) -> {
      if (!a.containsKey(k)) {
        out.put(k, bv);
      } else if (a.get(k) instanceof Map<?, ?> am && bv instanceof Map<?, ?> bm) {
        Map<String, Object> sub = createMergePatch(JsonValues.asMap(am), JsonValues.asMap(bm));
        if (!sub.isEmpty()) {
          out.put(k, sub);
        }
      } else if (!JsonValues.deepEquals(a.get(k), bv)) {
        out.put(k, bv);
      }
    });
    a.keySet().forEach(k -> {
      if (!b.containsKey(k)) {
        out.put(k, null);
      }
    });
    return out;
  }

  private static Map<String, Object> keepNulls(Map<String, Object> patch) {
    Map<String, Object> out = new LinkedHashMap<>();
    patch.forEach((k, v) -> {
      if (v == null) {
        out.put(k, null);
      } else if (v instanceof Map<?, ?> m) {
        Map<String, Object> sub = keepNulls(JsonValues.asMap(m));
        if (!sub.isEmpty()) {
          out.put(k, sub);
        }
      }
    });
    return out;
  }

  private static Map<String, Object> dropNulls(Map<String, Object> patch) {
    Map<String, Object> out = new LinkedHashMap<>();
    patch.forEach((k, v) -> {
      if (v instanceof Map<?, ?> m) {
        out.put(k, dropNulls(JsonValues.asMap(m)));
      } else if (v != null) {
        out.put(k, v);
      }
    });
    return out;
  }

  private static Object mergePatch(Object target, Object patch) {
    if (!(patch instanceof Map<?, ?> p)) {
      return patch;
    }
    Map<String, Object> result =
        target instanceof Map<?, ?> t ? new LinkedHashMap<>(JsonValues.asMap(t))
            : new LinkedHashMap<>();
    JsonValues.asMap(p).forEach((k, v) -> {
      if (v == null) {
        result.remove(k);
      } else {
        result.put(k, mergePatch(result.get(k), v));
      }
    });
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // Generators

  static Map<String, Object> thing(Random r) {
    Map<String, Object> thing = new LinkedHashMap<>();
    thing.put("apiVersion", GROUP + "/v1");
    thing.put("kind", "Thing");
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", "t");
    metadata.put("labels", randomMap(r, 1));
    thing.put("metadata", metadata);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("items", keyedList(r, "name", () -> item(r)));
    spec.put("tags", tags(r));
    spec.put("strategy", strategy(r));
    spec.put("volumes", keyedList(r, "name", () -> volumeSource(r)));
    spec.put("misc", randomValue(r, 3));
    thing.put("spec", spec);
    return thing;
  }

  private static List<Object> keyedList(
      Random r, String key, java.util.function.Supplier<Map<String, Object>> element) {
    List<String> names = new ArrayList<>(NAMES);
    Collections.shuffle(names, r);
    List<Object> list = new ArrayList<>();
    for (String name : names.subList(0, r.nextInt(4))) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put(key, name);
      e.putAll(element.get());
      list.add(e);
    }
    return list;
  }

  private static Map<String, Object> item(Random r) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("image", "img:" + r.nextInt(3));
    List<Object> ports = new ArrayList<>();
    for (int port : new int[] {80, 443, 8080}) {
      if (r.nextBoolean()) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("port", number(r, port));
        p.put("protocol", r.nextBoolean() ? "TCP" : "UDP");
        ports.add(p);
      }
    }
    Collections.shuffle(ports, r);
    item.put("ports", ports);
    item.put("args", randomList(r, 1));
    if (r.nextBoolean()) {
      item.put("env", randomMap(r, 1));
    }
    return item;
  }

  private static Map<String, Object> volumeSource(Random r) {
    Map<String, Object> v = new LinkedHashMap<>();
    String source = List.of("configMap", "secret", "emptyDir").get(r.nextInt(3));
    v.put(source, randomMap(r, 1));
    return v;
  }

  private static Map<String, Object> strategy(Random r) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", r.nextBoolean() ? "Recreate" : "RollingUpdate");
    if (r.nextBoolean()) {
      s.put("rollingUpdate", Map.of("maxSurge", number(r, r.nextInt(3))));
    }
    return s;
  }

  private static List<Object> tags(Random r) {
    List<Object> tags = new ArrayList<>();
    for (String name : NAMES) {
      if (r.nextInt(3) == 0) {
        tags.add(name);
      }
    }
    Collections.shuffle(tags, r);
    return tags;
  }

  private static Object number(Random r, int value) {
    return r.nextBoolean() ? (Object) (long) value : (Object) (double) value;
  }

  private static Object randomValue(Random r, int depth) {
    int pick = r.nextInt(depth <= 0 ? 4 : 6);
    return switch (pick) {
      case 0 -> "s" + r.nextInt(3);
      case 1 -> number(r, r.nextInt(3));
      case 2 -> r.nextBoolean();
      case 3 -> "t" + r.nextInt(2);
      case 4 -> randomMap(r, depth - 1);
      default -> randomList(r, depth - 1);
    };
  }

  private static Map<String, Object> randomMap(Random r, int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    int size = r.nextInt(4);
    for (int i = 0; i < size; i++) {
      m.put(FIELDS.get(r.nextInt(FIELDS.size())), randomValue(r, depth));
    }
    return m;
  }

  private static List<Object> randomList(Random r, int depth) {
    List<Object> l = new ArrayList<>();
    int size = r.nextInt(3);
    for (int i = 0; i < size; i++) {
      l.add(randomValue(r, depth));
    }
    return l;
  }

  /**
   * A changed copy of {@code base}: members dropped, added, changed or nulled (nulls only where
   * {@code nulls}), keyed lists reordered, shrunk and grown, set lists changed.
   */
  static Map<String, Object> mutate(Random r, Map<String, Object> base, boolean nulls) {
    Map<String, Object> copy = JsonValues.asMap(JsonValues.mutableCopy(base));
    Map<String, Object> spec = JsonValues.asMap(copy.get("spec"));
    mutateMap(r, JsonValues.asMap(JsonValues.asMap(copy.get("metadata")).get("labels")), nulls);
    for (String keyed : List.of("items", "volumes")) {
      List<Object> list = JsonValues.asList(spec.get(keyed));
      mutateKeyedList(r, list, keyed.equals("items") ? () -> item(r) : () -> volumeSource(r));
      for (Object element : list) {
        Map<String, Object> e = JsonValues.asMap(element);
        if (r.nextInt(3) == 0) {
          if (e.get("ports") instanceof List<?> ports) {
            Collections.shuffle(ports, r);
            if (!ports.isEmpty() && r.nextBoolean()) {
              JsonValues.asList(ports).remove(0);
            }
          }
          if (r.nextBoolean()) {
            e.put("image", "img:" + r.nextInt(3));
          }
        }
        if (r.nextInt(4) == 0) {
          Object name = e.get("name");
          Object ports = e.get("ports");
          mutateMap(r, e, false);
          e.put("name", name);
          if (ports == null) {
            e.remove("ports");
          } else {
            e.put("ports", ports);
          }
        }
      }
    }
    if (r.nextInt(3) == 0) {
      spec.put("tags", tags(r));
    }
    if (r.nextInt(3) == 0) {
      spec.put("strategy", strategy(r));
    }
    if (r.nextInt(3) == 0) {
      spec.put("misc", randomValue(r, 3));
    } else if (spec.get("misc") instanceof Map<?, ?> misc) {
      mutateMap(r, JsonValues.asMap(misc), nulls);
    }
    if (r.nextInt(8) == 0) {
      spec.remove(List.of("items", "tags", "strategy", "volumes").get(r.nextInt(4)));
    }
    if (r.nextInt(6) == 0) {
      copy.put(FIELDS.get(r.nextInt(FIELDS.size())), randomValue(r, 2));
    }
    return copy;
  }

  private static void mutateKeyedList(
      Random r, List<Object> list, java.util.function.Supplier<Map<String, Object>> element) {
    if (r.nextInt(3) == 0) {
      Collections.shuffle(list, r);
    }
    if (!list.isEmpty() && r.nextInt(3) == 0) {
      list.remove(r.nextInt(list.size()));
    }
    if (r.nextInt(3) == 0) {
      List<Object> present = list.stream().map(e -> JsonValues.asMap(e).get("name")).toList();
      for (String name : NAMES) {
        if (!present.contains(name)) {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("name", name);
          e.putAll(element.get());
          list.add(r.nextInt(list.size() + 1), e);
          break;
        }
      }
    }
  }

  private static void mutateMap(Random r, Map<String, Object> map, boolean nulls) {
    for (String key : new ArrayList<>(map.keySet())) {
      int pick = r.nextInt(10);
      if (pick == 0) {
        map.remove(key);
      } else if (pick == 1) {
        map.put(key, randomValue(r, 2));
      } else if (pick == 2 && nulls) {
        map.put(key, null);
      } else if (map.get(key) instanceof Map<?, ?> sub && pick < 6) {
        mutateMap(r, JsonValues.asMap(sub), nulls);
      }
    }
    if (r.nextInt(4) == 0) {
      map.put(FIELDS.get(r.nextInt(FIELDS.size())), randomValue(r, 2));
    }
  }
}
