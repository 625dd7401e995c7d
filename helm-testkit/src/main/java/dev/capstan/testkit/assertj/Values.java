package dev.capstan.testkit.assertj;

import java.util.Objects;

/** Equality of values as a test author means it: numbers by value, the rest by equals. */
final class Values {
  private Values() {}

  static boolean same(Object actual, Object expected) {
    if (actual instanceof Number a && expected instanceof Number e) {
      return Double.compare(a.doubleValue(), e.doubleValue()) == 0;
    }
    return Objects.equals(actual, expected);
  }
}
