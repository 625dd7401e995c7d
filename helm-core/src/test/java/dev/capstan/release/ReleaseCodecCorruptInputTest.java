package dev.capstan.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.internal.json.GoJson;
import dev.capstan.internal.json.GoJsonUtf8;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Storage bodies that are not a release record: each is refused with a message that names the
 * record and says what is wrong, and nothing is lost when a record with unknown fields is rewritten.
 */
class ReleaseCodecCorruptInputTest {
  private static final String RECORD = "sh.helm.release.v1.bad.v1";
  private static final Path WEB_V1 = Path.of(
      "../../shared/fixtures/helm-records/helm4-secret-driver/sh.helm.release.v1.web.v1.raw.json");

  private static String helmJson() {
    try {
      return Files.readString(WEB_V1, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(byte[] data, int level) {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bos, 65536) {
      {
        def.setLevel(level);
      }
    }) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bos.toByteArray();
  }

  private static String body(String json) {
    return b64(gzip(json.getBytes(StandardCharsets.UTF_8), Deflater.BEST_COMPRESSION));
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  @Test
  @DisplayName("a truncated gzip stream is refused as bad gzip, naming the record")
  void truncatedGzip() {
    // Given: the first half of a valid gzipped record
    byte[] gz = gzip(helmJson().getBytes(StandardCharsets.UTF_8), Deflater.BEST_COMPRESSION);
    String truncated = b64(Arrays.copyOf(gz, gz.length / 2));
    // When / Then
    assertThatThrownBy(() -> ReleaseCodec.decode(truncated, RECORD))
        .isInstanceOf(ReleaseRecordException.class)
        .hasMessageStartingWith("release record " + RECORD + ": body is not valid gzip");
  }

  @Test
  @DisplayName("a gzip bomb stops at MAX_DECOMPRESSED_BYTES: refused without inflating it all")
  void gzipBombStopsAtTheBound() throws IOException {
    // Given: 1 GiB of zeros, which gzips to about 1 MiB
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    byte[] zeros = new byte[1 << 20];
    try (GZIPOutputStream gz = new GZIPOutputStream(bos, 65536) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    }) {
      for (int i = 0; i < 1024; i++) {
        gz.write(zeros);
      }
    }
    assertThat(bos.size()).isLessThan(8 << 20);
    String bomb = b64(bos.toByteArray());
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    // When / Then
    assertThatThrownBy(() -> ReleaseCodec.decode(bomb, RECORD))
        .isInstanceOf(ReleaseRecordException.class)
        .hasMessage("release record " + RECORD + ": decompressed body exceeds "
            + ReleaseCodec.MAX_DECOMPRESSED_BYTES + " bytes");
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertThat(allocated).as("bytes allocated while refusing a 1 GiB bomb")
        .isLessThan(4L * ReleaseCodec.MAX_DECOMPRESSED_BYTES);
  }

  @Test
  @DisplayName("valid gzip of text that is not JSON is refused as invalid JSON, naming the record")
  void gzipOfNonJson() {
    assertThatThrownBy(() -> ReleaseCodec.decode(body("<html>not json</html>"), RECORD))
        .isInstanceOf(ReleaseRecordException.class)
        .hasMessage("release record " + RECORD
            + ": invalid JSON: invalid character '<' looking for beginning of value");
  }

  @Test
  @DisplayName("gzip of bytes that are not UTF-8 is refused, naming the record and the byte")
  void gzipOfNonUtf8() {
    byte[] json = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
    String notUtf8 = b64(gzip(json, Deflater.BEST_COMPRESSION));
    assertThatThrownBy(() -> ReleaseCodec.decode(notUtf8, RECORD))
        .isInstanceOf(ReleaseRecordException.class)
        .hasMessage("release record " + RECORD
            + ": invalid JSON: malformed UTF-8 in string literal at byte 9");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "[1,2]                                       | field (top level) is an array, want an object",
      "`\"a record\"`                              | field (top level) is a string, want an object",
      "null                                        | JSON is null, not an object",
      "`{\"version\":\"3\"}`                       | field version is a string, want an integer",
      "`{\"version\":1.5}`                         | field version is 1.5, want an integer",
      "`{\"info\":[]}`                             | field info is an array, want an object",
      "`{\"manifest\":5}`                          | field manifest is a number, want a string",
      "`{\"hooks\":{}}`                            | field hooks is an object, want an array",
      "`{\"hooks\":[null]}`                        | field hooks[0] is null",
      "`{\"info\":{\"status\":\"exploded\"}}`      | field info.status has unknown status \"exploded\"",
      "`{\"info\":{\"last_deployed\":\"noon\"}}`   | field info.last_deployed is not an RFC 3339 time",
      "`{\"chart\":{\"templates\":[{\"name\":\"t\",\"data\":\"%%\"}]}}` "
          + "| field chart.templates[0].data is not valid base64",
      "`{\"chart\":{\"metadata\":\"x\"}}`          | field chart.metadata is a string, want an object",
  })
  @DisplayName("JSON of the wrong shape is refused with the field path and what was expected")
  void wrongShape(String json, String expected) {
    assertThatThrownBy(() -> ReleaseCodec.decode(body(json), RECORD))
        .isInstanceOf(ReleaseRecordException.class)
        .hasMessageStartingWith("release record " + RECORD + ": ")
        .hasMessageContaining(expected);
  }

