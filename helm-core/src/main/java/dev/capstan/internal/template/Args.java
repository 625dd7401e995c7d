package dev.capstan.internal.template;

import dev.capstan.internal.gofmt.GoFmt;
import java.util.Map;

/**
 * Go's argument checks for the functions of {@link MoreFunctions}: arity and the parameter types
 * {@code text/template} enforces, with Go's messages.
 *
 * <p>Internal: not part of Capstan's API.
 */
final class Args {
  private Args() {}

  /** A function of exactly {@code n} arguments. */
  static TemplateFunction fixed(String name, int n, TemplateFunction f) {
    return (a, env) -> {
      if (a.length != n) {
        throw new TemplateFunction.ArityException(name, Integer.toString(n), a.length);
      }
      return f.call(a, env);
    };
  }

  /** A variadic function of at least {@code n} arguments. */
  static TemplateFunction atLeast(String name, int n, TemplateFunction f) {
    return (a, env) -> {
      if (a.length < n) {
        throw new TemplateFunction.ArityException(name, "at least " + n, a.length);
      }
      return f.call(a, env);
    };
  }

  static Sprig.FunctionException wrongType(String fn, String expected, Object got) {
    return new Sprig.FunctionException(fn, "wrong type for value; expected " + expected + "; got "
        + GoFmt.typeName(got));
  }

  /** A {@code string} parameter. */
  static String str(String fn, Object v) {
    if (v instanceof String s) {
      return s;
    }
    throw wrongType(fn, "string", v);
  }

  /**
   * An {@code int} parameter: Go's {@code text/template} passes template integer constants
   * ({@link Integer}) and rejects other types, int64 included.
   */
  static int goInt(String fn, Object v) {
    if (v instanceof Integer i) {
      return i;
    }
    throw wrongType(fn, "int", v);
  }

  /** A {@code time.Time} parameter. */
  static GoTime time(String fn, Object v) {
    if (v instanceof GoTime t) {
      return t;
    }
    throw wrongType(fn, "time.Time", v);
  }

  /** A {@code map[string]interface {}} parameter. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(String fn, Object v) {
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw wrongType(fn, "map[string]interface {}", v);
  }
}
