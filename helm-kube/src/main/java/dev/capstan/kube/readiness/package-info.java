/**
 * Readiness of Kubernetes objects as Helm decides it when it waits: pure rules over fabric8 model
 * objects, with no waiting, watching or client calls of their own.
 *
 * <p>{@link dev.capstan.kube.readiness.ReadinessRules} holds the rules of one {@link
 * dev.capstan.kube.readiness.WaitStrategy}: {@code LEGACY} is Helm's {@code ReadyChecker} (§5.6 of
 * the spec, "legacy" table) and {@code WATCHER} is kstatus as Helm 4's {@code --wait=watcher}
 * uses it. A check returns a {@link dev.capstan.kube.readiness.Readiness}: {@code READY}, {@code
 * IN_PROGRESS} or {@code FAILED}. Rules that need other objects (a Deployment's ReplicaSets, the
 * Pods of a workload) ask a {@link dev.capstan.kube.readiness.Related}; users add or replace rules
 * per group and kind with a {@link dev.capstan.kube.readiness.ReadinessRule}, and tune the
 * fail-fast checks on waiting containers with {@link dev.capstan.kube.readiness.FailFast}.
 *
 * <p>Objects may be typed ({@code Deployment}) or generic ({@code GenericKubernetesResource});
 * built-in rules convert as needed. Missing fields read as Go's zero values, as in Helm, except
 * where Kubernetes defaults them: {@code spec.replicas} 1, a Job's {@code backoffLimit} 6.
 */
package dev.capstan.kube.readiness;
