package dev.capstan.kube.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.internal.yaml.Yaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ThreeWayMergeTest {

  private static Map<String, Object> yaml(String text) {
    return JsonValues.asMap(Yaml.load(text, "test"));
  }

  /** Applies the patch to live and checks the result, then that a second patch is empty. */
  private static Map<String, Object> upgrade(
      Map<String, Object> original, Map<String, Object> modified, Map<String, Object> live,
      MergeKeys keys) {
    List<PatchOperation> patch = ThreeWayMerge.patch(original, modified, live, keys);
    Map<String, Object> result = JsonPatch.apply(live, patch);
    assertThat(ThreeWayMerge.patch(original, modified, result, keys))
        .as("patching the result again changes nothing")
        .isEmpty();
    assertThat(result).isEqualTo(ThreeWayMerge.merged(original, modified, live, keys));
    return result;
  }

  private static Map<String, Object> upgrade(
      Map<String, Object> original, Map<String, Object> modified, Map<String, Object> live) {
    return upgrade(original, modified, live, MergeKeys.builtIn());
  }

  private static final String DEPLOYMENT_V1 =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, labels: {app: web, tier: front}}
      spec:
        replicas: 2
        template:
          spec:
            containers:
            - name: app
              image: web:1
              env: [{name: A, value: "1"}, {name: B, value: "2"}]
              ports: [{containerPort: 80}]
      """;

  private static final String LIVE_V1 =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        resourceVersion: "4711"
        labels: {app: web, tier: front, injected: "yes"}
        annotations: {deployment.kubernetes.io/revision: "3"}
      spec:
        replicas: 2
        template:
          spec:
            containers:
            - name: app
              image: web:1
              imagePullPolicy: IfNotPresent
              env: [{name: A, value: "1"}, {name: B, value: "2"}, {name: INJECTED, value: x}]
              ports: [{containerPort: 80, protocol: TCP}]
            - name: istio-proxy
              image: proxy:1
      status: {replicas: 2, readyReplicas: 2}
      """;

  @Test
  @DisplayName("an image change patches only the image, guarded by the live resourceVersion")
  void imageChange() {
    Map<String, Object> modified = yaml(DEPLOYMENT_V1.replace("web:1", "web:2"));

    List<PatchOperation> patch =
        ThreeWayMerge.patch(yaml(DEPLOYMENT_V1), modified, yaml(LIVE_V1), MergeKeys.builtIn());

    assertThat(patch)
        .containsExactly(
            PatchOperation.test("/metadata/resourceVersion", "4711"),
            PatchOperation.replace("/spec/template/spec/containers/0/image", "web:2"));
  }

  @Test
  @DisplayName("a sidecar injected into live survives an upgrade that does not mention it")
  void sidecarKept() {
    Map<String, Object> modified = yaml(DEPLOYMENT_V1.replace("web:1", "web:2"));

    Map<String, Object> result = upgrade(yaml(DEPLOYMENT_V1), modified, yaml(LIVE_V1));

    assertThat(at(result, "spec", "template", "spec", "containers"))
        .isEqualTo(
            yaml(
                    """
                    c:
                    - name: app
                      image: web:2
                      imagePullPolicy: IfNotPresent
                      env: [{name: A, value: "1"}, {name: B, value: "2"}, {name: INJECTED, value: x}]
                      ports: [{containerPort: 80, protocol: TCP}]
                    - {name: istio-proxy, image: "proxy:1"}
                    """)
                .get("c"));
  }

  @Test
  @DisplayName("an env var removed from the chart is removed from live; one only live has stays")
  void envVarRemoved() {
    Map<String, Object> modified = yaml(DEPLOYMENT_V1.replace(", {name: B, value: \"2\"}", ""));

    Map<String, Object> result = upgrade(yaml(DEPLOYMENT_V1), modified, yaml(LIVE_V1));

    assertThat(at(result, "spec", "template", "spec", "containers", 0, "env"))
        .isEqualTo(yaml("e: [{name: A, value: \"1\"}, {name: INJECTED, value: x}]").get("e"));
  }

  @Test
  @DisplayName("a container port changed in the chart replaces the old port entry")
  void containerPortChanged() {
    Map<String, Object> modified = yaml(DEPLOYMENT_V1.replace("containerPort: 80", "containerPort: 8080"));

    Map<String, Object> result = upgrade(yaml(DEPLOYMENT_V1), modified, yaml(LIVE_V1));

    assertThat(at(result, "spec", "template", "spec", "containers", 0, "ports"))
        .isEqualTo(yaml("p: [{containerPort: 8080}]").get("p"));
  }

  @Test
  @DisplayName("Service ports merge by port: a changed targetPort keeps the allocated nodePort")
  void servicePortMergesByPort() {
    String service =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          type: NodePort
          ports: [{name: http, port: 80, targetPort: %s}]
        """;
    Map<String, Object> live =
        yaml(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              type: NodePort
              clusterIP: 10.0.0.7
              ports: [{name: http, port: 80, targetPort: 8080, protocol: TCP, nodePort: 30080}]
            """);

    Map<String, Object> result =
        upgrade(yaml(service.formatted("8080")), yaml(service.formatted("9090")), live);

    assertThat(at(result, "spec"))
        .isEqualTo(
            yaml(
                """
                type: NodePort
                clusterIP: 10.0.0.7
                ports: [{name: http, port: 80, targetPort: 9090, protocol: TCP, nodePort: 30080}]
                """));
  }

  @Test
  @DisplayName("a label removed from the chart is removed; labels only live has stay")
  void labelRemoved() {
    Map<String, Object> modified = yaml(DEPLOYMENT_V1.replace(", tier: front", ""));

    Map<String, Object> result = upgrade(yaml(DEPLOYMENT_V1), modified, yaml(LIVE_V1));

    assertThat(at(result, "metadata", "labels"))
        .isEqualTo(Map.of("app", "web", "injected", "yes"));
  }

  @Test
  @DisplayName("status and controller annotations that only live has are kept by a spec change")
  void controllerFieldsKept() {
    Map<String, Object> modified = yaml(DEPLOYMENT_V1.replace("replicas: 2", "replicas: 5"));
    Map<String, Object> live = yaml(LIVE_V1);

    Map<String, Object> result = upgrade(yaml(DEPLOYMENT_V1), modified, live);

    assertThat(at(result, "spec", "replicas")).isEqualTo(5L);
    assertThat(result.get("status")).isEqualTo(live.get("status"));
    assertThat(at(result, "metadata", "annotations"))
        .isEqualTo(Map.of("deployment.kubernetes.io/revision", "3"));
  }

  @Test
  @DisplayName("nothing to change gives an empty patch, even with live-only fields and a sidecar")
  void noOp() {
    assertThat(
            ThreeWayMerge.patch(
                yaml(DEPLOYMENT_V1), yaml(DEPLOYMENT_V1), yaml(LIVE_V1), MergeKeys.builtIn()))
        .isEmpty();
  }

  @Test
  @DisplayName("an integer in live equals the same number read as a float from YAML")
  void numbersCompareByValue() {
    Map<String, Object> live = yaml(LIVE_V1);
    JsonValues.asMap(live.get("spec")).put("replicas", 2L);

    assertThat(ThreeWayMerge.patch(yaml(DEPLOYMENT_V1), yaml(DEPLOYMENT_V1), live,
            MergeKeys.builtIn()))
        .isEmpty();
  }

  @Test
  @DisplayName("reordered containers follow the chart order, live-only ones keep their live place")
  void reorderedContainers() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: %s
        """;
    Map<String, Object> original = yaml(pod.formatted("[{name: a, image: a}, {name: b, image: b}]"));
    Map<String, Object> modified = yaml(pod.formatted("[{name: b, image: b}, {name: a, image: a2}]"));
    Map<String, Object> live =
        yaml(pod.formatted("[{name: a, image: a}, {name: side, image: s}, {name: b, image: b}]"));

    Map<String, Object> result = upgrade(original, modified, live);

    assertThat(at(result, "spec", "containers"))
        .isEqualTo(
            yaml("c: [{name: side, image: s}, {name: b, image: b}, {name: a, image: a2}]")
                .get("c"));
  }

  @Test
  @DisplayName("with a container deleted and one added, a sidecar goes where Kubernetes puts it")
  void sidecarPlaceAfterDeleteAndAdd() {
    // Observed from kubectl (apply's three-way patch, applied by patch --local): Kubernetes
    // compares against the live list after its in-place edits, where "c" took the freed slot.
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: %s
        """;
    Map<String, Object> original = yaml(pod.formatted("[{name: d}, {name: b}]"));
    Map<String, Object> modified = yaml(pod.formatted("[{name: c}, {name: d}]"));
    Map<String, Object> live = yaml(pod.formatted("[{name: d}, {name: b}, {name: side}]"));

    Map<String, Object> result = upgrade(original, modified, live);

    assertThat(at(result, "spec", "containers"))
        .isEqualTo(yaml("c: [{name: side}, {name: c}, {name: d}]").get("c"));
  }

  @Test
  @DisplayName("an atomic list (container args) that changes order is replaced whole")
  void atomicListReplaced() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, args: %s}]
          tolerations: [{key: k, operator: Exists}]
        """;
    Map<String, Object> original = yaml(pod.formatted("[p, q]"));
    Map<String, Object> modified = yaml(pod.formatted("[q, p]"));
    Map<String, Object> live = yaml(pod.formatted("[p, q, r]"));
    JsonValues.asList(at(live, "spec", "tolerations")).add(Map.of("key", "node", "operator", "Exists"));

    Map<String, Object> result = upgrade(original, modified, live);

    assertThat(at(result, "spec", "containers", 0, "args")).isEqualTo(List.of("q", "p"));
    assertThat(at(result, "spec", "tolerations")).isEqualTo(at(modified, "spec", "tolerations"));
  }

  @Test
  @DisplayName("a null in the chart deletes the field from live")
  void nullDeletes() {
    Map<String, Object> modified = yaml(DEPLOYMENT_V1.replace("replicas: 2", "replicas: null"));

    Map<String, Object> result = upgrade(yaml(DEPLOYMENT_V1), modified, yaml(LIVE_V1));

    assertThat(JsonValues.asMap(result.get("spec"))).doesNotContainKey("replicas");
  }

  @Test
  @DisplayName("for a custom resource a null deletes only where the previous manifest had no null")
  void customResourceNulls() {
    String cr = "apiVersion: example.com/v1\nkind: Widget\nspec: {a: %s, b: %s}\n";
    Map<String, Object> live = yaml(cr.formatted("live", "live"));

    Map<String, Object> result =
        upgrade(yaml(cr.formatted("null", "1")), yaml(cr.formatted("null", "null")), live);

    assertThat(result.get("spec")).isEqualTo(Map.of("a", "live"));
  }

  @Test
  @DisplayName("a map that becomes a scalar, and a scalar that becomes a map, are replaced")
  void typeChanges() {
    Map<String, Object> original = yaml("kind: Thing\napiVersion: x/v1\na: {b: 1}\nc: text\n");
    Map<String, Object> modified = yaml("kind: Thing\napiVersion: x/v1\na: scalar\nc: {d: 2}\n");
    Map<String, Object> live = yaml("kind: Thing\napiVersion: x/v1\na: {b: 1, live: 3}\nc: text\n");

    Map<String, Object> result = upgrade(original, modified, live);

    assertThat(result).isEqualTo(modified);
  }

  @Test
  @DisplayName("map keys with '/' and '~' are escaped in paths")
  void escapedPaths() {
    Map<String, Object> original =
        yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {annotations: {a.io/x~y: v}}\n");
    Map<String, Object> modified = yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {annotations: {}}\n");

    List<PatchOperation> patch =
        ThreeWayMerge.patch(original, modified, original, MergeKeys.builtIn());

    assertThat(patch)
        .containsExactly(PatchOperation.remove("/metadata/annotations/a.io~1x~0y"));
    assertThat(JsonPatch.apply(original, patch)).isEqualTo(modified);
  }

  @Test
  @DisplayName("custom resources merge as JSON merge patch: lists are replaced whole")
  void customResourceListsAtomic() {
    String cr =
        """
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w}
        spec:
          containers: %s
          size: %s
        """;
    Map<String, Object> live = yaml(cr.formatted("[{name: a}, {name: side}]", "1"));

    Map<String, Object> result =
        upgrade(yaml(cr.formatted("[{name: a}]", "1")), yaml(cr.formatted("[{name: a}]", "2")),
            live);

    assertThat(at(result, "spec")).isEqualTo(yaml("containers: [{name: a}]\nsize: 2\n"));
  }

  @Test
  @DisplayName("MergeKeys.none() treats even built-in kinds as JSON merge (containers atomic)")
  void noneMakesBuiltInsAtomic() {
    Map<String, Object> modified = yaml(DEPLOYMENT_V1.replace("web:1", "web:2"));

    Map<String, Object> result =
        upgrade(yaml(DEPLOYMENT_V1), modified, yaml(LIVE_V1), MergeKeys.none());

    assertThat(at(result, "spec", "template", "spec", "containers"))
        .isEqualTo(at(modified, "spec", "template", "spec", "containers"));
  }

  @Test
  @DisplayName("switching a Deployment to Recreate clears the live rollingUpdate (retainKeys)")
  void deploymentStrategyRetainsKeys() {
    String deployment =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          strategy: %s
        """;
    Map<String, Object> live =
        yaml(deployment.formatted(
            "{type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}}"));

    Map<String, Object> result =
        upgrade(yaml(deployment.formatted("{type: RollingUpdate}")),
            yaml(deployment.formatted("{type: Recreate}")), live);

    assertThat(at(result, "spec", "strategy")).isEqualTo(Map.of("type", "Recreate"));
  }

  @Test
  @DisplayName("a volume that changes source drops the old source (volumes retain keys)")
  void volumeSourceChange() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a}]
          volumes: %s
        """;
    Map<String, Object> original = yaml(pod.formatted("[{name: data, configMap: {name: c}}]"));
    Map<String, Object> modified = yaml(pod.formatted("[{name: data, secret: {secretName: s}}]"));
    Map<String, Object> live =
        yaml(pod.formatted("[{name: data, configMap: {name: c}}, {name: injected, emptyDir: {}}]"));

    Map<String, Object> result = upgrade(original, modified, live);

    assertThat(at(result, "spec", "volumes"))
        .isEqualTo(
            yaml("v: [{name: data, secret: {secretName: s}}, {name: injected, emptyDir: {}}]")
                .get("v"));
  }

  @Test
  @DisplayName("finalizers merge as a set: the chart's go first, a controller's stays")
  void finalizersMergeAsSet() {
    String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, finalizers: %s}\n";

    Map<String, Object> result =
        upgrade(yaml(cm.formatted("[a]")), yaml(cm.formatted("[c]")), yaml(cm.formatted("[a, b]")));

    assertThat(at(result, "metadata", "finalizers")).isEqualTo(List.of("c", "b"));
  }

  @Test
  @DisplayName("finalizers only reordered stay in live order when the chart lists them sorted")
  void finalizersReorderedOnly() {
    // Observed from kubectl: its diff sorts the live list in place before comparing, so a sorted
    // chart list that holds the live values finds no change and sends no $setElementOrder.
    String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, finalizers: %s}\n";

    assertThat(ThreeWayMerge.patch(yaml(cm.formatted("[]")), yaml(cm.formatted("[f1, f2, f3]")),
            yaml(cm.formatted("[f3, f1, f2]")), MergeKeys.builtIn()))
        .isEmpty();
    Map<String, Object> result =
        upgrade(yaml(cm.formatted("[]")), yaml(cm.formatted("[f2, f1, f3]")),
            yaml(cm.formatted("[f3, f1, f2]")));
    assertThat(at(result, "metadata", "finalizers")).isEqualTo(List.of("f2", "f1", "f3"));
  }

  @Test
  @DisplayName("a CronJob's job template containers merge by name too")
  void cronJobTemplate() {
    String cronJob =
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: %s
        """;
    Map<String, Object> result =
        upgrade(yaml(cronJob.formatted("[{name: job, image: j1}]")),
            yaml(cronJob.formatted("[{name: job, image: j2}]")),
            yaml(cronJob.formatted("[{name: job, image: j1}, {name: side, image: s}]")));

    assertThat(at(result, "spec", "jobTemplate", "spec", "template", "spec", "containers"))
        .isEqualTo(yaml("c: [{name: job, image: j2}, {name: side, image: s}]").get("c"));
  }

  @Test
  @DisplayName("an env list that repeats a name in the chart is replaced whole")
  void duplicateKeysReplaceWhole() {
    Map<String, Object> modified =
        yaml(DEPLOYMENT_V1.replace("{name: B, value: \"2\"}", "{name: A, value: \"3\"}"));

    Map<String, Object> result = upgrade(yaml(DEPLOYMENT_V1), modified, yaml(LIVE_V1));

    assertThat(at(result, "spec", "template", "spec", "containers", 0, "env"))
        .isEqualTo(at(modified, "spec", "template", "spec", "containers", 0, "env"));
  }

  @Test
  @DisplayName("a container without a name in a list merged by name is refused, naming the path")
  void missingMergeKey() {
    Map<String, Object> modified = yaml(DEPLOYMENT_V1.replace("- name: app\n", "- \n"));

    assertThatThrownBy(
            () -> ThreeWayMerge.patch(yaml(DEPLOYMENT_V1), modified, yaml(LIVE_V1),
                MergeKeys.builtIn()))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("/spec/template/spec/containers")
        .hasMessageContaining("\"name\"");
  }

  @Test
  @DisplayName("the patch's operations are immutable and survive changes to the inputs")
  void immutableResult() {
    Map<String, Object> modified = yaml(DEPLOYMENT_V1.replace("replicas: 2", "replicas: {a: 1}"));
    List<PatchOperation> patch =
        ThreeWayMerge.patch(yaml(DEPLOYMENT_V1), modified, yaml(LIVE_V1), MergeKeys.builtIn());

    JsonValues.asMap(at(modified, "spec", "replicas")).put("a", 2L);

    assertThat(patch.get(1).value()).isEqualTo(Map.of("a", 1L));
    assertThatThrownBy(() -> patch.add(PatchOperation.remove("/x")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> JsonValues.asMap(patch.get(1).value()).put("b", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  static Object at(Object root, Object... path) {
    Object node = root;
    for (Object step : path) {
      node = step instanceof Integer i ? ((List<?>) node).get(i) : ((Map<?, ?>) node).get(step);
    }
    return node;
  }
}
