package dev.capstan.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The fabric8 {@link Cluster} against fabric8's mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true, https = false)
class Fabric8ClusterTest {
  KubernetesClient client;
  KubernetesMockServer server;
  private KubernetesClient noRetries;
  private Cluster cluster;

  @BeforeEach
  void setUp() {
    // Retries are the application's choice; without them a queued failure is seen as it is.
    noRetries = new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
        .withRequestRetryBackoffLimit(0).build()).build();
    cluster = KubeCluster.of(noRetries);
  }

  @AfterEach
  void tearDown() {
    noRetries.close();
  }

  private static Map<String, Object> configMap(String ns, String name, String value) {
    Map<String, Object> md = new LinkedHashMap<>();
    md.put("name", name);
    md.put("namespace", ns);
    md.put("labels", Map.of("app", "web"));
    Map<String, Object> cm = new LinkedHashMap<>();
    cm.put("apiVersion", "v1");
    cm.put("kind", "ConfigMap");
    cm.put("metadata", md);
    cm.put("data", Map.of("key", value));
    return cm;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metadata(Map<String, Object> object) {
    return (Map<String, Object>) object.get("metadata");
  }

  @Test
  @DisplayName("create, then get answers the stored object; a second create is AlreadyExists")
  void createAndGet() {
    Map<String, Object> stored = cluster.create(configMap("ns1", "cfg", "one"));
    ResourceRef ref = new ResourceRef("v1", "ConfigMap", "ns1", "cfg");

    assertThat(metadata(stored)).containsKey("resourceVersion");
    assertThat(cluster.get(ref)).hasValueSatisfying(o -> assertThat(o.get("data"))
        .isEqualTo(Map.of("key", "one")));
    assertThatThrownBy(() -> cluster.create(configMap("ns1", "cfg", "two")))
        .isInstanceOf(ClusterException.AlreadyExists.class)
        .hasMessageStartingWith("creating ConfigMap/ns1/cfg failed (HTTP 409");
    assertThat(cluster.get(ref.inNamespace("other"))).isEmpty();
  }

  @Test
  @DisplayName("a refused patch is worded as Helm's kube client words it, with the HTTP code kept")
  void refusedPatchInHelmsWords() {
    cluster.create(configMap("ns1", "cfg", "one"));
    server.expect().patch().withPath("/api/v1/namespaces/ns1/configmaps/cfg").andReturn(415,
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
            + "\"message\":\"Unsupported Media Type\",\"reason\":\"UnsupportedMediaType\","
            + "\"code\":415}").once();
    ResourceRef ref = new ResourceRef("v1", "ConfigMap", "ns1", "cfg");

    assertThatThrownBy(() -> cluster.patch(ref,
        "[{\"op\":\"replace\",\"path\":\"/data/key\",\"value\":\"two\"}]"))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.code()).isEqualTo(415))
        .hasMessage("cannot patch \"cfg\" with kind ConfigMap: Unsupported Media Type");
  }

  @Test
  @DisplayName("replace with the current resourceVersion succeeds; with a stale one it is a Conflict")
  void replaceGuardedByResourceVersion() {
    Map<String, Object> first = cluster.create(configMap("ns1", "cfg", "one"));
    Map<String, Object> next = configMap("ns1", "cfg", "two");
    metadata(next).put("resourceVersion", metadata(first).get("resourceVersion"));

    Map<String, Object> second = cluster.replace(next);
    Map<String, Object> stale = configMap("ns1", "cfg", "three");
    metadata(stale).put("resourceVersion", metadata(first).get("resourceVersion"));

    assertThat(second.get("data")).isEqualTo(Map.of("key", "two"));
    assertThatThrownBy(() -> cluster.replace(stale)).isInstanceOf(ClusterException.Conflict.class);
    assertThatThrownBy(() -> cluster.replace(configMap("ns1", "missing", "x")))
        .isInstanceOf(ClusterException.NotFound.class);
  }

  // A failed test operation is answered 422 by a real API server; fabric8's mock server does not
  // answer it that way (it stalls), so that case is left to the in-memory cluster's tests.
  @Test
  @DisplayName("a JSON Patch guarded by a test of the resourceVersion changes the object")
  void jsonPatch() {
    Map<String, Object> first = cluster.create(configMap("ns1", "cfg", "one"));
    ResourceRef ref = ResourceRef.of(first);
    String rv = (String) metadata(first).get("resourceVersion");

    Map<String, Object> patched = cluster.patch(ref, "[{\"op\":\"test\",\"path\":\"/metadata/resourceVersion\","
        + "\"value\":\"" + rv + "\"},{\"op\":\"replace\",\"path\":\"/data/key\",\"value\":\"two\"}]");

    assertThat(patched.get("data")).isEqualTo(Map.of("key", "two"));
    assertThat(cluster.get(ref).orElseThrow().get("data")).isEqualTo(Map.of("key", "two"));
  }

  @Test
  @DisplayName("delete answers whether the object existed")
  void delete() {
    cluster.create(configMap("ns1", "cfg", "one"));
    ResourceRef ref = new ResourceRef("v1", "ConfigMap", "ns1", "cfg");

    assertThat(cluster.delete(ref, Cluster.Propagation.BACKGROUND)).isTrue();
    assertThat(cluster.get(ref)).isEmpty();
    assertThat(cluster.delete(ref, Cluster.Propagation.BACKGROUND)).isFalse();
  }

  @Test
  @DisplayName("list selects by namespace and labels, or across namespaces")
  void list() {
    cluster.create(configMap("ns1", "a", "1"));
    cluster.create(configMap("ns2", "b", "2"));
    Map<String, Object> other = configMap("ns1", "c", "3");
    metadata(other).put("labels", Map.of("app", "db"));
    cluster.create(other);

    assertThat(cluster.list("v1", "ConfigMap", "ns1", Map.of("app", "web")))
        .extracting(o -> metadata(o).get("name")).containsExactly("a");
    assertThat(cluster.list("v1", "ConfigMap", "", Map.of("app", "web")))
        .extracting(o -> metadata(o).get("name")).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  @DisplayName("cluster-scoped kinds need no namespace")
  void clusterScoped() {
    Map<String, Object> ns = new LinkedHashMap<>();
    ns.put("apiVersion", "v1");
    ns.put("kind", "Namespace");
    ns.put("metadata", new LinkedHashMap<>(Map.of("name", "team-a")));

    cluster.create(ns);

    assertThat(cluster.get(new ResourceRef("v1", "Namespace", "", "team-a"))).isPresent();
  }

  @Test
  @DisplayName("lookup finds an object by name, a list without a name, and an empty map otherwise")
  void lookup() {
    cluster.create(configMap("ns1", "cfg", "one"));

    assertThat(cluster.lookup().lookup("v1", "ConfigMap", "ns1", "cfg")).containsKey("data");
    assertThat(cluster.lookup().lookup("v1", "ConfigMap", "ns1", "nope")).isEmpty();
    assertThat(cluster.lookup().lookup("v1", "ConfigMap", "ns1", "")).containsEntry("kind", "ConfigMapList")
        .satisfies(m -> assertThat((List<?>) m.get("items")).hasSize(1));
  }

  @Test
  @DisplayName("an unknown kind without a CRD is Helm's 'resource mapping not found' error")
  void unknownKind() {
    assertThatThrownBy(() -> cluster.get(new ResourceRef("example.com/v1", "Widget", "ns1", "w")))
        .isInstanceOf(ClusterException.class)
        .hasMessageContaining("resource mapping not found for kind \"Widget\" in version \"example.com/v1\"");
  }

  @Test
  @DisplayName("server errors keep their HTTP code and reason and say whether a retry may help")
  void serverError() {
    server.expect().get().withPath("/api/v1/namespaces/ns1/configmaps/cfg")
        .andReturn(503, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
            + "\"reason\":\"ServiceUnavailable\",\"message\":\"etcd is down\",\"code\":503}")
        .once();

    assertThatThrownBy(() -> cluster.get(new ResourceRef("v1", "ConfigMap", "ns1", "cfg")))
        .isInstanceOfSatisfying(ClusterException.class, e -> {
          assertThat(e.code()).isEqualTo(503);
          assertThat(e.reason()).isEqualTo("ServiceUnavailable");
          assertThat(e.isTransient()).isTrue();
          assertThat(e.getMessage()).contains("etcd is down");
        });
  }

  @Test
  @DisplayName("a watch hears changes and the deletion of the object, and stops when closed")
  void watch() throws Exception {
    Map<String, Object> first = cluster.create(configMap("ns1", "cfg", "one"));
    ResourceRef ref = ResourceRef.of(first);
    java.util.concurrent.BlockingQueue<WatchEvent> events = new java.util.concurrent.LinkedBlockingQueue<>();
    java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    try (AutoCloseable w = cluster.watch(ref, events::add, cause -> closed.countDown())) {
      Map<String, Object> next = configMap("ns1", "cfg", "two");
      metadata(next).put("resourceVersion", metadata(first).get("resourceVersion"));
      cluster.replace(next);
      WatchEvent modified = poll(events, WatchEvent.Type.MODIFIED);
      cluster.delete(ref, Cluster.Propagation.BACKGROUND);
      WatchEvent deleted = poll(events, WatchEvent.Type.DELETED);

      assertThat(modified.object().get("data")).isEqualTo(Map.of("key", "two"));
      assertThat(metadata(deleted.object()).get("name")).isEqualTo("cfg");
    }
    assertThat(closed.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
  }

  /** The next event of {@code type}; waits at most 10 s, only so that a broken watch fails the test. */
  private static WatchEvent poll(java.util.concurrent.BlockingQueue<WatchEvent> events,
      WatchEvent.Type type) throws InterruptedException {
    while (true) {
      WatchEvent e = events.poll(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(e).as("a %s event", type).isNotNull();
      if (e.type() == type) {
        return e;
      }
    }
  }
}
