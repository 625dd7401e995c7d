package dev.capstan.kube.readiness;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Decides the readiness of objects of one group/kind; the extension point that users register in
 * {@link ReadinessRules.Builder#rule(String, String, ReadinessRule)}.
 *
 * <p>A rule is a pure function of the object and of the related objects it asks for: it does not
 * wait, watch, sleep or call the cluster itself. It must be safe to call from several threads.
 */
@FunctionalInterface
public interface ReadinessRule {

  /**
   * Returns the readiness of {@code object}.
   *
   * @param object the live object as last read from the cluster; typed fabric8 model or {@link
   *     io.fabric8.kubernetes.api.model.GenericKubernetesResource}
   * @param related the ReplicaSets and Pods the rule may look up
   */
  Readiness check(HasMetadata object, Related related);
}
