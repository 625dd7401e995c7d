package dev.capstan.internal.template;

import java.util.Comparator;

/**
 * The order in which Helm parses a chart tree's templates: deeper paths first and, at the same
 * depth, in reverse lexical order. A later {@code define} of the same name wins, so a parent
 * chart overrides its subcharts' defines. Every engine compiles in this order.
 *
 * <p>Internal: not part of Capstan's API.
 */
public final class ParseOrder {
  private ParseOrder() {}

  /** Compares full template names ({@code mychart/charts/sub/templates/_x.tpl}) in Helm's order. */
  public static Comparator<String> ofNames() {
    return Comparator.comparingInt(ParseOrder::depth).reversed()
        .thenComparing(Comparator.<String>reverseOrder());
  }

  private static int depth(String name) {
    int n = 0;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == '/') {
        n++;
      }
    }
    return n;
  }
}
