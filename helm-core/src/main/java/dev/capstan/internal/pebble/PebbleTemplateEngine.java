package dev.capstan.internal.pebble;

import dev.capstan.render.CompiledTemplates;
import dev.capstan.render.TemplateEngine;
import dev.capstan.render.TemplateSource;
import java.util.List;

/**
 * The Pebble template engine for charts: template files ending in {@code .peb}. Output is YAML,
 * not HTML: no autoescaping, no automatic new-line trimming (whitespace is removed only where a
 * tag asks with {@code -}, as in Go templates), values printed as Go prints them, Go's truth in
 * {@code if}, {@code and}, {@code or}, {@code not}, Helm's functions and {@code define}/{@code include}.
 */
public final class PebbleTemplateEngine implements TemplateEngine {
  private static final String SUFFIX = ".peb";

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
    return new PebbleCompiledTemplates(sources, options);
  }

  @Override
  public String toString() {
    return "PebbleTemplateEngine";
  }
}
