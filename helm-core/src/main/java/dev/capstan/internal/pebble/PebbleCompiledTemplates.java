package dev.capstan.internal.pebble;

import dev.capstan.internal.template.FunctionEnv;
import dev.capstan.internal.template.ParseOrder;
import dev.capstan.render.CompiledTemplates;
import dev.capstan.render.Lookup;
import dev.capstan.render.TemplateEngine.EngineOptions;
import dev.capstan.render.TemplateException;
import dev.capstan.render.TemplateSource;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.cache.PebbleCache;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The compiled Pebble templates of one chart tree. */
final class PebbleCompiledTemplates implements CompiledTemplates {
  private static final int TPL_CACHE_SIZE = 256;

  private final Defines defines = new Defines();
  private final Map<String, PebbleTemplate> templates = new HashMap<>();
  private final EngineOptions options;
  private final Clock clock;
  private volatile PebbleEngine tplEngine;

  PebbleCompiledTemplates(List<TemplateSource> sources, EngineOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
    Map<String, String> texts = new LinkedHashMap<>();
    for (TemplateSource s : sources) {
      texts.put(s.name(), s.text());
    }
    PebbleEngine engine = builder(options).loader(new ChartTemplateLoader(texts)).build();
    // Helm's parse order: a later define with the same name wins
    List<String> order = new ArrayList<>(texts.keySet());
    order.sort(ParseOrder.ofNames());
    for (String name : order) {
      try {
        templates.put(name, engine.getTemplate(name));
      } catch (PebbleException e) {
        throw templateError(name, e);
      }
    }
    defines.seal();
  }

  private PebbleEngine.Builder builder(EngineOptions options) {
    return new PebbleEngine.Builder()
        .autoEscaping(false)
        .newLineTrimming(false)
        .strictVariables(options.strict())
        .maxRenderedSize(options.maxRenderedChars())
        .allowOverrideCoreOperators(true)
        .extension(new HelmExtension(defines));
  }

  Defines defines() {
    return defines;
  }

  /** The compiled form of a tpl text; the engine for them is made on first use. */
  PebbleTemplate literal(String text) {
    PebbleEngine engine = tplEngine;
    if (engine == null) {
      synchronized (this) {
        engine = tplEngine;
        if (engine == null) {
          engine = builder(options).loader(new StringLoader())
              .templateCache(new BoundedCache(TPL_CACHE_SIZE)).build();
          tplEngine = engine;
        }
      }
    }
    return engine.getTemplate(text);
  }

  @Override
  public String render(String name, Map<String, Object> scope, Lookup lookup) {
    Objects.requireNonNull(lookup, "lookup");
    PebbleTemplate template = templates.get(name);
    if (template == null) {
      throw new IllegalArgumentException("no compiled template named " + name);
    }
    Map<String, Object> vars = new HashMap<>(scope);
    vars.put(Engine.DOT, scope);
    // One generator per render: randomness is never shared between renders or held statically.
    FunctionEnv env = new FunctionEnv(clock, new SecureRandom());
    vars.put(RenderState.KEY, new RenderState(this, lookup, name, options.maxRenderedChars(),
        env));
    StringWriter out = new StringWriter();
    try {
      template.evaluate(out, vars);
    } catch (PebbleException e) {
      throw templateError(name, e);
    } catch (StackOverflowError e) {
      throw new TemplateException(name, 0, "templates nest too deeply (recursive include?)", null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static TemplateException templateError(String rendering, PebbleException e) {
    String file = e.getFileName() != null ? e.getFileName() : rendering;
    int line = e.getLineNumber() != null ? e.getLineNumber() : 0;
    String problem = e.getPebbleMessage();
    if (!file.equals(rendering)) {
      problem = problem + " (while rendering " + rendering + ")";
    }
    return new TemplateException(file, line, problem, e);
  }

  /** A least-recently-used template cache for tpl texts, so values cannot grow it without bound. */
  private static final class BoundedCache implements PebbleCache<Object, PebbleTemplate> {
    private final Map<Object, PebbleTemplate> map;

    BoundedCache(int size) {
      this.map = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, PebbleTemplate> eldest) {
          return size() > size;
        }
      };
    }

    @Override
    public synchronized PebbleTemplate computeIfAbsent(Object key,
        Function<? super Object, ? extends PebbleTemplate> mappingFunction) {
      PebbleTemplate t = map.get(key);
      if (t == null) {
        t = mappingFunction.apply(key);
        map.put(key, t);
      }
      return t;
    }

    @Override
    public synchronized void invalidateAll() {
      map.clear();
    }
  }
}
