package dev.capstan.testkit.cluster;

import dev.capstan.internal.json.GoJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the simulated controllers share: reading objects' common fields, owner references, pod
 * templates and their hashes, and conditions that keep their transition times.
 */
final class Workloads {
  /** The label a Deployment's ReplicaSets and their pods carry with their template's hash. */
  static final String POD_TEMPLATE_HASH = "pod-template-hash";
  /** The label with a StatefulSet's or DaemonSet's revision. */
  static final String REVISION_HASH = "controller-revision-hash";
  /** The annotation that marks a Helm hook. */
  static final String HELM_HOOK = "helm.sh/hook";

  private static final String SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final Comparator<Map<String, Object>> BY_AGE = Comparator
      .comparing((Map<String, Object> o) -> Values.string(metadata(o), "creationTimestamp"))
      .thenComparing(Workloads::name);

  private Workloads() {}

  static Map<String, Object> metadata(Map<String, Object> object) {
    Map<String, Object> md = Values.map(object, "metadata");
    return md == null ? Map.of() : md;
  }

  static String name(Map<String, Object> object) {
    return Values.string(metadata(object), "name");
  }

  static String uid(Map<String, Object> object) {
    return Values.string(metadata(object), "uid");
  }

  static long generation(Map<String, Object> object) {
    return metadata(object).get("generation") instanceof Number n ? n.longValue() : 1;
  }

  /** The map at {@code key}, or an empty (unmodifiable) one. */
  static Map<String, Object> mapOr(Map<String, Object> map, String key) {
    Map<String, Object> m = Values.map(map, key);
    return m == null ? Map.of() : m;
  }

  /** The integer at {@code key}, or {@code fallback} when absent or not a number. */
  static int integer(Map<String, Object> map, String key, int fallback) {
    return map != null && map.get(key) instanceof Number n ? n.intValue() : fallback;
  }

  /** The maps of the list at {@code key} (others skipped), or an empty list. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Map<String, Object> map, String key) {
    List<Object> list = Values.list(map, key);
    List<Map<String, Object>> out = new ArrayList<>();
    if (list != null) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          out.add((Map<String, Object>) m);
        }
      }
    }
    return out;
  }

  /** The string values of the map at {@code key}. */
  static Map<String, String> strings(Map<String, Object> map, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, Object> m = Values.map(map, key);
    if (m != null) {
      m.forEach((k, v) -> {
        if (v instanceof String s) {
          out.put(k, s);
        }
      });
    }
    return out;
  }

  static Map<String, String> labels(Map<String, Object> object) {
    return strings(metadata(object), "labels");
  }

