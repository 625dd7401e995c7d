package dev.capstan.internal.pebble;

import dev.capstan.render.CompiledTemplates;
import dev.capstan.render.TemplateEngine;
import dev.capstan.render.TemplateSource;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The Pebble template engine for charts: template files ending in {@code .peb}. Output is YAML,
 * not HTML: no autoescaping, no automatic new-line trimming (whitespace is removed only where a
 * tag asks with {@code -}, as in Go templates), values printed as Go prints them, Go's truth in
 * {@code if}, {@code and}, {@code or}, {@code not}, Helm's functions and {@code define}/{@code include}.
 */
public final class PebbleTemplateEngine implements TemplateEngine {
  private static final String SUFFIX = ".peb";

  private final Clock clock;

  /** The engine on the system clock (UTC), which {@code now} and certificates read. */
  public PebbleTemplateEngine() {
    this(Clock.systemUTC());
  }

  /** The engine on {@code clock}: {@code now}, {@code date} and certificate validity read it. */
  public PebbleTemplateEngine(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return "pebble";
  }

  @Override
  public boolean accepts(String path) {
    return path.endsWith(SUFFIX);
  }

  @Override
  public String outputName(String path) {
    return path.endsWith(SUFFIX) ? path.substring(0, path.length() - SUFFIX.length()) : path;
  }

  @Override
  public CompiledTemplates compile(List<TemplateSource> sources, EngineOptions options) {
    return new PebbleCompiledTemplates(sources, options, clock);
  }

  @Override
  public String toString() {
    return "PebbleTemplateEngine";
  }
}
