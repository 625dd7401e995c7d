package dev.capstan.chart;

import dev.capstan.chart.ChartLoader.BufferedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;

/**
 * Expands chart archives onto disk, as {@code helm pull --untar} does, without ever writing outside
 * the target directory.
 */
public final class ChartArchives {
  private ChartArchives() {}

  /**
   * Unpacks the chart archive {@code tgz} into {@code targetDir/<chart name>/}, creating
   * directories as needed, as Helm's {@code chartutil.Expand} does. The archive's entries pass the
   * same path and size checks as {@link Charts#load(Path)} before anything is written; like Helm,
   * only the chart name of {@code Chart.yaml} is checked. No file is written through a symbolic
   * link.
   *
   * @return the directory the chart was written to
   * @throws ChartLoadException when the archive is hostile or malformed, or a file cannot be written
   */
  public static Path unpack(Path tgz, Path targetDir) {
    Objects.requireNonNull(tgz, "tgz");
    Objects.requireNonNull(targetDir, "targetDir");
    String label = tgz.getFileName().toString();
    ArchiveReader.Contents contents;
    try (InputStream in = Files.newInputStream(tgz)) {
      contents = ArchiveReader.read(in, label, ArchiveReader.Limits.HELM);
    } catch (IOException e) {
      throw new ChartLoadException(label + ": cannot be read: " + e.getMessage(), e);
    }
    String chartName = null;
    for (BufferedFile f : contents.files()) {
      if (f.name().equals("Chart.yaml")) {
        String source = label + ": " + contents.topDir() + "/Chart.yaml";
        Map<String, Object> map = ChartYaml.readMap(
            new String(f.data(), StandardCharsets.UTF_8), source, "Chart.yaml");
        Object name = map.get("name");
        chartName = name == null ? "" : ChartYaml.scalarString(name, "name", source, "Chart.yaml");
      }
    }
    // Helm's chartutil.Expand checks only the name, with these texts.
    if (chartName == null || chartName.isEmpty()) {
      throw new ChartLoadException(label + ": chart name not specified");
    }
    if (chartName.equals(".") || chartName.equals("..")) {
      throw new ChartLoadException(label + ": chart name \"" + chartName + "\" is not allowed");
    }
    if (!IgnoreRules.base(chartName).equals(chartName) || chartName.contains("\\")) {
      throw new ChartLoadException(label + ": chart name \"" + chartName
          + "\" must not contain path separators");
    }
    try {
      Files.createDirectories(targetDir);
      Path root = targetDir.toRealPath();
      Path dest = root.resolve(chartName).normalize();
      if (!root.equals(dest.getParent())) {
        throw new ChartLoadException(label + ": chart name \"" + chartName
            + "\" resolves outside the extraction root");
      }
      for (BufferedFile f : contents.files()) {
        Path out = dest.resolve(f.name()).normalize();
        if (!out.startsWith(dest) || out.equals(dest)) {
          throw new ChartLoadException(label + ": entry " + f.name()
              + " would be written outside " + dest);
        }
        createDirectoriesNoLinks(root, out.getParent(), label);
        if (Files.isSymbolicLink(out)) {
          throw new ChartLoadException(label + ": refusing to write " + f.name()
              + " through the existing symbolic link " + out);
        }
        Files.write(out, f.data(), StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
      }
      return dest;
    } catch (IOException e) {
      throw new ChartLoadException(label + ": cannot unpack into " + targetDir + ": "
          + e.getMessage(), e);
    }
  }

  private static void createDirectoriesNoLinks(Path root, Path dir, String label)
      throws IOException {
    Path current = root;
    for (Path part : root.relativize(dir)) {
      current = current.resolve(part);
      if (Files.isSymbolicLink(current)) {
        throw new ChartLoadException(label + ": refusing to unpack through the existing symbolic"
            + " link " + current);
      }
      if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(current);
      } else if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
        throw new ChartLoadException(label + ": cannot unpack: " + current
            + " exists and is not a directory");
      }
    }
  }
}
