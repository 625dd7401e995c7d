package dev.capstan.kube.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.capstan.internal.json.GoJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ground truth from Kubernetes' own code: {@code kubectl apply} (client-side) computes
 * {@code CreateThreeWayMergePatch(last-applied, file, live)} against a fake API server that serves
 * discovery and the live object and records the PATCH body; {@code kubectl patch --local} then
 * applies that strategic merge patch to the live object. The result must equal
 * {@link ThreeWayMerge#merged} with {@link MergeKeys#builtIn()}. Skipped when no kubectl is on the
 * machine. The random Deployments carry keyed lists (containers, env, ports, volume mounts,
 * volumes), set lists (finalizers), retainKeys (strategy, volumes), atomic lists (args,
 * tolerations) and live-only fields (a sidecar, an injected env var, status, annotations).
 */
class KubectlGroundTruthTest {
  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  /**
   * Each case runs kubectl twice (about a second); {@code -Dcapstan.kubectlCases=N} runs more and
   * {@code -Dcapstan.kubectlSeed=S} other ones.
   */
  private static final int CASES = Integer.getInteger("capstan.kubectlCases", 25);

  private static HttpServer server;
  private static final AtomicReference<String> LIVE = new AtomicReference<>();
  private static final AtomicReference<String> PATCH = new AtomicReference<>();

  @TempDir static Path dir;

  @BeforeAll
  static void startFakeApiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", KubectlGroundTruthTest::serve);
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    String body;
    int status = 200;
    if (method.equals("PATCH")) {
      try (InputStream in = exchange.getRequestBody()) {
        PATCH.set(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      body = LIVE.get();
    } else if (path.equals("/api")) {
      body = "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":"
          + "[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\"127.0.0.1\"}]}";
    } else if (path.equals("/apis")) {
      body = "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[" + group("apps")
          + "," + group("batch") + "," + group(ThreeWayMergePropertyTest.GROUP) + "]}";
    } else if (path.equals("/api/v1")) {
      body = resources("v1", "Service", "Pod");
    } else if (path.equals("/apis/apps/v1")) {
      body = resources("apps/v1", "Deployment", "StatefulSet", "DaemonSet");
    } else if (path.equals("/apis/batch/v1")) {
      body = resources("batch/v1", "Job", "CronJob");
    } else if (path.equals("/apis/" + ThreeWayMergePropertyTest.GROUP + "/v1")) {
      body = "{\"kind\":\"APIResourceList\",\"groupVersion\":\"" + ThreeWayMergePropertyTest.GROUP
          + "/v1\",\"resources\":[{\"name\":\"things\",\"singularName\":\"thing\","
          + "\"namespaced\":true,\"kind\":\"Thing\",\"verbs\":[\"create\",\"get\",\"list\","
          + "\"patch\",\"update\"]}]}";
    } else if (path.matches(".*/namespaces/default/[a-z]+/(web|t)")) {
      body = LIVE.get();
    } else {
      status = 404;
      body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
          + "\"reason\":\"NotFound\",\"code\":404}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String resources(String groupVersion, String... kinds) {
    StringBuilder sb = new StringBuilder("{\"kind\":\"APIResourceList\",\"groupVersion\":\"")
        .append(groupVersion).append("\",\"resources\":[");
    for (int i = 0; i < kinds.length; i++) {
      String singular = kinds[i].toLowerCase(java.util.Locale.ROOT);
      sb.append(i > 0 ? "," : "").append("{\"name\":\"").append(singular).append("s\",")
          .append("\"singularName\":\"").append(singular).append("\",\"namespaced\":true,")
          .append("\"kind\":\"").append(kinds[i])
          .append("\",\"verbs\":[\"create\",\"get\",\"list\",\"patch\",\"update\"]}");
    }
    return sb.append("]}").toString();
  }

  private static String group(String name) {
    return "{\"name\":\"" + name + "\",\"versions\":[{\"groupVersion\":\"" + name
        + "/v1\",\"version\":\"v1\"}],\"preferredVersion\":{\"groupVersion\":\"" + name
        + "/v1\",\"version\":\"v1\"}}";
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(command + " failed:\n" + out);
    }
    return out;
  }

  private static boolean kubectlAvailable() {
    try {
      run(List.of("kubectl", "version", "--client"));
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** What Kubernetes makes of live: kubectl's three-way patch, applied by kubectl. */
  private static Map<String, Object> kubernetes(
      Map<String, Object> original, Map<String, Object> modified, Map<String, Object> live,
      String patchType) throws Exception {
    Map<String, Object> liveWithLastApplied = JsonValues.asMap(JsonValues.mutableCopy(live));
    JsonValues.asMap(JsonValues.asMap(liveWithLastApplied.get("metadata")).get("annotations"))
        .put(LAST_APPLIED, GoJson.write(original));
    String liveJson = GoJson.write(liveWithLastApplied);
    LIVE.set(liveJson);
    PATCH.set(null);
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "");
    Path file = Files.writeString(dir.resolve("modified.json"), GoJson.write(modified));
    Path liveFile = Files.writeString(dir.resolve("live.json"), liveJson);
    run(List.of("kubectl", "apply", "-f", file.toString(), "--kubeconfig", kubeconfig.toString(),
        "--server", "http://127.0.0.1:" + server.getAddress().getPort(), "--validate=false",
        "--cache-dir", dir.resolve("cache").toString()));
    String patch = PATCH.get();
    if (patch == null) {
      return live;
    }
    String patched = run(List.of("kubectl", "patch", "--local", "-f", liveFile.toString(),
        "--kubeconfig", kubeconfig.toString(), "--type", patchType, "-p", patch, "-o", "json"));
    Map<String, Object> result =
        JsonValues.asMap(dev.capstan.internal.yaml.Yaml.load(patched, "kubectl"));
    JsonValues.asMap(JsonValues.asMap(result.get("metadata")).get("annotations"))
        .remove(LAST_APPLIED);
    return JsonValues.asMap(decodedAsTyped(result));
  }

  /**
   * The API server decodes a patched object into its Go struct, which drops null fields; kubectl's
   * local patch does not, so a {@code "env": null} that the three-way patch leaves in an appended
   * list element is removed here as the server would, and so is a {@code $retainKeys} directive
   * that kubectl's local patch leaves in an appended element (not a field of the type).
   */
  private static Object decodedAsTyped(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        if (v != null && !((String) k).startsWith("$")) {
          out.put((String) k, decodedAsTyped(v));
        }
      });
      return out;
    }
    if (value instanceof List<?> l) {
      return l.stream().map(KubectlGroundTruthTest::decodedAsTyped).toList();
    }
    return value;
  }

  @Test
  @DisplayName("random workload upgrades (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod)"
      + " merge as kubectl's strategic three-way patch does")
  void randomDeployments() throws Exception {
    assumeTrue(kubectlAvailable(), "kubectl is not installed");
    Random random = new Random(Long.getLong("capstan.kubectlSeed", 7));
    int compared = 0;
    for (int n = 0; n < CASES; n++) {
      Map<String, Object> base = deployment(random);
      Map<String, Object> original = mutate(random, base);
      Map<String, Object> modified = mutate(random, base);
      Map<String, Object> live = mutate(random, base);
      addLiveOnly(random, live);
      if (random.nextInt(4) == 0) {
        JsonValues.asMap(JsonValues.asMap(modified.get("metadata")).get("labels"))
            .put(random.nextBoolean() ? "team" : "tier", null);
      }
      if (random.nextInt(6) == 0) {
        JsonValues.asMap(modified.get("spec")).put("strategy", null);
      }
      if (readdsDeletedContainer(original, modified, live)) {
        continue;
      }
      compared++;
      String kind = WORKLOADS.get(n % WORKLOADS.size());
      original = reshape(original, kind);
      modified = reshape(modified, kind);
      live = reshape(live, kind);

      Map<String, Object> expected = kubernetes(original, modified, live, "strategic");
      Map<String, Object> actual =
          JsonPatch.apply(live, ThreeWayMerge.patch(original, modified, live, MergeKeys.builtIn()));

      assertThat(GoJson.write(actual))
          .as("case %d\noriginal %s\nmodified %s\nlive %s", n, GoJson.write(original),
              GoJson.write(modified), GoJson.write(live))
          .isEqualTo(GoJson.write(expected));
    }
    assertThat(compared).as("cases compared").isGreaterThan(CASES * 2 / 3);
  }

  @Test
  @DisplayName("random Service upgrades keep allocated node ports as kubectl's patch does")
  void randomServices() throws Exception {
    assumeTrue(kubectlAvailable(), "kubectl is not installed");
    Random random = new Random(Long.getLong("capstan.kubectlSeed", 7));
    for (int n = 0; n < CASES; n++) {
      Map<String, Object> original = service(random);
      Map<String, Object> modified = random.nextInt(4) == 0 ? original : service(random);
      Map<String, Object> live = JsonValues.asMap(JsonValues.mutableCopy(
          random.nextBoolean() ? original : service(random)));
      Map<String, Object> spec = JsonValues.asMap(live.get("spec"));
      spec.put("clusterIP", "10.0.0.7");
      spec.put("sessionAffinity", "None");
      for (Object port : JsonValues.asList(spec.get("ports"))) {
        Map<String, Object> p = JsonValues.asMap(port);
        p.putIfAbsent("protocol", "TCP");
        p.put("nodePort", 30000L + (Long) p.get("port") % 1000);
      }

      Map<String, Object> expected = kubernetes(original, modified, live, "strategic");
      Map<String, Object> actual =
          JsonPatch.apply(live, ThreeWayMerge.patch(original, modified, live, MergeKeys.builtIn()));

      assertThat(GoJson.write(actual))
          .as("case %d\noriginal %s\nmodified %s\nlive %s", n, GoJson.write(original),
              GoJson.write(modified), GoJson.write(live))
          .isEqualTo(GoJson.write(expected));
    }
  }

  private static Map<String, Object> service(Random r) {
    List<Object> ports = new ArrayList<>();
    for (long port : some(r, List.of(80L, 443L, 8080L, 9090L), 3)) {
      Map<String, Object> p = map("port", port, "targetPort", port + r.nextInt(2));
      if (r.nextBoolean()) {
        p.put("name", "p" + port);
      }
      ports.add(p);
    }
    if (ports.isEmpty()) {
      ports.add(map("port", 80L));
    }
    Map<String, Object> spec = map("type", r.nextBoolean() ? "NodePort" : "ClusterIP",
        "selector", map("app", "web" + r.nextInt(2)), "ports", ports);
    return map("apiVersion", "v1", "kind", "Service",
        "metadata", map("name", "web", "namespace", "default", "annotations", map("keep", "1")),
        "spec", spec);
  }

  @Test
  @DisplayName("random custom resources merge as kubectl's three-way JSON merge patch does")
  void randomCustomResources() throws Exception {
    assumeTrue(kubectlAvailable(), "kubectl is not installed");
    Random random = new Random(Long.getLong("capstan.kubectlSeed", 7));
    for (int n = 0; n < CASES; n++) {
      Map<String, Object> base = ThreeWayMergePropertyTest.thing(random);
      Map<String, Object> metadata = JsonValues.asMap(base.get("metadata"));
      metadata.put("namespace", "default");
      metadata.put("annotations", map("keep", "1"));
      Map<String, Object> original = ThreeWayMergePropertyTest.mutate(random, base, true);
      Map<String, Object> modified = ThreeWayMergePropertyTest.mutate(random, base, true);
      Map<String, Object> live = ThreeWayMergePropertyTest.mutate(random, base, false);
      live.put("status", map("phase", "Ready"));
      for (Map<String, Object> object : List.of(original, modified, live)) {
        JsonValues.asMap(JsonValues.asMap(object.get("metadata")).get("labels")).values()
            .removeIf(v -> v != null && !(v instanceof String));
      }

      Map<String, Object> expected = kubernetes(original, modified, live, "merge");
      Map<String, Object> actual =
          JsonPatch.apply(live, ThreeWayMerge.patch(original, modified, live, MergeKeys.builtIn()));

      assertThat(GoJson.write(actual))
          .as("case %d\noriginal %s\nmodified %s\nlive %s", n, GoJson.write(original),
              GoJson.write(modified), GoJson.write(live))
          .isEqualTo(GoJson.write(expected));
    }
  }

  /**
   * Whether the chart keeps a container that the previous manifest had but live lacks (deleted by
   * hand). Kubernetes then appends its patch element verbatim, delete directives of its nested
   * lists included, which the API server decodes into bogus entries (an env var with only a
   * name); ThreeWayMerge appends the chart's element instead, so such cases are not compared.
   */
  private static boolean readdsDeletedContainer(
      Map<String, Object> original, Map<String, Object> modified, Map<String, Object> live) {
    List<Object> inOriginal = containerNames(original);
    List<Object> inLive = containerNames(live);
    return containerNames(modified).stream()
        .anyMatch(name -> inOriginal.contains(name) && !inLive.contains(name));
  }

  private static List<Object> containerNames(Map<String, Object> deployment) {
    Object containers = ThreeWayMergeTest.at(deployment, "spec", "template", "spec", "containers");
    return ((List<?>) containers).stream().<Object>map(c -> ((Map<?, ?>) c).get("name")).toList();
  }

  // ---------------------------------------------------------------------------------------------

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static <T> List<T> some(Random r, List<T> from, int max) {
    List<T> copy = new ArrayList<>(from);
    Collections.shuffle(copy, r);
    return new ArrayList<>(copy.subList(0, r.nextInt(max + 1)));
  }

  private static Map<String, Object> deployment(Random r) {
    Map<String, Object> labels = map("app", "web");
    some(r, List.of("tier", "team", "env"), 2).forEach(k -> labels.put(k, "v" + r.nextInt(2)));
    Map<String, Object> metadata =
        map("name", "web", "namespace", "default", "labels", labels,
            "annotations", map("keep", "1"));
    if (r.nextBoolean()) {
      metadata.put("finalizers", some(r, List.of("a.io/f1", "a.io/f2", "a.io/f3"), 3));
    }
    List<Object> containers = new ArrayList<>();
    for (String name : some(r, List.of("a", "b", "c", "d"), 3)) {
      containers.add(container(r, name));
    }
    List<Object> volumes = new ArrayList<>();
    for (String name : some(r, List.of("v1", "v2", "v3"), 2)) {
      volumes.add(volume(r, name));
    }
    Map<String, Object> podSpec = map("containers", containers);
    if (!volumes.isEmpty()) {
      podSpec.put("volumes", volumes);
    }
    if (r.nextBoolean()) {
      podSpec.put("tolerations", List.of(map("key", "k" + r.nextInt(2), "operator", "Exists")));
    }
    podLists(r, podSpec);
    Map<String, Object> spec =
        map("replicas", (long) (1 + r.nextInt(3)),
            "selector", map("matchLabels", map("app", "web")),
            "template", map("metadata", map("labels", map("app", "web")), "spec", podSpec));
    if (r.nextBoolean()) {
      spec.put("strategy", strategy(r));
    }
    return map("apiVersion", "apps/v1", "kind", "Deployment", "metadata", metadata, "spec", spec);
  }

  private static final List<String> WORKLOADS =
      List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod");

  /** The generated Deployment as another workload kind with the same pod template. */
  private static Map<String, Object> reshape(Map<String, Object> deployment, String kind) {
    if (kind.equals("Deployment")) {
      return deployment;
    }
    Map<String, Object> d = JsonValues.asMap(JsonValues.mutableCopy(deployment));
    Map<String, Object> spec = JsonValues.asMap(d.get("spec"));
    Object template = spec.get("template");
    d.put("kind", kind);
    switch (kind) {
      case "StatefulSet", "DaemonSet" -> {
        spec.remove("strategy");
        if (kind.equals("DaemonSet")) {
          spec.remove("replicas");
        }
      }
      case "Job" -> {
        d.put("apiVersion", "batch/v1");
        d.put("spec", map("template", template));
      }
      case "CronJob" -> {
        d.put("apiVersion", "batch/v1");
        d.put("spec", map("schedule", "* * * * *",
            "jobTemplate", map("spec", map("template", template))));
      }
      default -> {
        d.put("apiVersion", "v1");
        Object podSpec = template instanceof Map<?, ?> t ? t.get("spec") : null;
        d.put("spec", podSpec);
      }
    }
    return d;
  }

  /** Init containers, image pull secrets, host aliases and spread constraints, each maybe. */
  private static void podLists(Random r, Map<String, Object> podSpec) {
    List<Object> init = new ArrayList<>();
    for (String name : some(r, List.of("init1", "init2"), 2)) {
      init.add(map("name", name, "image", "init:" + r.nextInt(2)));
    }
    putOrRemove(podSpec, "initContainers", init);
    List<Object> secrets = new ArrayList<>();
    for (String name : some(r, List.of("reg1", "reg2", "reg3"), 2)) {
      secrets.add(map("name", name));
    }
    putOrRemove(podSpec, "imagePullSecrets", secrets);
    List<Object> aliases = new ArrayList<>();
    for (String ip : some(r, List.of("10.0.0.1", "10.0.0.2"), 2)) {
      aliases.add(map("ip", ip, "hostnames", some(r, List.of("a.local", "b.local"), 2)));
    }
    putOrRemove(podSpec, "hostAliases", aliases);
    List<Object> spread = new ArrayList<>();
    for (String key : some(r, List.of("zone", "hostname"), 2)) {
      spread.add(map("topologyKey", key, "maxSkew", (long) (1 + r.nextInt(2)),
          "whenUnsatisfiable", "DoNotSchedule"));
    }
    putOrRemove(podSpec, "topologySpreadConstraints", spread);
  }

  private static void putOrRemove(Map<String, Object> map, String key, List<Object> list) {
    if (list.isEmpty()) {
      map.remove(key);
    } else {
      map.put(key, list);
    }
  }

  private static Map<String, Object> strategy(Random r) {
    return r.nextBoolean()
        ? map("type", "Recreate")
        : map("type", "RollingUpdate", "rollingUpdate", map("maxSurge", (long) r.nextInt(3)));
  }

  private static Map<String, Object> container(Random r, String name) {
    Map<String, Object> c = map("name", name, "image", "img-" + name + ":" + r.nextInt(3));
    List<Object> env = new ArrayList<>();
    for (String e : some(r, List.of("E1", "E2", "E3", "E4"), 3)) {
      env.add(map("name", e, "value", "x" + r.nextInt(3)));
    }
    if (!env.isEmpty()) {
      c.put("env", env);
    }
    List<Object> ports = new ArrayList<>();
    for (long p : some(r, List.of(80L, 443L, 8080L), 2)) {
      ports.add(r.nextBoolean() ? map("containerPort", p)
          : map("containerPort", p, "protocol", "TCP"));
    }
    if (!ports.isEmpty()) {
      c.put("ports", ports);
    }
    if (r.nextBoolean()) {
      c.put("args", some(r, List.of("--a", "--b", "--c"), 3));
    }
    if (r.nextBoolean()) {
      c.put("volumeMounts", List.of(map("name", "v1", "mountPath", "/m" + r.nextInt(2))));
    }
    return c;
  }

  private static Map<String, Object> volume(Random r, String name) {
    return r.nextBoolean()
        ? map("name", name, "configMap", map("name", "cm" + r.nextInt(2)))
        : map("name", name, "emptyDir", map());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mutate(Random r, Map<String, Object> base) {
    Map<String, Object> d = JsonValues.asMap(JsonValues.mutableCopy(base));
    Map<String, Object> metadata = JsonValues.asMap(d.get("metadata"));
    Map<String, Object> spec = JsonValues.asMap(d.get("spec"));
    Map<String, Object> podSpec =
        JsonValues.asMap(JsonValues.asMap(spec.get("template")).get("spec"));
    if (r.nextInt(3) == 0) {
      Map<String, Object> labels = JsonValues.asMap(metadata.get("labels"));
      List<String> keys = new ArrayList<>(labels.keySet());
      String k = keys.get(r.nextInt(keys.size()));
      if (!k.equals("app")) {
        labels.remove(k);
      } else {
        labels.put("extra", "e" + r.nextInt(2));
      }
    }
    if (r.nextInt(3) == 0) {
      metadata.put("finalizers", some(r, List.of("a.io/f1", "a.io/f2", "a.io/f3"), 3));
    }
    if (r.nextInt(3) == 0) {
      spec.put("replicas", (long) (1 + r.nextInt(3)));
    }
    if (r.nextInt(3) == 0) {
      spec.put("strategy", strategy(r));
    }
    List<Object> containers = (List<Object>) podSpec.get("containers");
    if (r.nextInt(3) == 0) {
      Collections.shuffle(containers, r);
    }
    if (containers.size() > 1 && r.nextInt(3) == 0) {
      containers.remove(r.nextInt(containers.size()));
    }
    if (r.nextInt(3) == 0) {
      String name = List.of("a", "b", "c", "d", "e").get(r.nextInt(5));
      if (containers.stream().noneMatch(c -> name.equals(((Map<?, ?>) c).get("name")))) {
        containers.add(r.nextInt(containers.size() + 1), container(r, name));
      }
    }
    for (Object c : containers) {
      Map<String, Object> container = JsonValues.asMap(c);
      if (r.nextInt(3) == 0) {
        Map<String, Object> fresh = container(r, (String) container.get("name"));
        for (String field : List.of("image", "env", "ports", "args", "volumeMounts")) {
          if (r.nextBoolean()) {
            if (fresh.containsKey(field)) {
              container.put(field, fresh.get(field));
            } else {
              container.remove(field);
            }
          }
        }
      }
    }
    if (r.nextInt(3) == 0) {
      List<Object> volumes = new ArrayList<>();
      for (String name : some(r, List.of("v1", "v2", "v3"), 2)) {
        volumes.add(volume(r, name));
      }
      if (volumes.isEmpty()) {
        podSpec.remove("volumes");
      } else {
        podSpec.put("volumes", volumes);
      }
    }
    if (r.nextInt(4) == 0) {
      podSpec.remove("tolerations");
    }
    if (r.nextInt(3) == 0) {
      podLists(r, podSpec);
    }
    return d;
  }

  private static void addLiveOnly(Random r, Map<String, Object> live) {
    JsonValues.asMap(JsonValues.asMap(live.get("metadata")).get("annotations"))
        .put("deployment.kubernetes.io/revision", "4");
    live.put("status", map("replicas", 1L));
    Map<String, Object> podSpec = JsonValues.asMap(
        JsonValues.asMap(JsonValues.asMap(live.get("spec")).get("template")).get("spec"));
    List<Object> containers = JsonValues.asList(podSpec.get("containers"));
    containers.add(r.nextInt(containers.size() + 1),
        map("name", "istio-proxy", "image", "proxy:1"));
    Map<String, Object> first = JsonValues.asMap(containers.get(0));
    if (r.nextBoolean() && first.get("env") instanceof List<?> env) {
      JsonValues.asList(env).add(map("name", "INJECTED", "value", "1"));
    }
    podSpec.put("dnsPolicy", "ClusterFirst");
    if (r.nextBoolean()) {
      List<Object> init = new ArrayList<>();
      if (podSpec.get("initContainers") instanceof List<?> existing) {
        init.addAll(existing);
      }
      init.add(0, map("name", "istio-init", "image", "proxy:1"));
      podSpec.put("initContainers", init);
    }
    if (r.nextBoolean()) {
      List<Object> secrets = new ArrayList<>();
      if (podSpec.get("imagePullSecrets") instanceof List<?> existing) {
        secrets.addAll(existing);
      }
      secrets.add(map("name", "injected-registry"));
      podSpec.put("imagePullSecrets", secrets);
    }
  }
}
