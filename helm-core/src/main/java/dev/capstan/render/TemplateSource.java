package dev.capstan.render;

import java.util.Objects;

/**
 * The text of one template file, under its full template name.
 *
 * @param name the full name, such as {@code mychart/templates/deployment.yaml.peb}
 * @param text the template text
 */
public record TemplateSource(String name, String text) {
  /** Checks that both parts are present. */
  public TemplateSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }
}
