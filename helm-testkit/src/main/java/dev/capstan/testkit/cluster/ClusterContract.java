package dev.capstan.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kube.Cluster;
import dev.capstan.kube.ClusterException;
import dev.capstan.kube.ResourceRef;
import dev.capstan.kube.WatchEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Cluster} must have for Capstan's actions, as JUnit 5 tests: what the
 * in-memory cluster and the fabric8 implementation on an API server both do. Subclass it in your
 * test sources and implement {@link #createCluster()}:
 *
 * <pre>{@code
 * class MyClusterTest extends ClusterContract {
 *   @Override
 *   protected Cluster createCluster() {
 *     return new MyCluster(...);
 *   }
 * }
 * }</pre>
 *
 * <p>{@code createCluster()} is called before each test; the cluster may keep objects of earlier
 * tests, since every test works in namespaces and on names of its own. The suite covers reads and
 * writes (create, get, replace with and without a resourceVersion, JSON Patch with a
 * resourceVersion test, delete), label-selected lists within a namespace and across all of them,
 * cluster-scoped kinds, watches, optimistic concurrency between racing writers, and the error
 * types for missing, existing and stale objects. It leaves out what an API server's mock (fabric8's
 * CRUD mode) cannot show: server-side apply, strategic merge, computed status, admission
 * (immutable fields, size limits) and garbage collection; the in-memory cluster's own tests cover
 * those.
 */
public abstract class ClusterContract {
  private static final Duration EVENT_WAIT = Duration.ofSeconds(10);

  private Cluster cluster;
  private String ns;
  private String otherNs;

  /** Returns the cluster under test; called before each test. */
  protected abstract Cluster createCluster();

  @BeforeEach
  void setUpClusterContract() {
    cluster = createCluster();
    String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    ns = "cc-" + suffix;
    otherNs = "cc-" + suffix + "-b";
    cluster.create(namespace(ns, Map.of()));
    cluster.create(namespace(otherNs, Map.of()));
  }

