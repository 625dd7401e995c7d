package dev.capstan.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.internal.json.GoJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every release record Helm 3 and Helm 4 wrote in the fixtures (spec §1, §10.1). */
class ReleaseCodecFixtureTest {
  private static final Path RECORDS = Path.of("../../shared/fixtures/helm-records");

  static Stream<Path> rawRecords() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(RECORDS)) {
      s.filter(p -> p.getFileName().toString().endsWith(".raw.json")).sorted().forEach(out::add);
    }
    assertThat(out).hasSizeGreaterThanOrEqualTo(20);
    return out.stream();
  }

  static Stream<Path> helm4Records() throws IOException {
    return rawRecords().filter(p -> p.getParent().getFileName().toString().startsWith("helm4"));
  }

  static Stream<Path> helm3Records() throws IOException {
    return rawRecords().filter(p -> p.getParent().getFileName().toString().startsWith("helm3"));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String recordName(Path raw) {
    String f = raw.getFileName().toString();
    return f.substring(0, f.length() - ".raw.json".length());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> obj(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  private static String timeText(Object o) {
    return o == null || "".equals(o) ? null : (String) o;
  }

  private static String fmt(java.time.OffsetDateTime t) {
    return t == null ? null : ReleaseJson.formatTime(t);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rawRecords")
  @DisplayName("§1.1-§1.4: every field of a decoded Helm record equals the JSON Helm wrote")
  void everyFieldEqualsTheJson(Path raw) {
    // Given
    String json = read(raw);
    Map<String, Object> tree = obj(GoJson.decodeWhole(json));

    // When
    Release r = ReleaseCodec.fromJson(json, recordName(raw));

    // Then: top level
    assertThat(r.name()).isEqualTo(tree.get("name"));
    assertThat(r.namespace()).isEqualTo(tree.get("namespace"));
    assertThat((double) r.version()).isEqualTo(tree.get("version"));
    assertThat(r.manifest()).isEqualTo(tree.getOrDefault("manifest", ""));
    assertThat(r.config().asMap()).isEqualTo(tree.getOrDefault("config", Map.of()));
    assertThat(r.applyMethod() == null ? null : r.applyMethod().wireName())
        .isEqualTo(tree.get("apply_method"));
    assertThat(r.unknownFields()).isEmpty();
    // info
    Map<String, Object> info = obj(tree.get("info"));
    assertThat(fmt(r.info().firstDeployed())).isEqualTo(timeText(info.get("first_deployed")));
    assertThat(fmt(r.info().lastDeployed())).isEqualTo(timeText(info.get("last_deployed")));
    assertThat(fmt(r.info().deleted())).isEqualTo(timeText(info.get("deleted")));
    assertThat(r.info().description()).isEqualTo(info.get("description"));
    assertThat(r.info().status().wireName()).isEqualTo(info.get("status"));
    assertThat(r.info().notes()).isEqualTo(info.getOrDefault("notes", ""));
    assertThat(r.info().unknownFields()).isEmpty();
    // chart
    Map<String, Object> chart = obj(tree.get("chart"));
    assertThat(r.chart().metadata()).isEqualTo(chart.get("metadata"));
    assertThat(r.chart().lock()).isEqualTo(chart.get("lock"));
    assertThat(r.chart().values().asMap()).isEqualTo(chart.get("values"));
    assertThat(r.chart().schema() == null ? null
        : Base64.getEncoder().encodeToString(r.chart().schema())).isEqualTo(chart.get("schema"));
    assertFiles(r.chart().templates(), list(chart.get("templates")));
    assertFiles(r.chart().files(), list(chart.get("files")));
    assertThat(fmt(r.chart().modTime())).isEqualTo(chart.get("modtime"));
    assertThat(r.chart().name()).isEqualTo("mychart");
    // hooks
    List<Object> hooks = list(tree.get("hooks"));
    assertThat(r.hooks()).hasSize(hooks.size());
    for (int i = 0; i < hooks.size(); i++) {
      Map<String, Object> h = obj(hooks.get(i));
      Hook hook = r.hooks().get(i);
      assertThat(hook.name()).isEqualTo(h.get("name"));
      assertThat(hook.kind()).isEqualTo(h.get("kind"));
      assertThat(hook.path()).isEqualTo(h.get("path"));
      assertThat(hook.manifest()).isEqualTo(h.get("manifest"));
      assertThat(hook.events().stream().map(HookEvent::wireName).toList())
          .isEqualTo(h.get("events"));
      assertThat((double) hook.weight()).isEqualTo(h.getOrDefault("weight", 0.0));
      Map<String, Object> run = obj(h.get("last_run"));
      assertThat(fmt(hook.lastRun().startedAt())).isEqualTo(timeText(run.get("started_at")));
      assertThat(fmt(hook.lastRun().completedAt())).isEqualTo(timeText(run.get("completed_at")));
      assertThat(hook.lastRun().phase() == null ? "" : hook.lastRun().phase().wireName())
          .isEqualTo(run.get("phase"));
    }
  }

  private static void assertFiles(List<StoredFile> actual, List<Object> expected) {
    assertThat(actual).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      Map<String, Object> f = obj(expected.get(i));
      assertThat(actual.get(i).name()).isEqualTo(f.get("name"));
      assertThat(Base64.getEncoder().encodeToString(actual.get(i).data())).isEqualTo(f.get("data"));
      assertThat(fmt(actual.get(i).modTime())).isEqualTo(f.get("modtime"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helm4Records")
  @DisplayName("§1: re-writing a Helm 4 record gives the exact bytes Helm 4 wrote")
  void helm4RoundTripIsByteIdentical(Path raw) {
    String json = read(raw);

    String rewritten = ReleaseCodec.toJson(ReleaseCodec.fromJson(json, recordName(raw)));

    assertThat(rewritten).isEqualTo(json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helm3Records")
  @DisplayName("§1.2/§1.4: re-writing a Helm 3 record differs only by omitted \"\" zero times and "
      + "the added zero schemamodtime")
  void helm3RoundTripDiffersOnlyInZeroTimesAndSchemaModTime(Path raw) {
    // Given
    String json = read(raw);
    String expected = json
        .replace(",\"deleted\":\"\"", "")
        .replace("\"started_at\":\"\",\"completed_at\":\"\",", "")
        .replace(",\"files\":", ",\"schemamodtime\":\"0001-01-01T00:00:00Z\",\"files\":");
    assertThat(expected).isNotEqualTo(json).doesNotContain("_deployed\":\"\"", "deleted\":\"\"",
        "_at\":\"\"");

    // When
    String rewritten = ReleaseCodec.toJson(ReleaseCodec.fromJson(json, recordName(raw)));

    // Then
    assertThat(rewritten).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rawRecords")
  @DisplayName("§10.1: the stored body decodes to the same release as the raw JSON")
  void bodyDecodesToTheSameReleaseAsRawJson(Path raw) {
    Path body = raw.resolveSibling(recordName(raw) + ".body");
    assertThat(body).exists();

    Release fromBody = ReleaseCodec.decode(read(body), recordName(raw));

    assertThat(fromBody).isEqualTo(ReleaseCodec.fromJson(read(raw), recordName(raw)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rawRecords")
  @DisplayName("§10.1: encode output is plain base64(gzip(json)) holding every key Helm wrote")
  void encodeIsPlainBase64Gzip(Path raw) throws IOException {
    // Given
    String json = read(raw);
    Release release = ReleaseCodec.fromJson(json, recordName(raw));

    // When
    String body = ReleaseCodec.encode(release);

    // Then
    byte[] gz = Base64.getDecoder().decode(body);
    String unpacked;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      unpacked = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(unpacked).isEqualTo(ReleaseCodec.toJson(release));
    Map<String, Object> written = obj(GoJson.decodeWhole(unpacked));
    Map<String, Object> original = obj(GoJson.decodeWhole(json));
    assertThat(written.keySet()).containsExactlyElementsOf(original.keySet());
    assertThat(obj(written.get("chart")).keySet())
        .containsAll(obj(original.get("chart")).keySet()).contains("schemamodtime");
    assertThat(ReleaseCodec.decode(body, recordName(raw))).isEqualTo(release);
  }
}
