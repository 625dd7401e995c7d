package dev.capstan.chart;

import dev.capstan.CapstanException;

/** A chart that cannot be loaded or packaged; the message names the file and what is wrong. */
public class ChartLoadException extends CapstanException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message names the file and what is wrong. */
  public ChartLoadException(String message) {
    super(message);
  }

  /** Creates an exception whose message names the file and what is wrong, with the cause. */
  public ChartLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
