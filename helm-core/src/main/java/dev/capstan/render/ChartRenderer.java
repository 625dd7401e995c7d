package dev.capstan.render;

import dev.capstan.chart.Chart;
import dev.capstan.values.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders charts into Kubernetes manifests as Helm does (§5.1, §7.3): values computed and validated
 * as for an install, every template rendered with its chart's built-in objects, {@code NOTES.txt}
 * set aside, documents split, hooks separated and everything sorted in Helm's install order.
 *
 * <p>Immutable and thread-safe. {@link #prepare} compiles a chart's templates once; the prepared
 * chart renders any number of times, from any thread:
 *
 * <pre>{@code
 * ChartRenderer renderer = ChartRenderer.builder().build();
 * PreparedChart prepared = renderer.prepare(Charts.load(Path.of("charts/web")));
 * RenderedChart out = prepared.render(ReleaseOptions.install("web", "default"), userValues);
 * String manifest = out.manifestText();
 * }</pre>
 */
public final class ChartRenderer {
  /** The default limit on the characters one template may render: 16 Mi. */
  public static final int DEFAULT_MAX_RENDERED_CHARS = 16 * 1024 * 1024;

  final Engines engines;
  final Capabilities capabilities;
  final boolean strict;
  final int maxRenderedChars;
  final boolean validateSchema;
  final boolean subchartNotes;
  final Lookup lookup;
  /** {@code .Capabilities} as templates see it, built once. */
  final java.util.Map<String, Object> capabilitiesScope;
  private final CompileCache compileCache = new CompileCache(COMPILE_CACHE_SIZE);

  /** How many compiled template sets a renderer keeps, by content. */
  private static final int COMPILE_CACHE_SIZE = 64;

  private ChartRenderer(Builder b) {
    this.engines = new Engines(b.engines.isEmpty()
        ? List.of(TemplateEngine.pebble(b.clock), TemplateEngine.goTemplates(b.clock))
        : b.engines);
    this.capabilities = b.capabilities;
    this.strict = b.strict;
    this.maxRenderedChars = b.maxRenderedChars;
    this.validateSchema = b.validateSchema;
    this.subchartNotes = b.subchartNotes;
    this.lookup = b.lookup;
    this.capabilitiesScope = Scopes.capabilities(capabilities);
  }

  /** A builder with Helm's defaults: the Pebble engine ({@code *.peb}), then Go templates (every
   * other template file), client-only capabilities, no strict mode. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this renderer's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.engines.addAll(engines.all());
    b.capabilities = capabilities;
    b.strict = strict;
    b.maxRenderedChars = maxRenderedChars;
    b.validateSchema = validateSchema;
    b.subchartNotes = subchartNotes;
    b.lookup = lookup;
    return b;
  }

  /**
   * Compiles the templates of {@code chart} (and its subcharts) for repeated rendering.
   *
   * @throws RenderException when a template has no engine or does not compile; the message names
   *     the template
   */
  public PreparedChart prepare(Chart chart) {
    return new PreparedChart(this, Objects.requireNonNull(chart, "chart"));
  }

  /** Prepares {@code chart} and renders it once; see {@link PreparedChart#render}. */
  public RenderedChart render(Chart chart, ReleaseOptions release, Values userValues) {
    return prepare(chart).render(release, userValues);
  }

  /**
   * Compiles {@code sources} with {@code engine}, or answers the compilation of identical sources
   * done earlier by this renderer: loading the same chart again does not compile it again.
   */
  CompiledTemplates compile(TemplateEngine engine, List<TemplateSource> sources) {
    TemplateEngine.EngineOptions options = new TemplateEngine.EngineOptions(strict, maxRenderedChars);
    return compileCache.get(engine, sources, () -> engine.compile(sources, options));
  }

  /** The capabilities templates see. */
  public Capabilities capabilities() {
    return capabilities;
  }

  /** Builds a {@link ChartRenderer}. */
  public static final class Builder {
    private final List<TemplateEngine> engines = new ArrayList<>();
    private Capabilities capabilities = Capabilities.defaults();
    private boolean strict;
    private int maxRenderedChars = DEFAULT_MAX_RENDERED_CHARS;
    private boolean validateSchema = true;
    private boolean subchartNotes;
    private Lookup lookup = Lookup.offline();
    private java.time.Clock clock = java.time.Clock.systemUTC();

    private Builder() {}

    /**
     * The clock that the default engines' time functions ({@code now}, {@code date}, ...) read;
     * the UTC system clock by default. Engines added with {@link #engine} keep their own.
     */
    public Builder clock(java.time.Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Adds a template engine; engines are asked in the order added. Without any, the Pebble engine
     * and then the Go template engine are used.
     */
    public Builder engine(TemplateEngine engine) {
      engines.add(Objects.requireNonNull(engine, "engine"));
      return this;
    }

    /** The capabilities templates see; by default Helm's client-only defaults. */
    public Builder capabilities(Capabilities capabilities) {
      this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
      return this;
    }

    /**
     * When {@code true}, a reference to a missing value fails the render (Helm's strict mode)
     * instead of printing nothing.
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** The most characters one template may render, includes counted; 16 Mi by default. */
    public Builder maxRenderedChars(int maxRenderedChars) {
      if (maxRenderedChars <= 0) {
        throw new IllegalArgumentException("maxRenderedChars must be positive: " + maxRenderedChars);
      }
      this.maxRenderedChars = maxRenderedChars;
      return this;
    }

    /** Whether values are validated against {@code values.schema.json}; {@code true} by default. */
    public Builder validateSchema(boolean validateSchema) {
      this.validateSchema = validateSchema;
      return this;
    }

    /** Whether subcharts' {@code NOTES.txt} are rendered into the notes too (Helm's
     * {@code --render-subchart-notes}); {@code false} by default. */
    public Builder subchartNotes(boolean subchartNotes) {
      this.subchartNotes = subchartNotes;
      return this;
    }

    /** What the template function {@code lookup} answers; {@link Lookup#offline()} by default. */
    public Builder lookup(Lookup lookup) {
      this.lookup = Objects.requireNonNull(lookup, "lookup");
      return this;
    }

    /** The renderer. */
    public ChartRenderer build() {
      return new ChartRenderer(this);
    }
  }
}
