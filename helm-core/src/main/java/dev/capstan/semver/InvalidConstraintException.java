package dev.capstan.semver;

import dev.capstan.CapstanException;

/**
 * Thrown when text is not a version constraint. The message is Masterminds' (semver v3.5, as in
 * Helm 4.2), for example {@code improper constraint: ">= bar"}; it quotes the {@code ||}-separated
 * part that failed, after hyphen ranges were rewritten.
 */
public class InvalidConstraintException extends CapstanException {
  private static final long serialVersionUID = 1L;

  private final String constraint;

  /** Creates the exception for the whole {@code constraint} text, with a specific message. */
  public InvalidConstraintException(String constraint, String message) {
    super(message);
    this.constraint = constraint;
  }

  /** The whole constraint text that was being parsed. */
  public String constraint() {
    return constraint;
  }
}
