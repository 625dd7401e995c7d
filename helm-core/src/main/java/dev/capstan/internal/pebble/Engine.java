package dev.capstan.internal.pebble;

import dev.capstan.internal.template.Sprig;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.GlobalContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.ScopeChain;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The functions that need the engine: include, tpl, required, fail and lookup. */
final class Engine {
  private Engine() {}

  /** The variable that holds Go's dot: the data a template or define was given. */
  static final String DOT = "dot";

  /** {@code include "name" context}: renders the named template with {@code context} as its scope. */
  static Object include(Object[] args, GoFunction.Call call) {
    String name = HelmFunctions.string(args[0], call);
    Object data = dot(args.length > 1 ? args[1] : call.context().getVariable(DOT));
    RenderState state = call.state();
    Defines.Definition def = state.owner.defines().get(name);
    if (def == null) {
      throw call.error("error calling include: template: no template \"" + name
          + "\" is defined in this chart (define it with {% define \"" + name + "\" %})");
    }
    state.enter(name, call);
    try {
      EvaluationContextImpl parent = call.context();
      ScopeChain chain = new ScopeChain();
      if (data instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> scope = (Map<String, Object>) m;
        chain.pushScope(scope);
      }
      Map<String, Object> locals = new HashMap<>(8);
      chain.pushScope(locals);
      locals.put(DOT, data);
      locals.put(RenderState.KEY, state);
      locals.put("_context", new GlobalContext(chain));
      EvaluationContextImpl ctx = new EvaluationContextImpl(def.template(), parent.isStrictVariables(),
          parent.getLocale(), parent.getMaxRenderedSize(), parent.getExtensionRegistry(),
          parent.getTagCache(), parent.getExecutorService(), new ArrayList<>(), new HashMap<>(), chain,
          null, parent.getEvaluationOptions());
      StringWriter out = new StringWriter();
      def.node().body().render(def.template(), out, ctx);
      String text = out.toString();
      state.charge(text.length(), call);
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (StackOverflowError e) {
      throw call.error("error calling include: template \"" + name + "\" nests too deeply");
    } finally {
      state.leave();
    }
  }

  /** Go's dot for a context argument: {@code _context} stands for the current dot. */
  private static Object dot(Object data) {
    return data instanceof GlobalContext g ? g.get(DOT) : data;
  }

  /** {@code tpl text context}: renders {@code text} as a template with {@code context} as its scope. */
  static Object tpl(Object[] args, GoFunction.Call call) {
    String text = HelmFunctions.string(args[0], call);
    RenderState state = call.state();
    state.enter("tpl", call);
    try {
      PebbleTemplate template = state.owner.literal(text);
      StringWriter out = new StringWriter();
      template.evaluate(out, scopeOf(args[1], state));
      String result = out.toString();
      state.charge(result.length(), call);
      return result;
    } catch (PebbleException e) {
      throw new PebbleException(e, "error calling tpl: " + e.getPebbleMessage()
          + (e.getLineNumber() != null ? " (line " + e.getLineNumber() + " of the tpl text)" : ""),
          call.line(), call.self().getName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      state.leave();
    }
  }

  /** {@code required "message" value}: the value, or an error with the message when it is missing. */
  static Object required(Object[] args, GoFunction.Call call) {
    Object value = args[1];
    if (value == null || (value instanceof String s && s.isEmpty())) {
      throw call.error("execution error: " + Sprig.toStringValue(args[0]));
    }
    return value;
  }

  /** {@code fail "message"}: stops rendering with the message. */
  static Object fail(Object[] args, GoFunction.Call call) {
    throw call.error("execution error: " + HelmFunctions.string(args[0], call));
  }

  /** {@code lookup apiVersion kind namespace name}: the live object, or an empty map offline. */
  static Object lookup(Object[] args, GoFunction.Call call) {
    Map<String, Object> found = call.state().lookup.lookup(HelmFunctions.string(args[0], call),
        HelmFunctions.string(args[1], call), HelmFunctions.string(args[2], call),
        HelmFunctions.string(args[3], call));
    return found == null ? new LinkedHashMap<>() : found;
  }

  /** The variables of a tpl text given {@code data} as its context. */
  private static Map<String, Object> scopeOf(Object data, RenderState state) {
    Map<String, Object> scope = new HashMap<>();
    Object dot = dot(data);
    if (dot instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getKey() instanceof String k) {
          scope.put(k, e.getValue());
        }
      }
    }
    scope.put(DOT, dot);
    scope.put(RenderState.KEY, state);
    return scope;
  }
}
