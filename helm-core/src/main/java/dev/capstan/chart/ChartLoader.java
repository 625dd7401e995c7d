package dev.capstan.chart;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the files of a chart (names relative to the chart root) into a {@link Chart}, as Helm's
 * {@code loader.LoadFiles} does (§7.2), recursing into {@code charts/}.
 */
final class ChartLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ChartLoader.class);

  /**
   * A file read from a directory or an archive, before it is sorted into the chart.
   *
   * @param modTime the file's modification time, or {@code null} when unknown
   */
  record BufferedFile(String name, byte[] data, Instant modTime) {
    ChartFile toChartFile() {
      return ChartFile.of(name, data).withModTime(modTime);
    }
  }

  private ChartLoader() {}

  /**
   * Builds a chart from its files.
   *
   * @param files the files, names relative to the chart root with {@code /} separators
   * @param prefix what error messages put before a file name, such as {@code mychart/}
   * @param limits the size limits for nested archives
   */
  static Chart load(List<BufferedFile> files, String prefix, ArchiveReader.Limits limits) {
    // Helm's LoadFiles keeps the order it is given: the lexical walk of a directory, the entry
    // order of an archive. Release records store templates and files in that order.
    List<BufferedFile> sorted = List.copyOf(files);
    BufferedFile chartYaml = null;
    BufferedFile requirements = null;
    for (BufferedFile f : sorted) {
      if (f.name().equals("Chart.yaml")) {
        chartYaml = f;
      } else if (f.name().equals("requirements.yaml")) {
        requirements = f;
      }
    }
    if (chartYaml == null) {
      throw new ChartLoadException(stripSlash(prefix) + ": Chart.yaml file is missing");
    }
    String chartSource = prefix + "Chart.yaml";
    Map<String, Object> chartMap = ChartYaml.readMap(text(chartYaml), chartSource, "Chart.yaml");
    String apiVersion = ChartYaml.apiVersionOf(chartMap, chartSource);
    if (!apiVersion.isEmpty() && !apiVersion.equals(ChartMetadata.API_V1)
        && !apiVersion.equals(ChartMetadata.API_V2)) {
      throw new ChartLoadException(chartSource + ": unsupported chart version: apiVersion \""
          + apiVersion + "\" (Capstan loads v1 and v2 charts)");
    }
    boolean v1 = apiVersion.isEmpty() || apiVersion.equals(ChartMetadata.API_V1);
    Map<String, Object> reqMap = requirements == null ? null
        : ChartYaml.readMap(text(requirements), prefix + "requirements.yaml", "requirements.yaml");
    ChartMetadata metadata = ChartYaml.toMetadata(chartMap, reqMap, chartSource);
    if (!v1 && requirements != null) {
      LOG.warn("{}requirements.yaml: dependencies are handled in Chart.yaml since apiVersion"
          + " \"v2\"; it is read but not kept", prefix);
    }

    Chart.Builder chart = Chart.builder(metadata).modTime(chartYaml.modTime());
    Map<String, List<BufferedFile>> subcharts = new TreeMap<>();
    for (BufferedFile f : sorted) {
      String n = f.name();
      switch (n) {
        case "Chart.yaml" -> { }
        case "Chart.lock" -> chart.lock(ChartYaml.toLock(
            ChartYaml.readMap(text(f), prefix + n, n), prefix + n, n));
        case "values.yaml" -> {
          chart.values(ChartYaml.readValues(text(f), prefix + n));
          chart.rawValues(f.toChartFile());
        }
        case "values.schema.json" -> chart.schema(f.data()).schemaModTime(f.modTime());
        case "requirements.yaml" -> {
          if (v1) {
            chart.addFile(f.toChartFile());
          }
        }
        case "requirements.lock" -> {
          chart.lock(ChartYaml.toLock(ChartYaml.readMap(text(f), prefix + n, n), prefix + n, n));
          if (v1) {
            chart.addFile(f.toChartFile());
          }
        }
        default -> {
          if (n.startsWith("templates/")) {
            chart.addTemplate(f.toChartFile());
          } else if (n.startsWith("charts/")) {
            if (n.endsWith(".prov")) {
              chart.addFile(f.toChartFile());
            } else {
              String rest = n.substring("charts/".length());
              int slash = rest.indexOf('/');
              String cname = slash < 0 ? rest : rest.substring(0, slash);
              subcharts.computeIfAbsent(cname, k -> new ArrayList<>())
                  .add(new BufferedFile(rest, f.data(), f.modTime()));
            }
          } else {
            chart.addFile(f.toChartFile());
          }
        }
      }
    }

    for (Map.Entry<String, List<BufferedFile>> e : subcharts.entrySet()) {
      String n = e.getKey();
      if (n.isEmpty() || n.startsWith("_") || n.startsWith(".")) {
        continue;
      }
      String subPrefix = prefix + "charts/" + n;
      if (n.endsWith(".tgz")) {
        BufferedFile file = e.getValue().get(0);
        if (!file.name().equals(n)) {
          throw new ChartLoadException(subPrefix + ": error unpacking subchart tar in "
              + metadata.name() + ": expected " + n + ", got " + file.name());
        }
        chart.addSubchart(ArchiveReader.loadChart(
            new java.io.ByteArrayInputStream(file.data()), subPrefix, limits));
      } else {
        List<BufferedFile> inner = new ArrayList<>();
        for (BufferedFile f : e.getValue()) {
          int slash = f.name().indexOf('/');
          if (slash >= 0) {
            inner.add(new BufferedFile(f.name().substring(slash + 1), f.data(), f.modTime()));
          }
        }
        chart.addSubchart(load(inner, subPrefix + "/", limits));
      }
    }
    return chart.build();
  }

  private static String stripSlash(String prefix) {
    return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }

  private static String text(BufferedFile f) {
    return new String(f.data(), StandardCharsets.UTF_8);
  }
}
