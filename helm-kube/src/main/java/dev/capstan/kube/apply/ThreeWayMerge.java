package dev.capstan.kube.apply;

import static dev.capstan.kube.apply.JsonValues.asMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The client-side three-way merge of Helm's upgrade: from the object in the previous release
 * manifest ({@code original}), the object in the new manifest ({@code modified}) and the object in
 * the cluster ({@code live}), the RFC 6902 JSON Patch that turns {@code live} into what Kubernetes
 * would make of it under the strategic-merge three-way patch Helm sends
 * ({@code CreateThreeWayMergePatch(original, modified, live)} with overwrite), or, for kinds that
 * {@link MergeKeys} does not know (custom resources), under the three-way JSON merge patch.
 *
 * <ul>
 *   <li>Fields set in {@code modified} are set; fields in {@code original} that {@code modified}
 *       dropped are removed; a null in {@code modified} removes the field; fields only {@code live}
 *       has (set by controllers, webhooks or kubectl) are kept.
 *   <li>Lists that Kubernetes merges by key merge by that key, so a sidecar container a webhook
 *       injected survives an upgrade that does not mention it; other lists are replaced whole.
 *   <li>A change that leaves {@code live} as it is gives an empty list: the caller sends nothing.
 *   <li>Otherwise, when {@code live} has a {@code metadata.resourceVersion}, the patch starts with a
 *       {@code test} of it, so the API server rejects it if the object changed in between.
 * </ul>
 *
 * <p>Paths escape {@code ~} and {@code /} in member names (RFC 6901), and list indexes hold at the
 * moment each operation applies, operations applying in order. The function is pure: no input is
 * modified and nothing is read from a cluster.
 */
public final class ThreeWayMerge {
  private ThreeWayMerge() {}

  /**
   * The JSON Patch that turns {@code live} into the three-way merge of the three objects.
   *
   * @param original the object as the previous release manifest had it (pass {@code live} when
   *     there is none, as Helm 4 does)
   * @param modified the object as the new manifest has it; its {@code apiVersion} and {@code kind}
   *     select the merge keys
   * @param live the object as the cluster has it now
   * @param keys the list merge keys per kind, usually {@link MergeKeys#builtIn()}
   * @return an immutable list of operations, empty when nothing changes
   * @throws PatchException when a list that merges by key holds an element without that key
   */
  public static List<PatchOperation> patch(
      Map<String, ?> original, Map<String, ?> modified, Map<String, ?> live, MergeKeys keys) {
    Map<String, Object> orig = asMap(Objects.requireNonNull(original, "original"));
    Map<String, Object> mod = asMap(Objects.requireNonNull(modified, "modified"));
    Map<String, Object> cur = asMap(Objects.requireNonNull(live, "live"));
    StrategicMerge merge = StrategicMerge.forObject(mod, Objects.requireNonNull(keys, "keys"));
    Map<String, Object> merged = merge.merge(orig, mod, cur);
    List<PatchOperation> ops = PatchDiff.diff(cur, merged, merge::ruleAt);
    if (ops.isEmpty()) {
      return List.of();
    }
    Object resourceVersion =
        cur.get("metadata") instanceof Map<?, ?> metadata ? metadata.get("resourceVersion") : null;
    if (resourceVersion instanceof String) {
      List<PatchOperation> guarded = new ArrayList<>(ops.size() + 1);
      guarded.add(PatchOperation.test("/metadata/resourceVersion", resourceVersion));
      guarded.addAll(ops);
      ops = guarded;
    }
    return List.copyOf(ops);
  }

  /**
   * The object that {@link #patch} turns {@code live} into: the three-way merge itself, as a new
   * mutable map. Useful to show what an upgrade will leave in the cluster.
   */
  public static Map<String, Object> merged(
      Map<String, ?> original, Map<String, ?> modified, Map<String, ?> live, MergeKeys keys) {
    Map<String, Object> mod = asMap(Objects.requireNonNull(modified, "modified"));
    StrategicMerge merge = StrategicMerge.forObject(mod, Objects.requireNonNull(keys, "keys"));
    Map<String, Object> result =
        merge.merge(
            asMap(Objects.requireNonNull(original, "original")),
            mod,
            asMap(Objects.requireNonNull(live, "live")));
    return asMap(JsonValues.mutableCopy(result));
  }
}
