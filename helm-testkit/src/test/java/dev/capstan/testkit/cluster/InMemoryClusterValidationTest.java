package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Manifests.configMap;
import static dev.capstan.testkit.cluster.Manifests.deployment;
import static dev.capstan.testkit.cluster.Manifests.metadata;
import static dev.capstan.testkit.cluster.Manifests.namespace;
import static dev.capstan.testkit.cluster.Manifests.spec;
import static dev.capstan.testkit.cluster.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kube.ClusterException;
import dev.capstan.kube.ResourceRef;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Immutable fields and size limits, refused as the API server refuses them. */
class InMemoryClusterValidationTest {
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

  private static void assertInvalid(ThrowingCallable write, String message) {
    assertThatThrownBy(write).isInstanceOfSatisfying(ClusterException.class, e -> {
      assertThat(e.code()).isEqualTo(422);
      assertThat(e.reason()).isEqualTo("Invalid");
    }).hasMessageEndingWith(message);
  }

  private static Map<String, Object> workload(String kind, String name, String app) {
    return yaml("""
        apiVersion: apps/v1
        kind: %s
        metadata: {name: %s, namespace: ns1}
        spec:
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers: [{name: app, image: nginx}]
        """.formatted(kind, name, app, app));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Deployment", "ReplicaSet", "DaemonSet"})
  @DisplayName("the selector of a Deployment, ReplicaSet or DaemonSet is immutable")
  void workloadSelector(String kind) {
    // Given
    cluster.create(workload(kind, "web", "web"));

    // When / Then
    assertInvalid(() -> cluster.replace(workload(kind, "web", "other")),
        kind + ".apps \"web\" is invalid: spec.selector: Invalid value: v1.LabelSelector{"
            + "MatchLabels:map[string]string{\"app\":\"other\"}, MatchExpressions:"
            + "[]v1.LabelSelectorRequirement(nil)}: field is immutable");
  }

  @Test
  @DisplayName("a Deployment selector change by patch or apply is refused too, and nothing changes")
  void selectorByPatchAndApply() {
    // Given
    Map<String, Object> created = cluster.create(deployment("ns1", "web", 1));
    ResourceRef web = ResourceRef.of(created);

    // When / Then
    assertInvalid(() -> cluster.patch(web, "[{\"op\":\"add\",\"path\":"
        + "\"/spec/selector/matchLabels/tier\",\"value\":\"x\"}]"), "field is immutable");
    Map<String, Object> applied = deployment("ns1", "web", 1);
    spec(applied).put("selector", Map.of("matchExpressions", List.of(Map.of("key", "app",
        "operator", "In", "values", List.of("web")))));
    assertInvalid(() -> cluster.serverSideApply(applied, "helm", true),
        "MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"app\","
            + " Operator:\"In\", Values:[]string{\"web\"}}}}: field is immutable");
    assertThat(cluster.get(web)).contains(created);
  }

  @Test
  @DisplayName("a StatefulSet's spec may change only in replicas, template, updateStrategy, ...")
  void statefulSet() {
    // Given
    String sts = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: ns1}
        spec:
          replicas: %d
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: "postgres:%s"}]}
          updateStrategy: {type: RollingUpdate}
          minReadySeconds: %d
          volumeClaimTemplates:
          - metadata: {name: data}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: %s}}}
        """;
    cluster.create(yaml(sts.formatted(1, "16", 0, "1Gi")));

    // When
    Map<String, Object> scaled = cluster.replace(yaml(sts.formatted(3, "17", 10, "1Gi")));

    // Then
    assertThat(spec(scaled)).containsEntry("replicas", 3).containsEntry("minReadySeconds", 10);
    assertInvalid(() -> cluster.replace(yaml(sts.formatted(3, "17", 10, "5Gi"))),
        "StatefulSet.apps \"db\" is invalid: spec: Forbidden: updates to statefulset spec for"
            + " fields other than 'replicas', 'ordinals', 'template', 'updateStrategy',"
            + " 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and"
            + " 'minReadySeconds' are forbidden");
  }

  @Test
  @DisplayName("a Job's template and selector are immutable")
  void job() {
    // Given
    Map<String, Object> job = cluster.create(yaml("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate, namespace: ns1}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: [{name: m, image: "busybox:1"}]
        """));
    ResourceRef ref = ResourceRef.of(job);

    // When / Then
    assertThatThrownBy(() -> cluster.patch(ref, "[{\"op\":\"replace\",\"path\":"
        + "\"/spec/template/spec/containers/0/image\",\"value\":\"busybox:2\"}]"))
        .hasMessageContaining("(HTTP 422 Invalid): Job.batch \"migrate\" is invalid:"
            + " spec.template: Invalid value: {\"metadata\":")
        .hasMessageEndingWith("\"restartPolicy\":\"Never\"}}: field is immutable");
    assertInvalid(() -> cluster.patch(ref, "[{\"op\":\"remove\",\"path\":\"/spec/selector\"}]"),
        "Job.batch \"migrate\" is invalid: spec.selector: Invalid value: \"null\": field is"
            + " immutable");
    Map<String, Object> suspended = cluster.patch(ref,
        "[{\"op\":\"add\",\"path\":\"/spec/suspend\",\"value\":true}]");
    assertThat(spec(suspended)).containsEntry("suspend", true);
  }

  @Test
  @DisplayName("a Service's cluster IP may not change once set")
  void serviceClusterIp() {
    // Given
    Map<String, Object> svc = cluster.create(yaml("""
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: ns1}
        spec: {clusterIP: 10.96.7.7, ports: [{port: 80}]}
        """));

    // When / Then
    assertInvalid(() -> cluster.patch(ResourceRef.of(svc), "[{\"op\":\"replace\",\"path\":"
        + "\"/spec/clusterIPs\",\"value\":[\"10.96.8.8\"]}]"),
        "Service \"web\" is invalid: spec.clusterIPs[0]: Invalid value: []string{\"10.96.8.8\"}:"
            + " may not change once set");
    assertInvalid(() -> cluster.replace(yaml("""
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: ns1}
        spec: {clusterIP: None, ports: [{port: 80}]}
        """)), "spec.clusterIPs[0]: Invalid value: []string{\"None\"}: may not change once set");
  }

  @Test
  @DisplayName("a claim's spec is immutable except resources.requests")
  void persistentVolumeClaim() {
    // Given
    String pvc = """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data, namespace: ns1}
        spec:
          accessModes: [%s]
          storageClassName: standard
          resources: {requests: {storage: %s}}
        """;
    cluster.create(yaml(pvc.formatted("ReadWriteOnce", "1Gi")));

    // When
    Map<String, Object> grown = cluster.replace(yaml(pvc.formatted("ReadWriteOnce", "2Gi")));

    // Then
    assertThat(spec(grown).get("resources")).isEqualTo(Map.of("requests",
        Map.of("storage", "2Gi")));
    assertInvalid(() -> cluster.replace(yaml(pvc.formatted("ReadWriteMany", "2Gi"))),
        "PersistentVolumeClaim \"data\" is invalid: spec: Forbidden: spec is immutable after"
            + " creation except resources.requests and volumeAttributesClassName for bound"
            + " claims");
  }

  @Test
  @DisplayName("an immutable ConfigMap or Secret keeps its data and stays immutable")
  void immutableData() {
    // Given
    Map<String, Object> cm = configMap("ns1", "settings", "{a: b}");
    cm.put("immutable", true);
    cluster.create(cm);
    Map<String, Object> secret = yaml("""
        apiVersion: v1
        kind: Secret
        metadata: {name: token, namespace: ns1}
        immutable: true
        data: {t: YQ==}
        """);
    cluster.create(secret);
    Map<String, Object> changed = configMap("ns1", "settings", "{a: c}");

    // When / Then
    assertInvalid(() -> cluster.replace(changed), "ConfigMap \"settings\" is invalid:"
        + " [immutable: Forbidden: field is immutable when `immutable` is set, data: Forbidden:"
        + " field is immutable when `immutable` is set]");
    changed.put("immutable", true);
    assertInvalid(() -> cluster.replace(changed), "ConfigMap \"settings\" is invalid: data:"
        + " Forbidden: field is immutable when `immutable` is set");
    secret.put("data", Map.of("t", "Yg=="));
    assertInvalid(() -> cluster.replace(secret), "Secret \"token\" is invalid: data:"
        + " Forbidden: field is immutable when `immutable` is set");
    Map<String, Object> labelled = configMap("ns1", "settings", "{a: b}");
    labelled.put("immutable", true);
    metadata(labelled).put("labels", Map.of("x", "y"));
    assertThat(metadata(cluster.replace(labelled))).containsEntry("labels", Map.of("x", "y"));
  }

  @Test
  @DisplayName("a CRD's group, scope, kind and plural are immutable; its versions may change")
  void crdIdentity() {
    // Given
    cluster.create(Manifests.crd("Namespaced"));
    Map<String, Object> clustered = Manifests.crd("Cluster");
    Map<String, Object> fewerVersions = Manifests.crd("Namespaced");
    ((List<?>) spec(fewerVersions).get("versions")).remove(1);

    // When
    cluster.replace(fewerVersions);

    // Then
    assertThat(cluster.apiVersions()).contains("example.com/v1/Thing")
        .doesNotContain("example.com/v1beta1/Thing");
    assertInvalid(() -> cluster.replace(clustered), "CustomResourceDefinition.apiextensions.k8s.io"
        + " \"things.example.com\" is invalid: spec.scope: Invalid value: \"Cluster\": field is"
        + " immutable");
  }

  @Test
  @DisplayName("ConfigMap data over 1 MiB is refused with the API server's Too long")
  void configMapSize() {
    // Given
    Map<String, Object> atLimit = configMap("ns1", "big", "{}");
    atLimit.put("data", Map.of("a", "x".repeat(Validation.MAX_DATA_BYTES)));
    Map<String, Object> overLimit = configMap("ns1", "bigger", "{}");
    overLimit.put("data", Map.of("a", "x".repeat(Validation.MAX_DATA_BYTES - 1), "b", "é"));

    // When
    Map<String, Object> stored = cluster.create(atLimit);

    // Then
    assertThat(stored).containsKey("data");
    assertInvalid(() -> cluster.create(overLimit),
        "ConfigMap \"bigger\" is invalid: []: Too long: must have at most 1048576 bytes");
  }

  @Test
  @DisplayName("Secret data over 1 MiB (decoded) is refused; so is any object over 1.5 MiB")
  void secretAndObjectSize() {
    // Given
    Map<String, Object> secret = yaml("""
        apiVersion: v1
        kind: Secret
        metadata: {name: sh.helm.release.v1.web.v1, namespace: ns1}
        type: helm.sh/release.v1
        """);
    secret.put("data", Map.of("release", Base64.getEncoder().encodeToString(
        new byte[Validation.MAX_DATA_BYTES + 1])));
    Map<String, Object> huge = deployment("ns1", "web", 1);
    metadata(huge).put("annotations", Map.of("blob", "x".repeat(Validation.MAX_OBJECT_BYTES)));

    // When / Then
    assertInvalid(() -> cluster.create(secret), "Secret \"sh.helm.release.v1.web.v1\" is"
        + " invalid: data: Too long: must have at most 1048576 bytes");
    assertThatThrownBy(() -> cluster.create(huge))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.code()).isEqualTo(413))
        .hasMessageContaining("more than the 1572864 bytes etcd stores");
    assertThat(cluster.list("apps/v1", "Deployment", "ns1", Map.of())).isEmpty();
  }
}
