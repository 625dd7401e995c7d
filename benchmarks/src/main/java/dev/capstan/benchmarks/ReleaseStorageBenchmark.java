package dev.capstan.benchmarks;

import dev.capstan.release.Release;
import dev.capstan.release.ReleaseCodec;
import dev.capstan.release.ReleaseStatus;
import dev.capstan.storage.MemoryDriver;
import dev.capstan.storage.ReleaseStorage;
import dev.capstan.storage.ReleaseListing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Release records: encoding and decoding a large record against plain gzip+base64 of the same JSON
 * bytes, and history queries on the memory driver holding 1,000 releases of 10 revisions each.
 *
 * <p>Run: {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests -Pbench
 * -Dbench.args="ReleaseStorageBenchmark -prof gc"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReleaseStorageBenchmark {
  private static final int RELEASES = 1000;
  private static final int REVISIONS = 10;

  private Release large;
  private String largeBody;
  private byte[] largeJson;
  private String plainBody;
  private ReleaseStorage storage;
  private int next;

  /** Builds the large record from Helm's web.v1 record and fills the memory driver. */
  @Setup
  public void setUp() throws IOException {
    Path raw = Fixtures.fixtures()
        .resolve("helm-records/helm4-secret-driver/sh.helm.release.v1.web.v1.raw.json");
    Release helms = ReleaseCodec.fromJson(Files.readString(raw, StandardCharsets.UTF_8), "web.v1");
    StringBuilder manifest = new StringBuilder();
    for (int i = 0; manifest.length() < 400 * 1024; i++) {
      manifest.append(helms.manifest().replace("web-mychart", "web-mychart-" + i)).append('\n');
    }
    large = helms.withManifest(manifest.toString());
    largeBody = ReleaseCodec.encode(large);
    largeJson = ReleaseCodec.toJson(large).getBytes(StandardCharsets.UTF_8);
    plainBody = plainEncode(largeJson);

    MemoryDriver driver = new MemoryDriver();
    storage = ReleaseStorage.of(driver, "default", Clock.systemUTC());
    for (int r = 0; r < RELEASES; r++) {
      for (int v = 1; v <= REVISIONS; v++) {
        ReleaseStatus status = v == REVISIONS ? ReleaseStatus.DEPLOYED : ReleaseStatus.SUPERSEDED;
        storage.create(new Release("rel-" + r, helms.info(), helms.chart(), helms.config(),
            helms.manifest(), helms.hooks(), v, "default", helms.applyMethod(), Map.of(),
            helms.unknownFields(), helms.hookUnknownFields()).withStatus(status));
      }
    }
  }

  /** Capstan: release to storage body (JSON, gzip at best compression, base64). */
  @Benchmark
  public String encode() {
    return ReleaseCodec.encode(large);
  }

  /** Capstan: storage body to release (base64, gunzip, JSON). */
  @Benchmark
  public Release decode() {
    return ReleaseCodec.decode(largeBody, "large");
  }

  /** Capstan: encode then decode. */
  @Benchmark
  public Release encodeDecode() {
    return ReleaseCodec.decode(ReleaseCodec.encode(large), "large");
  }

  /** Baseline: gzip at best compression + base64 of the same JSON bytes, then back. */
  @Benchmark
  public byte[] plainGzipBase64RoundTrip() {
    return plainDecode(plainEncode(largeJson));
  }

  /** History of one release out of 1,000 (10 revisions, selected by labels). */
  @Benchmark
  public List<Release> history() {
    next = (next + 1) % RELEASES;
    return storage.history("rel-" + next);
  }

  /** The latest revision of every release (what {@code helm list} starts from): 1,000 records. */
  @Benchmark
  public ReleaseListing latestOfEveryRelease() {
    return storage.latest();
  }

  private static String plainEncode(byte[] bytes) {
    ByteArrayOutputStream bos = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(bos, 8192) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(bos.toByteArray());
  }

  private static byte[] plainDecode(String body) {
    try (InputStream in = new GZIPInputStream(
        new ByteArrayInputStream(Base64.getDecoder().decode(body)), 8192)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
