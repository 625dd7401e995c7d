package dev.capstan.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.progress.ProgressEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The applier's order and parallelism (§5.1), ownership checks (§5.5), recreation of objects whose
 * immutable fields changed and uninstall deletions, on a map-backed fake cluster.
 */
class ResourceApplierOrderTest {
  private final FakeCluster cluster = new FakeCluster();
  private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
  private final ResourceApplier applier = new ResourceApplier(cluster).withListener(events::add);

  private static Map<String, Object> object(String apiVersion, String kind, String name,
      Map<String, Object> extra) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("namespace", "ns1");
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("apiVersion", apiVersion);
    o.put("kind", kind);
    o.put("metadata", metadata);
    o.putAll(extra);
    return o;
  }

  private static Map<String, Object> configMap(String name) {
    return object("v1", "ConfigMap", name, Map.of("data", Map.of("k", name)));
  }

  private static Map<String, Object> deployment(String name, String app) {
    return object("apps/v1", "Deployment", name, Map.of("spec", Map.of(
        "selector", Map.of("matchLabels", Map.of("app", app)))));
  }

  private List<String> requests(String verb) {
    List<String> out = new ArrayList<>();
    for (String r : cluster.requests) {
      if (r.startsWith(verb + " ")) {
        out.add(r.substring(verb.length() + 1));
      }
    }
    return out;
  }

  @Test
  @DisplayName("objects are created in Helm's install order, whatever order they are given in")
  void installOrder() {
    // Given a Deployment listed before the Service and ConfigMap it needs
    List<Map<String, Object>> target = List.of(deployment("web", "web"),
        object("v1", "Service", "web", Map.of()), configMap("cfg"));

    // When
    ApplyResult r = applier.apply(List.of(), target);

    // Then ConfigMap, Service, Deployment (§5.1 InstallOrder)
    assertThat(requests("POST")).containsExactly("ConfigMap/ns1/cfg", "Service/ns1/web",
        "Deployment/ns1/web");
    assertThat(r.created()).extracting(ResourceRef::kind)
        .containsExactly("ConfigMap", "Service", "Deployment");
  }

  @Test
  @DisplayName("objects of one kind are created at once, and the next kind only after all of them")
  void sameKindInParallel() {
    // Given a cluster whose ConfigMap creates only return once three are in flight together
    CountDownLatch allThree = new CountDownLatch(3);
    AtomicInteger deploymentSawConfigMaps = new AtomicInteger(-1);
    cluster.beforeCreate = ref -> {
      if (ref.kind().equals("ConfigMap")) {
        allThree.countDown();
        try {
          assertThat(allThree.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      } else {
        deploymentSawConfigMaps.set(cluster.objects.size());
      }
    };

    // When
    ApplyResult r = applier.apply(List.of(), List.of(configMap("a"), configMap("b"),
        configMap("c"), deployment("web", "web")));

    // Then the three were in flight together, and the Deployment came after all three existed
    assertThat(allThree.getCount()).isZero();
    assertThat(deploymentSawConfigMaps.get()).isEqualTo(3);
    assertThat(r.created()).extracting(ResourceRef::name).containsExactly("a", "b", "c", "web");
  }

  @Test
  @DisplayName("a failed create stops the apply before the next kind; the failure carries what was created")
  void createFailureStops() {
    // Given a cluster that refuses to create ConfigMap b
    cluster.beforeCreate = ref -> {
      if (ref.name().equals("b")) {
        throw new ClusterException("creating " + ref + " failed (HTTP 403 Forbidden): quota",
            403, "Forbidden", null);
      }
    };

    // When / Then
    assertThatThrownBy(() -> applier.apply(List.of(), List.of(configMap("a"), configMap("b"),
        deployment("web", "web"))))
        .isInstanceOfSatisfying(ApplyException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(
              "creating ConfigMap/ns1/b failed (HTTP 403 Forbidden): quota");
          assertThat(e.code()).isEqualTo(403);
          assertThat(e.partial().created()).extracting(ResourceRef::name).containsExactly("a");
        });
    assertThat(requests("POST")).doesNotContain("Deployment/ns1/web");
  }

  @Test
  @DisplayName("an existing object of another owner stops the apply with Helm's message before any write")
  void ownershipConflict() {
    // Given a ConfigMap that someone created by hand and one owned by release "other"
    cluster.objects.put("v1/ConfigMap/ns1/manual", configMap("manual"));
    cluster.objects.put("v1/ConfigMap/ns1/theirs", Ownership.withOwnership(configMap("theirs"),
        "other", "ns1"));

    // When / Then
    assertThatThrownBy(() -> applier.apply(List.of(), List.of(configMap("manual"),
        configMap("theirs"), configMap("new")),
        ApplyOptions.defaults().withOwner("web", "ns1")))
        .isInstanceOfSatisfying(ApplyException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("ConfigMap \"manual\" in namespace \"ns1\" exists"
              + " and cannot be imported into the current release: invalid ownership metadata;"
              + " label validation error: missing key \"app.kubernetes.io/managed-by\": must be"
              + " set to \"Helm\"; annotation validation error: missing key"
              + " \"meta.helm.sh/release-name\": must be set to \"web\"; annotation validation"
              + " error: missing key \"meta.helm.sh/release-namespace\": must be set to \"ns1\"");
          assertThat(e.ownershipConflicts()).hasSize(2);
          assertThat(e.ownershipConflicts().get(1)).contains("\"theirs\"").contains(
              "key \"meta.helm.sh/release-name\" must equal \"web\": current value is \"other\"");
        });
    assertThat(requests("POST")).isEmpty();
    assertThat(requests("PATCH")).isEmpty();
  }

  @Test
  @DisplayName("taking ownership adopts existing objects and marks every object as the release's")
  void takeOwnership() {
    cluster.objects.put("v1/ConfigMap/ns1/manual", configMap("manual"));

    ApplyResult r = applier.apply(List.of(), List.of(configMap("manual"), configMap("new")),
        ApplyOptions.defaults().withOwner("web", "ns1").withTakeOwnership(true));

    assertThat(r.updated()).extracting(ResourceRef::name).containsExactly("manual");
    assertThat(r.created()).extracting(ResourceRef::name).containsExactly("new");
    for (String name : List.of("manual", "new")) {
      assertThat(Ownership.problem(cluster.objects.get("v1/ConfigMap/ns1/" + name), "web", "ns1"))
          .isEmpty();
    }
  }

  @Test
  @DisplayName("taking ownership without an owning release is refused when the options are built")
  void takeOwnershipNeedsOwner() {
    assertThatThrownBy(() -> ApplyOptions.defaults().withTakeOwnership(true))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("withOwner");
  }

  private void refuseSelectorChanges() {
    cluster.refuseUpdate = (ref, body) -> body.contains("/spec/selector")
        ? new ClusterException("patching " + ref + " failed (HTTP 422 Invalid): Deployment.apps"
            + " \"web\" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:"
            + "map[string]string{\"app\":\"web2\"}}: field is immutable", 422, "Invalid", null)
        : null;
  }

  @Test
  @DisplayName("an update refused for an immutable field fails with the API server's message unless recreation is asked for")
  void immutableFails() {
    applier.apply(List.of(), List.of(deployment("web", "web")));
    refuseSelectorChanges();

    assertThatThrownBy(() -> applier.apply(List.of(deployment("web", "web")),
        List.of(deployment("web", "web2"))))
        .isInstanceOf(ApplyException.class)
        .hasMessageContaining("spec.selector: Invalid value")
        .hasMessageContaining("field is immutable");
    assertThat(requests("DELETE")).isEmpty();
  }

  @Test
  @DisplayName("with recreation asked for, an object refused for an immutable field is deleted and created again, naming the field")
  void immutableRecreated() {
    applier.apply(List.of(), List.of(deployment("web", "web")));
    refuseSelectorChanges();
    events.clear();

    ApplyResult r = applier.apply(List.of(deployment("web", "web")),
        List.of(deployment("web", "web2")),
        ApplyOptions.defaults().withRecreateOnImmutableChange(true));

    assertThat(r.created()).extracting(ResourceRef::name).containsExactly("web");
    assertThat(requests("DELETE")).containsExactly("Deployment/ns1/web");
    assertThat(cluster.objects.get("apps/v1/Deployment/ns1/web").toString()).contains("web2");
    assertThat(events).filteredOn(ProgressEvent.ResourceApplied.class::isInstance)
        .extracting(ProgressEvent::message)
        .containsExactly("recreated Deployment/ns1/web (spec.selector is immutable)");
  }

  @Test
  @DisplayName("uninstall deletes in Helm's uninstall order and keeps objects whose manifest says keep")
  void deleteAll() {
    Map<String, Object> keptSecret = object("v1", "Secret", "db-password", Map.of());
    ((Map<String, Object>) keptSecret.get("metadata")).put("annotations",
        Map.of("helm.sh/resource-policy", " Keep "));
    List<Map<String, Object>> manifest = List.of(configMap("cfg"), keptSecret,
        object("v1", "Service", "web", Map.of()), deployment("web", "web"));
    applier.apply(List.of(), manifest);
    cluster.objects.remove("v1/Service/ns1/web");
    events.clear();

    DeletionResult r = applier.deleteAll(manifest, Cluster.Propagation.BACKGROUND);

    // Service before Deployment before ConfigMap (§5.1 UninstallOrder); the Service was gone
    assertThat(requests("DELETE")).containsExactly("Service/ns1/web", "Deployment/ns1/web",
        "ConfigMap/ns1/cfg");
    assertThat(r.deleted()).extracting(ResourceRef::kind).containsExactly("Deployment", "ConfigMap");
    assertThat(r.absent()).extracting(ResourceRef::kind).containsExactly("Service");
    assertThat(r.kept()).extracting(ResourceRef::name).containsExactly("db-password");
    assertThat(cluster.objects).containsKey("v1/Secret/ns1/db-password");
    assertThat(events).extracting(ProgressEvent::message).contains(
        "kept Secret/ns1/db-password (helm.sh/resource-policy: keep)", "deleted ConfigMap/ns1/cfg");
  }

  @Test
  @DisplayName("every applied object is reported to the listener, unchanged ones too")
  void events() {
    applier.apply(List.of(), List.of(configMap("a")));
    assertThat(events).extracting(ProgressEvent::message).containsExactly("created ConfigMap/ns1/a");
    events.clear();

    // The two ConfigMaps are applied in parallel, so their events come in either order
    applier.apply(List.of(configMap("a")), List.of(configMap("a"), configMap("b")));
    assertThat(events).extracting(ProgressEvent::message).containsExactlyInAnyOrder(
        "unchanged ConfigMap/ns1/a", "created ConfigMap/ns1/b");
  }

  @Test
  @DisplayName("parallelism below one is refused")
  void parallelismChecked() {
    assertThatThrownBy(() -> applier.withParallelism(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
  }
}
