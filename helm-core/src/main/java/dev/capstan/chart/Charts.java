package dev.capstan.chart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Loads charts from directories and {@code .tgz} archives, packages them, and checks that they can
 * be installed: the entry point of Capstan's chart handling (§7).
 *
 * <p>Loading follows Helm 4: {@code .helmignore} applies to directories, archives are checked for
 * hostile paths and bounded to 100 MiB decompressed in total and 5 MiB per file, and every error
 * is a {@link ChartLoadException} whose message names the file (relative to the chart, prefixed
 * with the chart directory's or the archive's name) and what is wrong with it.
 */
public final class Charts {
  private Charts() {}

  /**
   * Loads the chart at {@code path}: a chart directory or a packaged archive. An archive is
   * recognised by its gzip header, whatever its file name.
   *
   * @throws ChartLoadException naming the file and what is wrong with it
   */
  public static Chart load(Path path) {
    Objects.requireNonNull(path, "path");
    Path abs = path.toAbsolutePath().normalize();
    String label = abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
    if (Files.isDirectory(abs)) {
      return ChartLoader.load(DirectoryReader.read(abs, label, ArchiveReader.MAX_FILE_SIZE),
          label + "/", ArchiveReader.Limits.HELM);
    }
    if (!Files.exists(abs)) {
      throw new ChartLoadException(path + ": no chart directory or archive exists at this path");
    }
    try (InputStream in = Files.newInputStream(abs)) {
      return ArchiveReader.loadChart(in, label, ArchiveReader.Limits.HELM);
    } catch (IOException e) {
      throw new ChartLoadException(label + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Loads a chart from a gzipped tar stream, such as a download. The stream is read but not closed.
   *
   * @param sourceName the archive's name in error messages, such as {@code mychart-0.1.0.tgz}
   * @throws ChartLoadException naming the archive, the entry and what is wrong
   */
  public static Chart load(InputStream archive, String sourceName) {
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(sourceName, "sourceName");
    return ArchiveReader.loadChart(archive, sourceName, ArchiveReader.Limits.HELM);
  }

  /**
   * Packages {@code chart} as {@code helm package} does, into {@code <name>-<version>.tgz} inside
   * {@code dir} (created when missing), replacing a file of that name.
   *
   * @param mtime the modification time written on every archive entry
   * @return the path of the archive written
   * @throws ChartLoadException when the chart cannot be packaged (invalid name or version, invalid
   *     JSON schema, an unsafe file name) or the file cannot be written
   */
  public static Path save(Chart chart, Path dir, Instant mtime) {
    return ChartPackager.save(chart, dir, mtime);
  }

  /**
   * Checks that {@code chart} may be installed: only application charts can be, as in
   * {@code helm install}.
   *
   * @throws ChartLoadException with Helm's text {@code library charts are not installable}
   */
  public static void requireInstallable(Chart chart) {
    Objects.requireNonNull(chart, "chart");
    if (chart.metadata().type() != ChartType.APPLICATION) {
      throw new ChartLoadException(chart.metadata().type().wireName()
          + " charts are not installable");
    }
  }
}