  /** The reference by which {@code owner} controls the objects it creates. */
  static Map<String, Object> controllerRef(Map<String, Object> owner) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("apiVersion", Values.string(owner, "apiVersion"));
    ref.put("kind", Values.string(owner, "kind"));
    ref.put("name", name(owner));
    ref.put("uid", uid(owner));
    ref.put("controller", true);
    ref.put("blockOwnerDeletion", true);
    return ref;
  }

  /** The object that controls {@code object} (its controller owner reference), or null. */
  static ObjectKey controllerOf(Map<String, Object> object, String namespace) {
    for (Map<String, Object> ref : maps(metadata(object), "ownerReferences")) {
      if (Boolean.TRUE.equals(ref.get("controller"))) {
        String apiVersion = Values.string(ref, "apiVersion");
        int slash = apiVersion.indexOf('/');
        return new ObjectKey(slash < 0 ? "" : apiVersion.substring(0, slash),
            Values.string(ref, "kind"), namespace, Values.string(ref, "name"));
      }
    }
    return null;
  }

  /** Whether {@code object}'s controller owner reference names the uid {@code ownerUid}. */
  static boolean controlledBy(Map<String, Object> object, String ownerUid) {
    for (Map<String, Object> ref : maps(metadata(object), "ownerReferences")) {
      if (Boolean.TRUE.equals(ref.get("controller"))) {
        return ownerUid.equals(ref.get("uid"));
      }
    }
    return false;
  }

  /** The objects of a kind in {@code namespace} that {@code owner} controls, oldest first. */
  static List<Map<String, Object>> owned(Store store, String group, String kind,
      String namespace, Map<String, Object> owner) {
    String ownerUid = uid(owner);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> o : store.list(group, kind, namespace)) {
      if (controlledBy(o, ownerUid)) {
        out.add(o);
      }
    }
    out.sort(BY_AGE);
    return out;
  }

  /**
   * A new pod from {@code template}, owned by {@code owner}: named {@code name}, or generated
   * from {@code owner}'s name when null.
   */
  static Map<String, Object> podFrom(Map<String, Object> owner, Map<String, Object> template,
      String name, Map<String, String> extraLabels) {
    Map<String, Object> tmd = mapOr(template, "metadata");
    Map<String, Object> md = new LinkedHashMap<>();
    if (name == null) {
      md.put("generateName", name(owner) + "-");
    } else {
      md.put("name", name);
    }
    md.put("namespace", Values.string(metadata(owner), "namespace"));
    Map<String, Object> labels = new LinkedHashMap<>(strings(tmd, "labels"));
    labels.putAll(extraLabels);
    if (!labels.isEmpty()) {
      md.put("labels", labels);
    }
    Map<String, String> annotations = strings(tmd, "annotations");
    if (!annotations.isEmpty()) {
      md.put("annotations", new LinkedHashMap<>(annotations));
    }
    md.put("ownerReferences", new ArrayList<>(List.of(controllerRef(owner))));
    Map<String, Object> pod = new LinkedHashMap<>();
    pod.put("apiVersion", "v1");
    pod.put("kind", "Pod");
    pod.put("metadata", md);
    pod.put("spec", Values.copy(new LinkedHashMap<>(mapOr(template, "spec"))));
    return pod;
  }

  /** The names of a pod's containers, init containers first. */
  static List<String> containerNames(Map<String, Object> pod) {
    List<String> out = new ArrayList<>();
    Map<String, Object> spec = mapOr(pod, "spec");
    for (String list : List.of("initContainers", "containers")) {
      for (Map<String, Object> c : maps(spec, list)) {
        out.add(Values.string(c, "name"));
      }
    }
    return out;
  }

  static String phase(Map<String, Object> pod) {
    return Values.string(mapOr(pod, "status"), "phase");
  }

  /** Whether a pod has finished (phase Succeeded or Failed). */
  static boolean terminated(Map<String, Object> pod) {
    String phase = phase(pod);
    return phase.equals("Succeeded") || phase.equals("Failed");
  }

  /** Whether a pod's {@code Ready} condition is true. */
  static boolean ready(Map<String, Object> pod) {
    for (Map<String, Object> c : maps(mapOr(pod, "status"), "conditions")) {
      if ("Ready".equals(c.get("type"))) {
        return "True".equals(c.get("status"));
      }
    }
    return false;
  }

  /**
   * A hash of a pod template, written as Kubernetes writes its template hashes (FNV-1a over the
   * template, with the collision count, in the safe alphabet); not the same value as
   * kube-controller-manager's, which hashes Go's printing of the struct.
   */
  static String templateHash(Object template, int collisionCount) {
    Object normalized = withoutHashLabel(template);
    byte[] bytes = (GoJson.write(normalized) + (collisionCount == 0 ? "" : "#" + collisionCount))
        .getBytes(StandardCharsets.UTF_8);
    int h = 0x811c9dc5;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    String digits = Long.toString(h & 0xFFFF_FFFFL);
    StringBuilder sb = new StringBuilder(digits.length());
    for (int i = 0; i < digits.length(); i++) {
      sb.append(SAFE_ALPHABET.charAt(digits.charAt(i) % SAFE_ALPHABET.length()));
    }
    return sb.toString();
  }

  /**
   * Whether two pod templates are the same once the {@code pod-template-hash} label is removed
   * and absent, null and empty values are taken alike (Kubernetes' semantic equality).
   */
  static boolean sameTemplate(Object a, Object b) {
    return Values.same(prune(withoutHashLabel(a)), prune(withoutHashLabel(b)));
  }

  private static Object withoutHashLabel(Object template) {
    Object copy = Values.copy(template);
    if (copy instanceof Map<?, ?> m && m.get("metadata") instanceof Map<?, ?> md
        && md.get("labels") instanceof Map<?, ?> labels) {
      labels.remove(POD_TEMPLATE_HASH);
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Object prune(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> map = (Map<String, Object>) m;
      for (Iterator<Map.Entry<String, Object>> it = map.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, Object> e = it.next();
        Object v = prune(e.getValue());
        if (v == null) {
          it.remove();
        } else {
          e.setValue(v);
        }
      }
      return map.isEmpty() ? null : map;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        Object v = prune(o);
        out.add(v == null ? Map.of() : v);
      }
      return out.isEmpty() ? null : out;
    }
    if (value instanceof String s && s.isEmpty()) {
      return null;
    }
    return value;
  }

  /**
   * An int-or-percent of a rollout ({@code maxUnavailable}, {@code maxSurge}) resolved against
   * {@code total}: percentages rounded up or down; {@code fallback} when absent or malformed.
   */
  static int scaled(Object value, int total, boolean roundUp, int fallback) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof String s && s.endsWith("%")) {
      try {
        int percent = Integer.parseInt(s.substring(0, s.length() - 1));
        return roundUp ? (int) Math.ceil(percent * total / 100.0) : percent * total / 100;
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
    return fallback;
  }

  /**
   * Conditions as a controller writes them: {@code desired} (type, status, reason, message) in
   * their order, each keeping its {@code lastTransitionTime} from {@code liveConditions} while
   * its status is unchanged, and, with {@code updateTimes}, its {@code lastUpdateTime} while
   * nothing about it changes.
   */
  static List<Object> conditions(List<Map<String, Object>> desired,
      List<Map<String, Object>> liveConditions, String now, boolean updateTimes,
      boolean probeTimes) {
    List<Object> out = new ArrayList<>();
    for (Map<String, Object> want : desired) {
      Map<String, Object> live = null;
      for (Map<String, Object> c : liveConditions) {
        if (Objects.equals(c.get("type"), want.get("type"))) {
          live = c;
        }
      }
      boolean sameStatus = live != null && Objects.equals(live.get("status"), want.get("status"));
      boolean same = sameStatus && Objects.equals(live.get("reason"), want.get("reason"))
          && Objects.equals(live.get("message"), want.get("message"));
      Map<String, Object> c = new LinkedHashMap<>();
      if (probeTimes) {
        c.put("lastProbeTime", same && live.get("lastProbeTime") != null
            ? live.get("lastProbeTime") : now);
      }
      c.put("lastTransitionTime", sameStatus && live.get("lastTransitionTime") != null
          ? live.get("lastTransitionTime") : now);
      if (updateTimes) {
        c.put("lastUpdateTime", same && live.get("lastUpdateTime") != null
            ? live.get("lastUpdateTime") : now);
      }
      c.put("message", want.get("message"));
      c.put("reason", want.get("reason"));
      c.put("status", want.get("status"));
      c.put("type", want.get("type"));
      c.values().removeIf(v -> v == null || "".equals(v));
      out.add(c);
    }
    return out;
  }

  /** One wanted condition for {@link #conditions}. */
  static Map<String, Object> condition(String type, String status, String reason,
      String message) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", type);
    c.put("status", status);
    c.put("reason", reason);
    c.put("message", message);
    return c;
  }

  /** Puts {@code value} at {@code key} unless it is zero, as Go's {@code omitempty} writes it. */
  static void putNonZero(Map<String, Object> map, String key, long value) {
    if (value != 0) {
      map.put(key, Values.integer(value));
    }
  }

  /** The hex SHA-256 of {@code text}, for container and image ids. */
  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
