package dev.capstan.testkit.cluster;

import static dev.capstan.testkit.cluster.Manifests.configMap;
import static dev.capstan.testkit.cluster.Manifests.crd;
import static dev.capstan.testkit.cluster.Manifests.deployment;
import static dev.capstan.testkit.cluster.Manifests.metadata;
import static dev.capstan.testkit.cluster.Manifests.namespace;
import static dev.capstan.testkit.cluster.Manifests.resourceVersion;
import static dev.capstan.testkit.cluster.Manifests.spec;
import static dev.capstan.testkit.cluster.Manifests.uid;
import static dev.capstan.testkit.cluster.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kube.ClusterException;
import dev.capstan.kube.ResourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Storage, kinds and scope of {@link InMemoryCluster}: what the API server does with objects. */
class InMemoryClusterTest {
  private static final ResourceRef WEB = new ResourceRef("apps/v1", "Deployment", "ns1", "web");

  private final Manifests.TestClock clock = new Manifests.TestClock();
  private InMemoryCluster cluster;

  @BeforeEach
  void setUp() {
    cluster = InMemoryCluster.builder().clock(clock).build();
    cluster.create(namespace("ns1"));
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  @Nested
  @DisplayName("creating")
  class Creating {
    @Test
    @DisplayName("stamps a uid, the clock's time in seconds, generation 1 and a resourceVersion")
    void stampsMetadata() {
      // When
      Map<String, Object> created = cluster.create(deployment("ns1", "web", 2));

      // Then
      Map<String, Object> md = metadata(created);
      assertThat(uid(created)).matches("[0-9a-f]{8}-0000-4000-8000-[0-9a-f]{12}");
      assertThat(md).containsEntry("creationTimestamp", "2025-06-01T10:20:30Z")
          .containsEntry("generation", 1);
      assertThat(Long.parseLong(resourceVersion(created))).isPositive();
      assertThat(cluster.get(WEB)).contains(created);
    }

    @Test
    @DisplayName("is deterministic: the same requests give the same uids and resourceVersions")
    void deterministic() {
      // Given
      try (InMemoryCluster other = InMemoryCluster.builder().clock(clock).build()) {
        other.create(namespace("ns1"));

        // When
        Map<String, Object> here = cluster.create(deployment("ns1", "web", 2));
        Map<String, Object> there = other.create(deployment("ns1", "web", 2));

        // Then
        assertThat(there).isEqualTo(here);
      }
    }

    @Test
    @DisplayName("refuses a second object of the same name with the API server's AlreadyExists")
    void alreadyExists() {
      // Given
      cluster.create(deployment("ns1", "web", 2));
      cluster.create(configMap("ns1", "settings", "{a: b}"));

      // When / Then
      assertThatThrownBy(() -> cluster.create(deployment("ns1", "web", 3)))
          .isInstanceOf(ClusterException.AlreadyExists.class)
          .hasMessage("creating Deployment/ns1/web failed (HTTP 409 AlreadyExists): "
              + "deployments.apps \"web\" already exists");
      assertThatThrownBy(() -> cluster.create(configMap("ns1", "settings", "{}")))
          .isInstanceOf(ClusterException.AlreadyExists.class)
          .hasMessageEndingWith(": configmaps \"settings\" already exists");
    }

    @Test
    @DisplayName("names an object from its generateName when it has no name")
    void generateName() {
      // Given
      Map<String, Object> job = configMap("ns1", "x", "{}");
      metadata(job).remove("name");
      metadata(job).put("generateName", "hook-");

      // When
      Map<String, Object> first = cluster.create(job);
      Map<String, Object> second = cluster.create(job);

      // Then
      assertThat((String) metadata(first).get("name")).matches("hook-[a-z0-9]{5}");
      assertThat(metadata(second).get("name")).isNotEqualTo(metadata(first).get("name"));
    }

    @Test
    @DisplayName("refuses a body with a resourceVersion, as objects to be created have none")
    void resourceVersionOnCreate() {
      // Given
      Map<String, Object> d = deployment("ns1", "web", 1);
      metadata(d).put("resourceVersion", "7");

      // When / Then
      assertThatThrownBy(() -> cluster.create(d))
          .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.code()).isEqualTo(400))
          .hasMessageContaining("resourceVersion should not be set on objects to be created");
      assertThat(cluster.get(WEB)).isEmpty();
    }

