package dev.capstan.internal.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The template functions bound as {@link TemplateFunction}s (those that read the clock or draw
 * random numbers, and those whose result is a {@link GoObject}), by the name templates call them.
 *
 * <p>Internal: not part of Capstan's API.
 */
public final class MoreFunctions {
  private static final Map<String, TemplateFunction> ALL = build();

  private MoreFunctions() {}

  /** Every such function by name; an unmodifiable map. */
  public static Map<String, TemplateFunction> all() {
    return ALL;
  }

  private static Map<String, TemplateFunction> build() {
    Map<String, TemplateFunction> m = new LinkedHashMap<>();
    SprigDates.register(m);
    SprigRandom.register(m);
    SprigMisc.register(m);
    SprigCrypto.register(m);
    return Collections.unmodifiableMap(m);
  }
}
