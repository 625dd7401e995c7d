package dev.capstan.internal.gotemplate;

import dev.capstan.render.TemplateException;

/** A Go template failure whose message is exactly Go's (or Helm's) text, with nothing before it. */
final class GoTemplateException extends TemplateException {
  private static final long serialVersionUID = 1L;
  private final String message;

  GoTemplateException(String template, int line, String message, Throwable cause) {
    super(template, line, message, cause);
    this.message = message;
  }

  @Override
  public String getMessage() {
    return message;
  }
}
