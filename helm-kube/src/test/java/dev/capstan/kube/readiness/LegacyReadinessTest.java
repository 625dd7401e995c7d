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
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("LEGACY readiness rules (Helm's ReadyChecker, spec §5.6)")
class LegacyReadinessTest {

  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  static final ReadinessRules RULES =
      ReadinessRules.builder(WaitStrategy.LEGACY).serialization(SERIALIZATION).build();
  static final ReadinessRules WITH_JOBS = RULES.toBuilder().waitForJobs(true).build();
  static final Map<String, String> WEB = Map.of("app", "web");

  static Object intOrPercent(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    return s.endsWith("%") || !s.matches("-?\\d+") ? s : (Object) Integer.valueOf(s);
  }

  @Nested
  @DisplayName("Pod")
  class PodRule {
    @Test
    @DisplayName("is ready only with condition Ready=True")
    void readyCondition() {
      assertThat(RULES.check(pod("p", WEB, true).build(), Related.none()).state()).isEqualTo(READY);
      Readiness notReady = RULES.check(pod("p", WEB, false).build(), Related.none());
      assertThat(notReady.state()).isEqualTo(IN_PROGRESS);
      assertThat(notReady.reason()).isEqualTo("Pod ns/p is not Ready (phase Running)");
      assertThat(RULES.check(new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata()
          .withName("bare").withNamespace(NS).endMetadata().build(), Related.none()).state())
          .isEqualTo(IN_PROGRESS);
    }

    @ParameterizedTest(name = "{0} after {1} restarts -> {2}")
    @CsvSource({
        "CrashLoopBackOff, 2, IN_PROGRESS",
        "CrashLoopBackOff, 3, FAILED",
        "CrashLoopBackOff, 7, FAILED",
        "ImagePullBackOff, 0, FAILED",
        "ErrImagePull, 0, FAILED",
        "CreateContainerConfigError, 0, FAILED",
        "InvalidImageName, 0, FAILED",
        "ContainerCreating, 9, IN_PROGRESS",
    })
    @DisplayName("fails fast on a container waiting with a terminal reason past its threshold")
    void failFast(String reason, int restarts, State expected) {
      Pod p = waitingPod("p", WEB, waiting("app", reason, "the message", restarts));
      Readiness r = RULES.check(p, Related.none());
      assertThat(r.state()).isEqualTo(expected);
      if (expected == FAILED) {
        assertThat(r.reason()).isEqualTo("Pod ns/p: container app is waiting with " + reason
            + " after " + restarts + " restart" + (restarts == 1 ? "" : "s") + ": the message");
        assertThat(r.cause()).contains(reason + ": the message");
      } else {
        assertThat(r.cause()).isEmpty();
      }
    }

    @Test
    @DisplayName("an init container in CrashLoopBackOff fails the Pod too")
    void initContainer() {
      Pod p = pod("p", WEB, false).editStatus()
          .withInitContainerStatuses(waiting("init", "CrashLoopBackOff", "back-off", 4))
          .endStatus().build();
      assertThat(RULES.check(p, Related.none()).reason()).contains("container init");
    }

    @Test
    @DisplayName("the fail-fast thresholds are configurable and can be disabled")
    void thresholds() {
      Pod p = waitingPod("p", WEB, waiting("app", "CrashLoopBackOff", "m", 3));
      ReadinessRules lenient = RULES.toBuilder()
          .failFast(FailFast.defaults().withThreshold("CrashLoopBackOff", 10)).build();
      ReadinessRules strict = RULES.toBuilder()
          .failFast(FailFast.defaults().withThreshold("CrashLoopBackOff", 1)).build();
      ReadinessRules off = RULES.toBuilder().failFast(FailFast.disabled()).build();
      assertThat(lenient.check(p, Related.none()).state()).isEqualTo(IN_PROGRESS);
      assertThat(strict.check(p, Related.none()).state()).isEqualTo(FAILED);
      assertThat(off.check(p, Related.none()).state()).isEqualTo(IN_PROGRESS);
    }

