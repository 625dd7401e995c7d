package dev.capstan.internal.pebble;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;

/** Go {@code text/template} truth: false, 0, nil, and empty strings, lists and maps are false. */
final class GoTruth {
  private GoTruth() {}

  static boolean isTrue(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Double d) {
      return d != 0.0;
    }
    if (v instanceof Float f) {
      return f != 0.0f;
    }
    if (v instanceof Number n) {
      return n.longValue() != 0 || (n instanceof java.math.BigDecimal bd && bd.signum() != 0);
    }
    if (v instanceof CharSequence s) {
      return s.length() > 0;
    }
    if (v instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (v.getClass().isArray()) {
      return Array.getLength(v) > 0;
    }
    return true;
  }
}
