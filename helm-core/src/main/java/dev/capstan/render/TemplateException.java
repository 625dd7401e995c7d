package dev.capstan.render;

/**
 * A template that does not compile or render. The message has the form
 * {@code <template>:<line>: <problem>}, naming the chart (the first part of the template name), the
 * template file and what failed: a {@code required} message, a {@code fail} message, a missing
 * key in strict mode, an unknown filter or function.
 */
public class TemplateException extends RenderException {
  private static final long serialVersionUID = 1L;

  private final String template;
  private final int line;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param template the full template name, such as {@code mychart/templates/x.yaml.peb}
   * @param line the 1-based line, or 0 when unknown
   * @param problem what failed
   */
  public TemplateException(String template, int line, String problem, Throwable cause) {
    super(template + (line > 0 ? ":" + line : "") + ": " + problem, cause);
    this.template = template;
    this.line = line;
    this.problem = problem;
  }

  /** The full template name, such as {@code mychart/templates/x.yaml.peb}. */
  public String template() {
    return template;
  }

  /** The 1-based line in the template, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** What failed, without the template and line. */
  public String problem() {
    return problem;
  }
}