    @Test
    @DisplayName("a Ready Pod stays ready even if a container waits")
    void readyWins() {
      Pod p = pod("p", WEB, true).editStatus()
          .withContainerStatuses(waiting("side", "CrashLoopBackOff", "m", 5)).endStatus().build();
      assertThat(RULES.check(p, Related.none()).state()).isEqualTo(READY);
    }
  }

  @Nested
  @DisplayName("Job")
  class JobRule {
    JobBuilder job(Integer completions, Integer backoffLimit, int succeeded, int failed) {
      return new JobBuilder()
          .withNewMetadata().withName("migrate").withNamespace(NS).endMetadata()
          .withNewSpec().withCompletions(completions).withBackoffLimit(backoffLimit)
          .withNewSelector().withMatchLabels(Map.of("job-name", "migrate")).endSelector()
          .endSpec()
          .withNewStatus().withSucceeded(succeeded).withFailed(failed).endStatus();
    }

    @ParameterizedTest(name = "completions={0} backoffLimit={1} succeeded={2} failed={3} -> {4}")
    @CsvSource({
        ", 2, 0, 0, READY",
        "1, 2, 0, 0, IN_PROGRESS",
        "1, 2, 1, 0, READY",
        "3, 2, 2, 0, IN_PROGRESS",
        "3, 2, 4, 0, READY",
        "1, 2, 0, 2, IN_PROGRESS",
        "1, 2, 0, 3, FAILED",
        "1, 0, 0, 1, FAILED",
        "1, , 0, 6, IN_PROGRESS",
        "1, , 0, 7, FAILED",
    })
    @DisplayName("with wait-for-jobs: failed > backoffLimit fails, else succeeded >= completions")
    void table(Integer completions, Integer backoffLimit, int succeeded, int failed,
        State expected) {
      Readiness r = WITH_JOBS.check(job(completions, backoffLimit, succeeded, failed).build(),
          Related.none());
      assertThat(r.state()).isEqualTo(expected);
      if (expected == FAILED) {
        assertThat(r.reason()).isEqualTo("job is failed: ns/migrate");
        assertThat(r.cause().orElseThrow()).contains("exceed backoffLimit");
      }
    }

    @Test
    @DisplayName("without wait-for-jobs a Job is ready at once, even a failed one")
    void ignored() {
      assertThat(RULES.check(job(1, 0, 0, 5).build(), Related.none()).state()).isEqualTo(READY);
    }

    @Test
    @DisplayName("condition Failed=True fails fast with the condition's message")
    void failedCondition() {
      Readiness r = WITH_JOBS.check(job(1, 6, 0, 1).editStatus().addNewCondition()
          .withType("Failed").withStatus("True").withReason("DeadlineExceeded")
          .withMessage("Job was active longer than specified deadline").endCondition()
          .endStatus().build(), Related.none());
      assertThat(r.state()).isEqualTo(FAILED);
      assertThat(r.reason()).isEqualTo("job is failed: ns/migrate");
      assertThat(r.cause()).contains("DeadlineExceeded: Job was active longer than specified "
          + "deadline");
    }

    @Test
    @DisplayName("a Job pod that cannot pull its image fails the Job")
    void podImageError() {
      FakeRelated related = new FakeRelated().with(waitingPod("migrate-x",
          Map.of("job-name", "migrate"), waiting("main", "ImagePullBackOff", "not found", 0)));
      Readiness r = WITH_JOBS.check(job(1, 6, 0, 0).build(), related);
      assertThat(r.state()).isEqualTo(FAILED);
      assertThat(r.reason()).startsWith("Job ns/migrate: Pod ns/migrate-x: container main")
          .contains("ImagePullBackOff");
    }
  }

