package dev.capstan.render;

import java.util.Map;

/**
 * The compiled templates of one chart tree, produced by {@link TemplateEngine#compile}. Thread-safe
 * and reusable.
 */
public interface CompiledTemplates {

  /**
   * Renders the template {@code name} (a name given to {@link TemplateEngine#compile}).
   *
   * @param scope the built-in objects the template sees, by name ({@code Values}, {@code Release},
   *     ...)
   * @param lookup answers the template function {@code lookup}
   * @return the rendered text
   * @throws TemplateException when rendering fails; the message names the template, the line and
   *     what failed
   */
  String render(String name, Map<String, Object> scope, Lookup lookup);
}
