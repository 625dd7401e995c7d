package dev.capstan.testkit.cluster;

import dev.capstan.internal.json.GoJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The API server's validation of what Capstan's tests rely on, with its messages: immutable fields
 * on update, and the size limits of ConfigMaps, Secrets and stored objects. Each check answers a
 * list of field errors in the API server's form ({@code spec.selector: Invalid value: ...: field is
 * immutable}); an empty list passes.
 */
final class Validation {
  /** The most data a ConfigMap or Secret may hold (Kubernetes' {@code MaxSecretSize}). */
  static final int MAX_DATA_BYTES = 1024 * 1024;
  /** The largest object etcd stores by default (its request limit). */
  static final int MAX_OBJECT_BYTES = 1536 * 1024;

  private static final Set<String> STATEFULSET_MUTABLE = Set.of("replicas", "template",
      "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds", "ordinals",
      "revisionHistoryLimit");
  private static final String IMMUTABLE_WHEN_SET = "Forbidden: field is immutable when "
      + "`immutable` is set";

  private Validation() {}

  /** The errors of a new object. */
  static List<String> create(KindInfo kind, Map<String, Object> object) {
    List<String> errors = new ArrayList<>();
    sizes(kind, object, errors);
    if (kind.is(Kinds.CRD_GROUP, Kinds.CRD_KIND)) {
      crd(object, errors);
    }
    return errors;
  }

  /** The errors of updating {@code live} to {@code object}. */
  static List<String> update(KindInfo kind, Map<String, Object> live, Map<String, Object> object) {
    List<String> errors = new ArrayList<>();
    Map<String, Object> spec = Values.map(object, "spec");
    Map<String, Object> liveSpec = Values.map(live, "spec");
    String group = kind.group();
    String k = kind.kind();
    if ("apps".equals(group) && Set.of("Deployment", "ReplicaSet", "DaemonSet").contains(k)) {
      immutableSelector(liveSpec, spec, errors);
    } else if (kind.is("apps", "StatefulSet")) {
      if (!Values.same(without(liveSpec, STATEFULSET_MUTABLE), without(spec, STATEFULSET_MUTABLE))) {
        errors.add("spec: Forbidden: updates to statefulset spec for fields other than "
            + "'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', "
            + "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden");
      }
    } else if (kind.is("batch", "Job")) {
      immutableSelector(liveSpec, spec, errors);
      Object template = spec == null ? null : spec.get("template");
      if (!Values.same(liveSpec == null ? null : liveSpec.get("template"), template)) {
        errors.add("spec.template: Invalid value: " + json(template) + ": field is immutable");
      }
    } else if (kind.is("", "Service")) {
      clusterIps(liveSpec, spec, errors);
    } else if (kind.is("", "PersistentVolumeClaim")) {
      if (!Values.same(pvcImmutable(liveSpec, liveSpec), pvcImmutable(spec, liveSpec))) {
        errors.add("spec: Forbidden: spec is immutable after creation except resources.requests"
            + " and volumeAttributesClassName for bound claims");
      }
    } else if (kind.is("", "ConfigMap") || kind.is("", "Secret")) {
      if (Boolean.TRUE.equals(live.get("immutable"))) {
        if (!Boolean.TRUE.equals(object.get("immutable"))) {
          errors.add("immutable: " + IMMUTABLE_WHEN_SET);
        }
        if (!Values.same(live.get("data"), object.get("data"))) {
          errors.add("data: " + IMMUTABLE_WHEN_SET);
        }
        if (!Values.same(live.get("binaryData"), object.get("binaryData"))) {
          errors.add("binaryData: " + IMMUTABLE_WHEN_SET);
        }
      }
      if (kind.is("", "Secret") && !Values.same(live.get("type"), object.get("type"))) {
        errors.add("type: Invalid value: " + GoJson.goQuote(Values.string(object, "type"))
            + ": field is immutable");
      }
    }
    if (kind.is(Kinds.CRD_GROUP, Kinds.CRD_KIND)) {
      for (String[] field : new String[][] {{"scope"}, {"names", "kind"}, {"group"},
          {"names", "plural"}}) {
        Object before = at(liveSpec, field);
        Object after = at(spec, field);
        if (!Values.same(before, after)) {
          errors.add("spec." + String.join(".", field) + ": Invalid value: "
              + GoJson.goQuote(after instanceof String a ? a : "") + ": field is immutable");
        }
      }
    }
    sizes(kind, object, errors);
    if (kind.is(Kinds.CRD_GROUP, Kinds.CRD_KIND)) {
      crd(object, errors);
    }
    return errors;
  }

  private static Object at(Map<String, Object> map, String[] path) {
    Object node = map;
    for (String name : path) {
      node = node instanceof Map<?, ?> m ? m.get(name) : null;
    }
    return node;
  }

  /** The JSON size of an object when it is more than etcd stores, else -1. */
  static long tooLarge(Map<String, Object> object) {
    long n = Values.jsonLength(object);
    return n > MAX_OBJECT_BYTES ? n : -1;
  }

  private static void immutableSelector(Map<String, Object> liveSpec, Map<String, Object> spec,
      List<String> errors) {
    Object selector = spec == null ? null : spec.get("selector");
    if (!Values.same(liveSpec == null ? null : liveSpec.get("selector"), selector)) {
      errors.add("spec.selector: Invalid value: " + goSelector(selector) + ": field is immutable");
    }
  }

