package dev.capstan.testkit.cluster;

import dev.capstan.kube.ClusterException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the API server itself does to objects of some kinds before storing them (its registry
 * strategies, not controllers): a Secret's {@code stringData} is folded into {@code data}; a
 * Service gets a cluster IP that later writes keep; a Namespace gets its name label, its
 * {@code kubernetes} finalizer and phase {@code Active}; a Job gets a selector on its own uid; a
 * CustomResourceDefinition gets its accepted names and {@code Established} condition, as the
 * apiextensions server sets them at once.
 */
final class Admission {
  static final String JOB_UID_LABEL = "batch.kubernetes.io/controller-uid";
  static final String JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
  static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  private Admission() {}

  /** Mutations on create; {@code clusterIps} hands out the next free Service IP. */
  static void onCreate(KindInfo kind, Map<String, Object> object, Supplier<String> clusterIps,
      String now) {
    common(kind, object, null, now);
    if (kind.is("", "Service")) {
      Map<String, Object> spec = Values.mapIn(object, "spec");
      String type = Values.string(spec, "type");
      if (!"ExternalName".equals(type)) {
        normalizeClusterIps(spec);
        if (Values.string(spec, "clusterIP").isEmpty()) {
          String ip = clusterIps.get();
          spec.put("clusterIP", ip);
          spec.put("clusterIPs", new ArrayList<>(List.of(ip)));
        }
      }
    } else if (kind.is("batch", "Job")) {
      Map<String, Object> spec = Values.mapIn(object, "spec");
      if (!Boolean.TRUE.equals(spec.get("manualSelector")) && spec.get("selector") == null) {
        Map<String, Object> md = Values.metadata(object);
        String uid = Values.string(md, "uid");
        String name = Values.string(md, "name");
        Map<String, Object> matchLabels = new LinkedHashMap<>();
        matchLabels.put(JOB_UID_LABEL, uid);
        spec.put("selector", new LinkedHashMap<>(Map.of("matchLabels", matchLabels)));
        Map<String, Object> templateMeta = Values.mapIn(Values.mapIn(spec, "template"),
            "metadata");
        Map<String, Object> labels = Values.mapIn(templateMeta, "labels");
        labels.put(JOB_UID_LABEL, uid);
        labels.put(JOB_NAME_LABEL, name);
        labels.put("controller-uid", uid);
        labels.put("job-name", name);
      }
    }
  }

  /** Mutations on update of {@code live} into {@code object}. */
  static void onUpdate(KindInfo kind, Map<String, Object> live, Map<String, Object> object,
      String now) {
    common(kind, object, live, now);
    if (kind.is("", "Service")) {
      Map<String, Object> spec = Values.mapIn(object, "spec");
      Map<String, Object> liveSpec = Values.map(live, "spec");
      normalizeClusterIps(spec);
      boolean external = "ExternalName".equals(Values.string(spec, "type"))
          || "ExternalName".equals(Values.string(liveSpec, "type"));
      if (!external && Values.string(spec, "clusterIP").isEmpty() && liveSpec != null
          && !Values.string(liveSpec, "clusterIP").isEmpty()) {
        spec.put("clusterIP", liveSpec.get("clusterIP"));
        if (liveSpec.get("clusterIPs") != null) {
          spec.put("clusterIPs", Values.copy(liveSpec.get("clusterIPs")));
        }
      }
    }
  }

  private static void common(KindInfo kind, Map<String, Object> object, Map<String, Object> live,
      String now) {
    if (kind.is("", "Secret")) {
      foldStringData(object);
      if (Values.string(object, "type").isEmpty()) {
        object.put("type", live != null && !Values.string(live, "type").isEmpty()
            ? live.get("type") : "Opaque");
      }
    } else if (kind.is("", "Namespace")) {
      Map<String, Object> md = Values.metadata(object);
      Values.mapIn(md, "labels").put(NAMESPACE_NAME_LABEL, Values.string(md, "name"));
      Map<String, Object> spec = Values.mapIn(object, "spec");
      if (spec.get("finalizers") == null) {
        spec.put("finalizers", new ArrayList<>(List.of("kubernetes")));
      }
      Map<String, Object> status = Values.mapIn(object, "status");
      if (Values.string(status, "phase").isEmpty()) {
        status.put("phase", "Active");
      }
    } else if (kind.is(Kinds.CRD_GROUP, Kinds.CRD_KIND)) {
      crdStatus(object, live, now);
    }
  }

