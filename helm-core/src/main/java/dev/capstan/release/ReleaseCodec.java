package dev.capstan.release;

import dev.capstan.internal.json.GoJson;
import dev.capstan.internal.json.GoJsonUtf8;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
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
    // The JSON is written as UTF-8 bytes and gzipped from that buffer: no String of it is made.
    GoJsonUtf8.Writer json = ReleaseJson.writeUtf8(release);
    // Sized for a manifest-heavy record (they compress 4-10x), so the buffer rarely grows.
    ByteArrayOutputStream bos = new ByteArrayOutputStream(json.length() / 4 + 64);
    try (GZIPOutputStream gz = new BestGzip(bos)) {
      gz.write(json.buffer(), 0, json.length());
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
    int from = 0;
    int to = body.length();
    while (from < to && Character.isWhitespace(body.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(body.charAt(to - 1))) {
      to--;
    }
    String trimmed = from == 0 && to == body.length() ? body : body.substring(from, to);
    if (trimmed.startsWith("{")) {
      return fromJson(trimmed, recordName);
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(trimmed);
    } catch (IllegalArgumentException plainFailed) {
      // Line breaks (MIME style) or bad input: find out which, naming a bad character.
      try {
        checkBase64(trimmed, recordName);
        raw = Base64.getMimeDecoder().decode(trimmed);
      } catch (IllegalArgumentException e) {
        throw new ReleaseRecordException(
            "release record " + recordName + ": body is not valid base64: " + e.getMessage(), e);
      }
    }
    if (startsWithMagic(raw)) {
      Bytes json = gunzip(raw, recordName);
      return ReleaseJson.read(json.bytes(), json.length(), recordName);
    }
    if (raw.length >= 4 && raw[0] == 'H' && raw[1] == '4' && raw[2] == 's' && raw[3] == 'I') {
      throw new ReleaseRecordException("release record " + recordName + ": body is base64-encoded"
          + " twice (\"H4sI\" is base64 of the gzip magic); a Secret's data is base64 of the body,"
          + " so decode that outer layer first");
    }
    return ReleaseJson.read(raw, raw.length, recordName);
  }

  /** Checks that {@code s} holds only base64 characters and line breaks. */
  private static void checkBase64(String s, String recordName) {
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
  }

  private static boolean startsWithMagic(byte[] b) {
    return b.length >= 3 && b[0] == GZIP_MAGIC[0] && b[1] == GZIP_MAGIC[1] && b[2] == GZIP_MAGIC[2];
  }

  /** The first {@code length} bytes of {@code bytes}. */
  private record Bytes(byte[] bytes, int length) {}

  /**
   * Gunzips into one array that grows at most to {@link #MAX_DECOMPRESSED_BYTES}: the gzip trailer's
   * size field, when plausible, sizes it up front, and inflating stops as soon as the output would
   * pass the bound.
   */
  private static Bytes gunzip(byte[] gz, String recordName) {
    byte[] out = new byte[initialGunzipCapacity(gz)];
    int len = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 65536)) {
      while (true) {
        if (len == out.length) {
          // Full: grow only if there is more (the trailer's size is usually exact).
          int next = in.read();
          if (next < 0) {
            break;
          }
          if (len == MAX_DECOMPRESSED_BYTES) {
            throw new ReleaseRecordException("release record " + recordName
                + ": decompressed body exceeds " + MAX_DECOMPRESSED_BYTES + " bytes");
          }
          out = Arrays.copyOf(out, (int) Math.min(MAX_DECOMPRESSED_BYTES, 2L * out.length));
          out[len++] = (byte) next;
        }
        int n = in.read(out, len, out.length - len);
        if (n < 0) {
          break;
        }
        len += n;
      }
    } catch (IOException e) {
      throw new ReleaseRecordException(
          "release record " + recordName + ": body is not valid gzip: " + e.getMessage(), e);
    }
    return new Bytes(out, len);
  }

  /**
   * The gzip trailer's uncompressed size (modulo 2^32) when a single member could have produced it
   * (deflate expands at most about 1032 times) and it is within the bound; else a guess.
   */
  private static int initialGunzipCapacity(byte[] gz) {
    int guess = (int) Math.min(MAX_DECOMPRESSED_BYTES, Math.max(1024L, gz.length * 6L));
    if (gz.length < 18) {
      return guess;
    }
    int n = gz.length;
    long size = (gz[n - 4] & 0xFFL) | (gz[n - 3] & 0xFFL) << 8 | (gz[n - 2] & 0xFFL) << 16
        | (gz[n - 1] & 0xFFL) << 24;
    if (size > 0 && size <= MAX_DECOMPRESSED_BYTES && size <= gz.length * 1032L) {
      return (int) size;
    }
    return guess;
  }

  /** A gzip stream at {@link Deflater#BEST_COMPRESSION}. */
  private static final class BestGzip extends GZIPOutputStream {
    BestGzip(ByteArrayOutputStream out) throws IOException {
      super(out, 65536);
      def.setLevel(Deflater.BEST_COMPRESSION);
    }
  }
}
