package dev.capstan.internal.template;

/**
 * A template function that needs more than its arguments: the clock ({@code now}, {@code date}) or
 * randomness ({@code randAlphaNum}, {@code genCA}, {@code htpasswd}). Any template engine binds it
 * by name; the functions of {@link Sprig} that need neither are plain static methods.
 *
 * <p>Internal: not part of Capstan's API.
 */
@FunctionalInterface
public interface TemplateFunction {

  /**
   * Calls the function.
   *
   * @param args the arguments in Go's order (in a pipeline the piped value is the last one), in
   *     Capstan's value model (see {@link dev.capstan.internal.gofmt.GoFmt})
   * @param env the clock and randomness of the render
   * @return the result in the same value model
   * @throws ArityException when the number of arguments is wrong
   * @throws Sprig.FunctionException with Go's error text when the function fails
   */
  Object call(Object[] args, FunctionEnv env);

  /**
   * A call with the wrong number of arguments; an engine reports it as Go's {@code text/template}
   * does: {@code wrong number of args for <name>: want <want> got <got>}.
   */
  final class ArityException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String function;
    private final String want;
    private final int got;

    /**
     * Creates the failure.
     *
     * @param want what Go prints: {@code 2}, or {@code at least 1} for variadic functions
     */
    public ArityException(String function, String want, int got) {
      super("wrong number of args for " + function + ": want " + want + " got " + got);
      this.function = function;
      this.want = want;
      this.got = got;
    }

    /** The function's name. */
    public String function() {
      return function;
    }

    /** What Go prints as wanted: {@code 2} or {@code at least 1}. */
    public String want() {
      return want;
    }

    /** The number of arguments given. */
    public int got() {
      return got;
    }
  }
}
