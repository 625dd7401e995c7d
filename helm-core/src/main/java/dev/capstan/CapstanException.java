package dev.capstan;

/**
 * The root of every exception that Capstan throws.
 *
 * <p>Capstan's failures are unchecked. Each area throws a specific subclass (a chart that cannot be
 * loaded, values that do not parse or do not meet the chart's schema, ...) whose message says what
 * failed and where: which file, which key, which line.
 */
public class CapstanException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that states what failed. */
  public CapstanException(String message) {
    super(message);
  }

  /** Creates an exception with a message that states what failed and the cause underneath. */
  public CapstanException(String message, Throwable cause) {
    super(message, cause);
  }
}
