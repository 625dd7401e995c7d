package dev.capstan.chart;

import dev.capstan.semver.Version;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes a chart as {@code helm package} does (Helm's {@code chartutil.Save}, §7.2): a gzipped tar
 * with one top directory named after the chart, holding {@code Chart.yaml} re-marshalled,
 * {@code Chart.lock} (v2), {@code values.yaml} byte for byte, {@code values.schema.json}, the
 * templates, the other files, and each subchart expanded under {@code charts/<name>/}.
 */
final class ChartPackager {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChartPackager() {}

  static Path save(Chart chart, Path dir, Instant mtime) {
    Objects.requireNonNull(chart, "chart");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(mtime, "mtime");
    validate(chart, chart.name());
    String fileName = chart.name() + "-" + chart.metadata().version() + ".tgz";
    try {
      Files.createDirectories(dir);
      Path target = dir.resolve(fileName);
      Path tmp = Files.createTempFile(dir, "." + fileName, ".tmp");
      try {
        try (OutputStream out = Files.newOutputStream(tmp)) {
          write(chart, out, mtime);
        }
        try {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      return target;
    } catch (IOException e) {
      throw new ChartLoadException(fileName + ": cannot be written to " + dir + ": "
          + e.getMessage(), e);
    }
  }

  /** Writes the archive for {@code chart} to {@code out}, which is finished but not closed. */
  static void write(Chart chart, OutputStream out, Instant mtime) throws IOException {
    GzipParameters params = new GzipParameters();
    params.setModificationTime(mtime.toEpochMilli());
    params.setComment("Helm");
    GzipCompressorOutputStream gz = new GzipCompressorOutputStream(new NonClosing(out), params);
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gz,
        StandardCharsets.UTF_8.name())) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      writeChart(tar, chart, "", mtime);
      tar.finish();
    }
  }

  private static void writeChart(TarArchiveOutputStream tar, Chart chart, String prefix,
      Instant mtime) throws IOException {
    validate(chart, prefix + chart.name());
    String base = prefix + chart.name() + "/";
    ChartMetadata md = chart.metadata();
    entry(tar, base + "Chart.yaml", ChartYamlWriter.chartYaml(md).getBytes(StandardCharsets.UTF_8),
        mtime);
    if (md.apiVersion().equals(ChartMetadata.API_V2) && chart.lock().isPresent()) {
      entry(tar, base + "Chart.lock",
          ChartYamlWriter.lockYaml(chart.lock().get()).getBytes(StandardCharsets.UTF_8), mtime);
    }
    if (chart.rawValues().isPresent()) {
      entry(tar, base + "values.yaml", chart.rawValues().get().data(), mtime);
    } else if (!chart.values().isEmpty()) {
      entry(tar, base + "values.yaml", ChartYamlWriter.write(chart.values().asMap())
          .getBytes(StandardCharsets.UTF_8), mtime);
    }
    if (chart.schema().isPresent()) {
      byte[] schema = chart.schema().get();
      try {
        JSON.readTree(schema);
      } catch (JacksonException e) {
        throw new ChartLoadException(base + "values.schema.json: invalid JSON in "
            + "values.schema.json: " + e.getOriginalMessage());
      }
      entry(tar, base + "values.schema.json", schema, mtime);
    }
    for (ChartFile f : chart.templates()) {
      entry(tar, base + safeName(f.name(), base), f.data(), mtime);
    }
    for (ChartFile f : chart.files()) {
      entry(tar, base + safeName(f.name(), base), f.data(), mtime);
    }
    for (Chart sub : chart.subcharts()) {
      writeChart(tar, sub, base + "charts/", mtime);
    }
  }

  private static void validate(Chart chart, String where) {
    String name = chart.name();
    if (name.isEmpty() || name.equals(".") || name.equals("..")
        || !IgnoreRules.base(name).equals(name) || name.contains("\\")) {
      throw new ChartLoadException(where + ": chart validation: \"" + name
          + "\" is not a valid chart name");
    }
    String version = chart.metadata().version();
    if (Version.tryParse(version).isEmpty()) {
      throw new ChartLoadException(where + ": chart validation: validation: "
          + "chart.metadata.version \"" + version + "\" is invalid");
    }
  }

  private static String safeName(String name, String base) {
    String clean = ArchiveReader.cleanPath(name);
    if (name.startsWith("/") || name.contains("\\") || clean.equals(".")
        || clean.equals("..") || clean.startsWith("../") || !clean.equals(name)) {
      throw new ChartLoadException(base + name + ": file name is not a clean relative path");
    }
    return name;
  }

  private static void entry(TarArchiveOutputStream tar, String name, byte[] data, Instant mtime)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(0100644);
    e.setSize(data.length);
    e.setModTime(Date.from(mtime));
    e.setUserId(0);
    e.setGroupId(0);
    e.setUserName("");
    e.setGroupName("");
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  /** Lets the gzip stream finish without closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
