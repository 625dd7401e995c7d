package dev.capstan.kube.readiness;

import static dev.capstan.kube.readiness.Objs.describe;
import static dev.capstan.kube.readiness.Objs.orZero;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.ArrayList;
import java.util.List;

/**
 * When a hook's Job or Pod is done (§6, Helm 4's hook status readers): a Job when its {@code
 * Complete} condition is true, a Pod when its phase is {@code Succeeded}; a {@code Failed}
 * condition or phase fails it, and so do the fail-fast conditions of its Pods.
 */
final class HookRules {
  private HookRules() {}

  static Readiness job(Job job, Related related, Settings s) {
    if (job.getStatus() != null && job.getStatus().getConditions() != null) {
      for (JobCondition c : job.getStatus().getConditions()) {
        if ("Complete".equals(c.getType()) && "True".equals(c.getStatus())) {
          return Readiness.ready(describe(job) + " completed");
        }
      }
    }
    int active = job.getStatus() == null ? 0 : orZero(job.getStatus().getActive());
    int succeeded = job.getStatus() == null ? 0 : orZero(job.getStatus().getSucceeded());
    int failed = job.getStatus() == null ? 0 : orZero(job.getStatus().getFailed());
    Readiness running = Readiness.inProgress(describe(job) + ": " + active + " active, "
        + succeeded + " succeeded, " + failed + " failed");
    return ReadinessRules.failFast(running, () -> ReadinessRules.jobFailure(job, related, s));
  }

  static Readiness pod(Pod pod, Settings s) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase)) {
      return Readiness.ready(describe(pod) + " succeeded");
    }
    if ("Failed".equals(phase)) {
      return Readiness.failed("pod " + Objs.name(pod) + " failed", terminations(pod));
    }
    Readiness running = Readiness.inProgress(describe(pod) + " is "
        + (phase == null ? "not started" : phase));
    return ReadinessRules.failFast(running, () -> FailFastChecks.pod(pod, s.failFast()));
  }

  /** How the pod's containers ended: {@code container c: Error (exit code 1): message}. */
  private static String terminations(Pod pod) {
    List<String> out = new ArrayList<>();
    List<ContainerStatus> all = new ArrayList<>();
    if (pod.getStatus().getInitContainerStatuses() != null) {
      all.addAll(pod.getStatus().getInitContainerStatuses());
    }
    if (pod.getStatus().getContainerStatuses() != null) {
      all.addAll(pod.getStatus().getContainerStatuses());
    }
    for (ContainerStatus cs : all) {
      ContainerStateTerminated t = cs.getState() == null ? null : cs.getState().getTerminated();
      if (t != null && orZero(t.getExitCode()) != 0) {
        String message = Objs.orEmpty(t.getMessage()).strip();
        out.add("container " + cs.getName() + ": " + Objs.orEmpty(t.getReason())
            + " (exit code " + t.getExitCode() + ")" + (message.isEmpty() ? "" : ": " + message));
      }
    }
    String reason = pod.getStatus().getReason();
    if (out.isEmpty() && reason != null) {
      out.add(reason + (pod.getStatus().getMessage() == null ? ""
          : ": " + pod.getStatus().getMessage()));
    }
    return String.join("; ", out);
  }
}
