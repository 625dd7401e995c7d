package dev.capstan.release;

import dev.capstan.values.Values;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One revision of a Helm release as stored by Helm (spec §1.1). {@code labels} are not part of the
 * JSON; they live on the storage object. {@code unknownFields} holds top-level JSON keys not
 * modelled here, and {@code hookUnknownFields} holds, per hook (same index as {@code hooks}), the
 * hook's unmodelled keys, with the unmodelled keys of its {@code last_run} under the key
 * {@code "last_run"}; both are re-emitted by {@link ReleaseCodec}.
 *
 * @param name the release name, {@code ""} when absent
 * @param info the info object, or {@code null} when absent
 * @param chart the stored chart, or {@code null} when absent
 * @param config the user-supplied values
 * @param manifest the rendered non-hook manifest
 * @param hooks the hooks
 * @param version the revision, starting at 1 (0 when absent)
 * @param namespace the namespace, {@code ""} when absent
 * @param applyMethod [H4] the apply method, or {@code null} when absent (client-side)
 * @param labels the storage object's custom labels
 * @param unknownFields top-level keys not modelled, in the order read
 * @param hookUnknownFields per hook, its keys not modelled (empty list, or one map per hook)
 */
public record Release(
    String name,
    ReleaseInfo info,
    ReleaseChart chart,
    Values config,
    String manifest,
    List<Hook> hooks,
    int version,
    String namespace,
    ApplyMethod applyMethod,
    Map<String, String> labels,
    Map<String, Object> unknownFields,
    List<Map<String, Object>> hookUnknownFields) {

  /** Normalises nulls to empty values and freezes all collections. */
  public Release {
    name = name == null ? "" : name;
    config = config == null ? Values.empty() : config;
    manifest = manifest == null ? "" : manifest;
    hooks = hooks == null ? List.of() : List.copyOf(hooks);
    namespace = namespace == null ? "" : namespace;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    unknownFields = JsonTrees.freezeMap(unknownFields);
    hookUnknownFields = hookUnknownFields == null ? List.of()
        : hookUnknownFields.stream().map(JsonTrees::freezeMap).toList();
    if (!hookUnknownFields.isEmpty() && hookUnknownFields.size() != hooks.size()) {
      throw new IllegalArgumentException("hookUnknownFields has " + hookUnknownFields.size()
          + " entries for " + hooks.size() + " hooks");
    }
  }

  /** Returns a release with the given parts and no labels or unknown fields. */
  public static Release of(String name, String namespace, int version, ReleaseInfo info,
      ReleaseChart chart, Values config, String manifest, List<Hook> hooks) {
    return new Release(name, info, chart, config, manifest, hooks, version, namespace, null,
        Map.of(), Map.of(), List.of());
  }

  /** Returns the apply method, or empty for an absent field (client-side apply). */
  public Optional<ApplyMethod> applyMethodIfSet() {
    return Optional.ofNullable(applyMethod);
  }

  /** Returns a copy with {@code info} replaced. */
  public Release withInfo(ReleaseInfo newInfo) {
    return new Release(name, newInfo, chart, config, manifest, hooks, version, namespace,
        applyMethod, labels, unknownFields, hookUnknownFields);
  }

  /**
   * Returns a copy whose info has {@code status}.
   *
   * @throws IllegalStateException when the release has no info
   */
  public Release withStatus(ReleaseStatus status) {
    if (info == null) {
      throw new IllegalStateException("release " + name + " has no info to set the status on");
    }
    return withInfo(info.withStatus(status));
  }

  /** Returns a copy with {@code version} replaced. */
  public Release withVersion(int newVersion) {
    return new Release(name, info, chart, config, manifest, hooks, newVersion, namespace,
        applyMethod, labels, unknownFields, hookUnknownFields);
  }

  /** Returns a copy with {@code chart} replaced. */
  public Release withChart(ReleaseChart newChart) {
    return new Release(name, info, newChart, config, manifest, hooks, version, namespace,
        applyMethod, labels, unknownFields, hookUnknownFields);
  }

  /** Returns a copy with {@code config} replaced. */
  public Release withConfig(Values newConfig) {
    return new Release(name, info, chart, newConfig, manifest, hooks, version, namespace,
        applyMethod, labels, unknownFields, hookUnknownFields);
  }

  /** Returns a copy with {@code manifest} replaced. */
  public Release withManifest(String newManifest) {
    return new Release(name, info, chart, config, newManifest, hooks, version, namespace,
        applyMethod, labels, unknownFields, hookUnknownFields);
  }

  /**
   * Returns a copy with {@code hooks} replaced. Unknown hook fields are kept when the number of
   * hooks is unchanged (the usual case: a hook's last run was updated), dropped otherwise.
   */
  public Release withHooks(List<Hook> newHooks) {
    List<Map<String, Object>> extra = newHooks.size() == hooks.size() ? hookUnknownFields : List.of();
    return new Release(name, info, chart, config, manifest, newHooks, version, namespace,
        applyMethod, labels, unknownFields, extra);
  }

  /** Returns a copy with {@code applyMethod} replaced ({@code null} = absent). */
  public Release withApplyMethod(ApplyMethod newApplyMethod) {
    return new Release(name, info, chart, config, manifest, hooks, version, namespace,
        newApplyMethod, labels, unknownFields, hookUnknownFields);
  }

  /** Returns a copy with {@code labels} replaced. */
  public Release withLabels(Map<String, String> newLabels) {
    Objects.requireNonNull(newLabels, "newLabels");
    return new Release(name, info, chart, config, manifest, hooks, version, namespace,
        applyMethod, newLabels, unknownFields, hookUnknownFields);
  }
}
