package dev.capstan.kube.readiness;

import static dev.capstan.kube.readiness.Objs.describe;
import static dev.capstan.kube.readiness.Objs.generation;
import static dev.capstan.kube.readiness.Objs.orZero;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Helm's legacy readiness rules ({@code pkg/kube/ready.go}, §5.6 of the spec), one method per kind.
 * Each returns the plain Helm verdict; {@link ReadinessRules} adds the fail-fast checks.
 */
final class LegacyRules {

  /** Kubernetes' default {@code spec.backoffLimit} of a Job. */
  static final int DEFAULT_BACKOFF_LIMIT = 6;

  private LegacyRules() {}

  static Readiness pod(Pod pod) {
    if (podReady(pod)) {
      return Readiness.ready(describe(pod) + " is Ready");
    }
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return Readiness.inProgress(
        describe(pod) + " is not Ready" + (phase == null ? "" : " (phase " + phase + ")"));
  }

  static boolean podReady(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return false;
    }
    for (PodCondition c : pod.getStatus().getConditions()) {
      if ("Ready".equals(c.getType()) && "True".equals(c.getStatus())) {
        return true;
      }
    }
    return false;
  }

  static Readiness job(Job job, boolean waitForJobs) {
    if (!waitForJobs) {
      return Readiness.ready(describe(job) + " is not waited for without wait-for-jobs");
    }
    int failed = job.getStatus() == null ? 0 : orZero(job.getStatus().getFailed());
    int succeeded = job.getStatus() == null ? 0 : orZero(job.getStatus().getSucceeded());
    int backoffLimit = backoffLimit(job);
    if (failed > backoffLimit) {
      return Readiness.failed(
          "job is failed: " + Objs.path(job),
          failed + " failed pod" + Objs.plural(failed) + " exceed backoffLimit " + backoffLimit);
    }
    Integer completions = job.getSpec() == null ? null : job.getSpec().getCompletions();
    if (completions != null && succeeded < completions) {
      return Readiness.inProgress(
          describe(job) + ": " + succeeded + " of " + completions + " completions succeeded");
    }
    return Readiness.ready(describe(job) + " is complete");
  }

  static int backoffLimit(Job job) {
    Integer limit = job.getSpec() == null ? null : job.getSpec().getBackoffLimit();
    return limit == null ? DEFAULT_BACKOFF_LIMIT : limit;
  }

  static Readiness deployment(Deployment d, Optional<ReplicaSet> newRs) {
    if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
      return Readiness.ready(describe(d) + " is paused");
    }
    if (newRs.isEmpty()) {
      return Readiness.inProgress(describe(d) + ": its new ReplicaSet does not exist yet");
    }
    ReplicaSet rs = newRs.get();
    Optional<Readiness> rsLag = generationLag(rs, rs.getStatus() == null ? null
        : rs.getStatus().getObservedGeneration());
    if (rsLag.isPresent()) {
      return rsLag.get();
    }
    Optional<Readiness> lag = generationLag(d, d.getStatus() == null ? null
        : d.getStatus().getObservedGeneration());
    if (lag.isPresent()) {
      return lag.get();
    }
    int replicas = replicas(d);
    int maxUnavailable = Rollout.maxUnavailable(d, replicas);
    int ready = rs.getStatus() == null ? 0 : orZero(rs.getStatus().getReadyReplicas());
    String counts =
        ready + " of " + replicas + " replica" + Objs.plural(replicas)
            + " of the new ReplicaSet " + Objs.name(rs) + " ready ("
            + maxUnavailable + " may be unavailable)";
    if (ready < replicas - maxUnavailable) {
      return Readiness.inProgress(describe(d) + ": " + counts);
    }
    return Readiness.ready(describe(d) + ": " + counts);
  }

  /** Returns {@code spec.replicas}, 1 when absent as the API server defaults it. */
  static int replicas(Deployment d) {
    Integer r = d.getSpec().getReplicas();
    return r == null ? 1 : r;
  }

  static Readiness replicaSet(ReplicaSet rs, Related related) {
    Optional<Readiness> lag =
        generationLag(rs, rs.getStatus() == null ? null : rs.getStatus().getObservedGeneration());
    if (lag.isPresent()) {
      return lag.get();
    }
    return podsReady(rs, rs.getSpec() == null ? null : rs.getSpec().getSelector(), related);
  }

  static Readiness replicationController(ReplicationController rc, Related related) {
    Optional<Readiness> lag =
        generationLag(rc, rc.getStatus() == null ? null : rc.getStatus().getObservedGeneration());
    if (lag.isPresent()) {
      return lag.get();
    }
    return podsReady(rc, selectorOf(rc), related);
  }

  /** Returns the selector of a ReplicationController as a label selector (null when absent). */
  static LabelSelector selectorOf(ReplicationController rc) {
    Map<String, String> sel = rc.getSpec() == null ? null : rc.getSpec().getSelector();
    return sel == null ? null : new LabelSelectorBuilder().withMatchLabels(sel).build();
  }

  private static Readiness podsReady(HasMetadata owner, LabelSelector selector, Related related) {
    List<Pod> pods = new ArrayList<>(related.pods(Objs.namespace(owner), selector));
    pods.sort(java.util.Comparator.comparing(Objs::name));
    List<String> notReady = new ArrayList<>();
    for (Pod p : pods) {
      if (!podReady(p)) {
        notReady.add(Objs.name(p));
      }
    }
    int ready = pods.size() - notReady.size();
    String counts = ready + " of " + pods.size() + " pod" + Objs.plural(pods.size()) + " ready";
    if (!notReady.isEmpty()) {
      return Readiness.inProgress(
          describe(owner) + ": " + counts + ", not ready: " + String.join(", ", notReady));
    }
    return Readiness.ready(describe(owner) + ": " + counts);
  }

  static Readiness statefulSet(StatefulSet sts) {
    StatefulSetStatus st = sts.getStatus() == null ? new StatefulSetStatus() : sts.getStatus();
    Optional<Readiness> lag = generationLag(sts, st.getObservedGeneration());
    if (lag.isPresent()) {
      return lag.get();
    }
    var strategy = sts.getSpec().getUpdateStrategy();
    if (strategy == null || !"RollingUpdate".equals(strategy.getType())) {
      return Readiness.ready(describe(sts) + " does not use the RollingUpdate strategy");
    }
    int partition = 0;
    if (strategy.getRollingUpdate() != null && strategy.getRollingUpdate().getPartition() != null) {
      partition = strategy.getRollingUpdate().getPartition();
    }
    int replicas = sts.getSpec().getReplicas() == null ? 1 : sts.getSpec().getReplicas();
    int expectedUpdated = replicas - partition;
    int updated = orZero(st.getUpdatedReplicas());
    int ready = orZero(st.getReadyReplicas());
    if (updated < expectedUpdated) {
      return Readiness.inProgress(
          describe(sts) + ": " + updated + " of " + expectedUpdated + " replica"
              + Objs.plural(expectedUpdated) + " updated (partition " + partition + ")");
    }
    if (ready != replicas) {
      return Readiness.inProgress(
          describe(sts) + ": " + ready + " of " + replicas + " replica"
              + Objs.plural(replicas) + " ready");
    }
    if (partition == 0 && !Objs.orEmpty(st.getCurrentRevision())
        .equals(Objs.orEmpty(st.getUpdateRevision()))) {
      return Readiness.inProgress(
          describe(sts) + ": current revision " + Objs.orEmpty(st.getCurrentRevision())
              + " is not the update revision " + Objs.orEmpty(st.getUpdateRevision()));
    }
    return Readiness.ready(
        describe(sts) + ": " + ready + " of " + replicas + " replica" + Objs.plural(replicas)
            + " ready");
  }

  static Readiness daemonSet(DaemonSet ds) {
    DaemonSetStatus st = ds.getStatus() == null ? new DaemonSetStatus() : ds.getStatus();
    Optional<Readiness> lag = generationLag(ds, st.getObservedGeneration());
    if (lag.isPresent()) {
      return lag.get();
    }
    var strategy = ds.getSpec().getUpdateStrategy();
    if (strategy == null || !"RollingUpdate".equals(strategy.getType())) {
      return Readiness.ready(describe(ds) + " does not use the RollingUpdate strategy");
    }
    int desired = orZero(st.getDesiredNumberScheduled());
    int updated = orZero(st.getUpdatedNumberScheduled());
    if (updated != desired) {
      return Readiness.inProgress(
          describe(ds) + ": " + updated + " of " + desired + " updated pod"
              + Objs.plural(desired) + " scheduled");
    }
    int maxUnavailable;
    try {
      maxUnavailable = Rollout.scaled(
          strategy.getRollingUpdate() == null ? null
              : strategy.getRollingUpdate().getMaxUnavailable(), desired, true);
    } catch (IllegalArgumentException e) {
      maxUnavailable = desired;
    }
    int expected = desired - maxUnavailable;
    int ready = orZero(st.getNumberReady());
    String counts = ready + " of " + desired + " pod" + Objs.plural(desired) + " ready ("
        + maxUnavailable + " may be unavailable)";
    if (ready < expected) {
      return Readiness.inProgress(describe(ds) + ": " + counts);
    }
    return Readiness.ready(describe(ds) + ": " + counts);
  }

  static Readiness persistentVolumeClaim(PersistentVolumeClaim pvc) {
    String phase = pvc.getStatus() == null ? null : pvc.getStatus().getPhase();
    if ("Bound".equals(phase)) {
      return Readiness.ready(describe(pvc) + " is Bound");
    }
    return Readiness.inProgress(
        describe(pvc) + " is not Bound" + (phase == null ? "" : " (phase " + phase + ")"));
  }

  static Readiness service(Service svc) {
    ServiceSpec spec = svc.getSpec();
    String type = spec == null ? null : spec.getType();
    if ("ExternalName".equals(type)) {
      return Readiness.ready(describe(svc) + " is an ExternalName Service");
    }
    if (spec == null || spec.getClusterIP() == null || spec.getClusterIP().isEmpty()) {
      return Readiness.inProgress(describe(svc) + " has no cluster IP yet");
    }
    if ("LoadBalancer".equals(type)) {
      if (spec.getExternalIPs() != null && !spec.getExternalIPs().isEmpty()) {
        return Readiness.ready(describe(svc) + " has external IPs " + spec.getExternalIPs());
      }
      // Helm tests for a nil list; the API server omits an empty one, so empty counts as nil.
      boolean noIngress = svc.getStatus() == null
          || svc.getStatus().getLoadBalancer() == null
          || svc.getStatus().getLoadBalancer().getIngress() == null
          || svc.getStatus().getLoadBalancer().getIngress().isEmpty();
      if (noIngress) {
        return Readiness.inProgress(describe(svc) + " has no load balancer ingress yet");
      }
    }
    return Readiness.ready(describe(svc) + " has cluster IP " + spec.getClusterIP());
  }

  static Readiness customResourceDefinition(HasMetadata crd, Map<String, Object> tree) {
    for (Trees.Condition c : Trees.conditions(tree)) {
      if ("Established".equals(c.type()) && "True".equals(c.status())) {
        return Readiness.ready(describe(crd) + " is Established");
      }
      if ("NamesAccepted".equals(c.type()) && "False".equals(c.status())) {
        return Readiness.ready(
            describe(crd) + " names were not accepted (" + c.reason() + "); treated as done");
      }
    }
    return Readiness.inProgress(describe(crd) + " is not Established yet");
  }

  /** Returns IN_PROGRESS when {@code status.observedGeneration} differs from the generation. */
  static Optional<Readiness> generationLag(HasMetadata o, Long observedGeneration) {
    long observed = orZero(observedGeneration);
    long generation = generation(o);
    if (observed != generation) {
      return Optional.of(Readiness.inProgress(
          describe(o) + ": observed generation " + observed + " is not generation " + generation));
    }
    return Optional.empty();
  }
}