  private static Map<String, Object> namespace(String name, Map<String, String> labels) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    if (!labels.isEmpty()) {
      metadata.put("labels", new LinkedHashMap<>(labels));
    }
    Map<String, Object> namespace = new LinkedHashMap<>();
    namespace.put("apiVersion", "v1");
    namespace.put("kind", "Namespace");
    namespace.put("metadata", metadata);
    return namespace;
  }

  /** The cluster of the current test. */
  protected final Cluster cluster() {
    return cluster;
  }

  private static Map<String, Object> configMap(String namespace, String name,
      Map<String, String> labels, Map<String, String> data) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("namespace", namespace);
    if (!labels.isEmpty()) {
      metadata.put("labels", new LinkedHashMap<>(labels));
    }
    Map<String, Object> cm = new LinkedHashMap<>();
    cm.put("apiVersion", "v1");
    cm.put("kind", "ConfigMap");
    cm.put("metadata", metadata);
    cm.put("data", new LinkedHashMap<>(data));
    return cm;
  }

  private Map<String, Object> configMap(String name, Map<String, String> data) {
    return configMap(ns, name, Map.of(), data);
  }

  private ResourceRef ref(String name) {
    return new ResourceRef("v1", "ConfigMap", ns, name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metadata(Map<String, Object> object) {
    return (Map<String, Object>) object.get("metadata");
  }

  private static String resourceVersion(Map<String, Object> object) {
    return String.valueOf(metadata(object).get("resourceVersion"));
  }

  private static Object data(Map<String, Object> object) {
    return object.get("data");
  }

  /** A deep, modifiable copy with a changed data entry, as a client that read the object makes it. */
  private static Map<String, Object> withData(Map<String, Object> object, String key,
      String value) {
    Map<String, Object> copy = deepCopy(object);
    @SuppressWarnings("unchecked")
    Map<String, Object> d = (Map<String, Object>) copy.computeIfAbsent("data",
        k -> new LinkedHashMap<>());
    d.put(key, value);
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Map<?, ?> inner) {
        v = deepCopy((Map<String, Object>) inner);
      } else if (v instanceof List<?> list) {
        v = new ArrayList<>(list);
      }
      out.put(e.getKey(), v);
    }
    return out;
  }

  @Test
  @DisplayName("create answers the object as stored, with uid, resourceVersion and creation time; get reads it back")
  void createAndGet() {
    Map<String, Object> created = cluster.create(configMap("app", Map.of("a", "1")));

    assertThat(metadata(created)).containsKeys("uid", "resourceVersion", "creationTimestamp");
    assertThat(data(created)).isEqualTo(Map.of("a", "1"));
    Map<String, Object> read = cluster.get(ref("app")).orElseThrow();
    assertThat(metadata(read).get("uid")).isEqualTo(metadata(created).get("uid"));
    assertThat(resourceVersion(read)).isEqualTo(resourceVersion(created));
    assertThat(metadata(read)).containsEntry("name", "app").containsEntry("namespace", ns);
    assertThat(data(read)).isEqualTo(Map.of("a", "1"));
  }

  @Test
  @DisplayName("a missing object reads as empty, and deleting it answers false")
  void missing() {
    assertThat(cluster.get(ref("nothing"))).isEmpty();
    assertThat(cluster.delete(ref("nothing"), Cluster.Propagation.BACKGROUND)).isFalse();
  }

  @Test
  @DisplayName("creating an object that exists fails with AlreadyExists (409) and leaves it as it was")
  void createExisting() {
    cluster.create(configMap("app", Map.of("a", "1")));

    assertThatThrownBy(() -> cluster.create(configMap("app", Map.of("a", "2"))))
        .isInstanceOfSatisfying(ClusterException.AlreadyExists.class,
            e -> assertThat(e.code()).isEqualTo(409));
    assertThat(data(cluster.get(ref("app")).orElseThrow())).isEqualTo(Map.of("a", "1"));
  }

  @Test
  @DisplayName("the same name in two namespaces is two objects")
  void namespacesSeparate() {
    cluster.create(configMap(ns, "app", Map.of(), Map.of("where", "first")));
    cluster.create(configMap(otherNs, "app", Map.of(), Map.of("where", "second")));

    assertThat(data(cluster.get(ref("app")).orElseThrow())).isEqualTo(Map.of("where", "first"));
    assertThat(data(cluster.get(ref("app").inNamespace(otherNs)).orElseThrow()))
        .isEqualTo(Map.of("where", "second"));
    assertThat(cluster.delete(ref("app"), Cluster.Propagation.BACKGROUND)).isTrue();
    assertThat(cluster.get(ref("app").inNamespace(otherNs))).isPresent();
  }

  @Test
  @DisplayName("replace with the current resourceVersion writes and changes the resourceVersion, keeping the uid")
  void replaceCurrent() {
    Map<String, Object> created = cluster.create(configMap("app", Map.of("a", "1")));

    Map<String, Object> replaced = cluster.replace(withData(created, "a", "2"));

    assertThat(data(replaced)).isEqualTo(Map.of("a", "2"));
    assertThat(resourceVersion(replaced)).isNotEqualTo(resourceVersion(created));
    assertThat(metadata(replaced).get("uid")).isEqualTo(metadata(created).get("uid"));
    assertThat(data(cluster.get(ref("app")).orElseThrow())).isEqualTo(Map.of("a", "2"));
  }

  @Test
  @DisplayName("replace with a stale resourceVersion fails with Conflict (409) and writes nothing")
  void replaceStale() {
    Map<String, Object> created = cluster.create(configMap("app", Map.of("a", "1")));
    cluster.replace(withData(created, "a", "2"));

    assertThatThrownBy(() -> cluster.replace(withData(created, "a", "3")))
        .isInstanceOfSatisfying(ClusterException.Conflict.class,
            e -> assertThat(e.code()).isEqualTo(409));
    assertThat(data(cluster.get(ref("app")).orElseThrow())).isEqualTo(Map.of("a", "2"));
  }

  @Test
  @DisplayName("replace of an object that does not exist fails with NotFound (404)")
  void replaceMissing() {
    assertThatThrownBy(() -> cluster.replace(configMap("ghost", Map.of("a", "1"))))
        .isInstanceOfSatisfying(ClusterException.NotFound.class,
            e -> assertThat(e.code()).isEqualTo(404));
    assertThat(cluster.get(ref("ghost"))).isEmpty();
  }

  @Test
  @DisplayName("a JSON Patch guarded by a test of the current resourceVersion applies")
  void patchGuarded() {
    Map<String, Object> created = cluster.create(configMap("app", Map.of("a", "1", "b", "x")));

    Map<String, Object> patched = cluster.patch(ref("app"), "[{\"op\":\"test\","
        + "\"path\":\"/metadata/resourceVersion\",\"value\":\"" + resourceVersion(created)
        + "\"},{\"op\":\"replace\",\"path\":\"/data/a\",\"value\":\"2\"},"
        + "{\"op\":\"remove\",\"path\":\"/data/b\"},"
        + "{\"op\":\"add\",\"path\":\"/metadata/labels\",\"value\":{\"tier\":\"web\"}}]");

    assertThat(data(patched)).isEqualTo(Map.of("a", "2"));
    assertThat(metadata(patched).get("labels")).isEqualTo(Map.of("tier", "web"));
    assertThat(resourceVersion(patched)).isNotEqualTo(resourceVersion(created));
    assertThat(data(cluster.get(ref("app")).orElseThrow())).isEqualTo(Map.of("a", "2"));
  }

  @Test
  @DisplayName("a JSON Patch whose resourceVersion test fails is refused and changes nothing")
  void patchStale() {
    Map<String, Object> created = cluster.create(configMap("app", Map.of("a", "1")));
    cluster.replace(withData(created, "a", "2"));

    assertThatThrownBy(() -> cluster.patch(ref("app"), "[{\"op\":\"test\","
        + "\"path\":\"/metadata/resourceVersion\",\"value\":\"" + resourceVersion(created)
        + "\"},{\"op\":\"replace\",\"path\":\"/data/a\",\"value\":\"3\"}]"))
        .isInstanceOf(ClusterException.class)
        .satisfies(e -> assertThat(((ClusterException) e).isTransient()).isFalse());
    assertThat(data(cluster.get(ref("app")).orElseThrow())).isEqualTo(Map.of("a", "2"));
  }

  @Test
  @DisplayName("patching an object that does not exist fails with NotFound (404)")
  void patchMissing() {
    assertThatThrownBy(() -> cluster.patch(ref("ghost"),
        "[{\"op\":\"replace\",\"path\":\"/data/a\",\"value\":\"3\"}]"))
        .isInstanceOfSatisfying(ClusterException.NotFound.class,
            e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  @DisplayName("delete removes the object: get is empty and lists leave it out")
  void delete() {
    cluster.create(configMap(ns, "app", Map.of("owner", "helm"), Map.of()));

    assertThat(cluster.delete(ref("app"), Cluster.Propagation.BACKGROUND)).isTrue();

    assertThat(cluster.get(ref("app"))).isEmpty();
    assertThat(cluster.list("v1", "ConfigMap", ns, Map.of("owner", "helm"))).isEmpty();
  }

  @Test
  @DisplayName("list selects by every given label, within one namespace or across all of them")
  void listByLabels() {
    cluster.create(configMap(ns, "web", Map.of("app", "shop", "tier", "web"), Map.of()));
    cluster.create(configMap(ns, "db", Map.of("app", "shop", "tier", "db"), Map.of()));
    cluster.create(configMap(ns, "other", Map.of("app", "blog"), Map.of()));
    cluster.create(configMap(otherNs, "web", Map.of("app", "shop", "tier", "web"), Map.of()));

    assertThat(names(cluster.list("v1", "ConfigMap", ns, Map.of("app", "shop"))))
        .containsExactlyInAnyOrder(ns + "/web", ns + "/db");
    assertThat(names(cluster.list("v1", "ConfigMap", ns, Map.of("app", "shop", "tier", "web"))))
        .containsExactly(ns + "/web");
    assertThat(names(cluster.list("v1", "ConfigMap", ns, Map.of("app", "none")))).isEmpty();
    assertThat(names(cluster.list("v1", "ConfigMap", "", Map.of("app", "shop", "tier", "web"))))
        .contains(ns + "/web", otherNs + "/web").doesNotContain(ns + "/db");
    assertThat(names(cluster.list("v1", "ConfigMap", ns, Map.of())))
        .contains(ns + "/web", ns + "/db", ns + "/other");
  }

  private static List<String> names(List<Map<String, Object>> objects) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> o : objects) {
      out.add(metadata(o).get("namespace") + "/" + metadata(o).get("name"));
    }
    return out;
  }

  @Test
  @DisplayName("cluster-scoped objects have no namespace; isNamespaced tells the kinds apart")
  void clusterScoped() {
    String third = ns + "-c";

    cluster.create(namespace(third, Map.of("team", ns)));

    ResourceRef nsRef = new ResourceRef("v1", "Namespace", "", third);
    assertThat(cluster.get(nsRef)).get().satisfies(o -> assertThat(metadata(o))
        .doesNotContainKey("namespace").containsEntry("name", third));
    assertThat(names(cluster.list("v1", "Namespace", "", Map.of("team", ns))))
        .containsExactly("null/" + third);
    assertThat(cluster.isNamespaced("v1", "Namespace")).isFalse();
    assertThat(cluster.isNamespaced("v1", "ConfigMap")).isTrue();
    assertThat(cluster.isNamespaced("apps/v1", "Deployment")).isTrue();
    assertThat(cluster.isNamespaced("rbac.authorization.k8s.io/v1", "ClusterRole")).isFalse();
  }

  @Test
  @DisplayName("a Secret's base64 data and a Deployment's nested spec come back as they were written")
  void roundTrip() {
    Map<String, Object> secret = new LinkedHashMap<>();
    secret.put("apiVersion", "v1");
    secret.put("kind", "Secret");
    secret.put("metadata", new LinkedHashMap<>(Map.of("name", "creds", "namespace", ns)));
    secret.put("type", "Opaque");
    secret.put("data", new LinkedHashMap<>(Map.of("password", "c2VjcmV0")));
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("name", "web");
    container.put("image", "nginx:1.27");
    container.put("ports", List.of(Map.of("containerPort", 8080)));
    Map<String, Object> deployment = new LinkedHashMap<>();
    deployment.put("apiVersion", "apps/v1");
    deployment.put("kind", "Deployment");
    deployment.put("metadata", new LinkedHashMap<>(Map.of("name", "web", "namespace", ns)));
    deployment.put("spec", new LinkedHashMap<>(Map.of(
        "replicas", 3,
        "selector", Map.of("matchLabels", Map.of("app", "web")),
        "template", Map.of("metadata", Map.of("labels", Map.of("app", "web")),
            "spec", Map.of("containers", List.of(container))))));

    cluster.create(secret);
    cluster.create(deployment);

    assertThat(cluster.get(new ResourceRef("v1", "Secret", ns, "creds")).orElseThrow())
        .containsEntry("type", "Opaque").containsEntry("data", Map.of("password", "c2VjcmV0"));
    Map<String, Object> d = cluster.get(new ResourceRef("apps/v1", "Deployment", ns, "web"))
        .orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) d.get("spec");
    assertThat(((Number) spec.get("replicas")).intValue()).isEqualTo(3);
    assertThat(spec.get("selector")).isEqualTo(Map.of("matchLabels", Map.of("app", "web")));
    assertThat(String.valueOf(spec.get("template"))).contains("image=nginx:1.27",
        "containerPort=8080");
  }

  @Test
  @DisplayName("a watch hears an object appear, change and go, in order, and nothing after it is closed")
  void watch() throws Exception {
    BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    AutoCloseable handle = cluster.watch(ref("app"), events::add, cause -> { });
    try {
      Map<String, Object> created = cluster.create(configMap("app", Map.of("a", "1")));
      assertThat(next(events, e -> e.type() != WatchEvent.Type.DELETED
          && Map.of("a", "1").equals(data(e.object())))).isPresent();

      cluster.replace(withData(created, "a", "2"));
      assertThat(next(events, e -> e.type() == WatchEvent.Type.MODIFIED
          && Map.of("a", "2").equals(data(e.object())))).isPresent();

      cluster.delete(ref("app"), Cluster.Propagation.BACKGROUND);
      assertThat(next(events, e -> e.type() == WatchEvent.Type.DELETED)).isPresent();
    } finally {
      handle.close();
    }
    handle.close();
    events.clear();
    cluster.create(configMap("app", Map.of("a", "after")));
    cluster.create(configMap("marker", Map.of()));
    assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  @DisplayName("a watch of one object hears nothing of its neighbours")
  void watchIsOfOneObject() throws Exception {
    BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    try (AutoCloseable handle = cluster.watch(ref("app"), events::add, cause -> { })) {
      cluster.create(configMap("neighbour", Map.of()));
      cluster.create(configMap(otherNs, "app", Map.of(), Map.of()));
      cluster.create(configMap("app", Map.of("mine", "yes")));

      Optional<WatchEvent> first = next(events, e -> true);
      assertThat(first).get().satisfies(e -> assertThat(metadata(e.object()))
          .containsEntry("name", "app").containsEntry("namespace", ns));
    }
  }

  private static Optional<WatchEvent> next(BlockingQueue<WatchEvent> events,
      java.util.function.Predicate<WatchEvent> wanted) throws InterruptedException {
    long until = System.nanoTime() + EVENT_WAIT.toNanos();
    while (System.nanoTime() < until) {
      WatchEvent e = events.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (e != null && wanted.test(e)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  @Test
  @DisplayName("of writers racing with one resourceVersion exactly one wins; the others get Conflict")
  void optimisticConcurrency() throws Exception {
    Map<String, Object> created = cluster.create(configMap("counter", Map.of("n", "0")));
    int racers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        String value = Integer.toString(i + 1);
        Callable<Boolean> write = () -> {
          start.await();
          try {
            cluster.replace(withData(created, "n", value));
            return true;
          } catch (ClusterException.Conflict e) {
            return false;
          }
        };
        results.add(pool.submit(write));
      }
      start.countDown();
      int wins = 0;
      for (Future<Boolean> f : results) {
        wins += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
      assertThat(data(cluster.get(ref("counter")).orElseThrow()))
          .isNotEqualTo(Map.of("n", "0"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("Helm's lookup reads one object by name, and a kind's objects as a list object")
  void lookup() {
    cluster.create(configMap("one", Map.of("k", "v")));
    cluster.create(configMap("two", Map.of()));

    Map<String, Object> one = cluster.lookup().lookup("v1", "ConfigMap", ns, "one");
    Map<String, Object> all = cluster.lookup().lookup("v1", "ConfigMap", ns, "");
    Map<String, Object> none = cluster.lookup().lookup("v1", "ConfigMap", ns, "absent");

    assertThat(data(one)).isEqualTo(Map.of("k", "v"));
    assertThat(all).containsEntry("kind", "ConfigMapList");
    assertThat(names(castList(all.get("items")))).containsExactlyInAnyOrder(ns + "/one",
        ns + "/two");
    assertThat(none).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> castList(Object o) {
    return (List<Map<String, Object>>) o;
  }
}