    @Test
    @DisplayName("gives numbers back as a JSON client reads them: an integral double is an integer")
    void numbers() {
      // Given
      Map<String, Object> d = deployment("ns1", "web", 1);
      spec(d).put("replicas", 3.0);
      spec(d).put("minReadySeconds", 5L);

      // When
      Map<String, Object> created = cluster.create(d);

      // Then
      assertThat(spec(created)).containsEntry("replicas", 3).containsEntry("minReadySeconds", 5);
    }
  }

  @Nested
  @DisplayName("copies")
  class Copies {
    @Test
    @DisplayName("hand out deep copies: changing what was returned or passed in changes nothing")
    void deepCopies() {
      // Given
      Map<String, Object> body = deployment("ns1", "web", 2);
      Map<String, Object> created = cluster.create(body);

      // When
      spec(body).put("replicas", 9);
      spec(created).put("replicas", 8);
      spec(cluster.get(WEB).orElseThrow()).put("replicas", 7);
      metadata(cluster.list("apps/v1", "Deployment", "ns1", Map.of()).get(0)).put("labels",
          Map.of());

      // Then
      Map<String, Object> stored = cluster.get(WEB).orElseThrow();
      assertThat(spec(stored)).containsEntry("replicas", 2);
      assertThat(metadata(stored)).containsEntry("labels", Map.of("app", "web"));
    }
  }

  @Nested
  @DisplayName("versions")
  class Versions {
    @Test
    @DisplayName("every write takes the next resourceVersion of one cluster-wide counter")
    void globalCounter() {
      // Given
      long first = Long.parseLong(resourceVersion(cluster.create(deployment("ns1", "a", 1))));

      // When
      String second = resourceVersion(cluster.create(configMap("ns1", "b", "{}")));
      String third = resourceVersion(cluster.patch(new ResourceRef("apps/v1", "Deployment",
          "ns1", "a"), "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":4}]"));

      // Then
      assertThat(List.of(second, third)).containsExactly(Long.toString(first + 1),
          Long.toString(first + 2));
    }

    @Test
    @DisplayName("the generation grows when the spec changes, not for metadata or status")
    void generation() {
      // Given
      cluster.create(deployment("ns1", "web", 2));

      // When
      Map<String, Object> labelled = cluster.patch(WEB,
          "[{\"op\":\"add\",\"path\":\"/metadata/labels/tier\",\"value\":\"front\"}]");
      Map<String, Object> withStatus = cluster.patch(WEB,
          "[{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"replicas\":2}}]");
      Map<String, Object> scaled = cluster.patch(WEB,
          "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":5}]");

      // Then
      assertThat(metadata(labelled)).containsEntry("generation", 1);
      assertThat(metadata(withStatus)).containsEntry("generation", 1);
      assertThat(metadata(scaled)).containsEntry("generation", 2);
    }

    @Test
    @DisplayName("a write that changes nothing keeps the resourceVersion")
    void noOpWrite() {
      // Given
      Map<String, Object> created = cluster.create(deployment("ns1", "web", 2));

      // When
      Map<String, Object> replaced = cluster.replace(deployment("ns1", "web", 2));
      Map<String, Object> patched = cluster.patch(WEB,
          "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":2}]");

      // Then
      assertThat(resourceVersion(replaced)).isEqualTo(resourceVersion(created));
      assertThat(patched).isEqualTo(created);
    }

    @Test
    @DisplayName("an object is one object at every version its group serves, relabelled when read")
    void anyVersion() {
      // Given
      cluster.create(yaml("""
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: web, namespace: ns1}
          spec: {maxReplicas: 3, scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}}
          """));

      // When
      Map<String, Object> atV1 = cluster.get(new ResourceRef("autoscaling/v1",
          "HorizontalPodAutoscaler", "ns1", "web")).orElseThrow();

      // Then
      assertThat(atV1).containsEntry("apiVersion", "autoscaling/v1");
      assertThat(spec(atV1)).containsEntry("maxReplicas", 3);
      assertThatThrownBy(() -> cluster.create(yaml("""
          apiVersion: autoscaling/v1
          kind: HorizontalPodAutoscaler
          metadata: {name: web, namespace: ns1}
          spec: {maxReplicas: 3}
          """))).isInstanceOf(ClusterException.AlreadyExists.class);
    }
  }

  @Nested
  @DisplayName("replacing")
  class Replacing {
    @Test
    @DisplayName("keeps uid and creation time, and refuses a stale resourceVersion with Conflict")
    void preconditions() {
      // Given
      Map<String, Object> created = cluster.create(deployment("ns1", "web", 2));
      clock.advanceSeconds(60);
      Map<String, Object> scaled = deployment("ns1", "web", 3);
      metadata(scaled).put("resourceVersion", resourceVersion(created));

      // When
      Map<String, Object> replaced = cluster.replace(scaled);

      // Then
      assertThat(uid(replaced)).isEqualTo(uid(created));
      assertThat(metadata(replaced)).containsEntry("creationTimestamp", "2025-06-01T10:20:30Z");
      assertThat(spec(replaced)).containsEntry("replicas", 3);
      assertThatThrownBy(() -> cluster.replace(scaled))
          .isInstanceOf(ClusterException.Conflict.class)
          .hasMessageEndingWith("Operation cannot be fulfilled on deployments.apps \"web\": the"
              + " object has been modified; please apply your changes to the latest version and"
              + " try again");
    }

    @Test
    @DisplayName("of a missing object is NotFound")
    void missing() {
      assertThatThrownBy(() -> cluster.replace(deployment("ns1", "web", 2)))
          .isInstanceOf(ClusterException.NotFound.class)
          .hasMessageEndingWith("deployments.apps \"web\" not found");
    }

    @Test
    @DisplayName("writes a status the body has and keeps the live status when the body has none")
    void status() {
      // Given
      cluster.create(deployment("ns1", "web", 2));
      Map<String, Object> withStatus = deployment("ns1", "web", 2);
      withStatus.put("status", Map.of("replicas", 2, "readyReplicas", 2));

      // When
      Map<String, Object> controllerWrote = cluster.replace(withStatus);
      Map<String, Object> userWrote = cluster.replace(deployment("ns1", "web", 3));

      // Then
      assertThat(controllerWrote.get("status")).isEqualTo(Map.of("replicas", 2,
          "readyReplicas", 2));
      assertThat(userWrote.get("status")).isEqualTo(controllerWrote.get("status"));
      assertThat(spec(userWrote)).containsEntry("replicas", 3);
    }
  }

  @Nested
  @DisplayName("patching")
  class Patching {
    @Test
    @DisplayName("applies a JSON Patch; a test that fails is 422 Invalid and changes nothing")
    void jsonPatch() {
      // Given
      Map<String, Object> created = cluster.create(deployment("ns1", "web", 2));
      String rv = resourceVersion(created);

      // When
      Map<String, Object> patched = cluster.patch(WEB, "[{\"op\":\"test\",\"path\":"
          + "\"/metadata/resourceVersion\",\"value\":\"" + rv + "\"},{\"op\":\"replace\","
          + "\"path\":\"/spec/replicas\",\"value\":4}]");

      // Then
      assertThat(spec(patched)).containsEntry("replicas", 4);
      assertThatThrownBy(() -> cluster.patch(WEB, "[{\"op\":\"test\",\"path\":"
          + "\"/metadata/resourceVersion\",\"value\":\"" + rv + "\"},{\"op\":\"replace\","
          + "\"path\":\"/spec/replicas\",\"value\":9}]"))
          .isInstanceOfSatisfying(ClusterException.class, e -> {
            assertThat(e.code()).isEqualTo(422);
            assertThat(e.reason()).isEqualTo("Invalid");
          });
      assertThat(spec(cluster.get(WEB).orElseThrow())).containsEntry("replicas", 4);
    }

    @Test
    @DisplayName("writes status as a controller does through /status")
    void statusPatch() {
      // Given
      cluster.create(deployment("ns1", "web", 2));

      // When
      Map<String, Object> patched = cluster.patch(WEB, "[{\"op\":\"add\",\"path\":\"/status\","
          + "\"value\":{\"observedGeneration\":1,\"readyReplicas\":2}}]");

      // Then
      assertThat(patched.get("status")).isEqualTo(Map.of("observedGeneration", 1,
          "readyReplicas", 2));
    }

    @Test
    @DisplayName("of a missing object is NotFound; a body that is not a JSON Patch is 400")
    void badPatches() {
      // Given
      assertThatThrownBy(() -> cluster.patch(WEB, "[]"))
          .isInstanceOf(ClusterException.NotFound.class);
      cluster.create(deployment("ns1", "web", 2));

      // When / Then
      assertThatThrownBy(() -> cluster.patch(WEB, "{\"spec\":{}}"))
          .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.code()).isEqualTo(400));
      assertThatThrownBy(() -> cluster.patch(WEB, "[{\"op\":\"jump\",\"path\":\"/spec\"}]"))
          .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.code()).isEqualTo(400));
      assertThatThrownBy(() -> cluster.patch(WEB, "[{\"op\":\"replace\",\"path\":"
          + "\"/metadata/name\",\"value\":\"other\"}]"))
          .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.code()).isEqualTo(400));
    }
  }

  @Nested
  @DisplayName("scope")
  class Scope {
    @Test
    @DisplayName("a namespaced object needs a namespace that exists; default, kube-system and"
        + " kube-public exist")
    void namespaces() {
      // Given
      Map<String, Object> noNamespace = deployment("ns1", "web", 1);
      metadata(noNamespace).remove("namespace");

      // When / Then
      assertThatThrownBy(() -> cluster.create(noNamespace))
          .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.code()).isEqualTo(400))
          .hasMessageContaining("Deployment \"web\" has no metadata.namespace");
      assertThatThrownBy(() -> cluster.create(deployment("nope", "web", 1)))
          .isInstanceOf(ClusterException.NotFound.class)
          .hasMessageEndingWith("namespaces \"nope\" not found");
      for (String ns : List.of("default", "kube-system", "kube-public")) {
        assertThat(cluster.create(configMap(ns, "c", "{}"))).isNotNull();
      }
    }

    @Test
    @DisplayName("a cluster-scoped object has no namespace, whatever the request says")
    void clusterScoped() {
      // Given
      Map<String, Object> role = yaml("""
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata: {name: reader, namespace: ns1}
          rules: []
          """);

      // When
      Map<String, Object> created = cluster.create(role);

      // Then
      assertThat(metadata(created)).doesNotContainKey("namespace");
      assertThat(cluster.get(new ResourceRef("rbac.authorization.k8s.io/v1", "ClusterRole",
          "other", "reader"))).contains(created);
    }

    @Test
    @DisplayName("an unknown kind, or a version not served, is 404 'no matches for kind'")
    void unknownKinds() {
      assertThatThrownBy(() -> cluster.get(new ResourceRef("example.com/v1", "Thing", "ns1",
          "t"))).isInstanceOfSatisfying(ClusterException.class,
              e -> assertThat(e.code()).isEqualTo(404))
          .hasMessageEndingWith("no matches for kind \"Thing\" in version \"example.com/v1\"");
      assertThatThrownBy(() -> cluster.list("apps/v1beta1", "Deployment", "", Map.of()))
          .hasMessageEndingWith("no matches for kind \"Deployment\" in version \"apps/v1beta1\"");
    }
  }

  @Nested
  @DisplayName("custom resources")
  class CustomResources {
    @Test
    @DisplayName("exist once their CRD is created, at each served version, in the CRD's scope")
    void crdDefinesKind() {
      // When
      Map<String, Object> definition = cluster.create(crd("Cluster"));
      Map<String, Object> thing = cluster.create(yaml("""
          apiVersion: example.com/v1
          kind: Thing
          metadata: {name: t, namespace: ns1}
          spec: {size: 1}
          """));

      // Then
      assertThat(metadata(thing)).doesNotContainKey("namespace");
      assertThat(cluster.get(new ResourceRef("example.com/v1beta1", "Thing", "", "t")))
          .hasValueSatisfying(t -> assertThat(t).containsEntry("apiVersion",
              "example.com/v1beta1"));
      assertThat(cluster.apiVersions()).contains("example.com/v1", "example.com/v1/Thing",
          "example.com/v1beta1/Thing");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> conditions = (List<Map<String, Object>>)
          ((Map<String, Object>) definition.get("status")).get("conditions");
      assertThat(conditions).extracting(c -> c.get("type") + "=" + c.get("status"))
          .containsExactly("NamesAccepted=True", "Established=True");
    }

    @Test
    @DisplayName("go with their CRD: deleting it deletes them and the kind is unknown again")
    void crdDeletion() {
      // Given
      cluster.create(crd("Namespaced"));
      cluster.create(yaml("""
          apiVersion: example.com/v1
          kind: Thing
          metadata: {name: t, namespace: ns1}
          """));

      // When
      boolean deleted = cluster.delete(new ResourceRef("apiextensions.k8s.io/v1",
          "CustomResourceDefinition", "", "things.example.com"),
          dev.capstan.kube.Cluster.Propagation.BACKGROUND);

      // Then
      assertThat(deleted).isTrue();
      assertThat(cluster.apiVersions()).noneMatch(v -> v.startsWith("example.com/"));
      assertThatThrownBy(() -> cluster.get(new ResourceRef("example.com/v1", "Thing", "ns1",
          "t"))).hasMessageContaining("no matches for kind \"Thing\"");
    }

    @Test
    @DisplayName("a CRD must be named <plural>.<group>")
    void crdName() {
      // Given
      Map<String, Object> misnamed = crd("Namespaced");
      metadata(misnamed).put("name", "thing");

      // When / Then
      assertThatThrownBy(() -> cluster.create(misnamed))
          .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.code()).isEqualTo(422))
          .hasMessageEndingWith("CustomResourceDefinition.apiextensions.k8s.io \"thing\" is"
              + " invalid: metadata.name: Invalid value: \"thing\": must be"
              + " spec.names.plural+\".\"+spec.group");
    }
  }

  @Nested
  @DisplayName("listing")
  class Listing {
    @Test
    @DisplayName("answers a kind's objects sorted by namespace then name, filtered by namespace"
        + " and labels")
    void list() {
      // Given
      cluster.create(namespace("ns0"));
      cluster.create(deployment("ns1", "b", 1));
      cluster.create(deployment("ns1", "a", 1));
      cluster.create(deployment("ns0", "z", 1));
      cluster.create(configMap("ns1", "a", "{}"));

      // When
      List<Map<String, Object>> all = cluster.list("apps/v1", "Deployment", "", Map.of());
      List<Map<String, Object>> inNs1 = cluster.list("apps/v1", "Deployment", "ns1", Map.of());
      List<Map<String, Object>> labelled = cluster.list("apps/v1", "Deployment", "",
          Map.of("app", "a"));

      // Then
      assertThat(all).extracting(d -> metadata(d).get("namespace") + "/" + metadata(d)
          .get("name")).containsExactly("ns0/z", "ns1/a", "ns1/b");
      assertThat(inNs1).extracting(d -> metadata(d).get("name")).containsExactly("a", "b");
      assertThat(labelled).extracting(d -> metadata(d).get("name")).containsExactly("a");
      assertThat(cluster.list("v1", "Namespace", "ns1", Map.of()))
          .extracting(n -> metadata(n).get("name"))
          .containsExactly("default", "kube-node-lease", "kube-public", "kube-system", "ns0",
              "ns1");
    }
  }

  @Nested
  @DisplayName("discovery")
  class Discovery {
    @Test
    @DisplayName("reports the configured server version and Helm's API version list")
    void versions() {
      // Given
      try (InMemoryCluster old = InMemoryCluster.builder().serverVersion("v1.30.2").build()) {
        // Then
        assertThat(old.serverVersion()).isEqualTo("v1.30.2");
        assertThat(old.capabilities().kubeVersion()).isEqualTo("v1.30.2");
      }
      assertThat(cluster.serverVersion()).isEqualTo("v1.35.0");
      assertThat(cluster.apiVersions()).startsWith("v1").contains("v1/Pod", "apps/v1",
          "apps/v1/Deployment", "batch/v1/Job", "autoscaling/v2", "policy/v1",
          "apiextensions.k8s.io/v1/CustomResourceDefinition").doesNotHaveDuplicates();
      assertThatThrownBy(() -> InMemoryCluster.builder().serverVersion("1.35"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.35");
    }
  }

  @Nested
  @DisplayName("admission")
  class AdmissionOfKinds {
    @Test
    @DisplayName("folds a Secret's stringData into base64 data and defaults its type to Opaque")
    void secrets() {
      // When
      Map<String, Object> secret = cluster.create(yaml("""
          apiVersion: v1
          kind: Secret
          metadata: {name: s, namespace: ns1}
          stringData: {password: hunter2}
          """));

      // Then
      assertThat(secret).doesNotContainKey("stringData").containsEntry("type", "Opaque")
          .containsEntry("data", Map.of("password", "aHVudGVyMg=="));
    }

    @Test
    @DisplayName("gives a Service a cluster IP that a later write without one keeps")
    void serviceIp() {
      // Given
      String service = """
          apiVersion: v1
          kind: Service
          metadata: {name: web, namespace: ns1}
          spec: {ports: [{port: 80}]}
          """;

      // When
      Map<String, Object> created = cluster.create(yaml(service));
      Map<String, Object> replaced = cluster.replace(yaml(service));

      // Then
      assertThat(spec(created)).containsEntry("clusterIP", "10.96.0.1")
          .containsEntry("clusterIPs", List.of("10.96.0.1"));
      assertThat(spec(replaced)).containsEntry("clusterIP", "10.96.0.1");
      assertThat(resourceVersion(replaced)).isEqualTo(resourceVersion(created));
    }

    @Test
    @DisplayName("labels a Namespace with its name and makes it Active")
    void namespaceDefaults() {
      // When
      Map<String, Object> ns = cluster.create(namespace("team"));

      // Then
      assertThat(metadata(ns)).containsEntry("labels",
          Map.of("kubernetes.io/metadata.name", "team"));
      assertThat(ns).containsEntry("status", Map.of("phase", "Active"));
    }

    @Test
    @DisplayName("gives a Job without selector one on its uid, with matching template labels")
    void jobSelector() {
      // When
      Map<String, Object> job = cluster.create(yaml("""
          apiVersion: batch/v1
          kind: Job
          metadata: {name: migrate, namespace: ns1}
          spec:
            template:
              spec:
                restartPolicy: Never
                containers: [{name: m, image: busybox}]
          """));

      // Then
      assertThat(spec(job)).containsEntry("selector", Map.of("matchLabels",
          Map.of("batch.kubernetes.io/controller-uid", uid(job))));
      @SuppressWarnings("unchecked")
      Map<String, Object> templateMeta = (Map<String, Object>) ((Map<String, Object>) spec(job)
          .get("template")).get("metadata");
      assertThat(templateMeta.get("labels")).isEqualTo(Map.of(
          "batch.kubernetes.io/controller-uid", uid(job), "batch.kubernetes.io/job-name",
          "migrate", "controller-uid", uid(job), "job-name", "migrate"));
    }
  }
}