  @Nested
  @DisplayName("Deployment")
  class DeploymentRule {
    @ParameterizedTest(name = "replicas={0} maxSurge={1} maxUnavailable={2}: ready {3} -> {4}")
    @CsvSource({
        // 25% of 3: surge rounds up to 1, unavailable down to 0: all 3 must be ready
        "3, 25%, 25%, 2, IN_PROGRESS",
        "3, 25%, 25%, 3, READY",
        // both resolve to 0 -> maxUnavailable 1
        "3, 0, 25%, 2, READY",
        "3, 0, 25%, 1, IN_PROGRESS",
        "3, , , 2, READY",
        // 25% of 4 = 1
        "4, 25%, 25%, 3, READY",
        "4, 25%, 25%, 2, IN_PROGRESS",
        // 35% of 10 = 3.5 rounded down
        "10, 1, 35%, 7, READY",
        "10, 1, 35%, 6, IN_PROGRESS",
        // capped at replicas
        "3, 1, 5, 0, READY",
        "2, 1, 100%, 0, READY",
        // explicit ints
        "5, 1, 2, 3, READY",
        "5, 1, 2, 2, IN_PROGRESS",
        // invalid value resolves to 0 (error ignored as in Go)
        "3, 1, abc, 2, IN_PROGRESS",
        // zero replicas
        "0, 25%, 25%, 0, READY",
    })
    @DisplayName("the new ReplicaSet needs replicas - maxUnavailable ready pods")
    void maxUnavailable(int replicas, String surge, String unavailable, int ready,
        State expected) {
      Deployment d = deployment(replicas, intOrPercent(surge), intOrPercent(unavailable)).build();
      Readiness r =
          RULES.check(d, new FakeRelated().with(replicaSetOf(d, "web-7d9", "7d9", ready)));
      assertThat(r.state()).isEqualTo(expected);
    }

    @Test
    @DisplayName("the reason says ready, desired and allowed unavailable of the new ReplicaSet")
    void reasonText() {
      Deployment d = deployment(3, 0, "34%").build();
      Readiness r = RULES.check(d, new FakeRelated().with(replicaSetOf(d, "web-7d9", "7d9", 0)));
      assertThat(r.reason()).isEqualTo(
          "Deployment ns/web: 0 of 3 replicas of the new ReplicaSet web-7d9 ready "
              + "(1 may be unavailable)");
    }

    @ParameterizedTest(name = "strategy {0}")
    @CsvSource({"Recreate", "''"})
    @DisplayName("a non-RollingUpdate strategy allows no unavailable replica")
    void recreate(String type) {
      Deployment d = deployment(3, 1, 1).editSpec().editStrategy()
          .withType(type.isEmpty() ? null : type).withRollingUpdate(null).endStrategy().endSpec()
          .build();
      FakeRelated two = new FakeRelated().with(replicaSetOf(d, "web-1", "1", 2));
      FakeRelated three = new FakeRelated().with(replicaSetOf(d, "web-1", "1", 3));
      assertThat(RULES.check(d, two).state()).isEqualTo(IN_PROGRESS);
      assertThat(RULES.check(d, three).state()).isEqualTo(READY);
    }

    @Test
    @DisplayName("a paused Deployment is ready without any ReplicaSet")
    void paused() {
      Deployment d = deployment(3, 1, 0).editSpec().withPaused(true).endSpec().build();
      Readiness r = RULES.check(d, new FakeRelated());
      assertThat(r.state()).isEqualTo(READY);
      assertThat(r.reason()).contains("paused");
    }

    @Test
    @DisplayName("without its new ReplicaSet a Deployment is in progress")
    void noReplicaSet() {
      Deployment d = deployment(1, 1, 0).build();
      Readiness r = RULES.check(d, new FakeRelated());
      assertThat(r.state()).isEqualTo(IN_PROGRESS);
      assertThat(r.reason()).contains("new ReplicaSet does not exist");
    }

    @Test
    @DisplayName("only a ReplicaSet with the Deployment's template (hash label aside) is new")
    void oldTemplate() {
      Deployment d = deployment(2, 1, 0).build();
      ReplicaSet old = Fixtures.replicaSet("web-old", "old", Fixtures.template("nginx:0"), 2)
          .build();
      assertThat(RULES.check(d, new FakeRelated().with(old)).state()).isEqualTo(IN_PROGRESS);
      Readiness r = RULES.check(d,
          new FakeRelated().with(old, replicaSetOf(d, "web-new", "new", 2)));
      assertThat(r.state()).isEqualTo(READY);
      assertThat(r.reason()).contains("web-new");
    }

