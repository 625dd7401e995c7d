package dev.capstan.internal.pebble;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;

/**
 * A Helm template function with Go's argument order. Pebble calls it as a function
 * ({@code trunc(63, name)}) or as a filter whose input becomes the last argument, as in a Go
 * pipeline ({@code name | trunc(63)} is {@code trunc 63 name}).
 */
interface GoFunction {
  Object call(Object[] args, Call call);

  /** Where a function is called from, for errors and for functions that render. */
  record Call(String function, PebbleTemplateImpl self, EvaluationContextImpl context, int line) {
    PebbleException error(String problem) {
      return new PebbleException(null, problem, line, self.getName());
    }

    RenderState state() {
      return RenderState.of(context);
    }
  }
}
