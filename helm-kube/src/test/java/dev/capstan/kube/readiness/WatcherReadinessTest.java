package dev.capstan.kube.readiness;

import static dev.capstan.kube.readiness.Fixtures.NS;
import static dev.capstan.kube.readiness.Fixtures.deployment;
import static dev.capstan.kube.readiness.Fixtures.pod;
import static dev.capstan.kube.readiness.Fixtures.replicaSetOf;
import static dev.capstan.kube.readiness.Fixtures.waiting;
import static dev.capstan.kube.readiness.Fixtures.waitingPod;
import static dev.capstan.kube.readiness.Readiness.State.FAILED;
import static dev.capstan.kube.readiness.Readiness.State.IN_PROGRESS;
import static dev.capstan.kube.readiness.Readiness.State.READY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.kube.readiness.Readiness.State;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("WATCHER readiness rules (kstatus, Helm 4 --wait=watcher)")
class WatcherReadinessTest {

  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final ReadinessRules RULES = ReadinessRules.builder(WaitStrategy.WATCHER)
      .serialization(SERIALIZATION).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  static final ReadinessRules WITH_JOBS = RULES.toBuilder().waitForJobs(true).build();

  /** A custom resource with the given generation, observed generation and conditions. */
  static GenericKubernetesResource widget(Long generation, Long observed, String... conditions) {
    Map<String, Object> status = new LinkedHashMap<>();
    if (observed != null) {
      status.put("observedGeneration", observed);
    }
    List<Object> list = new ArrayList<>();
    for (String c : conditions) {
      String[] p = c.split(":", -1);
      list.add(Map.of("type", p[0], "status", p[1], "reason", p[2], "message", p[3]));
    }
    if (!list.isEmpty()) {
      status.put("conditions", list);
    }
    return new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1")
        .withKind("Widget")
        .withNewMetadata().withName("w").withNamespace(NS).withGeneration(generation).endMetadata()
        .withAdditionalProperties(Map.of("status", status)).build();
  }

  @Nested
  @DisplayName("generic rules for kinds without a rule of their own")
  class Generic {
    @Test
    @DisplayName("no conditions at all means current")
    void noConditions() {
      Readiness r = RULES.check(widget(1L, 1L), Related.none());
      assertThat(r.state()).isEqualTo(READY);
      assertThat(r.reason()).isEqualTo("Resource is current");
    }

    @Test
    @DisplayName("observedGeneration behind generation is in progress, with kstatus' message")
    void generationLag() {
      Readiness r = RULES.check(widget(3L, 2L, "Ready:True::"), Related.none());
      assertThat(r.state()).isEqualTo(IN_PROGRESS);
      assertThat(r.reason()).isEqualTo("Widget generation is 3, but latest observed generation "
          + "is 2");
      assertThat(RULES.check(widget(3L, null, "Ready:True::"), Related.none()).state())
          .isEqualTo(READY);
    }

    @Test
    @DisplayName("numbers read as doubles (Capstan's YAML value model) count as integers")
    void doubles() {
      GenericKubernetesResource w = new GenericKubernetesResourceBuilder()
          .withApiVersion("example.com/v1").withKind("Widget")
          .withNewMetadata().withName("w").withNamespace(NS).withGeneration(3L).endMetadata()
          .withAdditionalProperties(Map.of("status", Map.of("observedGeneration", 2.0)))
          .build();
      assertThat(RULES.check(w, Related.none()).reason())
          .isEqualTo("Widget generation is 3, but latest observed generation is 2");
    }