    @Test
    @DisplayName("template equality treats absent and empty values alike, as Go's semantic one")
    void templateEquality() {
      Deployment d = deployment(1, 1, 0).build();
      // the live ReplicaSet template spells empty values that the Deployment leaves out
      ReplicaSet rs = new ReplicaSetBuilder(replicaSetOf(d, "web-1", "1", 1)).editSpec()
          .editTemplate().editMetadata().withAnnotations(Map.of()).endMetadata()
          .editSpec().editFirstContainer().withArgs(List.of()).withImagePullPolicy("")
          .endContainer().endSpec().endTemplate().endSpec().build();
      assertThat(RULES.check(d, new FakeRelated().with(rs)).state()).isEqualTo(READY);
      ReplicaSet otherPolicy = new ReplicaSetBuilder(rs).editSpec().editTemplate().editSpec()
          .editFirstContainer().withImagePullPolicy("Always").endContainer().endSpec()
          .endTemplate().endSpec().build();
      assertThat(RULES.check(d, new FakeRelated().with(otherPolicy)).state())
          .isEqualTo(IN_PROGRESS);
    }

    @Test
    @DisplayName("a ReplicaSet controlled by another owner is not the new one")
    void notControlled() {
      Deployment d = deployment(1, 1, 0).build();
      ReplicaSet foreign = new ReplicaSetBuilder(replicaSetOf(d, "web-1", "1", 1))
          .editMetadata().editFirstOwnerReference().withUid("other").endOwnerReference()
          .endMetadata().build();
      assertThat(RULES.check(d, new FakeRelated().with(foreign)).state()).isEqualTo(IN_PROGRESS);
    }

    @Test
    @DisplayName("of two matching ReplicaSets the oldest is taken, as Helm does")
    void oldestOfTwoNew() {
      Deployment d = deployment(1, 1, 0).build();
      ReplicaSet older = new ReplicaSetBuilder(replicaSetOf(d, "web-b", "b", 0))
          .editMetadata().withCreationTimestamp("2025-01-01T00:00:00Z").endMetadata().build();
      ReplicaSet newer = replicaSetOf(d, "web-a", "a", 1);
      Readiness r = RULES.check(d, new FakeRelated().with(newer, older));
      assertThat(r.state()).isEqualTo(IN_PROGRESS);
      assertThat(r.reason()).contains("web-b");
    }

    @Test
    @DisplayName("observedGeneration lag of the Deployment or its ReplicaSet keeps it in progress")
    void generationLag() {
      Deployment d = deployment(1, 1, 0).editMetadata().withGeneration(2L).endMetadata().build();
      Readiness r = RULES.check(d, new FakeRelated().with(replicaSetOf(d, "web-1", "1", 1)));
      assertThat(r.state()).isEqualTo(IN_PROGRESS);
      assertThat(r.reason()).isEqualTo("Deployment ns/web: observed generation 1 is not "
          + "generation 2");
      Deployment current = deployment(1, 1, 0).build();
      ReplicaSet lagging = new ReplicaSetBuilder(replicaSetOf(current, "web-1", "1", 1))
          .editMetadata().withGeneration(3L).endMetadata().build();
      Readiness rs = RULES.check(current, new FakeRelated().with(lagging));
      assertThat(rs.state()).isEqualTo(IN_PROGRESS);
      assertThat(rs.reason()).startsWith("ReplicaSet ns/web-1: observed generation 1");
    }

    @Test
    @DisplayName("Progressing reason ProgressDeadlineExceeded fails fast with its message")
    void progressDeadline() {
      Deployment d = deployment(2, 1, 0).editStatus().addNewCondition().withType("Progressing")
          .withStatus("False").withReason("ProgressDeadlineExceeded")
          .withMessage("ReplicaSet \"web-1\" has timed out progressing.").endCondition()
          .endStatus().build();
      Readiness r = RULES.check(d, new FakeRelated().with(replicaSetOf(d, "web-1", "1", 0)));
      assertThat(r.state()).isEqualTo(FAILED);
      assertThat(r.reason()).isEqualTo("Deployment ns/web exceeded its progress deadline");
      assertThat(r.cause()).contains("ReplicaSet \"web-1\" has timed out progressing.");
    }

