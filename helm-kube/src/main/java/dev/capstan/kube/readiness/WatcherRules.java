package dev.capstan.kube.readiness;

import static dev.capstan.kube.readiness.ReadinessRules.failFast;
import static dev.capstan.kube.readiness.ReadinessRules.key;
import static dev.capstan.kube.readiness.Trees.integer;
import static dev.capstan.kube.readiness.Trees.string;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Helm 4's watcher rules: kstatus ({@code status.Compute}, in the fluxcd fork {@code
 * v0.37.2-flux.1} that Helm 4.1 pins) with Helm's own Job reader for {@code --wait-for-jobs} and
 * paused Deployments counted as done (Helm skips them by their manifest; here the live
 * {@code spec.paused} decides). Messages are kstatus' own, so a waiter
 * can print Helm's {@code resource <Kind>/<ns>/<name> not ready. status: <S>, message: <M>}.
 *
 * <p>kstatus' {@code Terminating} status is reported as IN_PROGRESS, its {@code Current} as READY.
 */
final class WatcherRules {

  /** How long kstatus lets an unschedulable Pod stay pending before it fails. */
  static final Duration SCHEDULE_WINDOW = Duration.ofSeconds(15);

  private WatcherRules() {}

  static Map<String, ReadinessRule> rules(Settings s) {
    Map<String, ReadinessRule> m = new LinkedHashMap<>();
    m.put(key("", "Pod"), (o, r) -> {
      Readiness base = compute(o, s, t -> pod(t, s));
      return failFast(base, () -> FailFastChecks.pod(s.as(o, Pod.class), s.failFast()));
    });
    m.put(key("", "Service"), (o, r) -> compute(o, s, WatcherRules::service));
    m.put(key("", "Secret"), (o, r) -> compute(o, s, WatcherRules::alwaysReady));
    m.put(key("", "ConfigMap"), (o, r) -> compute(o, s, WatcherRules::alwaysReady));
    m.put(key("", "PersistentVolumeClaim"), (o, r) -> compute(o, s, WatcherRules::pvc));
    m.put(key("", "ReplicationController"), (o, r) -> {
      ReplicationController rc = Specs.of(s.as(o, ReplicationController.class));
      return failFast(compute(o, s, t -> null),
          () -> podsFailure(rc, LegacyRules.selectorOf(rc), r, s));
    });
    ReadinessRule deployment = (o, r) -> {
      Deployment d = Specs.of(s.as(o, Deployment.class));
      if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
        return Readiness.ready(Objs.describe(d) + " is paused");
      }
      return failFast(compute(o, s, WatcherRules::deployment), () -> ReadinessRules
          .deploymentFailure(d, NewReplicaSet.find(d, r, s.serialization()), r, s));
    };
    ReadinessRule replicaSet = (o, r) -> {
      ReplicaSet rs = Specs.of(s.as(o, ReplicaSet.class));
      return failFast(compute(o, s, WatcherRules::replicaSet),
          () -> podsFailure(rs, rs.getSpec().getSelector(), r, s));
    };
    ReadinessRule daemonSet = (o, r) -> {
      DaemonSet ds = Specs.of(s.as(o, DaemonSet.class));
      return failFast(compute(o, s, WatcherRules::daemonSet),
          () -> podsFailure(ds, ds.getSpec().getSelector(), r, s));
    };
    for (String g : List.of("apps", "extensions")) {
      m.put(key(g, "Deployment"), deployment);
      m.put(key(g, "ReplicaSet"), replicaSet);
      m.put(key(g, "DaemonSet"), daemonSet);
    }
    m.put(key("apps", "StatefulSet"), (o, r) -> {
      StatefulSet sts = Specs.of(s.as(o, StatefulSet.class));
      return failFast(compute(o, s, WatcherRules::statefulSet),
          () -> podsFailure(sts, sts.getSpec().getSelector(), r, s));
    });
    m.put(key("policy", "PodDisruptionBudget"),
        (o, r) -> compute(o, s, t -> current("AllowedDisruptions has been computed.")));
    m.put(key("batch", "CronJob"), (o, r) -> compute(o, s, WatcherRules::alwaysReady));
    m.put(key("batch", "Job"), (o, r) -> {
      Job job = Specs.of(s.as(o, Job.class));
      // Helm's --wait-for-jobs reader replaces kstatus and skips its generic checks.
      Readiness base = s.waitForJobs() ? helmJob(s.tree(o)) : compute(o, s, WatcherRules::job);
      return failFast(base, () -> ReadinessRules.jobFailure(job, r, s));
    });
    m.put(key("apiextensions.k8s.io", "CustomResourceDefinition"),
        (o, r) -> compute(o, s, WatcherRules::crd));
    return Map.copyOf(m);
  }

  /** The kstatus rules for a kind without a rule of its own. */
  static Readiness generic(HasMetadata o, Settings s) {
    return compute(o, s, t -> null);
  }

  /**
   * kstatus' {@code Compute}: generic checks, then {@code specific} (null when it has no opinion),
   * then the {@code Ready} condition, else current.
   */
  private static Readiness compute(
      HasMetadata o, Settings s, Function<Map<String, Object>, Readiness> specific) {
    Map<String, Object> t = s.tree(o);
    Readiness res = genericProperties(t, o.getKind());
    if (res != null) {
      return res;
    }
    res = specific.apply(t);
    if (res != null) {
      return res;
    }
    for (Trees.Condition c : Trees.conditions(t)) {
      if (!"Ready".equals(c.type())) {
        continue;
      }
      if ("True".equals(c.status())) {
        return current("Resource is Ready");
      }
      if ("False".equals(c.status()) || "Unknown".equals(c.status())) {
        return inProgress(c.reason(), c.message());
      }
    }
    return current("Resource is current");
  }

  private static Readiness genericProperties(Map<String, Object> t, String kind) {
    if (!string(t, "", "metadata", "deletionTimestamp").isEmpty()) {
      return Readiness.inProgress("Resource scheduled for deletion");
    }
    if (Trees.has(t, "metadata", "generation") && Trees.has(t, "status", "observedGeneration")) {
      long generation = integer(t, 0, "metadata", "generation");
      long observed = integer(t, 0, "status", "observedGeneration");
      if (generation != observed) {
        return Readiness.inProgress(kind + " generation is " + generation
            + ", but latest observed generation is " + observed);
      }
    }
    for (Trees.Condition c : Trees.conditions(t)) {
      if ("Reconciling".equals(c.type()) && "True".equals(c.status())) {
        return inProgress(c.reason(), c.message());
      }
      if ("Stalled".equals(c.type()) && "True".equals(c.status())) {
        return failed(c.reason(), c.message());
      }
    }
    return null;
  }

  private static String stalledCause(String reason, String message) {
    if (reason.isEmpty()) {
      return message;
    }
    return message.isEmpty() ? reason : reason + ": " + message;
  }

  private static Readiness current(String message) {
    return Readiness.ready(message);
  }

  private static Readiness inProgress(String reason, String message) {
    return Readiness.inProgress(message.isEmpty() ? reason : message);
  }

  private static Readiness failed(String reason, String message) {
    return Readiness.failed(message.isEmpty() ? reason : message, stalledCause(reason, message));
  }

  private static Readiness alwaysReady(Map<String, Object> t) {
    return current("Resource is always ready");
  }

  private static Readiness service(Map<String, Object> t) {
    String type = string(t, "ClusterIP", "spec", "type");
    if ("LoadBalancer".equals(type) && string(t, "", "spec", "clusterIP").isEmpty()) {
      return Readiness.inProgress("ClusterIP not set. Service type: LoadBalancer");
    }
    return current("Service is ready");
  }

  private static Readiness pvc(Map<String, Object> t) {
    String phase = string(t, "unknown", "status", "phase");
    if (!"Bound".equals(phase)) {
      return Readiness.inProgress("PVC is not Bound. phase: " + phase);
    }
    return current("PVC is Bound");
  }

  private static Readiness pod(Map<String, Object> t, Settings s) {
    List<Trees.Condition> conditions = Trees.conditions(t);
    String phase = string(t, "", "status", "phase");
    switch (phase) {
      case "Succeeded":
        return current("Pod has completed successfully");
      case "Failed":
        return current("Pod has completed, but not successfully");
      case "Running": {
        if (has(conditions, "Ready", "True")) {
          return current("Pod is Ready");
        }
        List<String> crashing = crashLooping(t);
        if (!crashing.isEmpty()) {
          return failed("ContainerCrashLooping",
              "Containers in CrashLoop state: " + String.join(",", crashing));
        }
        return Readiness.inProgress("Pod is running but is not Ready");
      }
      case "Pending": {
        for (Trees.Condition c : conditions) {
          if ("PodScheduled".equals(c.type()) && "False".equals(c.status())) {
            if ("Unschedulable".equals(c.reason())) {
              Instant created = parse(string(t, "", "metadata", "creationTimestamp"));
              if (s.clock().instant().minus(SCHEDULE_WINDOW).isBefore(created)) {
                return Readiness.inProgress("Pod has not been scheduled");
              }
              return failed("PodUnschedulable", "Pod could not be scheduled");
            }
            break;
          }
        }
        return Readiness.inProgress("Pod is in the Pending phase");
      }
      case "":
        return Readiness.inProgress("Pod phase not available");
      default:
        return Readiness.inProgress("unknown phase " + phase);
    }
  }

  private static Instant parse(String timestamp) {
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  private static List<String> crashLooping(Map<String, Object> t) {
    List<String> names = new ArrayList<>();
    if (Trees.at(t, "status", "containerStatuses") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> cs && cs.get("name") instanceof String name
            && cs.get("state") instanceof Map<?, ?> state
            && state.get("waiting") instanceof Map<?, ?> waiting
            && "CrashLoopBackOff".equals(waiting.get("reason"))) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static boolean has(List<Trees.Condition> conditions, String type, String status) {
    return conditions.stream().anyMatch(c -> type.equals(c.type()) && status.equals(c.status()));
  }

  private static Readiness statefulSet(Map<String, Object> t) {
    if ("OnDelete".equals(string(t, "", "spec", "updateStrategy", "type"))) {
      return current("StatefulSet is using the ondelete update strategy");
    }
    long spec = integer(t, 1, "spec", "replicas");
    long ready = integer(t, 0, "status", "readyReplicas");
    long currentReplicas = integer(t, 0, "status", "currentReplicas");
    long updated = integer(t, 0, "status", "updatedReplicas");
    long status = integer(t, 0, "status", "replicas");
    long partition = integer(t, -1, "spec", "updateStrategy", "rollingUpdate", "partition");
    if (spec > status) {
      return Readiness.inProgress("Replicas: " + status + "/" + spec);
    }
    if (spec > ready) {
      return Readiness.inProgress("Ready: " + ready + "/" + spec);
    }
    if (status > spec) {
      return Readiness.inProgress("Pending termination: " + (status - spec));
    }
    if (partition != -1) {
      if (updated < spec - partition) {
        return Readiness.inProgress("updated: " + updated + "/" + (spec - partition));
      }
      return current("Partition rollout complete. updated: " + updated);
    }
    if (spec > currentReplicas) {
      return Readiness.inProgress("current: " + currentReplicas + "/" + spec);
    }
    if (!string(t, "", "status", "currentRevision")
        .equals(string(t, "", "status", "updateRevision"))) {
      return Readiness.inProgress("Waiting for updated revision to match current");
    }
    return current("All replicas scheduled as expected. Replicas: " + status);
  }

  private static Readiness deployment(Map<String, Object> t) {
    boolean progressing = !Trees.has(t, "spec", "progressDeadlineSeconds")
        || integer(t, Integer.MAX_VALUE, "spec", "progressDeadlineSeconds") == Integer.MAX_VALUE;
    boolean available = false;
    for (Trees.Condition c : Trees.conditions(t)) {
      if ("Progressing".equals(c.type())) {
        if ("ProgressDeadlineExceeded".equals(c.reason())) {
          return Readiness.failed("Progress deadline exceeded", stalledCause(c.reason(),
              c.message()));
        }
        if ("True".equals(c.status()) && "NewReplicaSetAvailable".equals(c.reason())) {
          progressing = true;
        }
      } else if ("Available".equals(c.type()) && "True".equals(c.status())) {
        available = true;
      }
    }
    long spec = integer(t, 1, "spec", "replicas");
    long status = integer(t, 0, "status", "replicas");
    long updated = integer(t, 0, "status", "updatedReplicas");
    long ready = integer(t, 0, "status", "readyReplicas");
    long availableReplicas = integer(t, 0, "status", "availableReplicas");
    if (spec > status) {
      return Readiness.inProgress("Replicas: " + status + "/" + spec);
    }
    if (spec > updated) {
      return Readiness.inProgress("Updated: " + updated + "/" + spec);
    }
    if (status > spec) {
      return Readiness.inProgress("Pending termination: " + (status - spec));
    }
    if (updated > availableReplicas) {
      return Readiness.inProgress("Available: " + availableReplicas + "/" + updated);
    }
    if (spec > ready) {
      return Readiness.inProgress("Ready: " + ready + "/" + spec);
    }
    if (!progressing) {
      return Readiness.inProgress("ReplicaSet not Available");
    }
    if (!available) {
      return Readiness.inProgress("Deployment not Available");
    }
    return current("Deployment is available. Replicas: " + status);
  }

  private static Readiness replicaSet(Map<String, Object> t) {
    for (Trees.Condition c : Trees.conditions(t)) {
      if ("ReplicaFailure".equals(c.type()) && "True".equals(c.status())) {
        return Readiness.inProgress("Replica Failure condition. Check Pods");
      }
    }
    long spec = integer(t, 1, "spec", "replicas");
    long status = integer(t, 0, "status", "replicas");
    long ready = integer(t, 0, "status", "readyReplicas");
    long available = integer(t, 0, "status", "availableReplicas");
    long labelled = integer(t, 0, "status", "fullyLabeledReplicas");
    if (spec > labelled) {
      return Readiness.inProgress("Labelled: " + labelled + "/" + spec);
    }
    if (spec > available) {
      return Readiness.inProgress("Available: " + available + "/" + spec);
    }
    if (spec > ready) {
      return Readiness.inProgress("Ready: " + ready + "/" + spec);
    }
    if (status > spec) {
      return Readiness.inProgress("Pending termination: " + (status - spec));
    }
    return current("ReplicaSet is available. Replicas: " + status);
  }

  private static Readiness daemonSet(Map<String, Object> t) {
    String kind = string(t, "DaemonSet", "kind");
    if (!Trees.has(t, "metadata", "generation")) {
      return Readiness.inProgress(kind + " metadata.generation not found");
    }
    if (!Trees.has(t, "status", "observedGeneration")) {
      return Readiness.inProgress(kind + " status.observedGeneration not found");
    }
    long desired = integer(t, -1, "status", "desiredNumberScheduled");
    long currentScheduled = integer(t, 0, "status", "currentNumberScheduled");
    long updated = integer(t, 0, "status", "updatedNumberScheduled");
    long available = integer(t, 0, "status", "numberAvailable");
    long ready = integer(t, 0, "status", "numberReady");
    if (desired == -1) {
      return Readiness.inProgress("Missing .status.desiredNumberScheduled");
    }
    if (desired > currentScheduled) {
      return Readiness.inProgress("Current: " + currentScheduled + "/" + desired);
    }
    if (desired > updated) {
      return Readiness.inProgress("Updated: " + updated + "/" + desired);
    }
    if (desired > available) {
      return Readiness.inProgress("Available: " + available + "/" + desired);
    }
    if (desired > ready) {
      return Readiness.inProgress("Ready: " + ready + "/" + desired);
    }
    return current("All replicas scheduled as expected. Replicas: " + desired);
  }

  private static Readiness job(Map<String, Object> t) {
    long parallelism = integer(t, 1, "spec", "parallelism");
    long completions = integer(t, parallelism, "spec", "completions");
    long succeeded = integer(t, 0, "status", "succeeded");
    long active = integer(t, 0, "status", "active");
    long failedPods = integer(t, 0, "status", "failed");
    // The fluxcd fork that Helm 4 pins (v0.37.2-flux.1) has no "Suspended" case, unlike
    // upstream kstatus: a suspended Job that never started stays in progress.
    for (Trees.Condition c : Trees.conditions(t)) {
      if ("Complete".equals(c.type()) && "True".equals(c.status())) {
        return current("Job Completed. succeeded: " + succeeded + "/" + completions);
      }
      if ("Failed".equals(c.type()) && "True".equals(c.status())) {
        return failed("JobFailed", "Job Failed. failed: " + failedPods + "/" + completions);
      }
    }
    if (string(t, "", "status", "startTime").isEmpty()) {
      return Readiness.inProgress("Job not started");
    }
    return current("Job in progress. success:" + succeeded + ", active: " + active
        + ", failed: " + failedPods);
  }

  /** Helm's custom Job reader for {@code --wait-for-jobs} (no kstatus generic checks). */
  private static Readiness helmJob(Map<String, Object> t) {
    long parallelism = integer(t, 1, "spec", "parallelism");
    long completions = integer(t, parallelism, "spec", "completions");
    long succeeded = integer(t, 0, "status", "succeeded");
    long failedPods = integer(t, 0, "status", "failed");
    for (Trees.Condition c : Trees.conditions(t)) {
      if ("Complete".equals(c.type()) && "True".equals(c.status())) {
        return current("Job Completed. succeeded: " + succeeded + "/" + completions);
      }
      if ("Failed".equals(c.type()) && "True".equals(c.status())) {
        return failed("JobFailed", "Job Failed. failed: " + failedPods + "/" + completions);
      }
    }
    return Readiness.inProgress("Job in progress");
  }

  private static Readiness crd(Map<String, Object> t) {
    for (Trees.Condition c : Trees.conditions(t)) {
      if ("NamesAccepted".equals(c.type()) && "False".equals(c.status())) {
        return failed(c.reason(), c.message());
      }
      if ("Established".equals(c.type())) {
        if ("False".equals(c.status()) && !"Installing".equals(c.reason())) {
          return failed(c.reason(), c.message());
        }
        if ("True".equals(c.status())) {
          return current("CRD is established");
        }
      }
    }
    return Readiness.inProgress("Install in progress");
  }

  private static Optional<Readiness> podsFailure(
      HasMetadata owner, io.fabric8.kubernetes.api.model.LabelSelector selector, Related related,
      Settings s) {
    return FailFastChecks.pods(Objs.namespace(owner), selector, related, s.failFast())
        .map(f -> Readiness.failed(Objs.describe(owner) + ": " + f.reason(), f.cause().orElse("")));
  }
}
