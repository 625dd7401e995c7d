package dev.capstan.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.internal.json.GoJson;
import dev.capstan.release.Release;
import dev.capstan.release.ReleaseCodec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every record real Helm 3.21.0 and 4.1.4 wrote through their Secret and ConfigMap drivers
 * (fixtures {@code helm-records/helm{3,4}-{secret,configmap}-driver}), loaded into fabric8's CRUD
 * mock as Helm left them and read back through Capstan's drivers.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class HelmFixtureDriverTest {
  static KubernetesClient client;

  private static final Path RECORDS = Path.of("../../shared/fixtures/helm-records");
  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private static final DateTimeFormatter ANSI_C =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);
  private static final Pattern HELM3_ROW = Pattern.compile(
      "revision=(\\d+) updated=(\\S+) status=(\\S+) chart=(\\S+) appVersion=(\\S+) description=(.*)");

  static Stream<String> folders() {
    return Stream.of("helm3-secret-driver", "helm3-configmap-driver", "helm4-secret-driver",
        "helm4-configmap-driver");
  }

  private static boolean secrets(String folder) {
    return folder.contains("secret");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The record files of a folder: KEY.secret.yaml or KEY.configmap.yaml. */
  private static List<Path> objectFiles(String folder) {
    String suffix = secrets(folder) ? ".secret.yaml" : ".configmap.yaml";
    try (Stream<Path> s = Files.list(RECORDS.resolve(folder))) {
      List<Path> out = s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted()
          .toList();
      assertThat(out).as("record files in " + folder).hasSizeGreaterThanOrEqualTo(4);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String keyOf(Path objectFile) {
    String f = objectFile.getFileName().toString();
    return f.substring(0, f.indexOf(".secret.yaml") > 0 ? f.indexOf(".secret.yaml")
        : f.indexOf(".configmap.yaml"));
  }

  /** Loads the folder's objects, exactly as Helm wrote them, into a fresh namespace. */
  private static String load(String folder) {
    String ns = "fixture-" + NAMESPACES.incrementAndGet();
    for (Path p : objectFiles(folder)) {
      try (InputStream in = Files.newInputStream(p)) {
        HasMetadata item = secrets(folder) ? client.secrets().load(in).item()
            : client.configMaps().load(in).item();
        item.getMetadata().setNamespace(ns);
        if (item instanceof Secret s) {
          client.secrets().inNamespace(ns).resource(s).create();
        } else {
          client.configMaps().inNamespace(ns).resource((ConfigMap) item).create();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ns;
  }

  private static ReleaseDriver driver(String folder) {
    return secrets(folder) ? new SecretDriver(client) : new ConfigMapDriver(client);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("folders")
  @DisplayName("every record Helm stored reads back with every field equal to its JSON and its labels as stored")
  void everyRecordEqualsItsJson(String folder) {
    // Given
    String ns = load(folder);
    ReleaseDriver driver = driver(folder);
    for (Path p : objectFiles(folder)) {
      String key = keyOf(p);
      Release expected = ReleaseCodec.fromJson(read(RECORDS.resolve(folder)
          .resolve(key + ".raw.json")), key);
      HasMetadata original = secrets(folder)
          ? client.secrets().inNamespace(ns).withName(key).get()
          : client.configMaps().inNamespace(ns).withName(key).get();
      // When
      StoredRelease got = driver.get(ns, key);
      // Then
      assertThat(got.release()).as(key).isEqualTo(expected);
      assertThat(ReleaseCodec.toJson(got.release())).as(key)
          .isEqualTo(ReleaseCodec.toJson(expected));
      assertThat(got.labels()).as(key).isEqualTo(original.getMetadata().getLabels());
      assertThat(got.release().labels()).as(key).isEmpty();
    }
    ReleaseListing all = driver.list(ns, r -> true);
    assertThat(all.skipped()).isEmpty();
    assertThat(all.releases()).hasSize(objectFiles(folder).size());
  }

  /** One row of {@code helm history}: revision, updated (UTC), status, chart, app version, description. */
  record Row(int revision, LocalDateTime updated, String status, String chart, String appVersion,
      String description) {}

  private static List<Row> history(String folder, String release) {
    List<Row> rows = new ArrayList<>();
    for (String line : read(RECORDS.resolve(folder).resolve("history-" + release + ".txt"))
        .split("\n")) {
      if (line.isBlank() || line.startsWith("REVISION")) {
        continue;
      }
      Matcher m = HELM3_ROW.matcher(line.strip());
      if (m.matches()) {
        rows.add(new Row(Integer.parseInt(m.group(1)),
            LocalDateTime.ofInstant(java.time.Instant.parse(m.group(2)), ZoneOffset.UTC),
            m.group(3), m.group(4), m.group(5), m.group(6)));
      } else {
        String[] c = line.split("\t");
        assertThat(c).as("history row " + line).hasSize(6);
        rows.add(new Row(Integer.parseInt(c[0].strip()),
            LocalDateTime.parse(c[1].strip(), ANSI_C), c[2].strip(), c[3].strip(), c[4].strip(),
            c[5].strip()));
      }
    }
    assertThat(rows).as("history rows of " + release + " in " + folder).isNotEmpty();
    return rows;
  }

  private static Row row(Release r) {
    return new Row(r.version(),
        r.info().lastDeployed().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
            .truncatedTo(ChronoUnit.SECONDS),
        r.info().status().wireName(), r.chart().name() + "-" + r.chart().version(),
        r.chart().appVersion(), r.info().description());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("folders")
  @DisplayName("history, last and deployed answer what helm history printed")
  void historyAsHelmPrinted(String folder) {
    // Given
    ReleaseStorage storage = ReleaseStorage.of(driver(folder), load(folder),
        java.time.Clock.systemUTC());
    for (String name : List.of("web", "gone")) {
      List<Row> expected = history(folder, name);
      // When
      List<Release> h = storage.history(name);
      // Then
      assertThat(h.stream().map(HelmFixtureDriverTest::row).toList()).as(name)
          .isEqualTo(expected);
      assertThat(storage.last(name).version())
          .isEqualTo(expected.stream().mapToInt(Row::revision).max().orElseThrow());
      List<Integer> deployed = expected.stream().filter(r -> r.status().equals("deployed"))
          .map(Row::revision).toList();
      if (deployed.isEmpty()) {
        assertThatThrownBy(() -> storage.deployed(name))
            .isInstanceOf(NoDeployedReleasesException.class)
            .hasMessage("\"" + name + "\" has no deployed releases");
      } else {
        assertThat(storage.deployed(name).version()).isEqualTo(deployed.get(deployed.size() - 1));
        assertThat(storage.deployedAll(name)).extracting(Release::version)
            .containsExactlyElementsOf(deployed);
      }
    }
  }

  private static byte[] gunzip(byte[] gz) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> keyPaths(Object tree) {
    Set<String> out = new TreeSet<>();
    collect("", tree, out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void collect(String prefix, Object node, Set<String> out) {
    if (node instanceof Map<?, ?> m) {
      ((Map<String, Object>) m).forEach((k, v) -> {
        out.add(prefix + "/" + k);
        collect(prefix + "/" + k, v, out);
      });
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collect(prefix + "[]", v, out));
    }
  }

  /** Keys Helm 3 writes for zero times, which Helm 4 (and Capstan) leave out (spec §1.2, §1.3). */
  private static boolean helm3ZeroTime(String path) {
    return path.equals("/info/deleted") || path.endsWith("/last_run/started_at")
        || path.endsWith("/last_run/completed_at");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("folders")
  @DisplayName("records Capstan writes decode with base64 -d | base64 -d | gunzip (Secret) or base64 -d | gunzip (ConfigMap) to JSON with every key Helm writes")
  void writtenRecordsDecodeLikeHelms(String folder) {
    // Given: the records Helm wrote, read through Capstan
    ReleaseDriver reader = driver(folder);
    String from = load(folder);
    String to = "written-" + NAMESPACES.incrementAndGet();
    boolean helm4 = folder.startsWith("helm4");
    for (String kind : List.of("secret", "configmap")) {
      ReleaseDriver writer = kind.equals("secret") ? new SecretDriver(client)
          : new ConfigMapDriver(client);
      for (Path p : objectFiles(folder)) {
        String key = keyOf(p);
        StoredRelease helms = reader.get(from, key);
        // When: Capstan writes it
        writer.create(new StoredRelease(to, key, helms.labels(), helms.release(), null));
        // Then: the plain pipeline on the stored data gives Helm's JSON
        byte[] once;
        if (kind.equals("secret")) {
          String wire = client.secrets().inNamespace(to).withName(key).get().getData()
              .get("release");
          once = Base64.getDecoder().decode(Base64.getDecoder().decode(wire));
        } else {
          String wire = client.configMaps().inNamespace(to).withName(key).get().getData()
              .get("release");
          once = Base64.getDecoder().decode(wire);
        }
        String json = new String(gunzip(once), StandardCharsets.UTF_8);
        String helmJson = read(RECORDS.resolve(folder).resolve(key + ".raw.json"));
        Object helmTree = GoJson.decodeWhole(helmJson);
        Set<String> helmKeys = keyPaths(helmTree);
        Set<String> ours = keyPaths(GoJson.decodeWhole(json));
        if (helm4) {
          assertThat(json).as(kind + " " + key).isEqualTo(helmJson);
        } else {
          assertThat(ours).as(kind + " " + key + ": keys beyond Helm 3's")
              .allMatch(k -> helmKeys.contains(k) || k.startsWith("/chart/schemamodtime"));
          assertThat(helmKeys.stream().filter(k -> !helm3ZeroTime(k)))
              .as(kind + " " + key + ": Helm 3 keys").allMatch(ours::contains);
        }
        assertThat(ReleaseCodec.fromJson(json, key)).isEqualTo(helms.release().withLabels(Map.of()));
        assertThat(writer.get(to, key).labels()).isEqualTo(helms.labels());
      }
      to = to + "-cm";
    }
  }
}
