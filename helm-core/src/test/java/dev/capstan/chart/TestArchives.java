package dev.capstan.chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds tar.gz archives, hostile ones included, for tests. */
final class TestArchives {
  private final List<Entry> entries = new ArrayList<>();

  private record Entry(String name, byte type, String link, byte[] data, long zeros) {}

  static TestArchives archive() {
    return new TestArchives();
  }

  /** A minimal valid chart under {@code top/}. */
  static TestArchives chart(String top) {
    return archive()
        .file(top + "/Chart.yaml", "apiVersion: v2\nname: " + top + "\nversion: 0.1.0\n")
        .file(top + "/values.yaml", "a: 1\n");
  }

  TestArchives file(String name, String text) {
    return file(name, text.getBytes(StandardCharsets.UTF_8));
  }

  TestArchives file(String name, byte[] data) {
    entries.add(new Entry(name, TarArchiveEntry.LF_NORMAL, null, data, -1));
    return this;
  }

  /** A regular file of {@code size} zero bytes, written without holding it in memory. */
  TestArchives zeros(String name, long size) {
    entries.add(new Entry(name, TarArchiveEntry.LF_NORMAL, null, null, size));
    return this;
  }

  TestArchives symlink(String name, String target) {
    entries.add(new Entry(name, TarArchiveEntry.LF_SYMLINK, target, new byte[0], -1));
    return this;
  }

  TestArchives hardlink(String name, String target) {
    entries.add(new Entry(name, TarArchiveEntry.LF_LINK, target, new byte[0], -1));
    return this;
  }

  TestArchives dir(String name) {
    entries.add(new Entry(name, TarArchiveEntry.LF_DIR, null, new byte[0], -1));
    return this;
  }

  byte[] tar() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeTar(out);
    return out.toByteArray();
  }

  byte[] tgz() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      writeTar(gz);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  Path writeTo(Path file) throws IOException {
    try (OutputStream os = Files.newOutputStream(file);
        GZIPOutputStream gz = new GZIPOutputStream(os, 65536) {
          {
            def.setLevel(Deflater.BEST_SPEED);
          }
        }) {
      writeTar(gz);
    }
    return file;
  }

  private void writeTar(OutputStream os) {
    try {
      TarArchiveOutputStream tar = new TarArchiveOutputStream(os, "UTF-8");
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Entry e : entries) {
        TarArchiveEntry te = new TarArchiveEntry(e.name(), e.type(), true);
        if (e.link() != null) {
          te.setLinkName(e.link());
        }
        long size = e.data() != null ? e.data().length : e.zeros();
        if (e.type() == TarArchiveEntry.LF_NORMAL) {
          te.setSize(size);
        }
        tar.putArchiveEntry(te);
        if (e.data() != null) {
          tar.write(e.data());
        } else {
          byte[] buf = new byte[1 << 16];
          for (long left = size; left > 0; left -= buf.length) {
            tar.write(buf, 0, (int) Math.min(buf.length, left));
          }
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
      tar.flush();
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
