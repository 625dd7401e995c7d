package dev.capstan.kube.readiness;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.util.Map;

/** The options every built-in rule reads, fixed when {@link ReadinessRules} is built. */
record Settings(
    boolean waitForJobs, FailFast failFast, KubernetesSerialization serialization, Clock clock) {

  /**
   * Returns {@code object} as {@code type}, converting a generic or other-typed object.
   *
   * @throws IllegalArgumentException naming the object when its fields do not fit {@code type}
   */
  <T> T as(HasMetadata object, Class<T> type) {
    if (type.isInstance(object)) {
      return type.cast(object);
    }
    try {
      return serialization.convertValue(object, type);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot read " + Objs.describe(object) + " as "
          + type.getSimpleName() + " to check its readiness: " + e.getMessage(), e);
    }
  }

  /** Returns the JSON tree of {@code object} (maps, lists, strings, numbers, booleans). */
  @SuppressWarnings("unchecked")
  Map<String, Object> tree(HasMetadata object) {
    try {
      return serialization.convertValue(object, Map.class);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot read " + Objs.describe(object)
          + " as JSON to check its readiness: " + e.getMessage(), e);
    }
  }
}