  private static void clusterIps(Map<String, Object> liveSpec, Map<String, Object> spec,
      List<String> errors) {
    if (liveSpec == null || spec == null) {
      return;
    }
    if ("ExternalName".equals(Values.string(spec, "type"))
        || "ExternalName".equals(Values.string(liveSpec, "type"))) {
      return;
    }
    if ("None".equals(Values.string(spec, "clusterIP"))
        && "None".equals(Values.string(liveSpec, "clusterIP"))) {
      return;
    }
    List<Object> old = Values.list(liveSpec, "clusterIPs");
    List<Object> now = Values.list(spec, "clusterIPs");
    if (old == null || old.isEmpty()) {
      return;
    }
    if (now == null || now.isEmpty()) {
      errors.add("spec.clusterIPs[0]: Invalid value: []string(nil): primary clusterIP can not"
          + " be unset");
      return;
    }
    for (int i = 0; i < Math.min(old.size(), now.size()); i++) {
      if (!Values.same(old.get(i), now.get(i))) {
        errors.add("spec.clusterIPs[" + i + "]: Invalid value: " + goStrings(now)
            + ": may not change once set");
      }
    }
  }

  private static Object pvcImmutable(Map<String, Object> spec, Map<String, Object> liveSpec) {
    if (spec == null) {
      return null;
    }
    Map<String, Object> copy = Values.copy(spec);
    copy.remove("volumeAttributesClassName");
    if (liveSpec == null || Values.string(liveSpec, "volumeName").isEmpty()) {
      copy.remove("volumeName");
    }
    Map<String, Object> resources = Values.map(copy, "resources");
    if (resources != null) {
      resources.remove("requests");
      if (resources.isEmpty()) {
        copy.remove("resources");
      }
    }
    return copy;
  }

  private static Object without(Map<String, Object> spec, Set<String> fields) {
    if (spec == null) {
      return null;
    }
    Map<String, Object> copy = Values.copy(spec);
    copy.keySet().removeAll(fields);
    return copy;
  }

  private static void sizes(KindInfo kind, Map<String, Object> object, List<String> errors) {
    if (kind.is("", "ConfigMap")) {
      long n = Admission.decodedLength(Values.map(object, "binaryData"), "binaryData");
      Map<String, Object> data = Values.map(object, "data");
      if (data != null) {
        for (Object v : data.values()) {
          n += v instanceof String s ? Values.utf8Length(s) : 0;
        }
      }
      if (n > MAX_DATA_BYTES) {
        errors.add("[]: Too long: must have at most " + MAX_DATA_BYTES + " bytes");
      }
    } else if (kind.is("", "Secret")) {
      if (Admission.decodedLength(Values.map(object, "data"), "data") > MAX_DATA_BYTES) {
        errors.add("data: Too long: must have at most " + MAX_DATA_BYTES + " bytes");
      }
    }
  }

  private static void crd(Map<String, Object> crd, List<String> errors) {
    KindInfo defined = Kinds.fromCrd(crd);
    String name = Values.string(Values.map(crd, "metadata"), "name");
    if (defined == null) {
      errors.add("spec.names.kind: Required value");
      return;
    }
    String expected = Values.string(Values.map(Values.map(crd, "spec"), "names"), "plural")
        + "." + defined.group();
    if (!expected.equals(name)) {
      errors.add("metadata.name: Invalid value: " + GoJson.goQuote(name)
          + ": must be spec.names.plural+\".\"+spec.group");
    }
    if (Kinds.isBuiltIn(defined.group(), defined.kind())) {
      errors.add("spec.group: Invalid value: " + GoJson.goQuote(defined.group())
          + ": the kind " + defined.kind() + " is served by Kubernetes itself");
    }
  }

  /** A label selector as Go's {@code %#v} prints a {@code v1.LabelSelector}. */
  static String goSelector(Object selector) {
    if (!(selector instanceof Map<?, ?> s)) {
      return "\"null\"";
    }
    StringBuilder sb = new StringBuilder("v1.LabelSelector{MatchLabels:");
    if (s.get("matchLabels") instanceof Map<?, ?> labels) {
      sb.append("map[string]string{");
      List<String> parts = new ArrayList<>();
      new TreeMap<>(labels).forEach((k, v) -> parts.add(GoJson.goQuote(String.valueOf(k)) + ":"
          + GoJson.goQuote(String.valueOf(v))));
      sb.append(String.join(", ", parts)).append('}');
    } else {
      sb.append("map[string]string(nil)");
    }
    sb.append(", MatchExpressions:");
    if (s.get("matchExpressions") instanceof List<?> exprs) {
      sb.append("[]v1.LabelSelectorRequirement{");
      List<String> parts = new ArrayList<>();
      for (Object e : exprs) {
        Map<?, ?> m = e instanceof Map<?, ?> mm ? mm : Map.of();
        parts.add("v1.LabelSelectorRequirement{Key:" + GoJson.goQuote(str(m.get("key")))
            + ", Operator:" + GoJson.goQuote(str(m.get("operator"))) + ", Values:"
            + goStrings(m.get("values") instanceof List<?> l ? l : null) + "}");
      }
      sb.append(String.join(", ", parts)).append('}');
    } else {
      sb.append("[]v1.LabelSelectorRequirement(nil)");
    }
    return sb.append('}').toString();
  }

  /** A list of strings as Go's {@code %#v} prints a {@code []string}. */
  static String goStrings(List<?> values) {
    if (values == null) {
      return "[]string(nil)";
    }
    List<String> parts = new ArrayList<>();
    values.forEach(v -> parts.add(GoJson.goQuote(str(v))));
    return "[]string{" + String.join(", ", parts) + "}";
  }

  private static String str(Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  private static String json(Object value) {
    return value == null ? "\"null\"" : GoJson.write(value);
  }
}
