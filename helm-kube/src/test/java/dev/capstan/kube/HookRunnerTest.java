package dev.capstan.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.internal.yaml.Yaml;
import dev.capstan.progress.ProgressEvent;
import dev.capstan.release.Hook;
import dev.capstan.release.HookEvent;
import dev.capstan.release.HookExecution;
import dev.capstan.release.HookPhase;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hooks run as Helm runs them (§6), on fabric8's CRUD mock server with the test as controller. */
@EnableKubernetesMockClient(crud = true, https = false)
class HookRunnerTest {
  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

  KubernetesClient client;
  KubernetesMockServer server;
  private KubernetesClient noRetries;
  private Cluster cluster;
  private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
  private final List<List<Hook>> recorded = new CopyOnWriteArrayList<>();
  private HookRunner runner;

  @BeforeEach
  void setUp() {
    noRetries = new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
        .withRequestRetryBackoffLimit(0).build()).build();
    cluster = KubeCluster.of(noRetries);
    runner = new HookRunner(cluster, noRetries.getKubernetesSerialization(),
        Clock.fixed(T0, ZoneOffset.UTC)).withListener(events::add);
  }

  @AfterEach
  void tearDown() {
    noRetries.close();
  }

  private static Hook hook(String name, String kind, int weight, List<String> deletePolicies,
      String manifest, HookEvent... events) {
    return new Hook(name, kind, "mychart/templates/" + name + ".yaml", manifest, List.of(events),
        weight, deletePolicies, List.of(), HookExecution.never());
  }

  private static Hook configMapHook(String name, int weight, List<String> policies) {
    return hook(name, "ConfigMap", weight, policies, """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: %s
          annotations: {"helm.sh/hook": pre-install}
        data: {run: "yes"}""".formatted(name), HookEvent.PRE_INSTALL);
  }

  private static String job(String name, String status) {
    return """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: %s
          annotations: {"helm.sh/hook": pre-install}
        spec:
          backoffLimit: 0
          selector: {matchLabels: {job-name: %s}}
          template:
            metadata: {labels: {job-name: %s}}
            spec:
              restartPolicy: Never
              containers: [{name: main, image: busybox}]
        %s""".formatted(name, name, name, status);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) {
    return (Map<String, Object>) Yaml.load(text, "test");
  }

  private List<String> started() {
    List<String> out = new ArrayList<>();
    for (ProgressEvent e : events) {
      if (e instanceof ProgressEvent.HookStarted s) {
        out.add(s.ref().name());
      }
    }
    return out;
  }

  private boolean exists(String apiVersion, String kind, String name) {
    return cluster.get(new ResourceRef(apiVersion, kind, "ns1", name)).isPresent();
  }

  @Test
  @DisplayName("hooks of the event run one at a time by weight, then name; hooks of other events do not run")
  void order() {
    // Given hooks listed out of order, and one for another event
    List<Hook> hooks = List.of(configMapHook("b", 0, List.of()), configMapHook("z", -5, List.of()),
        configMapHook("a", 0, List.of()), configMapHook("late", 10, List.of()),
        hook("post", "ConfigMap", -100, List.of(), "apiVersion: v1\nkind: ConfigMap\n"
            + "metadata: {name: post}", HookEvent.POST_INSTALL));

    // When
    List<Hook> after = runner.run(HookEvent.PRE_INSTALL, hooks, "ns1", Duration.ofSeconds(10),
        recorded::add);

    // Then
    assertThat(started()).containsExactly("z", "a", "b", "late");
    assertThat(exists("v1", "ConfigMap", "post")).isFalse();
    assertThat(after).extracting(Hook::name).containsExactly("b", "z", "a", "late", "post");
    assertThat(after.get(4).lastRun()).isEqualTo(HookExecution.never());
  }

  @Test
  @DisplayName("last_run is recorded as Running before the object is created and returned as Succeeded with both times")
  void lastRun() {
    List<Hook> after = runner.run(HookEvent.PRE_INSTALL, List.of(configMapHook("cfg", 0,
        List.of())), "ns1", Duration.ofSeconds(10), recorded::add);

    OffsetDateTime t0 = OffsetDateTime.ofInstant(T0, ZoneOffset.UTC);
    assertThat(recorded).hasSize(1);
    Hook stored = recorded.get(0).get(0);
    assertThat(stored.lastRun()).isEqualTo(new HookExecution(t0, null, HookPhase.RUNNING));
    // An empty delete policy becomes Helm's default, and that is what is stored
    assertThat(stored.deletePolicies()).containsExactly(Hook.BEFORE_HOOK_CREATION);
    assertThat(after.get(0).lastRun()).isEqualTo(new HookExecution(t0, t0, HookPhase.SUCCEEDED));
    assertThat(exists("v1", "ConfigMap", "cfg")).isTrue();
  }

  @Test
  @DisplayName("before-hook-creation deletes the hook's earlier object, so the hook is created anew")
  void beforeHookCreation() {
    cluster.create(yaml("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cfg, namespace: ns1}
        data: {run: "old"}"""));

    runner.run(HookEvent.PRE_INSTALL, List.of(configMapHook("cfg", 0, List.of())), "ns1",
        Duration.ofSeconds(10), recorded::add);

    assertThat(cluster.get(new ResourceRef("v1", "ConfigMap", "ns1", "cfg")).orElseThrow()
        .get("data")).isEqualTo(Map.of("run", "yes"));
    assertThat(events).extracting(ProgressEvent::message).startsWith("deleted ConfigMap/ns1/cfg");
  }

  @Test
  @DisplayName("without before-hook-creation an existing object fails the hook with Helm's warning text")
  void createFails() {
    cluster.create(yaml("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cfg, namespace: ns1}"""));

    assertThatThrownBy(() -> runner.run(HookEvent.PRE_INSTALL,
        List.of(configMapHook("cfg", 0, List.of(Hook.HOOK_SUCCEEDED))), "ns1",
        Duration.ofSeconds(10), recorded::add))
        .isInstanceOfSatisfying(HookException.class, e -> {
          assertThat(e.getMessage()).startsWith(
              "warning: Hook pre-install mychart/templates/cfg.yaml failed: creating"
                  + " ConfigMap/ns1/cfg failed (HTTP 409");
          assertThat(e.hook().lastRun().phase()).isEqualTo(HookPhase.FAILED);
          assertThat(e.hooks().get(0).lastRun().phase()).isEqualTo(HookPhase.FAILED);
        });
  }

  @Test
  @DisplayName("hook-succeeded objects are deleted after all hooks of the event succeeded; others stay")
  void hookSucceededDeleted() {
    runner.run(HookEvent.PRE_INSTALL, List.of(configMapHook("first", 0,
        List.of(Hook.HOOK_SUCCEEDED)), configMapHook("second", 1, List.of(Hook.HOOK_SUCCEEDED)),
        configMapHook("stays", 2, List.of(Hook.HOOK_FAILED))), "ns1", Duration.ofSeconds(10),
        recorded::add);

    assertThat(exists("v1", "ConfigMap", "first")).isFalse();
    assertThat(exists("v1", "ConfigMap", "second")).isFalse();
    assertThat(exists("v1", "ConfigMap", "stays")).isTrue();
    // In reverse order, after the last hook finished
    assertThat(events).extracting(ProgressEvent::message).endsWith(
        "pre-install hook ConfigMap/ns1/stays succeeded",
        "deleted ConfigMap/ns1/second", "deleted ConfigMap/ns1/first");
  }

  @Test
  @DisplayName("a Job hook is waited for until a controller marks it Complete")
  void jobWaitedFor() throws Exception {
    // The controller: once the runner waits for the Job, it completes it
    ResourceRef ref = new ResourceRef("batch/v1", "Job", "ns1", "migrate");
    long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    CompletableFuture<Void> controller = CompletableFuture.runAsync(() -> {
      while (events.stream().noneMatch(e -> e instanceof ProgressEvent.ResourceWaiting w
          && w.ref().equals(ref))) {
        if (System.nanoTime() > giveUp) {
          throw new IllegalStateException("the runner never waited for " + ref);
        }
        Thread.onSpinWait();
      }
      Map<String, Object> done = cluster.get(ref).orElseThrow();
      done.put("status", Map.of("succeeded", 1, "conditions",
          List.of(Map.of("type", "Complete", "status", "True"))));
      cluster.replace(done);
    });

    List<Hook> after = runner.run(HookEvent.PRE_INSTALL, List.of(hook("migrate", "Job", 0,
        List.of(), job("migrate", ""), HookEvent.PRE_INSTALL)), "ns1", Duration.ofSeconds(30),
        recorded::add);

    controller.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(after.get(0).lastRun().phase()).isEqualTo(HookPhase.SUCCEEDED);
    assertThat(events).extracting(ProgressEvent::message)
        .contains("pre-install hook Job/ns1/migrate succeeded");
  }

  @Test
  @DisplayName("a failed Job hook fails with its condition and the failing container's last log lines; hook-failed and earlier hook-succeeded hooks are deleted")
  void jobFails() {
    // Given the Job's pod, ended in error, and its log on the server
    cluster.create(yaml("""
        apiVersion: v1
        kind: Pod
        metadata: {name: migrate-x7k2p, namespace: ns1, labels: {job-name: migrate}}
        spec: {containers: [{name: main, image: busybox}]}
        status:
          phase: Failed
          containerStatuses:
          - name: main
            state: {terminated: {exitCode: 3, reason: Error}}"""));
    server.expect().get()
        .withPath("/api/v1/namespaces/ns1/pods/migrate-x7k2p/log?pretty=false&container=main"
            + "&tailLines=20")
        .andReturn(200, "connecting to db\nERROR: relation \"users\" already exists\n").always();
    Hook migrate = new Hook("migrate", "Job", "mychart/templates/migrate.yaml", job("migrate", """
        status:
          failed: 1
          conditions: [{type: Failed, status: "True", reason: BackoffLimitExceeded,
            message: Job has reached the specified backoff limit}]"""),
        List.of(HookEvent.PRE_INSTALL), 5, List.of(Hook.HOOK_FAILED), List.of(Hook.HOOK_FAILED),
        HookExecution.never());

    // When / Then
    assertThatThrownBy(() -> runner.run(HookEvent.PRE_INSTALL,
        List.of(configMapHook("earlier", 0, List.of(Hook.HOOK_SUCCEEDED)), migrate), "ns1",
        Duration.ofSeconds(30), recorded::add))
        .isInstanceOfSatisfying(HookException.class, e -> {
          assertThat(e.getMessage())
              .contains("resource Job/ns1/migrate not ready. status: Failed")
              .contains("BackoffLimitExceeded: Job has reached the specified backoff limit")
              .contains("last log lines of Pod/ns1/migrate-x7k2p container main:\n"
                  + "connecting to db\nERROR: relation \"users\" already exists");
          assertThat(e.hook().lastRun().phase()).isEqualTo(HookPhase.FAILED);
          assertThat(e.hook().lastRun().completedAt()).isNotNull();
          assertThat(e.logs()).hasSize(1);
        });
    assertThat(exists("batch/v1", "Job", "migrate")).isFalse();
    assertThat(exists("v1", "ConfigMap", "earlier")).isFalse();
    // The output-log policy hook-failed sends the log as an event too
    assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
        ProgressEvent.HookLog.class, l -> assertThat(l.log()).contains("already exists")));
  }

  @Test
  @DisplayName("a Job hook that never finishes fails at the per-hook timeout")
  void jobTimesOut() {
    HookRunner real = new HookRunner(cluster, noRetries.getKubernetesSerialization(),
        Clock.systemUTC());

    assertThatThrownBy(() -> real.run(HookEvent.PRE_INSTALL, List.of(hook("migrate", "Job", 0,
        List.of(), job("migrate", ""), HookEvent.PRE_INSTALL)), "ns1", Duration.ofMillis(400),
        recorded::add))
        .isInstanceOf(HookException.class)
        .hasMessageContaining("resource Job/ns1/migrate not ready. status: InProgress")
        .hasMessageEndingWith("context deadline exceeded");
  }

  @Test
  @DisplayName("a CustomResourceDefinition hook is never deleted by policy")
  void crdNeverDeleted() {
    Hook crd = hook("things.example.com", "CustomResourceDefinition", 0,
        List.of(Hook.HOOK_SUCCEEDED), """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: things.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Thing, plural: things, singular: thing}
          versions: [{name: v1, served: true, storage: true}]""", HookEvent.PRE_INSTALL);

    runner.run(HookEvent.PRE_INSTALL, List.of(crd), "ns1", Duration.ofSeconds(10), recorded::add);

    assertThat(cluster.get(new ResourceRef("apiextensions.k8s.io/v1", "CustomResourceDefinition",
        "", "things.example.com"))).isPresent();
    assertThat(events).noneMatch(e -> e instanceof ProgressEvent.ResourceDeleted);
  }

  @Test
  @DisplayName("hook objects get no ownership metadata, and namespaced ones without a namespace get the release's")
  @SuppressWarnings("unchecked")
  void noOwnershipMetadata() {
    runner.run(HookEvent.PRE_INSTALL, List.of(configMapHook("cfg", 0, List.of())), "ns1",
        Duration.ofSeconds(10), recorded::add);

    Map<String, Object> live = cluster.get(new ResourceRef("v1", "ConfigMap", "ns1", "cfg"))
        .orElseThrow();
    Map<String, Object> md = new LinkedHashMap<>((Map<String, Object>) live.get("metadata"));
    assertThat(md).doesNotContainKey("labels").containsEntry("namespace", "ns1");
    assertThat(Ownership.problem(live, "web", "ns1")).isPresent();
  }

  @Test
  @DisplayName("with server-side apply, hook objects are applied with field manager helm instead of created")
  void serverSideHooks() throws Exception {
    String path = "/api/v1/namespaces/ns1/configmaps/cfg?fieldManager=helm";
    server.expect().patch().withPath(path).andReturn(200, "{\"apiVersion\":\"v1\","
        + "\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cfg\",\"namespace\":\"ns1\"}}")
        .once();

    List<Hook> after = runner.withApplyMethod(dev.capstan.release.ApplyMethod.SERVER_SIDE)
        .run(HookEvent.PRE_INSTALL, List.of(configMapHook("cfg", 0, List.of(Hook.HOOK_FAILED))),
            "ns1", Duration.ofSeconds(10), recorded::add);

    var request = server.getLastRequest();
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getPath()).isEqualTo(path);
    assertThat(request.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
    assertThat(after.get(0).lastRun().phase()).isEqualTo(HookPhase.SUCCEEDED);
  }
}
