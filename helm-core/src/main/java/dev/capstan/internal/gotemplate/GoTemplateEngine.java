package dev.capstan.internal.gotemplate;

import dev.capstan.render.CompiledTemplates;
import dev.capstan.render.TemplateEngine;
import dev.capstan.render.TemplateSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Helm's template language: Go's text/template with Sprig's and Helm's functions, for every
 * template file not ending in {@code .peb}.
 */
public final class GoTemplateEngine implements TemplateEngine {
  private static final Map<String, Functions.Func> FUNCTIONS = Functions.table();

  private final Clock clock;
  private final Supplier<RandomGenerator> random;

  /**
   * Creates the engine.
   *
   * @param clock the time of {@code now} and the default zone of date functions
   * @param random makes the randomness of one render (called once per render)
   */
  public GoTemplateEngine(Clock clock, Supplier<RandomGenerator> random) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The engine on the system clock with a new {@link SecureRandom} per render. */
  public GoTemplateEngine() {
    this(Clock.systemDefaultZone(), SecureRandom::new);
  }

  @Override
  public String name() {
    return "go";
  }

  @Override
  public boolean accepts(String path) {
    return !path.endsWith(".peb");
  }

  @Override
  public String outputName(String path) {
    return path;
  }

  @Override
  public CompiledTemplates compile(List<TemplateSource> sources, EngineOptions options) {
    return new GoCompiledTemplates(sources, options, FUNCTIONS, clock, random);
  }

  @Override
  public String toString() {
    return "GoTemplateEngine";
  }
}
