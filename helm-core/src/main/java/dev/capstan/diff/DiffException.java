package dev.capstan.diff;

import dev.capstan.CapstanException;

/**
 * Input that cannot be compared: a document without an {@code apiVersion}, {@code kind} or name,
 * two objects with one identity on the same side, YAML that does not parse, or a value that has no
 * YAML form. The message names the side ({@code from} or {@code to}) and the document, by its
 * source path when known.
 */
public class DiffException extends CapstanException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message names the side, the document and what is wrong. */
  public DiffException(String message) {
    super(message);
  }

  /** Creates an exception whose message names the side, the document and what is wrong. */
  public DiffException(String message, Throwable cause) {
    super(message, cause);
  }
}
