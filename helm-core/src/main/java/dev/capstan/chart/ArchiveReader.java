package dev.capstan.chart;

import dev.capstan.chart.ChartLoader.BufferedFile;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads the files of a gzipped chart archive with Helm's path checks and size limits (§7.2, §2.8):
 * the first path element is dropped, absolute and parent-directory paths are rejected,
 * {@code Chart.yaml} must not sit at the archive root, and the decompressed size is bounded in
 * total and per file so that a gzip bomb is stopped at the limit without being read to the end.
 */
final class ArchiveReader {
  /** Helm's {@code MaxDecompressedChartSize}: 100 MiB. */
  static final long MAX_CHART_SIZE = 100L * 1024 * 1024;
  /** Helm's {@code MaxDecompressedFileSize}: 5 MiB. */
  static final long MAX_FILE_SIZE = 5L * 1024 * 1024;

  private static final Pattern DRIVE = Pattern.compile("^[a-zA-Z]:/.*", Pattern.DOTALL);
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /**
   * Size limits for loading archives.
   *
   * @param maxChartSize the most bytes all files of one archive may decompress to
   * @param maxFileSize the most bytes one file may decompress to
   */
  record Limits(long maxChartSize, long maxFileSize) {
    static final Limits HELM = new Limits(MAX_CHART_SIZE, MAX_FILE_SIZE);
  }

  /** The checked files of an archive and the name of its top directory. */
  record Contents(String topDir, List<BufferedFile> files) {}

  private ArchiveReader() {}

  /** Whether {@code head} starts with the gzip magic number and the deflate method. */
  static boolean isGzip(byte[] head, int length) {
    return length >= 3 && head[0] == 0x1f && head[1] == (byte) 0x8b && head[2] == 0x08;
  }

  /**
   * Loads a chart from an archive stream.
   *
   * @param label the archive's name in error messages, such as {@code mychart-0.1.0.tgz}
   */
  static Chart loadChart(InputStream in, String label, Limits limits) {
    Contents contents = read(in, label, limits);
    return ChartLoader.load(contents.files(), label + ": " + contents.topDir() + "/", limits);
  }

  /**
   * Reads and checks every file of a gzipped tar stream.
   *
   * @throws ChartLoadException naming {@code label} and the entry at fault
   */
  static Contents read(InputStream raw, String label, Limits limits) {
    BufferedInputStream buffered = new BufferedInputStream(raw);
    byte[] head = new byte[3];
    int n;
    try {
      buffered.mark(3);
      n = buffered.readNBytes(head, 0, 3);
      buffered.reset();
    } catch (IOException e) {
      throw new ChartLoadException(label + ": cannot be read: " + e.getMessage(), e);
    }
    if (!isGzip(head, n)) {
      String hint = label.endsWith(".yaml") || label.endsWith(".yml")
          ? " seems to be a YAML file, but expected a gzipped archive"
          : " does not appear to be a gzipped archive";
      throw new ChartLoadException(label + ":" + hint);
    }
    List<BufferedFile> files = new ArrayList<>();
    String topDir = null;
    long remaining = limits.maxChartSize();
    try (GZIPInputStream gz = new GZIPInputStream(buffered);
        TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (e.isDirectory() || e.isPaxHeader() || e.isGlobalPaxHeader()) {
          continue;
        }
        String entry = e.getName();
        if (e.isSymbolicLink() || e.isLink()) {
          throw new ChartLoadException(label + ": entry \"" + entry + "\" is a "
              + (e.isSymbolicLink() ? "symbolic" : "hard") + " link to \"" + e.getLinkName()
              + "\"; chart archives may hold only regular files");
        }
        if (!e.isFile()) {
          throw new ChartLoadException(label + ": entry \"" + entry
              + "\" is not a regular file; chart archives may hold only regular files");
        }
        String name = checkedName(entry, label);
        String first = entry.split(entry.indexOf('\\') >= 0 ? "\\\\" : "/", -1)[0];
        if (topDir == null) {
          topDir = first;
        }
        long size = e.getSize();
        if (size > remaining) {
          throw new ChartLoadException(label
              + ": decompressed chart is larger than the maximum size " + limits.maxChartSize());
        }
        if (size > limits.maxFileSize()) {
          throw new ChartLoadException(label + ": decompressed chart file \"" + entry
              + "\" is larger than the maximum file size " + limits.maxFileSize());
        }
        byte[] data = readAtMost(tar, remaining);
        remaining -= data.length;
        if (data.length < size || remaining <= 0) {
          throw new ChartLoadException(label
              + ": decompressed chart is larger than the maximum size " + limits.maxChartSize());
        }
        files.add(new BufferedFile(name, stripBom(data), e.getLastModifiedTime().toInstant()));
      }
    } catch (ZipException e) {
      throw new ChartLoadException(label + ": does not appear to be a valid chart file (details: "
          + e.getMessage() + ")", e);
    } catch (EOFException e) {
      throw new ChartLoadException(label + ": unexpected end of archive (truncated gzip or tar)",
          e);
    } catch (IOException | IllegalArgumentException e) {
      throw new ChartLoadException(label + ": not a valid tar archive: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new ChartLoadException(label + ": no files in chart archive");
    }
    return new Contents(topDir, files);
  }

  /**
   * Helm's name checks, in Helm's order except that a {@code Chart.yaml} at the archive root is
   * reported as such first; returns the path with its first element removed.
   */
  static String checkedName(String entry, String label) {
    String delimiter = entry.indexOf('\\') >= 0 ? "\\" : "/";
    String[] parts = entry.split(Pattern.quote(delimiter), -1);
    if (parts[0].equals("Chart.yaml")) {
      throw new ChartLoadException(label + ": chart yaml not in base directory");
    }
    String n = String.join("/", Arrays.asList(parts).subList(1, parts.length));
    if (n.startsWith("/")) {
      throw new ChartLoadException(label + ": entry \"" + entry
          + "\": chart illegally contains absolute paths");
    }
    n = cleanPath(n);
    if (n.equals(".")) {
      throw new ChartLoadException(label + ": chart illegally contains content outside the base"
          + " directory: \"" + entry + "\"");
    }
    if (n.startsWith("..")) {
      throw new ChartLoadException(label + ": entry \"" + entry
          + "\": chart illegally references parent directory");
    }
    if (DRIVE.matcher(n).matches()) {
      throw new ChartLoadException(label + ": entry \"" + entry
          + "\": chart contains illegally named files");
    }
    return n;
  }

  /** Go's {@code path.Clean} for a relative path. */
  static String cleanPath(String p) {
    List<String> out = new ArrayList<>();
    for (String part : p.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
        out.remove(out.size() - 1);
      } else {
        out.add(part);
      }
    }
    return out.isEmpty() ? "." : String.join("/", out);
  }

  private static byte[] readAtMost(InputStream in, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    long left = max;
    while (left > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) {
        break;
      }
      out.write(buf, 0, r);
      left -= r;
    }
    return out.toByteArray();
  }

  static byte[] stripBom(byte[] data) {
    if (data.length >= 3 && data[0] == BOM[0] && data[1] == BOM[1] && data[2] == BOM[2]) {
      return Arrays.copyOfRange(data, 3, data.length);
    }
    return data;
  }
}