    @Test
    @DisplayName("a crash-looping pod of the new ReplicaSet fails it; one of an old one does not")
    void crashLoopingPods() {
      Deployment d = deployment(2, 1, 0).build();
      ReplicaSet rs = replicaSetOf(d, "web-new", "new", 0);
      Pod newPod = waitingPod("web-new-x", Map.of("app", "web", "pod-template-hash", "new"),
          waiting("app", "CrashLoopBackOff", "back-off 40s restarting failed container", 3));
      Pod oldPod = waitingPod("web-old-x", Map.of("app", "web", "pod-template-hash", "old"),
          waiting("app", "CrashLoopBackOff", "back-off", 9));
      Readiness failed = RULES.check(d, new FakeRelated().with(rs).with(newPod, oldPod));
      assertThat(failed.state()).isEqualTo(FAILED);
      assertThat(failed.reason()).isEqualTo("Deployment ns/web: Pod ns/web-new-x: container app "
          + "is waiting with CrashLoopBackOff after 3 restarts: back-off 40s restarting failed "
          + "container");
      assertThat(RULES.check(d, new FakeRelated().with(rs).with(oldPod)).state())
          .isEqualTo(IN_PROGRESS);
    }

    @Test
    @DisplayName("a crash-looping pod does not fail a Deployment ready within maxUnavailable")
    void readyDespiteCrashingPod() {
      Deployment d = deployment(3, 0, 1).build();
      ReplicaSet rs = replicaSetOf(d, "web-new", "new", 2);
      Pod crashing = waitingPod("web-new-x", Map.of("app", "web", "pod-template-hash", "new"),
          waiting("app", "CrashLoopBackOff", "back-off", 5));
      assertThat(RULES.check(d, new FakeRelated().with(rs).with(crashing)).state())
          .isEqualTo(READY);
    }

    @Test
    @DisplayName("a GenericKubernetesResource Deployment is checked like the typed one")
    void generic() {
      Deployment d = deployment(3, 0, 1).build();
      GenericKubernetesResource g =
          SERIALIZATION.unmarshal(SERIALIZATION.asJson(d), GenericKubernetesResource.class);
      FakeRelated related = new FakeRelated().with(replicaSetOf(d, "web-1", "1", 2));
      assertThat(RULES.check(g, related)).isEqualTo(RULES.check(d, related));
      assertThat(RULES.check(g, related).state()).isEqualTo(READY);
    }
  }

  @Nested
  @DisplayName("ReplicaSet and ReplicationController")
  class ReplicaSets {
    ReplicaSet rs(long generation) {
      return new ReplicaSetBuilder().withNewMetadata().withName("rs").withNamespace(NS)
          .withGeneration(generation).endMetadata()
          .withNewSpec().withNewSelector().withMatchLabels(WEB).endSelector().endSpec()
          .withNewStatus().withObservedGeneration(1L).endStatus().build();
    }

    @Test
    @DisplayName("every pod matched by the selector must be Ready")
    void allPods() {
      FakeRelated related = new FakeRelated().with(pod("a", WEB, true).build(),
          pod("b", WEB, false).build(), pod("c", Map.of("app", "other"), false).build());
      Readiness r = RULES.check(rs(1), related);
      assertThat(r.state()).isEqualTo(IN_PROGRESS);
      assertThat(r.reason()).isEqualTo("ReplicaSet ns/rs: 1 of 2 pods ready, not ready: b");
      assertThat(RULES.check(rs(1), new FakeRelated().with(pod("a", WEB, true).build())).state())
          .isEqualTo(READY);
      assertThat(RULES.check(rs(1), new FakeRelated()).state()).isEqualTo(READY);
    }

    @Test
    @DisplayName("observedGeneration must equal generation")
    void generation() {
      assertThat(RULES.check(rs(2), new FakeRelated()).state()).isEqualTo(IN_PROGRESS);
    }

