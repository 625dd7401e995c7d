package dev.capstan.samples.cli;

/** A command failed: the message is printed after {@code Error: } and the program exits 1. */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
