package dev.capstan.chart;

import dev.capstan.values.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded Helm chart: metadata, default values, schema, templates, other files and subcharts.
 *
 * <p>Immutable. Load one with {@link Charts#load(java.nio.file.Path)}, or build one in code with
 * {@link #builder(ChartMetadata)}.
 */
public final class Chart {
  private final ChartMetadata metadata;
  private final ChartLock lock;
  private final Values values;
  private final ChartFile rawValues;
  private final byte[] schema;
  private final Instant schemaModTime;
  private final Instant modTime;
  private final List<ChartFile> templates;
  private final List<ChartFile> files;
  private final List<Chart> subcharts;

  private Chart(Builder b) {
    this.metadata = Objects.requireNonNull(b.metadata, "metadata");
    this.lock = b.lock;
    this.values = b.values == null ? Values.empty() : b.values;
    this.rawValues = b.rawValues;
    this.schema = b.schema == null ? null : b.schema.clone();
    this.schemaModTime = b.schemaModTime;
    this.modTime = b.modTime;
    this.templates = List.copyOf(b.templates);
    this.files = List.copyOf(b.files);
    this.subcharts = List.copyOf(b.subcharts);
  }

  /** Starts a chart with the given metadata and nothing else. */
  public static Builder builder(ChartMetadata metadata) {
    return new Builder(metadata);
  }

  /** Returns a builder that starts from this chart. */
  public Builder toBuilder() {
    Builder b = new Builder(metadata);
    b.lock = lock;
    b.values = values;
    b.rawValues = rawValues;
    b.schema = schema;
    b.schemaModTime = schemaModTime;
    b.modTime = modTime;
    b.templates.addAll(templates);
    b.files.addAll(files);
    b.subcharts.addAll(subcharts);
    return b;
  }

  /** The chart's {@code Chart.yaml}. */
  public ChartMetadata metadata() {
    return metadata;
  }

  /** The chart's name, from its metadata. */
  public String name() {
    return metadata.name();
  }

  /** The content of {@code Chart.lock}, if the chart has one. */
  public Optional<ChartLock> lock() {
    return Optional.ofNullable(lock);
  }

  /** The chart's default values, from {@code values.yaml}. */
  public Values values() {
    return values;
  }

  /**
   * The {@code values.yaml} file exactly as it was read, comments included, if the chart had one.
   * Packaging writes it back unchanged.
   */
  public Optional<ChartFile> rawValues() {
    return Optional.ofNullable(rawValues);
  }

  /** The bytes of {@code values.schema.json}, if the chart has one. */
  public Optional<byte[]> schema() {
    return schema == null ? Optional.empty() : Optional.of(schema.clone());
  }

  /**
   * The modification time of {@code values.schema.json}, if the chart has a schema and was loaded
   * from a directory or an archive.
   */
  public Optional<Instant> schemaModTime() {
    return Optional.ofNullable(schemaModTime);
  }

  /**
   * The modification time of {@code Chart.yaml}, if the chart was loaded from a directory or an
   * archive. Helm 4 stores it as the chart's {@code modtime} in release records.
   */
  public Optional<Instant> modTime() {
    return Optional.ofNullable(modTime);
  }

  /** Files under {@code templates/}, names relative to the chart root. */
  public List<ChartFile> templates() {
    return templates;
  }

  /**
   * Every other file of the chart (README, LICENSE, {@code crds/…}, {@code .helmignore}, ...): what
   * {@code .Files} sees.
   */
  public List<ChartFile> files() {
    return files;
  }

  /** The chart's subcharts, from {@code charts/}. */
  public List<Chart> subcharts() {
    return subcharts;
  }

  /** Whether the chart is a library chart. */
  public boolean isLibrary() {
    return metadata.isLibrary();
  }

  @Override
  public String toString() {
    return "Chart[" + metadata.name() + "-" + metadata.version() + "]";
  }

  /** Builds a {@link Chart}. Not thread-safe; the chart it builds is. */
  public static final class Builder {
    private ChartMetadata metadata;
    private ChartLock lock;
    private Values values;
    private ChartFile rawValues;
    private byte[] schema;
    private Instant schemaModTime;
    private Instant modTime;
    private final List<ChartFile> templates = new ArrayList<>();
    private final List<ChartFile> files = new ArrayList<>();
    private final List<Chart> subcharts = new ArrayList<>();

    private Builder(ChartMetadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    /** Replaces the metadata. */
    public Builder metadata(ChartMetadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
      return this;
    }

    /** Sets the lock, or clears it with {@code null}. */
    public Builder lock(ChartLock lock) {
      this.lock = lock;
      return this;
    }

    /** Sets the default values. */
    public Builder values(Values values) {
      this.values = Objects.requireNonNull(values, "values");
      return this;
    }

    /** Sets the raw {@code values.yaml} file kept for packaging, or clears it with {@code null}. */
    public Builder rawValues(ChartFile rawValues) {
      this.rawValues = rawValues;
      return this;
    }

    /** Sets the bytes of {@code values.schema.json}, or clears it with {@code null}. */
    public Builder schema(byte[] schema) {
      this.schema = schema == null ? null : schema.clone();
      return this;
    }

    /** Sets the modification time of {@code values.schema.json}, or clears it with {@code null}. */
    public Builder schemaModTime(Instant schemaModTime) {
      this.schemaModTime = schemaModTime;
      return this;
    }

    /** Sets the modification time of {@code Chart.yaml}, or clears it with {@code null}. */
    public Builder modTime(Instant modTime) {
      this.modTime = modTime;
      return this;
    }

    /** Adds a template; its name is relative to the chart root, e.g. {@code templates/x.yaml}. */
    public Builder addTemplate(ChartFile template) {
      templates.add(Objects.requireNonNull(template, "template"));
      return this;
    }

    /** Replaces all templates. */
    public Builder templates(List<ChartFile> newTemplates) {
      templates.clear();
      newTemplates.forEach(this::addTemplate);
      return this;
    }

    /** Adds a non-template file. */
    public Builder addFile(ChartFile file) {
      files.add(Objects.requireNonNull(file, "file"));
      return this;
    }

    /** Replaces all non-template files. */
    public Builder files(List<ChartFile> newFiles) {
      files.clear();
      newFiles.forEach(this::addFile);
      return this;
    }

    /** Adds a subchart. */
    public Builder addSubchart(Chart subchart) {
      subcharts.add(Objects.requireNonNull(subchart, "subchart"));
      return this;
    }

    /** Replaces all subcharts. */
    public Builder subcharts(List<Chart> newSubcharts) {
      subcharts.clear();
      newSubcharts.forEach(this::addSubchart);
      return this;
    }

    /** Builds the chart. */
    public Chart build() {
      return new Chart(this);
    }
  }
}