    @Test
    @DisplayName("a ReplicationController selects its pods by its label map")
    void replicationController() {
      var rc = new ReplicationControllerBuilder().withNewMetadata().withName("rc")
          .withNamespace(NS).endMetadata().withNewSpec().withSelector(WEB).endSpec().build();
      assertThat(RULES.check(rc, new FakeRelated().with(pod("a", WEB, false).build())).state())
          .isEqualTo(IN_PROGRESS);
      assertThat(RULES.check(rc, new FakeRelated().with(pod("a", WEB, true).build())).state())
          .isEqualTo(READY);
      Pod crashing = waitingPod("a", WEB, waiting("app", "ErrImagePull", "no such image", 0));
      assertThat(RULES.check(rc, new FakeRelated().with(crashing)).state()).isEqualTo(FAILED);
    }
  }

  @Nested
  @DisplayName("StatefulSet")
  class StatefulSetRule {
    @ParameterizedTest(name = "{0} replicas={1} partition={2} updated={3} ready={4} "
        + "revisions {5}/{6} -> {7}")
    @CsvSource({
        "RollingUpdate, 3, , 3, 3, r1, r1, READY",
        "RollingUpdate, 3, , 3, 3, r1, r2, IN_PROGRESS",
        "RollingUpdate, 3, , 2, 3, r1, r1, IN_PROGRESS",
        "RollingUpdate, 3, , 3, 2, r1, r1, IN_PROGRESS",
        // ready must equal replicas exactly
        "RollingUpdate, 3, , 3, 4, r1, r1, IN_PROGRESS",
        // partition 2: one updated pod is enough, revisions may differ
        "RollingUpdate, 3, 2, 1, 3, r1, r2, READY",
        "RollingUpdate, 3, 2, 0, 3, r1, r2, IN_PROGRESS",
        // partition > replicas: nothing needs updating
        "RollingUpdate, 3, 5, 0, 3, r1, r2, READY",
        "RollingUpdate, 3, 5, 0, 2, r1, r2, IN_PROGRESS",
        // replicas default 1
        "RollingUpdate, , , 1, 1, r1, r1, READY",
        "RollingUpdate, , , 0, 0, r1, r1, IN_PROGRESS",
        "OnDelete, 3, , 0, 0, r1, r2, READY",
    })
    @DisplayName("updated >= replicas - partition, ready == replicas, same revision at partition 0")
    void table(String strategy, Integer replicas, Integer partition, int updated, int ready,
        String current, String update, State expected) {
      var sts = new StatefulSetBuilder().withNewMetadata().withName("db").withNamespace(NS)
          .withGeneration(1L).endMetadata()
          .withNewSpec().withReplicas(replicas).withNewUpdateStrategy().withType(strategy)
          .withNewRollingUpdate().withPartition(partition).endRollingUpdate().endUpdateStrategy()
          .endSpec()
          .withNewStatus().withObservedGeneration(1L).withUpdatedReplicas(updated)
          .withReadyReplicas(ready).withCurrentRevision(current).withUpdateRevision(update)
          .endStatus().build();
      assertThat(RULES.check(sts, new FakeRelated()).state()).isEqualTo(expected);
    }

    @Test
    @DisplayName("observedGeneration lag keeps even an OnDelete StatefulSet in progress")
    void generation() {
      var sts = new StatefulSetBuilder().withNewMetadata().withName("db").withNamespace(NS)
          .withGeneration(2L).endMetadata().withNewSpec().withNewUpdateStrategy()
          .withType("OnDelete").endUpdateStrategy().endSpec()
          .withNewStatus().withObservedGeneration(1L).endStatus().build();
      assertThat(RULES.check(sts, new FakeRelated()).state()).isEqualTo(IN_PROGRESS);
    }
  }

