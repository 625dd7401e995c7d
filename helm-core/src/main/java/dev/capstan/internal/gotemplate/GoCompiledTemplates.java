package dev.capstan.internal.gotemplate;

import dev.capstan.internal.gotemplate.Parser.Tree;
import dev.capstan.internal.template.FunctionEnv;
import dev.capstan.internal.template.ParseOrder;
import dev.capstan.render.CompiledTemplates;
import dev.capstan.render.Lookup;
import dev.capstan.render.TemplateEngine.EngineOptions;
import dev.capstan.render.TemplateSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parsed Go templates of one chart tree: immutable after construction, so thread-safe. */
final class GoCompiledTemplates implements CompiledTemplates {
  private static final int TPL_CACHE_SIZE = 256;
  private static final Pattern LOCATION = Pattern.compile("^template: ([^:]*):(\\d+)");
  private static final Pattern WARN = Pattern.compile(
      Functions.WARN_START + "((?s).*)" + Functions.WARN_END);

  final EngineOptions options;
  final Map<String, Functions.Func> functions;
  final Map<String, Tree> trees;
  private final Clock clock;
  private final Supplier<RandomGenerator> random;
  private final Map<String, Map<String, Tree>> tplCache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Map<String, Tree>> eldest) {
      return size() > TPL_CACHE_SIZE;
    }
  };

  GoCompiledTemplates(List<TemplateSource> sources, EngineOptions options,
      Map<String, Functions.Func> functions, Clock clock, Supplier<RandomGenerator> random) {
    this.options = options;
    this.functions = functions;
    this.clock = clock;
    this.random = random;
    // Helm's parse order: a later define with the same name wins
    List<TemplateSource> order = new ArrayList<>(sources);
    order.sort(Comparator.comparing(TemplateSource::name, ParseOrder.ofNames()));
    Map<String, Tree> all = new HashMap<>();
    for (TemplateSource s : order) {
      Map<String, Tree> parsed;
      try {
        parsed = Parser.parse(s.name(), s.text(), functions::containsKey);
      } catch (Parser.ParseError e) {
        throw new GoTemplateException(s.name(), e.line, helmParseError(s.name(), e), e);
      }
      for (Map.Entry<String, Tree> e : parsed.entrySet()) {
        Tree old = all.get(e.getKey());
        if (old == null || !e.getValue().isEmpty() || e.getKey().equals(s.name())) {
          all.put(e.getKey(), e.getValue());
        }
      }
    }
    this.trees = Map.copyOf(all);
  }

  /** Helm's text for a parse error: {@code parse error at (<file>:<line>): <problem>}. */
  static String helmParseError(String name, Parser.ParseError e) {
    String[] tokens = e.getMessage().split(": ");
    if (tokens.length == 1) {
      return "parse error in (" + name + "): " + e.getMessage();
    }
    return "parse error at (" + tokens[1] + "): " + tokens[tokens.length - 1];
  }

  /** The trees of a tpl text, parsed once per distinct text and name. */
  Map<String, Tree> parseTpl(String name, String text) {
    String key = name + "\u0000" + text;
    synchronized (tplCache) {
      Map<String, Tree> t = tplCache.get(key);
      if (t != null) {
        return t;
      }
    }
    Map<String, Tree> parsed = Map.copyOf(Parser.parse(name, text, functions::containsKey));
    synchronized (tplCache) {
      tplCache.put(key, parsed);
    }
    return parsed;
  }

  @Override
  public String render(String name, Map<String, Object> scope, Lookup lookup) {
    Objects.requireNonNull(lookup, "lookup");
    Tree tree = trees.get(name);
    if (tree == null) {
      throw new IllegalArgumentException("no compiled template named " + name);
    }
    RenderContext ctx = new RenderContext(this, lookup, new FunctionEnv(clock, random.get()), name,
        Map.of());
    StringBuilder out = new StringBuilder();
    try {
      new Exec(ctx, tree, out, scope).run(scope);
    } catch (Exec.ExecError e) {
      throw failure(name, e, e);
    } catch (StackOverflowError e) {
      throw new GoTemplateException(name, 0, "template: " + name
          + ": templates nest too deeply (recursive include?)", null);
    }
    return out.toString().replace("<no value>", "");
  }

  private static GoTemplateException failure(String name, Exec.ExecError e, Throwable cause) {
    String message = e.getMessage();
    String msg = e.helmText();
    int line = 0;
    Matcher loc = LOCATION.matcher(message);
    String file = name;
    if (loc.find()) {
      file = loc.group(1);
      line = Integer.parseInt(loc.group(2));
    }
    String[] tokens = message.split(": ", 3);
    Matcher w = WARN.matcher(message);
    if (tokens.length == 3 && w.find()) {
      msg = "execution error at (" + tokens[1] + "): " + w.group(1);
    }
    return new GoTemplateException(file, line, msg, cause);
  }
}
