package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Manifests.deployment;
import static dev.capstan.testkit.cluster.Manifests.namespace;
import static dev.capstan.testkit.cluster.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.capstan.kube.ClusterRelated;
import dev.capstan.kube.HookException;
import dev.capstan.kube.HookRunner;
import dev.capstan.kube.ReadinessWaiter;
import dev.capstan.kube.ResourceRef;
import dev.capstan.kube.readiness.ReadinessRules;
import dev.capstan.kube.readiness.WaitStrategy;
import dev.capstan.progress.ProgressEvent;
import dev.capstan.release.Hook;
import dev.capstan.release.HookEvent;
import dev.capstan.release.HookExecution;
import dev.capstan.release.HookPhase;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scenarios make helm-kube's waiter and hook runner fail as they would on a real cluster: at
 * once with the reason for a crash loop, an image that cannot be pulled, a failed Job or an
 * exceeded progress deadline, and at the deadline for a workload that is never ready.
 */
class ScenariosReadinessTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  /** Far longer than any of these waits may take: a failure must come at once. */
  private static final Duration PATIENCE = Duration.ofMinutes(5);
  private static final Duration FAST = Duration.ofSeconds(10);
  private static final ResourceRef WEB = new ResourceRef("apps/v1", "Deployment", "ns1", "web");

  private InMemoryCluster cluster;

  @BeforeEach
  void setUp() {
    cluster = InMemoryCluster.builder().withControllers().build();
    cluster.create(namespace("ns1"));
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private ReadinessWaiter waiter(WaitStrategy strategy) {
    ReadinessRules rules = ReadinessRules.builder(strategy).waitForJobs(true)
        .serialization(SERIALIZATION).build();
    return new ReadinessWaiter(cluster, rules, new ClusterRelated(cluster, SERIALIZATION),
        SERIALIZATION, Clock.systemUTC());
  }

  /** Asserts that the wait fails well before {@link #PATIENCE} runs out. */
  private AbstractThrowableAssert<?, ? extends Throwable> failsFast(WaitStrategy strategy,
      ResourceRef ref) {
    return assertThatThrownBy(() -> assertTimeoutPreemptively(FAST,
        () -> waiter(strategy).waitReady(List.of(ref), PATIENCE, e -> { })))
        .isInstanceOf(ReadinessWaiter.WaitException.class)
        .hasMessageStartingWith("resource " + ref + " not ready. status: Failed")
        .hasMessageNotContaining("context deadline exceeded");
  }

  @ParameterizedTest
  @EnumSource(WaitStrategy.class)
  @DisplayName("a crash-looping container fails the Deployment's wait at once, naming the container")
  void crashLoop(WaitStrategy strategy) {
    // Given
    cluster.scenario().deployment("web").crashLoop("app");

    // When
    cluster.create(deployment("ns1", "web", 2));

    // Then
    failsFast(strategy, WEB).hasMessageContaining("container app is waiting with CrashLoopBackOff"
        + " after 5 restarts");
  }

  @ParameterizedTest
  @EnumSource(WaitStrategy.class)
  @DisplayName("a container whose image cannot be pulled fails the wait with the registry's message")
  void imagePull(WaitStrategy strategy) {
    // Given
    cluster.scenario().deployment("web").imagePullFails();

    // When
    cluster.create(deployment("ns1", "web", 1));

    // Then
    failsFast(strategy, WEB).hasMessageContaining("ImagePullBackOff")
        .hasMessageContaining("Back-off pulling image \"nginx:1.27\"")
        .hasMessageContaining("docker.io/library/nginx:1.27: not found");
  }

  @ParameterizedTest
  @EnumSource(WaitStrategy.class)
  @DisplayName("a Deployment past its progress deadline fails the wait with ProgressDeadlineExceeded")
  void progressDeadline(WaitStrategy strategy) {
    // Given
    cluster.scenario().deployment("web").progressDeadlineExceeded();

    // When
    cluster.create(deployment("ns1", "web", 1));

    // Then
    failsFast(strategy, WEB).hasMessageContaining("has timed out progressing");
    assertThat(cluster.get(WEB).orElseThrow().toString())
        .contains("reason=ProgressDeadlineExceeded", "status=False, type=Progressing");
  }

  @ParameterizedTest
  @EnumSource(WaitStrategy.class)
  @DisplayName("a Job whose pods fail fails the wait once they exceed its backoff limit")
  void failedJob(WaitStrategy strategy) {
    // Given
    cluster.scenario().job("migrate").fail("boom");

    // When
    ResourceRef job = ResourceRef.of(cluster.create(yaml("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate, namespace: ns1}
        spec:
          backoffLimit: 2
          template:
            spec:
              restartPolicy: Never
              containers: [{name: migrate, image: "flyway:11"}]
        """)));

    // Then
    failsFast(strategy, job).hasMessageContaining(strategy == WaitStrategy.LEGACY
        ? "job is failed: ns1/migrate" : "Job Failed. failed: 3/1");
    assertThat(cluster.list("v1", "Pod", "ns1", Map.of("job-name", "migrate"))).hasSize(3)
        .allSatisfy(p -> assertThat(p.toString()).contains("phase=Failed", "exitCode=1"));
  }

  @ParameterizedTest
  @EnumSource(WaitStrategy.class)
  @DisplayName("a workload that is never ready keeps the wait going until its deadline")
  void neverReady(WaitStrategy strategy) {
    // Given
    cluster.scenario().every("Deployment").neverReady();
    cluster.create(deployment("ns1", "web", 2));

    // When / Then
    assertThatThrownBy(() -> waiter(strategy).waitReady(List.of(WEB), Duration.ofMillis(300),
        e -> { }))
        .isInstanceOfSatisfying(ReadinessWaiter.WaitException.class,
            e -> assertThat(e.notReady()).containsOnlyKeys(WEB))
        .hasMessageStartingWith("resource Deployment/ns1/web not ready. status: InProgress")
        .hasMessageEndingWith("context deadline exceeded");
  }

  @Test
  @DisplayName("a crash-looping Pod fails the WATCHER wait at once, as kstatus decides")
  void crashingPod() {
    // Given
    cluster.scenario().pod("debug").crashLoop("shell", 1);
    ResourceRef pod = ResourceRef.of(cluster.create(yaml("""
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, namespace: ns1}
        spec: {containers: [{name: shell, image: busybox}]}
        """)));

    // When / Then
    failsFast(WaitStrategy.WATCHER, pod).hasMessageContaining(
        "Containers in CrashLoop state: shell");
  }

  @Test
  @DisplayName("an init container that crash-loops holds the StatefulSet's first pod in Init")
  void crashingInitContainer() {
    // Given
    cluster.scenario().statefulSet("db").crashLoop("migrate");

    // When
    ResourceRef db = ResourceRef.of(cluster.create(yaml("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: ns1}
        spec:
          replicas: 3
          updateStrategy: {type: RollingUpdate}
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              initContainers: [{name: migrate, image: "flyway:11"}]
              containers: [{name: db, image: "postgres:17"}]
        """)));

    // Then
    failsFast(WaitStrategy.LEGACY, db).hasMessageContaining("Pod ns1/db-0: container migrate is"
        + " waiting with CrashLoopBackOff");
    assertThat(cluster.list("v1", "Pod", "ns1", Map.of())).extracting(Manifests::metadata)
        .extracting(md -> md.get("name")).containsExactly("db-0");
  }

  @Test
  @DisplayName("resetting a scenario lets its pods become ready")
  void reset() {
    // Given
    Scenario web = cluster.scenario().deployment("web").neverReady();
    cluster.create(deployment("ns1", "web", 2));

    // When
    web.reset();

    // Then
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    waiter(WaitStrategy.WATCHER).waitReady(List.of(WEB), Duration.ofSeconds(30), events::add);
    assertThat(events).singleElement().isInstanceOf(ProgressEvent.ResourceReady.class);
  }

  @Test
  @DisplayName("a scenario set later reaches the pods already running")
  void laterScenario() {
    // Given
    cluster.create(deployment("ns1", "web", 1));
    waiter(WaitStrategy.LEGACY).waitReady(List.of(WEB), Duration.ofSeconds(30), e -> { });

    // When
    cluster.scenario().deployment("web").crashLoop();

    // Then
    failsFast(WaitStrategy.LEGACY, WEB).hasMessageContaining("CrashLoopBackOff");
  }

  @Test
  @DisplayName("a failing hook Job fails the hook runner with its pods' log in the message")
  void hookJobLogs() {
    // Given
    cluster.scenario().job("migrate").fail("ERROR: relation \"users\" already exists");
    String manifest = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
          annotations: {"helm.sh/hook": pre-install}
        spec:
          backoffLimit: 0
          template:
            spec:
              restartPolicy: Never
              containers: [{name: migrate, image: "flyway:11"}]
        """;
    Hook hook = new Hook("migrate", "Job", "app/templates/migrate.yaml", manifest,
        List.of(HookEvent.PRE_INSTALL), 0, List.of(), List.of(), HookExecution.never());
    HookRunner runner = new HookRunner(cluster, SERIALIZATION, Clock.systemUTC());

    // When / Then
    assertThatThrownBy(() -> assertTimeoutPreemptively(FAST, () -> runner.run(
        HookEvent.PRE_INSTALL, List.of(hook), "ns1", PATIENCE, hooks -> { })))
        .isInstanceOfSatisfying(HookException.class, e -> assertThat(e.hook().lastRun().phase())
            .isEqualTo(HookPhase.FAILED))
        .hasMessageContaining("job is failed: ns1/migrate")
        .hasMessageContaining("BackoffLimitExceeded")
        .hasMessageMatching("(?s).*last log lines of Pod/ns1/migrate-\\w+ container migrate:\n"
            + "ERROR: relation \"users\" already exists");
  }

  @Test
  @DisplayName("a hook Pod that is not restarted runs to completion")
  void hookPodSucceeds() {
    // Given
    String manifest = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: smoke
          annotations: {"helm.sh/hook": test}
        spec:
          restartPolicy: Never
          containers: [{name: curl, image: "curlimages/curl:8"}]
        """;
    Hook hook = new Hook("smoke", "Pod", "app/templates/smoke.yaml", manifest,
        List.of(HookEvent.TEST), 0, List.of(), List.of(), HookExecution.never());
    HookRunner runner = new HookRunner(cluster, SERIALIZATION, Clock.systemUTC());

    // When
    List<Hook> ran = assertTimeoutPreemptively(FAST, () -> runner.run(HookEvent.TEST,
        List.of(hook), "ns1", PATIENCE, hooks -> { }));

    // Then
    assertThat(ran).singleElement().extracting(h -> h.lastRun().phase())
        .isEqualTo(HookPhase.SUCCEEDED);
    assertThat(cluster.get(new ResourceRef("v1", "Pod", "ns1", "smoke")).orElseThrow()
        .toString()).contains("phase=Succeeded", "reason=Completed");
  }
}