    @Test
    @DisplayName("a deletionTimestamp means terminating, which is still in progress")
    void terminating() {
      GenericKubernetesResource w = new GenericKubernetesResourceBuilder(widget(1L, 1L))
          .editMetadata().withDeletionTimestamp("2026-03-01T11:00:00Z").endMetadata().build();
      Readiness r = RULES.check(w, Related.none());
      assertThat(r.state()).isEqualTo(IN_PROGRESS);
      assertThat(r.reason()).isEqualTo("Resource scheduled for deletion");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Ready:True:Done:all good | READY | Resource is Ready",
        "Ready:False:Waiting:waiting for db | IN_PROGRESS | waiting for db",
        "Ready:Unknown:Pending: | IN_PROGRESS | Pending",
        "Reconciling:True:Updating:updating pods | IN_PROGRESS | updating pods",
        "Stalled:True:BadSpec:spec.size is negative | FAILED | spec.size is negative",
        "Stalled:False:x:y | READY | Resource is current",
        "Other:False:x:y | READY | Resource is current",
    })
    @DisplayName("Ready, Reconciling and Stalled conditions decide the state")
    void conditions(String condition, State expected, String reason) {
      Readiness r = RULES.check(widget(1L, 1L, condition), Related.none());
      assertThat(r.state()).isEqualTo(expected);
      assertThat(r.reason()).isEqualTo(reason);
      if (expected == FAILED) {
        assertThat(r.cause()).contains("BadSpec: spec.size is negative");
      }
    }

    @Test
    @DisplayName("Stalled=True wins over Ready=True, Reconciling=True over both")
    void precedence() {
      assertThat(RULES.check(widget(1L, 1L, "Ready:True::", "Stalled:True:S:m"), Related.none())
          .state()).isEqualTo(FAILED);
      assertThat(RULES.check(widget(1L, 1L, "Reconciling:True:R:m", "Stalled:True:S:m"),
          Related.none()).state()).isEqualTo(IN_PROGRESS);
    }

