package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Manifests.deployment;
import static dev.capstan.testkit.cluster.Manifests.namespace;
import static dev.capstan.testkit.cluster.Manifests.resourceVersion;
import static dev.capstan.testkit.cluster.Manifests.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kube.Cluster.Propagation;
import dev.capstan.kube.ClusterException;
import dev.capstan.kube.ResourceRef;
import dev.capstan.kube.WatchEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Watches on {@link InMemoryCluster}: events, their order, their delivery and closing. */
class InMemoryClusterWatchTest {
  private static final ResourceRef WEB = new ResourceRef("apps/v1", "Deployment", "ns1", "web");
  private static final long TIMEOUT_SECONDS = 10;

  private InMemoryCluster cluster;

  @BeforeEach
  void setUp() {
    cluster = InMemoryCluster.builder().build();
    cluster.create(namespace("ns1"));
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private static WatchEvent next(BlockingQueue<WatchEvent> events) throws InterruptedException {
    WatchEvent e = events.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertThat(e).as("a watch event within %d s", TIMEOUT_SECONDS).isNotNull();
    return e;
  }

  private static String scale(int replicas) {
    return "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":" + replicas + "}]";
  }

  @Test
  @DisplayName("an existing object is ADDED first, then each change is MODIFIED, then DELETED")
  void eventSequence() throws Exception {
    // Given
    Map<String, Object> created = cluster.create(deployment("ns1", "web", 1));
    BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();

    // When
    AutoCloseable w = cluster.watch(WEB, events::add, cause -> { });
    try {
      Map<String, Object> scaled = cluster.patch(WEB, scale(2));
      cluster.delete(WEB, Propagation.BACKGROUND);

      // Then
      assertThat(next(events)).isEqualTo(new WatchEvent(WatchEvent.Type.ADDED, created));
      assertThat(next(events)).isEqualTo(new WatchEvent(WatchEvent.Type.MODIFIED, scaled));
      WatchEvent deleted = next(events);
      assertThat(deleted.type()).isEqualTo(WatchEvent.Type.DELETED);
      assertThat(spec(deleted.object())).containsEntry("replicas", 2);
      assertThat(Long.parseLong(resourceVersion(deleted.object())))
          .isGreaterThan(Long.parseLong(resourceVersion(scaled)));
    } finally {
      w.close();
    }
  }

  @Test
  @DisplayName("a watch of a missing object hears it ADDED when it is created, at its own version")
  void watchBeforeCreate() throws Exception {
    // Given
    BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    ResourceRef hpaV1 = new ResourceRef("autoscaling/v1", "HorizontalPodAutoscaler", "ns1", "h");

    // When
    AutoCloseable w = cluster.watch(hpaV1, events::add, cause -> { });
    try {
      cluster.create(Manifests.yaml("""
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: h, namespace: ns1}
          spec: {maxReplicas: 2}
          """));

      // Then
      WatchEvent added = next(events);
      assertThat(added.type()).isEqualTo(WatchEvent.Type.ADDED);
      assertThat(added.object()).containsEntry("apiVersion", "autoscaling/v1");
    } finally {
      w.close();
    }
  }

  @Test
  @DisplayName("a write that changes nothing sends no event; other objects' writes send none")
  void noSpuriousEvents() throws Exception {
    // Given
    cluster.create(deployment("ns1", "web", 1));
    cluster.create(deployment("ns1", "other", 1));
    BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();

    // When
    AutoCloseable w = cluster.watch(WEB, events::add, cause -> { });
    try {
      cluster.patch(WEB, scale(1));
      cluster.patch(new ResourceRef("apps/v1", "Deployment", "ns1", "other"), scale(3));
      cluster.patch(WEB, scale(4));

      // Then
      assertThat(next(events).type()).isEqualTo(WatchEvent.Type.ADDED);
      WatchEvent modified = next(events);
      assertThat(spec(modified.object())).containsEntry("replicas", 4);
      assertThat(events).isEmpty();
    } finally {
      w.close();
    }
  }

  @Test
  @DisplayName("a slow listener blocks no writer and still gets every event, in order, elsewhere")
  void slowListener() throws Exception {
    // Given
    cluster.create(deployment("ns1", "web", 0));
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> seen = new ArrayList<>();
    CountDownLatch allSeen = new CountDownLatch(51);
    Thread writer = Thread.currentThread();
    List<Thread> listenerThreads = new ArrayList<>();
    AutoCloseable w = cluster.watch(WEB, e -> {
      try {
        release.await();
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
      synchronized (seen) {
        seen.add((Integer) spec(e.object()).get("replicas"));
        listenerThreads.add(Thread.currentThread());
      }
      allSeen.countDown();
    }, cause -> { });

    // When: 50 writes while the listener is stuck on its first event
    for (int i = 1; i <= 50; i++) {
      cluster.patch(WEB, scale(i));
    }
    release.countDown();

    // Then
    assertThat(allSeen.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    w.close();
    synchronized (seen) {
      assertThat(seen).hasSize(51).isSorted().startsWith(0, 1, 2).endsWith(50);
      assertThat(listenerThreads).doesNotContain(writer);
      assertThat(listenerThreads.get(0).isDaemon()).isTrue();
    }
  }

  @Test
  @DisplayName("closing a watch stops delivery and tells onClose once, with null")
  void closeHandle() throws Exception {
    // Given
    cluster.create(deployment("ns1", "web", 1));
    BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    BlockingQueue<String> closes = new LinkedBlockingQueue<>();
    AutoCloseable w = cluster.watch(WEB, events::add,
        cause -> closes.add(String.valueOf(cause)));
    assertThat(next(events).type()).isEqualTo(WatchEvent.Type.ADDED);

    // When
    w.close();
    w.close();
    cluster.patch(WEB, scale(3));

    // Then
    assertThat(closes.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("null");
    cluster.patch(WEB, scale(4));
    AutoCloseable probe = cluster.watch(WEB, events::add, cause -> { });
    try {
      // The closed watch dropped both changes: the only event queued is the probe's ADDED.
      WatchEvent added = next(events);
      assertThat(added.type()).isEqualTo(WatchEvent.Type.ADDED);
      assertThat(spec(added.object())).containsEntry("replicas", 4);
    } finally {
      probe.close();
    }
    assertThat(closes).isEmpty();
  }

  @Test
  @DisplayName("closing the cluster ends every watch and thread, and refuses new watches")
  void closeCluster() throws Exception {
    // Given
    cluster.create(deployment("ns1", "web", 1));
    AtomicInteger closed = new AtomicInteger();
    CountDownLatch added = new CountDownLatch(2);
    for (int i = 0; i < 2; i++) {
      cluster.watch(WEB, e -> added.countDown(), cause -> closed.incrementAndGet());
    }
    assertThat(added.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

    // When
    cluster.close();

    // Then
    assertThat(closed).hasValue(2);
    assertThat(cluster.threadsEnded()).isTrue();
    assertThat(cluster.get(WEB)).isPresent();
    assertThatThrownBy(() -> cluster.watch(WEB, e -> { }, cause -> { }))
        .isInstanceOf(ClusterException.class).hasMessageContaining("closed");
  }
}
