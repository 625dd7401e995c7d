package dev.capstan.render;

import dev.capstan.internal.gotemplate.GoTemplateEngine;
import dev.capstan.internal.pebble.PebbleTemplateEngine;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A template language that charts can be written in: the service provider interface behind
 * {@link ChartRenderer}.
 *
 * <p>An engine claims template files by name ({@link #accepts}), compiles all the templates of one
 * chart tree at once (so that partials defined in one file can be used from every other, as in
 * Helm) and renders one compiled template at a time against a scope of built-in objects
 * ({@code Values}, {@code Release}, {@code Chart}, {@code Capabilities}, {@code Template},
 * {@code Files}, {@code Subcharts}; §7.3 of Helm's semantics).
 *
 * <p>Implementations must be thread-safe; their compiled form is reused across renders.
 */
public interface TemplateEngine {

  /** The Pebble engine: template files whose name ends in {@code .peb}. */
  static TemplateEngine pebble() {
    return new PebbleTemplateEngine();
  }

  /** The Pebble engine with time functions ({@code now}, {@code date}, ...) reading {@code clock}. */
  static TemplateEngine pebble(Clock clock) {
    return new PebbleTemplateEngine(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Helm's own template language: Go's {@code text/template} with the Sprig functions and Helm's
   * ({@code include}, {@code tpl}, {@code required}, {@code lookup}, ...), for every template file
   * that does not end in {@code .peb}. Time functions read the system clock; random functions draw
   * from a new {@link SecureRandom} for each render. See {@code docs/go-templates.md}.
   */
  static TemplateEngine goTemplates() {
    return new GoTemplateEngine();
  }

  /**
   * The Go template engine with time functions ({@code now}, {@code date}, ...) reading
   * {@code clock}; random functions draw from a new {@link SecureRandom} for each render.
   */
  static TemplateEngine goTemplates(Clock clock) {
    return new GoTemplateEngine(Objects.requireNonNull(clock, "clock"), SecureRandom::new);
  }

  /**
   * The Go template engine with time functions reading {@code clock} and random functions
   * ({@code randAlphaNum}, {@code uuidv4}, {@code genCA}, ...) drawing from the generator that
   * {@code random} makes, once for each render (tests pass a seeded generator for fixed output).
   */
  static TemplateEngine goTemplates(Clock clock, Supplier<RandomGenerator> random) {
    return new GoTemplateEngine(Objects.requireNonNull(clock, "clock"),
        Objects.requireNonNull(random, "random"));
  }

  /** A short name for messages, such as {@code pebble}. */
  String name();

  /**
   * Whether this engine renders the template file {@code path} (relative to its chart, such as
   * {@code templates/deployment.yaml.peb}).
   */
  boolean accepts(String path);

  /**
   * The name under which the output of the template {@code path} appears in manifests, such as
   * {@code templates/deployment.yaml} for {@code templates/deployment.yaml.peb}.
   */
  String outputName(String path);

  /**
   * Compiles the templates of a chart tree.
   *
   * @param sources every template of the tree that this engine accepts, named by their full
   *     template name ({@code mychart/templates/x.yaml.peb}, {@code mychart/charts/sub/templates/y.peb})
   * @param options limits and strictness
   * @throws TemplateException when a template does not compile; the message names the template
   *     and the line
   */
  CompiledTemplates compile(List<TemplateSource> sources, EngineOptions options);

  /**
   * Settings that apply to every template of a compilation.
   *
   * @param strict when {@code true}, a reference to a missing value is an error instead of an
   *     empty output (Helm's {@code missingkey=error}, used by {@code helm lint --strict})
   * @param maxRenderedChars the most characters one template may render; more is an error
   */
  record EngineOptions(boolean strict, int maxRenderedChars) {
    /** Checks the limit. */
    public EngineOptions {
      if (maxRenderedChars <= 0) {
        throw new IllegalArgumentException("maxRenderedChars must be positive: " + maxRenderedChars);
      }
    }
  }
}
