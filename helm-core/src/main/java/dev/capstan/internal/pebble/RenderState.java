package dev.capstan.internal.pebble;

import dev.capstan.internal.template.FunctionEnv;
import dev.capstan.render.Lookup;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.EvaluationContext;

/**
 * What one render call carries through nested includes: the lookup, the include depth and the
 * budget of characters that includes and tpl calls may still produce. Used by one thread.
 */
final class RenderState {
  /** The variable under which templates carry the state; not meant for chart authors. */
  static final String KEY = "__capstanRender";
  static final int MAX_INCLUDE_DEPTH = 1000;

  final PebbleCompiledTemplates owner;
  final Lookup lookup;
  /** The clock and randomness of this render, for the functions of {@code MoreFunctions}. */
  final FunctionEnv functions;
  private final String rootTemplate;
  private long budget;
  private int depth;

  RenderState(PebbleCompiledTemplates owner, Lookup lookup, String rootTemplate, long budget,
      FunctionEnv functions) {
    this.owner = owner;
    this.lookup = lookup;
    this.functions = functions;
    this.rootTemplate = rootTemplate;
    this.budget = budget;
  }

  static RenderState of(EvaluationContext context) {
    Object s = context.getVariable(KEY);
    if (!(s instanceof RenderState state)) {
      throw new PebbleException(null, "template functions of Capstan called outside a chart render");
    }
    return state;
  }

  void enter(String what, GoFunction.Call call) {
    if (++depth > MAX_INCLUDE_DEPTH) {
      throw call.error("rendering template has a nested reference name: " + what
          + ": more than " + MAX_INCLUDE_DEPTH + " nested include or tpl calls");
    }
  }

  void leave() {
    depth--;
  }

  void charge(int chars, GoFunction.Call call) {
    budget -= chars;
    if (budget < 0) {
      throw call.error("rendered output of " + rootTemplate
          + " exceeds the maximum rendered size (counting include and tpl results)");
    }
  }
}
