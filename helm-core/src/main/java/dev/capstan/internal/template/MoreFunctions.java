package dev.capstan.internal.template;

import java.util.Map;

/**
 * The template functions bound as {@link TemplateFunction}s (those that read the clock or draw
 * random numbers, and those whose result is a {@link GoObject}), by the name templates call them.
 *
 * <p>Internal: not part of Capstan's API.
 */
public final class MoreFunctions {
  private MoreFunctions() {}

  /** Every such function by name; an unmodifiable map. */
  public static Map<String, TemplateFunction> all() {
    return Map.of();
  }
}
