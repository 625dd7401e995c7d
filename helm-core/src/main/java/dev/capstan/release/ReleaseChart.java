package dev.capstan.release;

import dev.capstan.chart.Chart;
import dev.capstan.values.Values;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The chart as a release record stores it (spec §1.4): only the parent chart, never its subcharts.
 * {@code metadata} and {@code lock} are kept as the decoded JSON objects (string keys in the order
 * read, nested maps, lists, strings, booleans, {@code Double} numbers) so that every field of
 * Chart.yaml and Chart.lock, known or not, survives a re-write unchanged.
 *
 * <p>Install and upgrade make one from the chart they install with {@link #of(Chart)}; reading a
 * record gives the one Helm (or Capstan) stored.
 *
 * @param metadata the {@code metadata} object, or {@code null}
 * @param lock the {@code lock} object, or {@code null}
 * @param templates the templates
 * @param values the chart's default values, or {@code null} when the record held {@code null}
 * @param schema the bytes of {@code values.schema.json}, or {@code null}
 * @param schemaModTime [H4] the schema's modification time, {@code null} for zero
 * @param files the other files
 * @param modTime [H4] the chart's modification time, {@code null} for zero
 * @param unknownFields keys not modelled, in the order read
 */
public record ReleaseChart(
    Map<String, Object> metadata,
    Map<String, Object> lock,
    List<StoredFile> templates,
    Values values,
    byte[] schema,
    OffsetDateTime schemaModTime,
    List<StoredFile> files,
    OffsetDateTime modTime,
    Map<String, Object> unknownFields) {

  /** Freezes the maps and lists and copies {@code schema}. */
  public ReleaseChart {
    metadata = metadata == null ? null : JsonTrees.freezeMap(metadata);
    lock = lock == null ? null : JsonTrees.freezeMap(lock);
    templates = templates == null ? null : List.copyOf(templates);
    files = files == null ? null : List.copyOf(files);
    schema = schema == null ? null : schema.clone();
    unknownFields = JsonTrees.freezeMap(unknownFields);
  }

  /**
   * Returns the {@code chart} object that Helm's install and upgrade store for {@code chart}:
   * only the parent chart (never its subcharts), its metadata in Go struct order with Go's
   * {@code omitempty} rules, its lock, templates, values, schema and other files.
   *
   * <p>Pass the chart after dependency processing, as install renders it
   * ({@code ChartValues.chart()}, also {@code RenderedChart.values().chart()}): then
   * {@code metadata.dependencies} holds only the enabled dependencies, aliases in place of names,
   * {@code enabled: true} and import-values as {@code {child, parent}} maps, and {@code values}
   * holds the imported values.
   *
   * <p>[H4] The modification times of {@code Chart.yaml} ({@code modtime}), of
   * {@code values.schema.json} ({@code schemamodtime}) and of each template and file are kept
   * when the chart was loaded from a directory or an archive, and written in UTC. Helm writes
   * them at the machine's local offset; {@link #of(Chart, ZoneId)} does the same for a given zone.
   *
   * @throws IllegalArgumentException when the lock's {@code generated} is not an RFC 3339 time,
   *     which Helm could not read back
   */
  public static ReleaseChart of(Chart chart) {
    return of(chart, ZoneOffset.UTC);
  }

  /**
   * Returns the stored chart as {@link #of(Chart)} does, with the modification times at
   * {@code zone}'s offset, as Helm writes them on a machine in that zone (pass the zone of the
   * {@code Clock} that stamps the release, so that all times of a record share one offset).
   *
   * @throws IllegalArgumentException when the lock's {@code generated} is not an RFC 3339 time
   */
  public static ReleaseChart of(Chart chart, ZoneId zone) {
    Objects.requireNonNull(chart, "chart");
    Objects.requireNonNull(zone, "zone");
    return StoredChartMapper.map(chart, zone);
  }

  /** Returns a copy of the schema bytes, or {@code null}. */
  @Override
  public byte[] schema() {
    return schema == null ? null : schema.clone();
  }

  byte[] schemaUnsafe() {
    return schema;
  }

  /** Returns {@code metadata.name}, or {@code ""}. */
  public String name() {
    return metadataString("name");
  }

  /** Returns {@code metadata.version}, or {@code ""}. */
  public String version() {
    return metadataString("version");
  }

  /** Returns {@code metadata.appVersion}, or {@code ""}. */
  public String appVersion() {
    return metadataString("appVersion");
  }

  private String metadataString(String key) {
    return metadata != null && metadata.get(key) instanceof String s ? s : "";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReleaseChart c && Objects.equals(metadata, c.metadata)
        && Objects.equals(lock, c.lock) && Objects.equals(templates, c.templates)
        && Objects.equals(values, c.values) && Arrays.equals(schema, c.schema)
        && Objects.equals(schemaModTime, c.schemaModTime) && Objects.equals(files, c.files)
        && Objects.equals(modTime, c.modTime) && unknownFields.equals(c.unknownFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(metadata, lock, templates, values, Arrays.hashCode(schema), schemaModTime,
        files, modTime, unknownFields);
  }

  @Override
  public String toString() {
    return "ReleaseChart[" + name() + "-" + version() + "]";
  }
}