    @Test
    @DisplayName("a ConfigMap is always ready, but generic checks still apply")
    void configMap() {
      var cm = new ConfigMapBuilder().withNewMetadata().withName("c").withNamespace(NS)
          .endMetadata().build();
      assertThat(RULES.check(cm, Related.none()).reason()).isEqualTo("Resource is always ready");
      var deleting = new ConfigMapBuilder(cm).editMetadata()
          .withDeletionTimestamp("2026-03-01T11:00:00Z").endMetadata().build();
      assertThat(RULES.check(deleting, Related.none()).state()).isEqualTo(IN_PROGRESS);
    }
  }

  @Nested
  @DisplayName("Deployment")
  class DeploymentRule {
    Deployment available(int spec, int status, int updated, int ready, int available,
        boolean newRsAvailable, boolean availableCondition) {
      DeploymentBuilder b = deployment(spec, "25%", "25%").editSpec()
          .withProgressDeadlineSeconds(600).endSpec()
          .editStatus().withReplicas(status).withUpdatedReplicas(updated)
          .withReadyReplicas(ready).withAvailableReplicas(available).endStatus();
      if (newRsAvailable) {
        b.editStatus().addNewCondition().withType("Progressing").withStatus("True")
            .withReason("NewReplicaSetAvailable").endCondition().endStatus();
      }
      if (availableCondition) {
        b.editStatus().addNewCondition().withType("Available").withStatus("True")
            .withReason("MinimumReplicasAvailable").endCondition().endStatus();
      }
      return b.build();
    }

    @ParameterizedTest(name = "spec={0} status={1} updated={2} ready={3} available={4} "
        + "progressing={5} availableCond={6} -> {7} {8}")
    @CsvSource(delimiter = '|', value = {
        "3|3|3|3|3|true|true|READY|Deployment is available. Replicas: 3",
        "3|2|2|2|2|true|true|IN_PROGRESS|Replicas: 2/3",
        "3|3|2|3|3|true|true|IN_PROGRESS|Updated: 2/3",
        "3|4|3|3|3|true|true|IN_PROGRESS|Pending termination: 1",
        "3|3|3|3|2|true|true|IN_PROGRESS|Available: 2/3",
        // maxUnavailable 25% is not honoured: every replica must be ready
        "4|4|4|3|4|true|true|IN_PROGRESS|Ready: 3/4",
        "3|3|3|3|3|false|true|IN_PROGRESS|ReplicaSet not Available",
        "3|3|3|3|3|true|false|IN_PROGRESS|Deployment not Available",
    })
    @DisplayName("needs all replicas updated, available and ready, and both conditions")
    void table(int spec, int status, int updated, int ready, int availableReplicas,
        boolean progressing, boolean availableCondition, State expected, String reason) {
      Deployment d = available(spec, status, updated, ready, availableReplicas, progressing,
          availableCondition);
      Readiness r = RULES.check(d, new FakeRelated());
      assertThat(r.state()).isEqualTo(expected);
      assertThat(r.reason()).isEqualTo(reason);
    }

    @Test
    @DisplayName("without progressDeadlineSeconds the Progressing condition is not needed")
    void noProgressDeadline() {
      Deployment d = new DeploymentBuilder(available(2, 2, 2, 2, 2, false, true)).editSpec()
          .withProgressDeadlineSeconds(null).endSpec().build();
      assertThat(RULES.check(d, new FakeRelated()).state()).isEqualTo(READY);
    }

    @Test
    @DisplayName("ProgressDeadlineExceeded fails")
    void progressDeadline() {
      Deployment d = new DeploymentBuilder(available(2, 2, 2, 0, 0, false, false)).editStatus()
          .addNewCondition().withType("Progressing").withStatus("False")
          .withReason("ProgressDeadlineExceeded").withMessage("timed out").endCondition()
          .endStatus().build();
      Readiness r = RULES.check(d, new FakeRelated());
      assertThat(r.state()).isEqualTo(FAILED);
      assertThat(r.reason()).isEqualTo("Progress deadline exceeded");
      assertThat(r.cause()).contains("ProgressDeadlineExceeded: timed out");
    }

    @Test
    @DisplayName("a paused Deployment is excluded from waiting, so it counts as ready")
    void paused() {
      Deployment d = new DeploymentBuilder(available(3, 0, 0, 0, 0, false, false)).editSpec()
          .withPaused(true).endSpec().build();
      assertThat(RULES.check(d, new FakeRelated()).state()).isEqualTo(READY);
    }

    @Test
    @DisplayName("observedGeneration lag comes before the replica counts")
    void generationLag() {
      Deployment d = new DeploymentBuilder(available(3, 3, 3, 3, 3, true, true)).editMetadata()
          .withGeneration(2L).endMetadata().build();
      Readiness r = RULES.check(d, new FakeRelated());
      assertThat(r.state()).isEqualTo(IN_PROGRESS);
      assertThat(r.reason()).isEqualTo("Deployment generation is 2, but latest observed "
          + "generation is 1");
    }

    @Test
    @DisplayName("an image error in a pod of the new ReplicaSet fails fast")
    void podImageError() {
      Deployment d = available(1, 1, 1, 0, 0, false, false);
      Pod p = waitingPod("web-1-x", Map.of("app", "web", "pod-template-hash", "1"),
          waiting("app", "InvalidImageName", "bad ref", 0));
      Readiness r = RULES.check(d,
          new FakeRelated().with(replicaSetOf(d, "web-1", "1", 0)).with(p));
      assertThat(r.state()).isEqualTo(FAILED);
      assertThat(r.reason()).contains("Pod ns/web-1-x", "container app", "InvalidImageName",
          "bad ref");
    }
  }

  @Nested
  @DisplayName("Pod")
  class PodRule {
    PodBuilder pod(String phase) {
      return new PodBuilder().withNewMetadata().withName("p").withNamespace(NS)
          .withCreationTimestamp("2026-03-01T11:59:50Z").endMetadata()
          .withNewStatus().withPhase(phase).endStatus();
    }

    @ParameterizedTest(name = "phase {0} ready={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "Succeeded|false|READY|Pod has completed successfully",
        "Failed|false|READY|Pod has completed, but not successfully",
        "Running|true|READY|Pod is Ready",
        "Running|false|IN_PROGRESS|Pod is running but is not Ready",
        "Pending|false|IN_PROGRESS|Pod is in the Pending phase",
        "''|false|IN_PROGRESS|Pod phase not available",
    })
    @DisplayName("follows kstatus: completed pods are current, running ones need Ready")
    void phases(String phase, boolean ready, State expected, String reason) {
      PodBuilder b = pod(phase.isEmpty() ? null : phase);
      b.editStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False")
          .endCondition().endStatus();
      Readiness r = RULES.check(b.build(), Related.none());
      assertThat(r.state()).isEqualTo(expected);
      assertThat(r.reason()).isEqualTo(reason);
    }

    @Test
    @DisplayName("a running pod in CrashLoopBackOff fails, as in kstatus, before the threshold")
    void crashLoop() {
      Pod p = pod("Running").editStatus()
          .withContainerStatuses(waiting("app", "CrashLoopBackOff", "back-off", 1),
              waiting("side", "CrashLoopBackOff", "back-off", 1))
          .endStatus().build();
      Readiness r = RULES.check(p, Related.none());
      assertThat(r.state()).isEqualTo(FAILED);
      assertThat(r.reason()).isEqualTo("Containers in CrashLoop state: app,side");
    }

    @Test
    @DisplayName("a pending pod with an image error fails fast")
    void pendingImageError() {
      Pod p = pod("Pending").editStatus()
          .withContainerStatuses(waiting("app", "ErrImagePull", "manifest unknown", 0))
          .endStatus().build();
      assertThat(RULES.check(p, Related.none()).state()).isEqualTo(FAILED);
    }

    @Test
    @DisplayName("an unschedulable pod fails only once 15 s have passed since its creation")
    void unschedulable() {
      Pod p = pod("Pending").editStatus().addNewCondition().withType("PodScheduled")
          .withStatus("False").withReason("Unschedulable").endCondition().endStatus().build();
      Readiness young = RULES.check(p, Related.none());
      assertThat(young.state()).isEqualTo(IN_PROGRESS);
      assertThat(young.reason()).isEqualTo("Pod has not been scheduled");
      ReadinessRules later = RULES.toBuilder()
          .clock(Clock.fixed(NOW.plusSeconds(6), ZoneOffset.UTC)).build();
      Readiness old = later.check(p, Related.none());
      assertThat(old.state()).isEqualTo(FAILED);
      assertThat(old.reason()).isEqualTo("Pod could not be scheduled");
    }
  }

  @Nested
  @DisplayName("Job")
  class JobRule {
    JobBuilder job() {
      return new JobBuilder().withNewMetadata().withName("migrate").withNamespace(NS)
          .endMetadata().withNewSpec().withCompletions(2).withBackoffLimit(3).endSpec()
          .withNewStatus().endStatus();
    }

    @Test
    @DisplayName("without wait-for-jobs a Job is current once started")
    void started() {
      Readiness notStarted = RULES.check(job().build(), Related.none());
      assertThat(notStarted.state()).isEqualTo(IN_PROGRESS);
      assertThat(notStarted.reason()).isEqualTo("Job not started");
      Readiness started = RULES.check(job().editStatus().withStartTime("2026-03-01T11:00:00Z")
          .withActive(1).endStatus().build(), Related.none());
      assertThat(started.state()).isEqualTo(READY);
      assertThat(started.reason()).isEqualTo("Job in progress. success:0, active: 1, failed: 0");
    }

    @Test
    @DisplayName("a suspended Job that never started stays in progress (Helm's kstatus fork)")
    void suspended() {
      Readiness r = RULES.check(job().editSpec().withSuspend(true).endSpec().editStatus()
          .addNewCondition().withType("Suspended").withStatus("True").endCondition().endStatus()
          .build(), Related.none());
      assertThat(r.state()).isEqualTo(IN_PROGRESS);
      assertThat(r.reason()).isEqualTo("Job not started");
    }

    @Test
    @DisplayName("with wait-for-jobs a Job needs Complete=True, and Failed=True fails it")
    void waitForJobs() {
      JobBuilder running = job().editStatus().withStartTime("2026-03-01T11:00:00Z")
          .withSucceeded(1).endStatus();
      assertThat(WITH_JOBS.check(running.build(), Related.none()).reason())
          .isEqualTo("Job in progress");
      Readiness complete = WITH_JOBS.check(new JobBuilder(running.build()).editStatus()
          .withSucceeded(2).addNewCondition().withType("Complete").withStatus("True")
          .endCondition().endStatus().build(), Related.none());
      assertThat(complete.state()).isEqualTo(READY);
      assertThat(complete.reason()).isEqualTo("Job Completed. succeeded: 2/2");
      Readiness failed = WITH_JOBS.check(new JobBuilder(running.build()).editStatus()
          .withFailed(4).addNewCondition().withType("Failed").withStatus("True")
          .withReason("BackoffLimitExceeded").endCondition().endStatus().build(), Related.none());
      assertThat(failed.state()).isEqualTo(FAILED);
      assertThat(failed.reason()).isEqualTo("Job Failed. failed: 4/2");
    }

    @Test
    @DisplayName("more failed pods than backoffLimit fail fast before the Failed condition")
    void overBackoffLimit() {
      Readiness r = WITH_JOBS.check(job().editStatus().withStartTime("2026-03-01T11:00:00Z")
          .withFailed(4).endStatus().build(), Related.none());
      assertThat(r.state()).isEqualTo(FAILED);
      assertThat(r.reason()).isEqualTo("job is failed: ns/migrate");
    }
  }

  @Nested
  @DisplayName("other built-in kinds")
  class Others {
    @ParameterizedTest(name = "{0}: replicas={1} partition={2} status={3} ready={4} current={5} "
        + "updated={6} -> {7}")
    @CsvSource(delimiter = '|', value = {
        "RollingUpdate|3||3|3|3|3|READY|All replicas scheduled as expected. Replicas: 3",
        "RollingUpdate|3||2|2|2|2|IN_PROGRESS|Replicas: 2/3",
        "RollingUpdate|3||3|2|3|3|IN_PROGRESS|Ready: 2/3",
        "RollingUpdate|3||3|3|1|3|IN_PROGRESS|current: 1/3",
        "RollingUpdate|3|2|3|3|0|1|READY|Partition rollout complete. updated: 1",
        "RollingUpdate|3|2|3|3|0|0|IN_PROGRESS|updated: 0/1",
        "RollingUpdate|3|5|3|3|0|0|READY|Partition rollout complete. updated: 0",
        // an explicit partition 0 (the API server's default) skips the current/revision checks
        "RollingUpdate|3|0|3|3|0|3|READY|Partition rollout complete. updated: 3",
        "OnDelete|3||0|0|0|0|READY|StatefulSet is using the ondelete update strategy",
    })
    @DisplayName("StatefulSet: replicas ready and current, partition-aware")
    void statefulSet(String strategy, int replicas, Integer partition, int status, int ready,
        int current, int updated, State expected, String reason) {
      var sts = new StatefulSetBuilder().withNewMetadata().withName("db").withNamespace(NS)
          .withGeneration(1L).endMetadata()
          .withNewSpec().withReplicas(replicas).withNewUpdateStrategy().withType(strategy)
          .withNewRollingUpdate().withPartition(partition).endRollingUpdate().endUpdateStrategy()
          .endSpec()
          .withNewStatus().withObservedGeneration(1L).withReplicas(status)
          .withReadyReplicas(ready).withCurrentReplicas(current).withUpdatedReplicas(updated)
          .withCurrentRevision("r1").withUpdateRevision("r1").endStatus().build();
      Readiness r = RULES.check(sts, new FakeRelated());
      assertThat(r.state()).isEqualTo(expected);
      assertThat(r.reason()).isEqualTo(reason);
    }

    @Test
    @DisplayName("StatefulSet without partition waits for the update revision to become current")
    void statefulSetRevision() {
      var sts = new StatefulSetBuilder().withNewMetadata().withName("db").withNamespace(NS)
          .endMetadata().withNewSpec().withReplicas(1).endSpec()
          .withNewStatus().withReplicas(1).withReadyReplicas(1).withCurrentReplicas(1)
          .withUpdatedReplicas(1).withCurrentRevision("db-1").withUpdateRevision("db-2")
          .endStatus().build();
      assertThat(RULES.check(sts, new FakeRelated()).reason())
          .isEqualTo("Waiting for updated revision to match current");
      var done = new StatefulSetBuilder(sts).editStatus().withCurrentRevision("db-2").endStatus()
          .build();
      assertThat(RULES.check(done, new FakeRelated()).state()).isEqualTo(READY);
    }

    @Test
    @DisplayName("a generic Deployment gets the same verdict as the typed one")
    void genericDeployment() {
      Deployment d = deployment(2, 1, 0).editStatus().withReplicas(2).withUpdatedReplicas(2)
          .withAvailableReplicas(2).withReadyReplicas(1).endStatus().build();
      GenericKubernetesResource g =
          SERIALIZATION.unmarshal(SERIALIZATION.asJson(d), GenericKubernetesResource.class);
      assertThat(RULES.check(g, new FakeRelated())).isEqualTo(RULES.check(d, new FakeRelated()));
      assertThat(RULES.check(g, new FakeRelated()).reason()).isEqualTo("Ready: 1/2");
    }

    @ParameterizedTest(name = "desired={0} current={1} updated={2} available={3} ready={4} -> {5}")
    @CsvSource(delimiter = '|', value = {
        "3|3|3|3|3|READY|All replicas scheduled as expected. Replicas: 3",
        "3|2|3|3|3|IN_PROGRESS|Current: 2/3",
        "3|3|2|3|3|IN_PROGRESS|Updated: 2/3",
        "3|3|3|2|3|IN_PROGRESS|Available: 2/3",
        "3|3|3|3|2|IN_PROGRESS|Ready: 2/3",
        "|3|3|3|3|IN_PROGRESS|Missing .status.desiredNumberScheduled",
    })
    @DisplayName("DaemonSet: desired == current == updated == available == ready")
    void daemonSet(Integer desired, int current, int updated, int available, int ready,
        State expected, String reason) {
      var ds = new DaemonSetBuilder().withNewMetadata().withName("agent").withNamespace(NS)
          .withGeneration(1L).endMetadata()
          .withNewStatus().withObservedGeneration(1L).withDesiredNumberScheduled(desired)
          .withCurrentNumberScheduled(current).withUpdatedNumberScheduled(updated)
          .withNumberAvailable(available).withNumberReady(ready).endStatus().build();
      Readiness r = RULES.check(ds, new FakeRelated());
      assertThat(r.state()).isEqualTo(expected);
      assertThat(r.reason()).isEqualTo(reason);
    }

    @Test
    @DisplayName("DaemonSet without observedGeneration is in progress")
    void daemonSetWithoutObservedGeneration() {
      var ds = new DaemonSetBuilder().withNewMetadata().withName("agent").withNamespace(NS)
          .withGeneration(1L).endMetadata().withNewStatus().withDesiredNumberScheduled(0)
          .endStatus().build();
      Readiness r = RULES.check(ds, new FakeRelated());
      assertThat(r.state()).isEqualTo(IN_PROGRESS);
      assertThat(r.reason()).isEqualTo("DaemonSet status.observedGeneration not found");
    }

    @Test
    @DisplayName("ReplicaSet: labelled, available and ready replicas must reach spec")
    void replicaSet() {
      var rs = new ReplicaSetBuilder().withNewMetadata().withName("rs").withNamespace(NS)
          .endMetadata().withNewSpec().withReplicas(2).endSpec().withNewStatus().withReplicas(2)
          .withFullyLabeledReplicas(2).withAvailableReplicas(2).withReadyReplicas(1).endStatus()
          .build();
      assertThat(RULES.check(rs, new FakeRelated()).reason()).isEqualTo("Ready: 1/2");
      var done = new ReplicaSetBuilder(rs).editStatus().withReadyReplicas(2).endStatus().build();
      assertThat(RULES.check(done, new FakeRelated()).state()).isEqualTo(READY);
    }

    @ParameterizedTest(name = "type={0} clusterIP={1} -> {2}")
    @CsvSource({"LoadBalancer, 10.0.0.1, READY", "LoadBalancer, '', IN_PROGRESS",
        "ClusterIP, '', READY"})
    @DisplayName("Service: a LoadBalancer needs only a cluster IP, not an ingress")
    void service(String type, String clusterIp, State expected) {
      var svc = new ServiceBuilder().withNewMetadata().withName("web").withNamespace(NS)
          .endMetadata().withNewSpec().withType(type)
          .withClusterIP(clusterIp.isEmpty() ? null : clusterIp).endSpec().build();
      assertThat(RULES.check(svc, Related.none()).state()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "phase {0} -> {1}")
    @CsvSource({"Bound, READY, PVC is Bound", "Pending, IN_PROGRESS, PVC is not Bound. phase: "
        + "Pending", "'', IN_PROGRESS, PVC is not Bound. phase: unknown"})
    @DisplayName("PVC: Bound")
    void pvc(String phase, State expected, String reason) {
      var pvc = new PersistentVolumeClaimBuilder().withNewMetadata().withName("data")
          .withNamespace(NS).endMetadata().withNewStatus()
          .withPhase(phase.isEmpty() ? null : phase).endStatus().build();
      Readiness r = RULES.check(pvc, Related.none());
      assertThat(r.state()).isEqualTo(expected);
      assertThat(r.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0}={1} ({2}) -> {3}")
    @CsvSource({
        "Established, True, InitialNamesAccepted, READY",
        "Established, False, Installing, IN_PROGRESS",
        "Established, False, Broken, FAILED",
        "NamesAccepted, False, MultipleNames, FAILED",
        "NamesAccepted, True, NoConflicts, IN_PROGRESS",
    })
    @DisplayName("CRD: Established; NamesAccepted=False fails, unlike legacy")
    void crd(String type, String status, String reason, State expected) {
      var crd = new CustomResourceDefinitionBuilder().withNewMetadata()
          .withName("widgets.example.com").endMetadata().withNewStatus().addNewCondition()
          .withType(type).withStatus(status).withReason(reason).withMessage("m").endCondition()
          .endStatus().build();
      assertThat(RULES.check(crd, Related.none()).state()).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("a crash-looping pod of a StatefulSet fails it past the threshold")
  void statefulSetPods() {
    var sts = new StatefulSetBuilder().withNewMetadata().withName("db").withNamespace(NS)
        .endMetadata().withNewSpec().withReplicas(1).withNewSelector()
        .withMatchLabels(Map.of("app", "db")).endSelector().endSpec().build();
    Pod crashing = waitingPod("db-0", Map.of("app", "db"),
        waiting("pg", "CrashLoopBackOff", "back-off", 3));
    Pod young = waitingPod("db-0", Map.of("app", "db"),
        waiting("pg", "CrashLoopBackOff", "back-off", 2));
    assertThat(RULES.check(sts, new FakeRelated().with(crashing)).reason())
        .startsWith("StatefulSet ns/db: Pod ns/db-0: container pg");
    assertThat(RULES.check(sts, new FakeRelated().with(young)).state()).isEqualTo(IN_PROGRESS);
    assertThat(RULES.check(sts, new FakeRelated().with(pod("db-0", Map.of("app", "db"), true)
        .build())).state()).isEqualTo(IN_PROGRESS);
  }
}
