package dev.capstan.internal.pebble;

import dev.capstan.internal.template.MoreFunctions;
import dev.capstan.internal.template.Sprig;
import dev.capstan.internal.template.TemplateFunction;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.extension.Test;
import io.pebbletemplates.pebble.operator.Associativity;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.operator.BinaryOperatorImpl;
import io.pebbletemplates.pebble.operator.BinaryOperatorType;
import io.pebbletemplates.pebble.operator.UnaryOperator;
import io.pebbletemplates.pebble.operator.UnaryOperatorImpl;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.tokenParser.TokenParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's functions, Go truth and named templates for Pebble. Every Helm function is both a Pebble
 * function with Go's argument order and a filter whose input is the last argument.
 */
final class HelmExtension extends AbstractExtension {
  /** Helm's functions as filters and functions: constant, stateless tables. */
  private static final Map<String, Filter> FILTERS;
  private static final Map<String, Function> FUNCTIONS;

  static {
    Map<String, Filter> filters = new HashMap<>();
    Map<String, Function> functions = new HashMap<>();
    for (HelmFunctions.Entry e : HelmFunctions.all()) {
      filters.put(e.name(), new AsFilter(e));
      functions.put(e.name(), new AsFunction(e));
    }
    // The functions that read the clock or draw random numbers, or return Go objects: the same
    // table the Go-template engine binds; they check their own arity.
    for (Map.Entry<String, TemplateFunction> f : MoreFunctions.all().entrySet()) {
      if (functions.containsKey(f.getKey())) {
        continue;
      }
      TemplateFunction fn = f.getValue();
      HelmFunctions.Entry e = new HelmFunctions.Entry(f.getKey(), 0, Integer.MAX_VALUE,
          (a, c) -> fn.call(goInts(a), c.state().functions));
      filters.put(e.name(), new AsFilter(e));
      functions.put(e.name(), new AsFunction(e));
    }
    FILTERS = Map.copyOf(filters);
    FUNCTIONS = Map.copyOf(functions);
  }

  private final Defines defines;

  HelmExtension(Defines defines) {
    this.defines = defines;
  }

  /** The names of Helm's functions offered to templates. */
  static java.util.Set<String> functionNames() {
    return FUNCTIONS.keySet();
  }

  @Override
  public Map<String, Filter> getFilters() {
    return FILTERS;
  }

  @Override
  public Map<String, Function> getFunctions() {
    return FUNCTIONS;
  }

  @Override
  public Map<String, Test> getTests() {
    return Map.of("empty", new Test() {
      @Override
      public boolean apply(Object input, Map<String, Object> args, PebbleTemplate self,
          EvaluationContext context, int lineNumber) {
        return !Sprig.truthy(input);
      }

      @Override
      public List<String> getArgumentNames() {
        return null;
      }
    });
  }

  @Override
  public List<TokenParser> getTokenParsers() {
    return List.of(new DefineTokenParser());
  }

  @Override
  public List<NodeVisitorFactory> getNodeVisitors() {
    return List.of((PebbleTemplate t) -> new HelmNodeVisitor((PebbleTemplateImpl) t, defines));
  }

  @Override
  public List<BinaryOperator> getBinaryOperators() {
    return List.of(
        new BinaryOperatorImpl("or", 10, GoExpressions.Or::new, BinaryOperatorType.NORMAL,
            Associativity.LEFT),
        new BinaryOperatorImpl("and", 15, GoExpressions.And::new, BinaryOperatorType.NORMAL,
            Associativity.LEFT));
  }

  @Override
  public List<UnaryOperator> getUnaryOperators() {
    return List.of(new UnaryOperatorImpl("not", 500, GoExpressions.Not.class));
  }

  /**
   * Pebble's integer literals are Java longs, Go's are {@code int}: for the shared table, whose
   * {@code int} parameters are checked as Go checks them, longs that fit are passed as ints.
   */
  private static Object[] goInts(Object[] args) {
    Object[] out = args;
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Long l && l == l.intValue()) {
        if (out == args) {
          out = args.clone();
        }
        out[i] = l.intValue();
      }
    }
    return out;
  }

  private static Object invoke(HelmFunctions.Entry e, Object[] args, PebbleTemplate self,
      EvaluationContext context, int line) {
    GoFunction.Call call = new GoFunction.Call(e.name(), (PebbleTemplateImpl) self,
        (EvaluationContextImpl) context, line);
    if (args.length < e.minArgs() || args.length > e.maxArgs()) {
      String want = e.minArgs() == e.maxArgs() ? Integer.toString(e.minArgs())
          : e.maxArgs() == Integer.MAX_VALUE ? "at least " + e.minArgs()
          : e.minArgs() + " to " + e.maxArgs();
      throw call.error("wrong number of args for " + e.name() + ": want " + want + " got "
          + args.length);
    }
    try {
      return e.fn().call(args, call);
    } catch (PebbleException | StackOverflowError ex) {
      throw ex;
    } catch (TemplateFunction.ArityException ex) {
      throw call.error(ex.getMessage());
    } catch (RuntimeException ex) {
      throw new PebbleException(ex, "error calling " + e.name() + ": " + ex.getMessage(), line,
          self.getName());
    }
  }

  /** Pebble's names of positional arguments, "0", "1", ...: constants, so their hashes are kept. */
  private static final String[] POSITION_NAMES = new String[32];

  static {
    for (int i = 0; i < POSITION_NAMES.length; i++) {
      POSITION_NAMES[i] = Integer.toString(i);
    }
  }

  private static Object[] positional(Map<String, Object> args, Object last) {
    int n = args.size();
    Object[] out = new Object[last == NO_INPUT ? n : n + 1];
    for (int i = 0; i < n; i++) {
      String key = i < POSITION_NAMES.length ? POSITION_NAMES[i] : Integer.toString(i);
      if (!args.containsKey(key)) {
        throw new PebbleException(null, "Helm functions take positional arguments only");
      }
      out[i] = args.get(key);
    }
    if (last != NO_INPUT) {
      out[n] = last;
    }
    return out;
  }

  private static final Object NO_INPUT = new Object();

  private record AsFilter(HelmFunctions.Entry entry) implements Filter {
    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self,
        EvaluationContext context, int line) {
      return invoke(entry, positional(args, input), self, context, line);
    }

    @Override
    public List<String> getArgumentNames() {
      return null;
    }
  }

  private record AsFunction(HelmFunctions.Entry entry) implements Function {
    @Override
    public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
        int line) {
      return invoke(entry, positional(args, NO_INPUT), self, context, line);
    }

    @Override
    public List<String> getArgumentNames() {
      return null;
    }
  }
}
