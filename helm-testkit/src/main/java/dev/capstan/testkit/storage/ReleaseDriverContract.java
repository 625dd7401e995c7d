package dev.capstan.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.release.Release;
import dev.capstan.release.ReleaseChart;
import dev.capstan.release.ReleaseInfo;
import dev.capstan.release.ReleaseStatus;
import dev.capstan.release.StoredFile;
import dev.capstan.storage.ReleaseConflictException;
import dev.capstan.storage.ReleaseDriver;
import dev.capstan.storage.ReleaseExistsException;
import dev.capstan.storage.ReleaseKey;
import dev.capstan.storage.ReleaseListing;
import dev.capstan.storage.ReleaseNotFoundException;
import dev.capstan.storage.StoredRelease;
import dev.capstan.values.Values;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ReleaseDriver} must have, as JUnit 5 tests. Subclass it in your test
 * sources and implement {@link #createDriver()}:
 *
 * <pre>{@code
 * class MyDriverTest extends ReleaseDriverContract {
 *   @Override
 *   protected ReleaseDriver createDriver() {
 *     return new MyDriver(...);
 *   }
 * }
 * }</pre>
 *
 * <p>{@code createDriver()} is called before each test. The driver may share state with earlier
 * tests: every test works in namespaces and on release names of its own, made unique per test, so
 * one backing store (one mock API server, one database) can serve the whole class.
 */
public abstract class ReleaseDriverContract {
  private static final int RACERS = 20;

  private ReleaseDriver driver;
  private String ns;
  private String otherNs;
  private String name;

  /** Returns the driver under test; called before each test. */
  protected abstract ReleaseDriver createDriver();

  @BeforeEach
  void setUpContract() {
    driver = createDriver();
    String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    ns = "ct-" + suffix;
    otherNs = "ct-" + suffix + "-b";
    name = "rel-" + suffix;
  }

  /** The driver of the current test. */
  protected final ReleaseDriver driver() {
    return driver;
  }

  private static Release release(String name, String namespace, int revision,
      ReleaseStatus status) {
    OffsetDateTime t = OffsetDateTime.of(2026, 5, 6, 7, 8, 9, 123456789, ZoneOffset.ofHours(2));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", "mychart");
    metadata.put("version", "0.1.0");
    ReleaseChart chart = new ReleaseChart(metadata, null,
        List.of(StoredFile.of("templates/cm.yaml",
            "kind: ConfigMap\n".getBytes(StandardCharsets.UTF_8))),
        Values.of(Map.of("replicaCount", 1.0)), null, null, List.of(), null, Map.of());
    return Release.of(name, namespace, revision,
        ReleaseInfo.of(t, t.plusSeconds(revision), "revision " + revision, status), chart,
        Values.of(Map.of("note", "<b> & € " + revision)), "kind: ConfigMap\nrev: " + revision,
        List.of());
  }

  private static Map<String, String> labels(Release r, Map<String, String> custom) {
    Map<String, String> out = new LinkedHashMap<>(custom);
    out.put("createdAt", "1700000000");
    out.put("name", r.name());
    out.put("owner", "helm");
    out.put("status", r.info().status().wireName());
    out.put("version", Integer.toString(r.version()));
    return out;
  }

  private StoredRelease record(String namespace, String releaseName, int revision,
      ReleaseStatus status, Map<String, String> custom) {
    Release r = release(releaseName, namespace, revision, status).withLabels(custom);
    return StoredRelease.of(namespace, r, labels(r, custom));
  }

  private StoredRelease record(int revision, ReleaseStatus status) {
    return record(ns, name, revision, status, Map.of());
  }

  private static List<String> keys(ReleaseListing l) {
    return l.releases().stream().map(StoredRelease::key).sorted().toList();
  }

  @Test
  @DisplayName("create then get returns the same key, namespace, labels and release, with a version")
  void createThenGet() {
    // Given
    StoredRelease r = record(ns, name, 1, ReleaseStatus.DEPLOYED, Map.of("team", "blue"));
    // When
    StoredRelease created = driver.create(r);
    StoredRelease got = driver.get(ns, r.key());
    // Then
    assertThat(created.resourceVersion()).isNotNull();
    assertThat(got.key()).isEqualTo(ReleaseKey.of(name, 1));
    assertThat(got.namespace()).isEqualTo(ns);
    assertThat(got.labels()).isEqualTo(r.labels());
    assertThat(got.release()).isEqualTo(r.release());
    assertThat(got.resourceVersion()).isEqualTo(created.resourceVersion());
  }

  @Test
  @DisplayName("records carry the raw object labels; release().labels() holds only the custom ones")
  void labelsSplit() {
    driver.create(record(ns, name, 1, ReleaseStatus.DEPLOYED, Map.of("team", "blue")));
    StoredRelease got = driver.get(ns, ReleaseKey.of(name, 1));
    assertThat(got.labels()).containsEntry("owner", "helm").containsEntry("team", "blue")
        .containsEntry("version", "1");
    assertThat(got.release().labels()).isEqualTo(Map.of("team", "blue"));
  }

  @Test
  @DisplayName("create of a stored key throws ReleaseExistsException and leaves the record unchanged")
  void createExisting() {
    // Given
    driver.create(record(1, ReleaseStatus.DEPLOYED));
    // When / Then
    assertThatThrownBy(() -> driver.create(record(1, ReleaseStatus.FAILED)))
        .isInstanceOf(ReleaseExistsException.class).hasMessageContaining("already exists")
        .hasMessageContaining(ReleaseKey.of(name, 1));
    assertThat(driver.get(ns, ReleaseKey.of(name, 1)).release().info().status())
        .isEqualTo(ReleaseStatus.DEPLOYED);
  }

  @Test
  @DisplayName("the same key can be stored once in each namespace")
  void sameKeyTwoNamespaces() {
    driver.create(record(ns, name, 1, ReleaseStatus.DEPLOYED, Map.of()));
    driver.create(record(otherNs, name, 1, ReleaseStatus.FAILED, Map.of()));
    assertThat(driver.get(ns, ReleaseKey.of(name, 1)).release().info().status())
        .isEqualTo(ReleaseStatus.DEPLOYED);
    assertThat(driver.get(otherNs, ReleaseKey.of(name, 1)).release().info().status())
        .isEqualTo(ReleaseStatus.FAILED);
  }

  @Test
  @DisplayName("get of a missing key, or of a key stored in another namespace, throws ReleaseNotFoundException")
  void getMissing() {
    driver.create(record(otherNs, name, 1, ReleaseStatus.DEPLOYED, Map.of()));
    assertThatThrownBy(() -> driver.get(ns, ReleaseKey.of(name, 1)))
        .isInstanceOf(ReleaseNotFoundException.class).hasMessageContaining("not found");
    assertThatThrownBy(() -> driver.get(otherNs, ReleaseKey.of(name, 2)))
        .isInstanceOf(ReleaseNotFoundException.class);
  }

  @Test
  @DisplayName("update replaces the release and labels and gives the record a new version")
  void update() {
    // Given
    StoredRelease created = driver.create(record(1, ReleaseStatus.PENDING_INSTALL));
    Release deployed = created.release().withStatus(ReleaseStatus.DEPLOYED)
        .withLabels(Map.of("tier", "web"));
    Map<String, String> labels = labels(deployed, Map.of("tier", "web"));
    // When
    StoredRelease updated = driver.update(created.withContent(deployed, labels));
    // Then
    StoredRelease got = driver.get(ns, created.key());
    assertThat(updated.resourceVersion()).isNotNull().isNotEqualTo(created.resourceVersion());
    assertThat(got.release()).isEqualTo(deployed);
    assertThat(got.labels()).isEqualTo(labels);
    assertThat(keys(driver.query(ns, Map.of("name", name, "status", "deployed"))))
        .containsExactly(created.key());
    assertThat(driver.query(ns, Map.of("name", name, "status", "pending-install")).releases())
        .isEmpty();
  }

  @Test
  @DisplayName("annotations of a record are stored, read back, and replaced by an update; listings carry them")
  void annotations() {
    // Given a pending record with a lease in its annotations
    Map<String, String> lease = Map.of("capstan.dev/lease-holder", "worker-1",
        "capstan.dev/lease-expires", "2026-05-06T07:18:09Z");
    StoredRelease created = driver.create(record(1, ReleaseStatus.PENDING_UPGRADE)
        .withAnnotations(lease));
    // Then
    assertThat(driver.get(ns, created.key()).annotations()).isEqualTo(lease);
    assertThat(driver.list(ns, r -> true).releases()).singleElement()
        .satisfies(r -> assertThat(r.annotations()).isEqualTo(lease));
    // When the operation ends and clears them
    Release deployed = created.release().withStatus(ReleaseStatus.DEPLOYED);
    driver.update(created.withContent(deployed, labels(deployed, Map.of())).withAnnotations(Map.of()));
    // Then
    assertThat(driver.get(ns, created.key()).annotations()).isEmpty();
  }

  @Test
  @DisplayName("update of a missing key throws ReleaseNotFoundException and creates nothing")
  void updateMissing() {
    assertThatThrownBy(() -> driver.update(record(1, ReleaseStatus.DEPLOYED)))
        .isInstanceOf(ReleaseNotFoundException.class);
    assertThatThrownBy(() -> driver.get(ns, ReleaseKey.of(name, 1)))
        .isInstanceOf(ReleaseNotFoundException.class);
  }

  @Test
  @DisplayName("update based on a stale version throws ReleaseConflictException and keeps the newer write")
  void updateStale() {
    // Given
    StoredRelease created = driver.create(record(1, ReleaseStatus.PENDING_UPGRADE));
    Release deployed = created.release().withStatus(ReleaseStatus.DEPLOYED);
    driver.update(created.withContent(deployed, labels(deployed, Map.of())));
    Release failed = created.release().withStatus(ReleaseStatus.FAILED);
    // When / Then
    assertThatThrownBy(() -> driver.update(created.withContent(failed, labels(failed, Map.of()))))
        .isInstanceOf(ReleaseConflictException.class).hasMessageContaining(created.key());
    assertThat(driver.get(ns, created.key()).release().info().status())
        .isEqualTo(ReleaseStatus.DEPLOYED);
  }

  @Test
  @DisplayName("update without a version overwrites whatever is stored, as Helm's drivers do")
  void updateUnconditional() {
    driver.create(record(1, ReleaseStatus.PENDING_INSTALL));
    driver.update(record(1, ReleaseStatus.DEPLOYED));
    assertThat(driver.get(ns, ReleaseKey.of(name, 1)).release().info().status())
        .isEqualTo(ReleaseStatus.DEPLOYED);
  }

  @Test
  @DisplayName("delete returns the stored record and removes it; deleting again throws ReleaseNotFoundException")
  void delete() {
    driver.create(record(1, ReleaseStatus.SUPERSEDED));
    driver.create(record(2, ReleaseStatus.DEPLOYED));
    StoredRelease deleted = driver.delete(ns, ReleaseKey.of(name, 1));
    assertThat(deleted.release().version()).isEqualTo(1);
    assertThat(keys(driver.list(ns, r -> true))).containsExactly(ReleaseKey.of(name, 2));
    assertThat(keys(driver.query(ns, Map.of("name", name)))).containsExactly(ReleaseKey.of(name, 2));
    assertThatThrownBy(() -> driver.delete(ns, ReleaseKey.of(name, 1)))
        .isInstanceOf(ReleaseNotFoundException.class);
  }

  @Test
  @DisplayName("list returns the Helm records of one namespace that the filter accepts")
  void listNamespace() {
    // Given
    driver.create(record(1, ReleaseStatus.SUPERSEDED));
    driver.create(record(2, ReleaseStatus.DEPLOYED));
    driver.create(record(otherNs, name, 3, ReleaseStatus.DEPLOYED, Map.of()));
    // When
    ReleaseListing all = driver.list(ns, r -> true);
    ReleaseListing deployed = driver.list(ns,
        r -> r.release().info().status() == ReleaseStatus.DEPLOYED);
    // Then
    assertThat(keys(all)).containsExactly(ReleaseKey.of(name, 1), ReleaseKey.of(name, 2));
    assertThat(keys(deployed)).containsExactly(ReleaseKey.of(name, 2));
    assertThat(all.skipped()).isEmpty();
  }

  @Test
  @DisplayName("list and query with namespace \"\" see every namespace")
  void allNamespaces() {
    driver.create(record(ns, name, 1, ReleaseStatus.DEPLOYED, Map.of()));
    driver.create(record(otherNs, name, 1, ReleaseStatus.DEPLOYED, Map.of()));
    ReleaseListing listed = driver.list("", r -> r.release().name().equals(name));
    ReleaseListing queried = driver.query("", Map.of("name", name, "owner", "helm"));
    assertThat(listed.releases()).extracting(StoredRelease::namespace)
        .containsExactlyInAnyOrder(ns, otherNs);
    assertThat(queried.releases()).extracting(StoredRelease::namespace)
        .containsExactlyInAnyOrder(ns, otherNs);
  }

  @Test
  @DisplayName("query matches every given label, system and custom, in one namespace")
  void query() {
    // Given
    driver.create(record(ns, name, 1, ReleaseStatus.SUPERSEDED, Map.of("team", "a")));
    driver.create(record(ns, name, 2, ReleaseStatus.DEPLOYED, Map.of("team", "a")));
    driver.create(record(ns, name, 3, ReleaseStatus.FAILED, Map.of("team", "b")));
    driver.create(record(ns, name + "x", 1, ReleaseStatus.DEPLOYED, Map.of("team", "a")));
    driver.create(record(otherNs, name, 4, ReleaseStatus.DEPLOYED, Map.of("team", "a")));
    // When / Then
    assertThat(keys(driver.query(ns, Map.of("name", name, "owner", "helm"))))
        .containsExactly(ReleaseKey.of(name, 1), ReleaseKey.of(name, 2), ReleaseKey.of(name, 3));
    assertThat(keys(driver.query(ns, Map.of("name", name, "status", "deployed"))))
        .containsExactly(ReleaseKey.of(name, 2));
    assertThat(keys(driver.query(ns, Map.of("name", name, "team", "a"))))
        .containsExactly(ReleaseKey.of(name, 1), ReleaseKey.of(name, 2));
  }

  @Test
  @DisplayName("a query that matches nothing is an empty listing, not an error")
  void queryEmpty() {
    driver.create(record(1, ReleaseStatus.DEPLOYED));
    ReleaseListing l = driver.query(ns, Map.of("name", name, "status", "failed"));
    assertThat(l.releases()).isEmpty();
    assertThat(l.skipped()).isEmpty();
  }

  @Test
  @DisplayName("listLatest returns the highest revision of each release in each namespace")
  void listLatest() {
    // Given
    driver.create(record(ns, name, 1, ReleaseStatus.SUPERSEDED, Map.of()));
    driver.create(record(ns, name, 3, ReleaseStatus.DEPLOYED, Map.of()));
    driver.create(record(ns, name, 2, ReleaseStatus.SUPERSEDED, Map.of()));
    driver.create(record(ns, name + "x", 1, ReleaseStatus.FAILED, Map.of()));
    driver.create(record(otherNs, name, 5, ReleaseStatus.DEPLOYED, Map.of()));
    // When
    ReleaseListing one = driver.listLatest(ns);
    ReleaseListing all = driver.listLatest("");
    // Then
    assertThat(keys(one)).containsExactly(ReleaseKey.of(name, 3), ReleaseKey.of(name + "x", 1));
    assertThat(all.releases()).filteredOn(r -> r.release().name().startsWith(name))
        .extracting(r -> r.namespace() + "/" + r.key()).containsExactlyInAnyOrder(
            ns + "/" + ReleaseKey.of(name, 3), ns + "/" + ReleaseKey.of(name + "x", 1),
            otherNs + "/" + ReleaseKey.of(name, 5));
  }

  @Test
  @DisplayName("20 threads racing to create the same revision: exactly one wins, the others get ReleaseExistsException")
  void racingCreates() throws Exception {
    // Given
    List<Callable<StoredRelease>> tasks = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      String racer = "racer-" + i;
      tasks.add(() -> driver.create(
          record(ns, name, 2, ReleaseStatus.PENDING_UPGRADE, Map.of("racer", racer))));
    }
    // When
    List<Object> outcomes = race(tasks);
    // Then
    List<StoredRelease> winners = outcomes.stream().filter(StoredRelease.class::isInstance)
        .map(StoredRelease.class::cast).toList();
    assertThat(winners).hasSize(1);
    assertThat(outcomes).filteredOn(o -> !(o instanceof StoredRelease))
        .hasSize(RACERS - 1).allMatch(ReleaseExistsException.class::isInstance);
    StoredRelease stored = driver.get(ns, ReleaseKey.of(name, 2));
    assertThat(stored.labels().get("racer")).isEqualTo(winners.get(0).labels().get("racer"));
    assertThat(driver.query(ns, Map.of("name", name)).releases()).hasSize(1);
  }

  @Test
  @DisplayName("20 threads creating different revisions at once: every one is stored, none lost")
  void concurrentDistinctCreates() throws Exception {
    List<Callable<StoredRelease>> tasks = new ArrayList<>();
    for (int i = 1; i <= RACERS; i++) {
      int rev = i;
      tasks.add(() -> driver.create(record(rev, ReleaseStatus.SUPERSEDED)));
    }
    List<Object> outcomes = race(tasks);
    assertThat(outcomes).allMatch(StoredRelease.class::isInstance);
    assertThat(driver.query(ns, Map.of("name", name)).releases())
        .extracting(r -> r.release().version()).containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.rangeClosed(1, RACERS).boxed().toList());
  }

  @Test
  @DisplayName("20 threads updating from the same read: at most one wins, the others get ReleaseConflictException")
  void racingUpdates() throws Exception {
    // Given
    StoredRelease basis = driver.create(record(1, ReleaseStatus.PENDING_UPGRADE));
    List<Callable<StoredRelease>> tasks = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      Release r = basis.release().withInfo(basis.release().info().withDescription("writer " + i));
      tasks.add(() -> driver.update(basis.withContent(r, basis.labels())));
    }
    // When
    List<Object> outcomes = race(tasks);
    // Then
    List<StoredRelease> winners = outcomes.stream().filter(StoredRelease.class::isInstance)
        .map(StoredRelease.class::cast).toList();
    assertThat(winners).hasSize(1);
    assertThat(outcomes).filteredOn(o -> !(o instanceof StoredRelease))
        .allMatch(ReleaseConflictException.class::isInstance);
    assertThat(driver.get(ns, basis.key()).release().info().description())
        .isEqualTo(winners.get(0).release().info().description());
  }

  /** Runs the tasks on their own threads, released together; returns each result or exception. */
  private static List<Object> race(List<Callable<StoredRelease>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CountDownLatch ready = new CountDownLatch(tasks.size());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (Callable<StoredRelease> task : tasks) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          try {
            return task.call();
          } catch (RuntimeException e) {
            return e;
          }
        }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).as("all racers started").isTrue();
      go.countDown();
      List<Object> out = new ArrayList<>();
      for (Future<Object> f : futures) {
        out.add(f.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
