package dev.capstan.samples.cli;

import dev.capstan.kube.Cluster;
import dev.capstan.kube.ResourceRef;
import dev.capstan.release.Release;
import dev.capstan.values.Values;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code RESOURCES:} section of {@code helm status}: the release's live objects grouped by
 * {@code version/Kind} in manifest order, each with its age, and the Pods related to its
 * workloads, laid out as kubectl's printer does (the header only over the first group).
 */
final class Resources {
  private static final Set<String> WORKLOADS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

  private Resources() {}

  /** The section, ending with the blank line Helm prints after it; "" when nothing is live. */
  static String section(Release r, Cluster cluster, Instant now) {
    Map<String, List<List<String>>> groups = new LinkedHashMap<>();
    List<List<String>> pods = new ArrayList<>();
    boolean workloads = false;
    for (String doc : r.manifest().split("(?m)^---\\s*$")) {
      if (doc.isBlank()) {
        continue;
      }
      Map<String, Object> object;
      try {
        object = Values.fromYaml(doc, "manifest").asMap();
      } catch (RuntimeException e) {
        continue;
      }
      if (!(object.get("apiVersion") instanceof String apiVersion)
          || !(object.get("kind") instanceof String kind)
          || !(object.get("metadata") instanceof Map<?, ?> metadata)
          || !(metadata.get("name") instanceof String name)) {
        continue;
      }
      String ns = metadata.get("namespace") instanceof String s ? s : r.namespace();
      Optional<Map<String, Object>> live = get(cluster, new ResourceRef(apiVersion, kind, ns, name));
      if (live.isEmpty()) {
        continue;
      }
      String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
      groups.computeIfAbsent(version + "/" + kind, k -> new ArrayList<>())
          .add(List.of(name, age(live.get(), now)));
      if (WORKLOADS.contains(kind)) {
        workloads = true;
        pods.addAll(relatedPods(cluster, live.get(), ns, now));
      }
    }
    if (groups.isEmpty()) {
      return "";
    }
    if (workloads) {
      groups.put("v1/Pod(related)", pods);
    }
    StringBuilder sb = new StringBuilder("RESOURCES:\n");
    boolean header = true;
    for (var g : groups.entrySet()) {
      sb.append("==> ").append(g.getKey()).append('\n');
      List<List<String>> rows = new ArrayList<>();
      if (header && !g.getValue().isEmpty()) {
        rows.add(List.of("NAME", "AGE"));
        header = false;
      }
      rows.addAll(g.getValue());
      int width = rows.stream().mapToInt(row -> row.get(0).length()).max().orElse(0) + 3;
      for (List<String> row : rows) {
        sb.append(row.get(0)).append(" ".repeat(width - row.get(0).length())).append(row.get(1))
            .append('\n');
      }
      sb.append('\n');
    }
    return sb.append('\n').toString();
  }

  private static Optional<Map<String, Object>> get(Cluster cluster, ResourceRef ref) {
    try {
      return cluster.get(ref);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  @SuppressWarnings("unchecked")
  private static List<List<String>> relatedPods(Cluster cluster, Map<String, Object> workload,
      String ns, Instant now) {
    Object spec = workload.get("spec");
    if (!(spec instanceof Map<?, ?> s) || !(s.get("selector") instanceof Map<?, ?> selector)
        || !(selector.get("matchLabels") instanceof Map<?, ?> labels) || labels.isEmpty()) {
      return List.of();
    }
    try {
      List<List<String>> rows = new ArrayList<>();
      for (Map<String, Object> pod : cluster.list("v1", "Pod", ns,
          (Map<String, String>) labels)) {
        Map<String, Object> metadata = (Map<String, Object>) pod.get("metadata");
        rows.add(List.of(String.valueOf(metadata.get("name")), age(pod, now)));
      }
      return rows;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static String age(Map<String, Object> object, Instant now) {
    Object metadata = object.get("metadata");
    if (!(metadata instanceof Map<?, ?> m)
        || !(m.get("creationTimestamp") instanceof String created)) {
      return "<unknown>";
    }
    try {
      return human(Duration.between(OffsetDateTime.parse(created).toInstant(), now));
    } catch (RuntimeException e) {
      return "<unknown>";
    }
  }

  /** kubectl's {@code duration.HumanDuration}. */
  static String human(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < -1) {
      return "<invalid>";
    }
    if (seconds < 0) {
      return "0s";
    }
    if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    }
    if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    }
    if (hours < 48) {
      return hours + "h";
    }
    if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
    }
    if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    }
    long years = hours / 24 / 365;
    if (years < 8) {
      long days = (hours / 24) % 365;
      return days == 0 ? years + "y" : years + "y" + days + "d";
    }
    return years + "y";
  }
}
