package dev.capstan.render;

import dev.capstan.CapstanException;

/**
 * A chart that cannot be rendered: the message names the chart, the template and what failed.
 */
public class RenderException extends CapstanException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message names the template and what failed. */
  public RenderException(String message) {
    super(message);
  }

  /** Creates an exception whose message names the template and what failed, with the cause. */
  public RenderException(String message, Throwable cause) {
    super(message, cause);
  }
}
