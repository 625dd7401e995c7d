package dev.capstan.kube.readiness;

import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Detects Pods whose containers wait in a state that {@link FailFast} declares terminal. */
final class FailFastChecks {

  private FailFastChecks() {}

  /** Returns the failure of the first terminal container of {@code pod}, if any. */
  static Optional<Readiness> pod(Pod pod, FailFast policy) {
    PodStatus status = pod.getStatus();
    if (status == null || policy.thresholds().isEmpty()) {
      return Optional.empty();
    }
    List<ContainerStatus> all = new ArrayList<>();
    if (status.getInitContainerStatuses() != null) {
      all.addAll(status.getInitContainerStatuses());
    }
    if (status.getContainerStatuses() != null) {
      all.addAll(status.getContainerStatuses());
    }
    for (ContainerStatus cs : all) {
      ContainerStateWaiting waiting = cs.getState() == null ? null : cs.getState().getWaiting();
      if (waiting == null || waiting.getReason() == null) {
        continue;
      }
      OptionalInt threshold = policy.threshold(waiting.getReason());
      int restarts = Objs.orZero(cs.getRestartCount());
      if (threshold.isPresent() && restarts >= threshold.getAsInt()) {
        String message = Objs.orEmpty(waiting.getMessage());
        String reason =
            "Pod "
                + Objs.path(pod)
                + ": container "
                + cs.getName()
                + " is waiting with "
                + waiting.getReason()
                + " after "
                + restarts
                + " restart"
                + Objs.plural(restarts)
                + (message.isEmpty() ? "" : ": " + message);
        String cause =
            message.isEmpty() ? waiting.getReason() : waiting.getReason() + ": " + message;
        return Optional.of(Readiness.failed(reason, cause));
      }
    }
    return Optional.empty();
  }

  /** Returns the failure of the first terminal Pod matched by {@code selector}, if any. */
  static Optional<Readiness> pods(
      String namespace, LabelSelector selector, Related related, FailFast policy) {
    if (policy.thresholds().isEmpty() || selector == null) {
      return Optional.empty();
    }
    List<Pod> pods = new ArrayList<>(related.pods(namespace, selector));
    pods.sort(java.util.Comparator.comparing(Objs::name));
    for (Pod p : pods) {
      Optional<Readiness> failure = pod(p, policy);
      if (failure.isPresent()) {
        return failure;
      }
    }
    return Optional.empty();
  }
}
