package dev.capstan.storage;

import dev.capstan.release.Hook;
import dev.capstan.release.Release;
import dev.capstan.release.ReleaseChart;
import dev.capstan.release.StoredFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The 1 MiB limit of a Secret's or ConfigMap's data (spec §2.8), checked before a write. */
final class RecordSize {
  /** The most data bytes the API server accepts in one Secret or ConfigMap. */
  static final int MAX_DATA_BYTES = 1024 * 1024;
  private static final int SHOWN_PARTS = 5;

  private RecordSize() {}

  /**
   * Refuses {@code body} when it exceeds {@link #MAX_DATA_BYTES}. The stored data is the body's
   * bytes (a Secret's second base64 layer is only the wire form of those bytes).
   *
   * @throws ReleaseTooLargeException naming the size, the limit and the biggest parts
   */
  static void check(String kind, StoredRelease record, String body) {
    long size = body.length();
    if (size <= MAX_DATA_BYTES) {
      return;
    }
    String parts = biggestParts(record.release()).stream().limit(SHOWN_PARTS)
        .map(p -> p.what + " (" + p.bytes + " bytes)").collect(Collectors.joining(", "));
    throw new ReleaseTooLargeException("release " + record.key() + " in namespace "
        + record.namespace() + " is too large for a " + kind + ": its stored body would be "
        + size + " bytes, over the limit of " + MAX_DATA_BYTES + " bytes; biggest parts before"
        + " compression: " + parts + ". Nothing was written.", size);
  }

  /** The release's parts with their uncompressed sizes, biggest first. */
  static List<Part> biggestParts(Release r) {
    List<Part> parts = new ArrayList<>();
    parts.add(new Part("manifest", utf8(r.manifest())));
    for (Hook h : r.hooks()) {
      parts.add(new Part("hook " + h.path() + " (" + h.name() + ")", utf8(h.manifest())));
    }
    parts.add(new Part("config (user-supplied values)", utf8(r.config().toJson())));
    ReleaseChart c = r.chart();
    if (c != null) {
      if (c.templates() != null) {
        for (StoredFile f : c.templates()) {
          parts.add(new Part("chart template " + f.name(), length(f)));
        }
      }
      if (c.files() != null) {
        for (StoredFile f : c.files()) {
          parts.add(new Part("chart file " + f.name(), length(f)));
        }
      }
      if (c.values() != null) {
        parts.add(new Part("chart values", utf8(c.values().toJson())));
      }
      byte[] schema = c.schema();
      if (schema != null) {
        parts.add(new Part("chart values.schema.json", schema.length));
      }
    }
    if (r.info() != null) {
      parts.add(new Part("notes", utf8(r.info().notes())));
    }
    parts.sort(Comparator.comparingLong(Part::bytes).reversed());
    return parts;
  }

  private static long length(StoredFile f) {
    byte[] d = f.data();
    return d == null ? 0 : d.length;
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  record Part(String what, long bytes) {}
}
