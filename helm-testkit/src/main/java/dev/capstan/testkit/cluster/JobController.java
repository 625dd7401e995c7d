package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Workloads.condition;
import static dev.capstan.testkit.cluster.Workloads.mapOr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Job controller: runs pods from the template ({@code <job>-<suffix>}, owned by the Job) up
 * to {@code parallelism} at a time until {@code completions} (1 when unset) have succeeded, then
 * writes {@code succeeded}, {@code completionTime} and the {@code SuccessCriteriaMet} and {@code
 * Complete} conditions; a failed pod is replaced until more than {@code backoffLimit} (6 when
 * unset) have failed, then the {@code FailureTarget} and {@code Failed} conditions say {@code
 * BackoffLimitExceeded}. Also {@code startTime}, {@code active}, {@code ready} and {@code
 * failed}; a suspended Job runs no pods. Finished Jobs are left alone.
 */
final class JobController {
  private final Store store;

  JobController(Store store) {
    this.store = store;
  }

  void reconcile(ObjectKey key) {
    Map<String, Object> job = store.get(key);
    if (job == null) {
      return;
    }
    Map<String, Object> liveStatus = mapOr(job, "status");
    List<Map<String, Object>> liveConditions = Workloads.maps(liveStatus, "conditions");
    for (Map<String, Object> c : liveConditions) {
      if (("Complete".equals(c.get("type")) || "Failed".equals(c.get("type")))
          && "True".equals(c.get("status"))) {
        return;
      }
    }
    Map<String, Object> spec = mapOr(job, "spec");
    boolean suspended = Boolean.TRUE.equals(spec.get("suspend"));
    int completions = Workloads.integer(spec, "completions", 1);
    int parallelism = Workloads.integer(spec, "parallelism", 1);
    int backoffLimit = Workloads.integer(spec, "backoffLimit", 6);
    String now = store.now();
    List<Map<String, Object>> pods = Workloads.owned(store, "", "Pod", key.namespace(), job);
    int succeeded = count(pods, "Succeeded");
    int failed = count(pods, "Failed");
    List<Map<String, Object>> active = new ArrayList<>();
    for (Map<String, Object> p : pods) {
      if (!Workloads.terminated(p)) {
        active.add(p);
      }
    }
    List<Map<String, Object>> wanted = new ArrayList<>();
    boolean finished = false;
    boolean complete = false;
    if (failed > backoffLimit) {
      String message = "Job has reached the specified backoff limit";
      wanted.add(condition("FailureTarget", "True", "BackoffLimitExceeded", message));
      wanted.add(condition("Failed", "True", "BackoffLimitExceeded", message));
      finished = true;
    } else if (succeeded >= completions) {
      String message = "Reached expected number of succeeded pods";
      wanted.add(condition("SuccessCriteriaMet", "True", "CompletionsReached", message));
      wanted.add(condition("Complete", "True", "CompletionsReached", message));
      finished = true;
      complete = true;
    } else if (suspended) {
      wanted.add(condition("Suspended", "True", "JobSuspended", "Job suspended"));
    }
    if (finished || suspended) {
      for (Map<String, Object> p : active) {
        store.delete(Store.keyOf(p));
      }
      active.clear();
    } else {
      int want = Math.min(parallelism, completions - succeeded);
      for (int i = active.size(); i < want; i++) {
        active.add(store.create(Workloads.podFrom(job, mapOr(spec, "template"), null, Map.of()),
            ControllerManager.CONTROLLER_MANAGER));
      }
    }
    int ready = 0;
    for (Map<String, Object> p : active) {
      Map<String, Object> live = store.get(Store.keyOf(p));
      if (live != null && Workloads.ready(live)) {
        ready++;
      }
    }
    Map<String, Object> status = new LinkedHashMap<>();
    Workloads.putNonZero(status, "active", active.size());
    if (complete) {
      status.put("completionTime", liveStatus.getOrDefault("completionTime", now));
    }
    if (!wanted.isEmpty()) {
      status.put("conditions", Workloads.conditions(wanted, liveConditions, now, false, true));
    }
    Workloads.putNonZero(status, "failed", failed);
    status.put("ready", ready);
    if (!suspended || !Values.string(liveStatus, "startTime").isEmpty()) {
      status.put("startTime", liveStatus.getOrDefault("startTime", now));
    }
    Workloads.putNonZero(status, "succeeded", succeeded);
    status.put("terminating", 0);
    status.put("uncountedTerminatedPods", new LinkedHashMap<>());
    job.put("status", status);
    store.updateStatus(job, ControllerManager.CONTROLLER_MANAGER);
  }

  private static int count(List<Map<String, Object>> pods, String phase) {
    int n = 0;
    for (Map<String, Object> p : pods) {
      if (phase.equals(Workloads.phase(p))) {
        n++;
      }
    }
    return n;
  }
}
