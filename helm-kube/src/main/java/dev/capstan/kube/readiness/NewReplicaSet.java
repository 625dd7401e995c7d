package dev.capstan.kube.readiness;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds a Deployment's newest ReplicaSet as Helm's {@code deploymentutil.GetNewReplicaSet} does:
 * the ReplicaSets matched by the Deployment's selector and controlled by it (controller owner
 * reference with the Deployment's UID), oldest first (creation time, then name), the first whose
 * pod template equals the Deployment's once the {@code pod-template-hash} label is removed.
 *
 * <p>Template equality treats absent, null and empty values alike, as Kubernetes' semantic
 * equality treats nil and empty slices and maps; quantities are compared as written.
 */
final class NewReplicaSet {

  static final String HASH_LABEL = "pod-template-hash";

  private NewReplicaSet() {}

  static Optional<ReplicaSet> find(
      Deployment d, Related related, KubernetesSerialization serialization) {
    List<ReplicaSet> candidates = new ArrayList<>();
    String uid = Objs.orEmpty(d.getMetadata() == null ? null : d.getMetadata().getUid());
    for (ReplicaSet rs : related.replicaSets(Objs.namespace(d), d.getSpec().getSelector())) {
      if (controlledBy(rs, uid)) {
        candidates.add(rs);
      }
    }
    candidates.sort(
        Comparator.comparing(
                (ReplicaSet rs) -> created(rs), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Objs::name));
    Object wanted = normalizedTemplate(d.getSpec().getTemplate(), serialization);
    for (ReplicaSet rs : candidates) {
      PodTemplateSpec t = rs.getSpec() == null ? null : rs.getSpec().getTemplate();
      if (Objects.equals(wanted, normalizedTemplate(t, serialization))) {
        return Optional.of(rs);
      }
    }
    return Optional.empty();
  }

  private static boolean controlledBy(ReplicaSet rs, String uid) {
    if (rs.getMetadata() == null || rs.getMetadata().getOwnerReferences() == null) {
      return false;
    }
    for (OwnerReference ref : rs.getMetadata().getOwnerReferences()) {
      if (Boolean.TRUE.equals(ref.getController())) {
        return uid.equals(Objs.orEmpty(ref.getUid()));
      }
    }
    return false;
  }

  private static Instant created(ReplicaSet rs) {
    String ts = rs.getMetadata() == null ? null : rs.getMetadata().getCreationTimestamp();
    if (ts == null || ts.isEmpty()) {
      return null;
    }
    try {
      // Kubernetes timestamps have second precision, as metav1.Time compares them.
      return Instant.parse(ts).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static Object normalizedTemplate(
      PodTemplateSpec template, KubernetesSerialization serialization) {
    if (template == null) {
      return null;
    }
    Map<String, Object> tree = serialization.convertValue(template, Map.class);
    if (tree.get("metadata") instanceof Map<?, ?> meta
        && meta.get("labels") instanceof Map<?, ?> labels) {
      ((Map<String, Object>) labels).remove(HASH_LABEL);
    }
    return prune(tree);
  }

  /** Removes nulls, empty maps and empty lists, recursively; returns null for an empty result. */
  @SuppressWarnings("unchecked")
  private static Object prune(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> map = (Map<String, Object>) m;
      Iterator<Map.Entry<String, Object>> it = map.entrySet().iterator();
      while (it.hasNext()) {
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
      List<Object> out = new ArrayList<>(l.size());
      for (Object item : l) {
        Object v = prune(item);
        out.add(v == null ? Map.of() : v);
      }
      return out.isEmpty() ? null : out;
    }
    if (value instanceof String s && s.isEmpty()) {
      return null;
    }
    return value;
  }
}
