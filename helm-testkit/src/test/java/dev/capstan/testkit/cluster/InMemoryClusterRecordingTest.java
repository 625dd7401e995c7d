package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Manifests.configMap;
import static dev.capstan.testkit.cluster.Manifests.deployment;
import static dev.capstan.testkit.cluster.Manifests.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kube.Cluster.Propagation;
import dev.capstan.kube.ClusterException;
import dev.capstan.kube.ResourceRef;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Request recording and fault injection. */
class InMemoryClusterRecordingTest {
  private static final ResourceRef WEB = new ResourceRef("apps/v1", "Deployment", "ns1", "web");
  private static final ResourceRef SETTINGS = new ResourceRef("v1", "ConfigMap", "ns1",
      "settings");

  private InMemoryCluster cluster;

  @BeforeEach
  void setUp() {
    cluster = InMemoryCluster.builder().build();
    cluster.create(namespace("ns1"));
    cluster.clearRequests();
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private static ClusterException unavailable() {
    return new ClusterException("etcd is down", 503, "ServiceUnavailable", null);
  }

  @Test
  @DisplayName("records every request in order, with its verb and object, failed ones included")
  void recordsRequests() throws Exception {
    // When
    cluster.create(deployment("ns1", "web", 1));
    cluster.get(WEB);
    cluster.patch(WEB, "[]");
    cluster.replace(deployment("ns1", "web", 2));
    cluster.serverSideApply(deployment("ns1", "web", 2), "helm", true);
    cluster.list("apps/v1", "Deployment", "ns1", Map.of());
    cluster.watch(WEB, e -> { }, c -> { }).close();
    cluster.delete(WEB, Propagation.BACKGROUND);
    assertThatThrownBy(() -> cluster.get(new ResourceRef("example.com/v1", "Thing", "ns1", "t")))
        .isInstanceOf(ClusterException.class);

    // Then
    assertThat(cluster.requests()).containsExactly(
        RecordedRequest.of(Verb.CREATE, WEB), RecordedRequest.of(Verb.GET, WEB),
        RecordedRequest.of(Verb.PATCH, WEB), RecordedRequest.of(Verb.REPLACE, WEB),
        RecordedRequest.of(Verb.APPLY, WEB),
        RecordedRequest.list("apps/v1", "Deployment", "ns1"),
        RecordedRequest.of(Verb.WATCH, WEB), RecordedRequest.of(Verb.DELETE, WEB),
        RecordedRequest.of(Verb.GET, new ResourceRef("example.com/v1", "Thing", "ns1", "t")));
    assertThat(cluster.requests().get(5).ref()).isEmpty();
    assertThat(cluster.requests().get(0)).hasToString("CREATE Deployment/ns1/web");
    assertThat(Verb.APPLY.httpMethod()).isEqualTo("PATCH");
  }

  @Test
  @DisplayName("the request list is a snapshot, and clearing it starts a new one")
  void clearing() {
    // Given
    cluster.get(WEB);
    var before = cluster.requests();

    // When
    cluster.clearRequests();
    cluster.get(SETTINGS);

    // Then
    assertThat(before).containsExactly(RecordedRequest.of(Verb.GET, WEB));
    assertThat(cluster.requests()).containsExactly(RecordedRequest.of(Verb.GET, SETTINGS));
    assertThatThrownBy(() -> cluster.requests().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @DisplayName("failNext throws the failure once, before the request takes effect")
  void failNext() {
    // Given
    ClusterException failure = unavailable();
    cluster.failNext(Verb.CREATE, null, failure);

    // When / Then
    assertThatThrownBy(() -> cluster.create(configMap("ns1", "settings", "{}")))
        .isSameAs(failure);
    assertThat(cluster.get(SETTINGS)).isEmpty();
    assertThat(cluster.create(configMap("ns1", "settings", "{}"))).isNotNull();
    assertThat(cluster.requests()).hasSize(3);
  }

  @Test
  @DisplayName("a failure for a kind spares the requests for other kinds")
  void failForKind() {
    // Given
    cluster.failNext(Verb.CREATE, "Deployment", unavailable());

    // When
    cluster.create(configMap("ns1", "settings", "{}"));

    // Then
    assertThatThrownBy(() -> cluster.create(deployment("ns1", "web", 1)))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.isTransient()).isTrue());
    assertThat(cluster.create(deployment("ns1", "web", 1))).isNotNull();
  }

  @Test
  @DisplayName("failNth lets the requests before the n-th through and fails the n-th only")
  void failNth() {
    // Given
    cluster.create(deployment("ns1", "web", 1));
    cluster.failNth(Verb.PATCH, "Deployment", 3, unavailable());
    String scale = "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":%d}]";

    // When
    cluster.patch(WEB, scale.formatted(2));
    cluster.patch(WEB, scale.formatted(3));

    // Then
    assertThatThrownBy(() -> cluster.patch(WEB, scale.formatted(4)))
        .hasMessage("etcd is down");
    assertThat(Manifests.spec(cluster.patch(WEB, scale.formatted(5))))
        .containsEntry("replicas", 5);
    assertThatThrownBy(() -> cluster.failNth(Verb.GET, null, 0, unavailable()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("clearFailures drops the failures not thrown yet")
  void clearFailures() {
    // Given
    cluster.failNext(Verb.GET, null, unavailable());

    // When
    cluster.clearFailures();

    // Then
    assertThat(cluster.get(WEB)).isEmpty();
  }
}