  @Test
  @DisplayName("a Secret's double base64 passed where the single-base64 body is expected is named"
      + " as such")
  void doubleBase64() {
    String secretForm = b64(body(helmJson()).getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> ReleaseCodec.decode(secretForm, RECORD))
        .isInstanceOf(ReleaseRecordException.class)
        .hasMessageStartingWith("release record " + RECORD + ": body is base64-encoded twice");
  }

  @Test
  @DisplayName("unknown fields at every level (top, info, chart, file, hook, last_run) survive"
      + " decode and encode in place and order")
  @SuppressWarnings("unchecked")
  void unknownFieldsKeptOnRewrite() {
    // Given: Helm's record, which re-writes byte for byte, with unknown fields added at the end of
    // every object that has them (where a re-write puts them)
    String helm = helmJson();
    Map<String, Object> tree = (Map<String, Object>) GoJson.decodeWhole(helm);
    assertThat(new GoJsonUtf8.Writer(1024).ordered(tree).toString()).isEqualTo(helm);
    Map<String, Object> nested = new java.util.LinkedHashMap<>();
    nested.put("zeta", 1.5);
    nested.put("alpha", List.of(true, "x", Map.of("k", "v")));
    Map<String, Object> chart = (Map<String, Object>) tree.get("chart");
    Map<String, Object> hook = (Map<String, Object>) ((List<Object>) tree.get("hooks")).get(0);
    tree.put("future_top", nested);
    ((Map<String, Object>) tree.get("info")).put("future_info", "i");
    chart.put("future_chart", List.of(1.0, 2.0));
    ((Map<String, Object>) ((List<Object>) chart.get("templates")).get(0)).put("future_file", true);
    ((Map<String, Object>) hook.get("last_run")).put("future_run", "r");
    hook.put("future_hook", nested);
    String withUnknown = new GoJsonUtf8.Writer(1024).ordered(tree).toString();

    // When
    Release decoded = ReleaseCodec.decode(body(withUnknown), RECORD);
    String rewritten = ReleaseCodec.toJson(ReleaseCodec.decode(ReleaseCodec.encode(decoded), RECORD));

    // Then
    assertThat(decoded.unknownFields()).containsOnlyKeys("future_top");
    assertThat(decoded.info().unknownFields()).containsEntry("future_info", "i");
    assertThat(decoded.chart().templates().get(0).unknownFields()).containsEntry("future_file", true);
    assertThat(rewritten).isEqualTo(withUnknown);
  }
}