  @Nested
  @DisplayName("DaemonSet")
  class DaemonSetRule {
    @ParameterizedTest(name = "{0} maxUnavailable={1} desired={2} updated={3} ready={4} -> {5}")
    @CsvSource({
        "RollingUpdate, 1, 3, 3, 2, READY",
        "RollingUpdate, 1, 3, 3, 1, IN_PROGRESS",
        "RollingUpdate, 1, 3, 2, 3, IN_PROGRESS",
        // 25% of 3 rounds up to 1
        "RollingUpdate, 25%, 3, 3, 2, READY",
        "RollingUpdate, 25%, 3, 3, 1, IN_PROGRESS",
        // 50% of 5 rounds up to 3
        "RollingUpdate, 50%, 5, 5, 2, READY",
        "RollingUpdate, 0, 3, 3, 2, IN_PROGRESS",
        // invalid or missing: maxUnavailable = desired
        "RollingUpdate, abc, 3, 3, 0, READY",
        "RollingUpdate, , 3, 3, 0, READY",
        "OnDelete, 1, 3, 0, 0, READY",
    })
    @DisplayName("all updated pods scheduled and ready >= desired - maxUnavailable (rounded up)")
    void table(String strategy, String maxUnavailable, int desired, int updated, int ready,
        State expected) {
      var ds = new DaemonSetBuilder().withNewMetadata().withName("agent").withNamespace(NS)
          .withGeneration(1L).endMetadata()
          .withNewSpec().withNewUpdateStrategy().withType(strategy).withNewRollingUpdate()
          .withMaxUnavailable(maxUnavailable == null ? null
              : new IntOrString(intOrPercent(maxUnavailable)))
          .endRollingUpdate().endUpdateStrategy().endSpec()
          .withNewStatus().withObservedGeneration(1L).withDesiredNumberScheduled(desired)
          .withUpdatedNumberScheduled(updated).withNumberReady(ready).endStatus().build();
      assertThat(RULES.check(ds, new FakeRelated()).state()).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("the pods of a DaemonSet and of a StatefulSet are checked for terminal waits")
  void workloadPods() {
    Map<String, String> agent = Map.of("app", "agent");
    var ds = new DaemonSetBuilder().withNewMetadata().withName("agent").withNamespace(NS)
        .endMetadata().withNewSpec().withNewSelector().withMatchLabels(agent).endSelector()
        .withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy().endSpec()
        .withNewStatus().withDesiredNumberScheduled(1).withUpdatedNumberScheduled(0)
        .endStatus().build();
    Pod bad = waitingPod("agent-x", agent,
        waiting("agent", "CreateContainerConfigError", "secret \"creds\" not found", 0));
    Readiness r = RULES.check(ds, new FakeRelated().with(bad));
    assertThat(r.state()).isEqualTo(FAILED);
    assertThat(r.reason()).isEqualTo("DaemonSet ns/agent: Pod ns/agent-x: container agent is "
        + "waiting with CreateContainerConfigError after 0 restarts: secret \"creds\" not found");
    var sts = new StatefulSetBuilder().withNewMetadata().withName("agent").withNamespace(NS)
        .endMetadata().withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(agent)
        .endSelector().withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy()
        .endSpec().build();
    assertThat(RULES.check(sts, new FakeRelated().with(bad)).state()).isEqualTo(FAILED);
    assertThat(RULES.check(sts, new FakeRelated()).state()).isEqualTo(IN_PROGRESS);
  }

  @Nested
  @DisplayName("PersistentVolumeClaim, Service, CRD and other kinds")
  class Others {
    @ParameterizedTest(name = "phase {0} -> {1}")
    @CsvSource({"Bound, READY", "Pending, IN_PROGRESS", "Lost, IN_PROGRESS", "'', IN_PROGRESS"})
    @DisplayName("a PVC is ready when Bound")
    void pvc(String phase, State expected) {
      var pvc = new PersistentVolumeClaimBuilder().withNewMetadata().withName("data")
          .withNamespace(NS).endMetadata().withNewStatus()
          .withPhase(phase.isEmpty() ? null : phase).endStatus().build();
      assertThat(RULES.check(pvc, Related.none()).state()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "type={0} clusterIP={1} externalIPs={2} ingress={3} -> {4}")
    @CsvSource({
        "ExternalName, '', '', '', READY",
        "ClusterIP, '', '', '', IN_PROGRESS",
        "ClusterIP, 10.0.0.1, '', '', READY",
        "'', 10.0.0.1, '', '', READY",
        "ClusterIP, None, '', '', READY",
        "NodePort, 10.0.0.1, '', '', READY",
        "LoadBalancer, 10.0.0.1, '', '', IN_PROGRESS",
        "LoadBalancer, 10.0.0.1, 1.2.3.4, '', READY",
        "LoadBalancer, 10.0.0.1, '', 5.6.7.8, READY",
        "LoadBalancer, '', 1.2.3.4, 5.6.7.8, IN_PROGRESS",
    })
    @DisplayName("a Service needs a cluster IP, and a LoadBalancer external IPs or an ingress")
    void service(String type, String clusterIp, String externalIp, String ingress,
        State expected) {
      var b = new ServiceBuilder().withNewMetadata().withName("web").withNamespace(NS)
          .endMetadata().withNewSpec().withType(type.isEmpty() ? null : type)
          .withClusterIP(clusterIp.isEmpty() ? null : clusterIp)
          .withExternalIPs(externalIp.isEmpty() ? List.of() : List.of(externalIp)).endSpec();
      if (!ingress.isEmpty()) {
        b.withNewStatus().withNewLoadBalancer().addNewIngress().withIp(ingress).endIngress()
            .endLoadBalancer().endStatus();
      }
      assertThat(RULES.check(b.build(), Related.none()).state()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}={2} -> {3}")
    @CsvSource({
        "apiextensions.k8s.io/v1, Established, True, READY",
        "apiextensions.k8s.io/v1, Established, False, IN_PROGRESS",
        "apiextensions.k8s.io/v1, NamesAccepted, False, READY",
        "apiextensions.k8s.io/v1, NamesAccepted, True, IN_PROGRESS",
        "apiextensions.k8s.io/v1beta1, Established, True, READY",
        "apiextensions.k8s.io/v1beta1, NamesAccepted, False, READY",
        "apiextensions.k8s.io/v1beta1, Established, False, IN_PROGRESS",
    })
    @DisplayName("a CRD is done when Established=True or NamesAccepted=False")
    void crd(String apiVersion, String type, String status, State expected) {
      var crd = new CustomResourceDefinitionBuilder().withApiVersion(apiVersion)
          .withNewMetadata().withName("widgets.example.com").endMetadata()
          .withNewStatus().addNewCondition().withType(type).withStatus(status).endCondition()
          .endStatus().build();
      assertThat(RULES.check(crd, Related.none()).state()).isEqualTo(expected);
      GenericKubernetesResource generic =
          SERIALIZATION.unmarshal(SERIALIZATION.asJson(crd), GenericKubernetesResource.class);
      assertThat(RULES.check(generic, Related.none()).state()).isEqualTo(expected);
    }

    @Test
    @DisplayName("a CRD without conditions is not established yet")
    void crdWithoutConditions() {
      var crd = new CustomResourceDefinitionBuilder().withNewMetadata()
          .withName("widgets.example.com").endMetadata().build();
      assertThat(RULES.check(crd, Related.none()).state()).isEqualTo(IN_PROGRESS);
    }

    @Test
    @DisplayName("other kinds, custom resources included, are ready at once whatever their status")
    void others() {
      var cm = new ConfigMapBuilder().withNewMetadata().withName("c").withNamespace(NS)
          .endMetadata().build();
      GenericKubernetesResource widget = new GenericKubernetesResourceBuilder()
          .withApiVersion("example.com/v1").withKind("Widget")
          .withNewMetadata().withName("w").withNamespace(NS).withGeneration(2L).endMetadata()
          .withAdditionalProperties(Map.of("status", Map.of("observedGeneration", 1,
              "conditions", List.of(Map.of("type", "Ready", "status", "False")))))
          .build();
      assertThat(RULES.check(cm, Related.none()).state()).isEqualTo(READY);
      Readiness r = RULES.check(widget, Related.none());
      assertThat(r.state()).isEqualTo(READY);
      assertThat(r.reason()).isEqualTo("Widget ns/w has no readiness rule and is ready at once");
    }
  }
}
