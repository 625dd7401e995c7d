package dev.capstan.release;

import dev.capstan.internal.json.GoJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Converts a {@link Release} to and from the form Helm stores (spec §1, §10.1): JSON in Go's struct
 * order, and the storage body {@code base64(gzip(json))} used by the Secret, ConfigMap and SQL
 * drivers.
 *
 * <p>Writing follows Helm 4: zero times are left out, {@code chart.schemamodtime} is always
 * written, {@code apply_method} only when set. Reading accepts Helm 3 and Helm 4 records. A
 * decompressed body may be at most {@link #MAX_DECOMPRESSED_BYTES} bytes, so that a gzip bomb
 * cannot exhaust memory.
 */
public final class ReleaseCodec {
  /** The largest decompressed record {@link #decode} accepts: 64 MiB. */
  public static final int MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

  private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b, (byte) 0x08};

  private ReleaseCodec() {}

  /** Returns the release as the exact JSON Helm writes for it (labels are not part of it). */
  public static String toJson(Release release) {
    return ReleaseJson.write(release);
  }

  /**
   * Reads a release from its JSON.
   *
   * @param recordName the record's name for error messages, e.g. {@code sh.helm.release.v1.web.v1}
   * @throws ReleaseRecordException when the JSON is invalid or a field has the wrong type
   */
  public static Release fromJson(String json, String recordName) {
    return ReleaseJson.read(json, recordName);
  }

  /** Returns the storage body: standard base64 (padded) of the JSON gzipped at best compression. */
  public static String encode(Release release) {
    byte[] json = toJson(release).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bos = new ByteArrayOutputStream(json.length / 4 + 64);
    try (GZIPOutputStream gz = new BestGzip(bos)) {
      gz.write(json);
    } catch (IOException e) {
      throw new IllegalStateException("gzip to memory failed", e);
    }
    return Base64.getEncoder().encodeToString(bos.toByteArray());
  }

  /**
   * Reads a storage body. Like Helm's decoder it base64-decodes the body and gunzips it when it
   * starts with the gzip magic, else uses the bytes as JSON; a body that is itself a JSON object
   * (starts with <code>{</code>) is read as JSON directly.
   *
   * @param recordName the record's name for error messages
   * @throws ReleaseRecordException on bad base64, bad gzip, a body over
   *     {@link #MAX_DECOMPRESSED_BYTES}, bad UTF-8 or bad JSON
   */
  public static Release decode(String body, String recordName) {
    String trimmed = body.strip();
    if (trimmed.startsWith("{")) {
      return fromJson(trimmed, recordName);
    }
    byte[] raw;
    try {
      raw = Base64.getMimeDecoder().decode(checkBase64(trimmed, recordName));
    } catch (IllegalArgumentException e) {
      throw new ReleaseRecordException(
          "release record " + recordName + ": body is not valid base64: " + e.getMessage(), e);
    }
    byte[] json = startsWithMagic(raw) ? gunzip(raw, recordName) : raw;
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json)).toString();
    } catch (CharacterCodingException e) {
      throw new ReleaseRecordException("release record " + recordName
          + ": decoded body is neither gzip nor UTF-8 JSON", e);
    }
    return fromJson(text, recordName);
  }

  private static String checkBase64(String s, String recordName) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '+' || c == '/' || c == '=' || c == '\r' || c == '\n';
      if (!ok) {
        throw new ReleaseRecordException("release record " + recordName
            + ": body is not valid base64: illegal character " + GoJson.goQuoteRune(c)
            + " at offset " + i);
      }
    }
    return s;
  }

  private static boolean startsWithMagic(byte[] b) {
    return b.length >= 3 && b[0] == GZIP_MAGIC[0] && b[1] == GZIP_MAGIC[1] && b[2] == GZIP_MAGIC[2];
  }

  private static byte[] gunzip(byte[] gz, String recordName) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 8192)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, gz.length * 6));
      byte[] buf = new byte[16384];
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > MAX_DECOMPRESSED_BYTES) {
          throw new ReleaseRecordException("release record " + recordName
              + ": decompressed body exceeds " + MAX_DECOMPRESSED_BYTES + " bytes");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new ReleaseRecordException(
          "release record " + recordName + ": body is not valid gzip: " + e.getMessage(), e);
    }
  }

  /** A gzip stream at {@link Deflater#BEST_COMPRESSION}. */
  private static final class BestGzip extends GZIPOutputStream {
    BestGzip(ByteArrayOutputStream out) throws IOException {
      super(out, 8192);
      def.setLevel(Deflater.BEST_COMPRESSION);
    }
  }
}
