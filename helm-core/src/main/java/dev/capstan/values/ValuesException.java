package dev.capstan.values;

import dev.capstan.CapstanException;

/**
 * Values that could not be read or parsed: a values file or document that is not valid YAML or JSON
 * or whose top level is not a map, or a {@code --set}-style expression that does not parse. The
 * message names the source (file, flag and expression) and, where known, the line.
 */
public class ValuesException extends CapstanException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that names the source and what is wrong. */
  public ValuesException(String message) {
    super(message);
  }

  /** Creates an exception with a message that names the source and what is wrong, and its cause. */
  public ValuesException(String message, Throwable cause) {
    super(message, cause);
  }
}