  private static void normalizeClusterIps(Map<String, Object> spec) {
    String ip = Values.string(spec, "clusterIP");
    List<Object> ips = Values.list(spec, "clusterIPs");
    if (!ip.isEmpty() && (ips == null || ips.isEmpty())) {
      spec.put("clusterIPs", new ArrayList<>(List.of(ip)));
    } else if (ip.isEmpty() && ips != null && !ips.isEmpty() && ips.get(0) instanceof String s) {
      spec.put("clusterIP", s);
    }
  }

  private static void foldStringData(Map<String, Object> secret) {
    Object sd = secret.remove("stringData");
    if (!(sd instanceof Map<?, ?> stringData) || stringData.isEmpty()) {
      return;
    }
    Map<String, Object> data = Values.mapIn(secret, "data");
    stringData.forEach((k, v) -> data.put((String) k, Base64.getEncoder()
        .encodeToString(String.valueOf(v).getBytes(StandardCharsets.UTF_8))));
  }

  private static void crdStatus(Map<String, Object> crd, Map<String, Object> live, String now) {
    Map<String, Object> spec = Values.mapIn(crd, "spec");
    Map<String, Object> names = Values.map(spec, "names");
    Map<String, Object> accepted = names == null ? new LinkedHashMap<>() : Values.copy(names);
    String kind = Values.string(accepted, "kind");
    if (!kind.isEmpty()) {
      accepted.putIfAbsent("singular", kind.toLowerCase(Locale.ROOT));
      accepted.putIfAbsent("listKind", kind + "List");
    }
    Map<String, Object> liveStatus = Values.map(live, "status");
    Set<Object> stored = new LinkedHashSet<>();
    List<Object> liveStored = Values.list(liveStatus, "storedVersions");
    if (liveStored != null) {
      stored.addAll(liveStored);
    }
    List<Object> versions = Values.list(spec, "versions");
    if (versions != null) {
      for (Object v : versions) {
        if (v instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("storage"))) {
          stored.add(m.get("name"));
        }
      }
    }
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("acceptedNames", accepted);
    status.put("conditions", new ArrayList<>(List.of(
        condition("NamesAccepted", "NoConflicts", "no conflicts found", liveStatus, now),
        condition("Established", "InitialNamesAccepted", "the initial names have been accepted",
            liveStatus, now))));
    status.put("storedVersions", new ArrayList<>(stored));
    crd.put("status", status);
  }

  private static Map<String, Object> condition(String type, String reason, String message,
      Map<String, Object> liveStatus, String now) {
    String since = now;
    List<Object> conditions = Values.list(liveStatus, "conditions");
    if (conditions != null) {
      for (Object c : conditions) {
        if (c instanceof Map<?, ?> m && type.equals(m.get("type"))
            && m.get("lastTransitionTime") instanceof String t) {
          since = t;
        }
      }
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", type);
    c.put("status", "True");
    c.put("lastTransitionTime", since);
    c.put("reason", reason);
    c.put("message", message);
    return c;
  }

  /**
   * The decoded size of a Secret's or ConfigMap's base64 values.
   *
   * @throws ClusterException (400) when a value is not base64
   */
  static long decodedLength(Map<String, Object> values, String field) {
    long n = 0;
    if (values == null) {
      return 0;
    }
    for (Map.Entry<String, Object> e : values.entrySet()) {
      String v = e.getValue() instanceof String s ? s : "";
      try {
        n += Base64.getDecoder().decode(v).length;
      } catch (IllegalArgumentException ex) {
        throw new ClusterException(field + "[" + e.getKey() + "]: illegal base64 data: "
            + ex.getMessage(), 400, "BadRequest", null);
      }
    }
    return n;
  }
}
