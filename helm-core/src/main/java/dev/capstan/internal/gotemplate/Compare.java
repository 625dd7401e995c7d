package dev.capstan.internal.gotemplate;

import java.util.List;
import java.util.Map;

/** Go's eq and lt over basic kinds, with Go's errors. */
final class Compare {
  private Compare() {}

  private enum Kind { INVALID, BOOL, INT, FLOAT, STRING, OTHER }

  private static Kind kind(Object v) {
    if (v == null) {
      return Kind.INVALID;
    }
    if (v instanceof Boolean) {
      return Kind.BOOL;
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return Kind.INT;
    }
    if (v instanceof Double || v instanceof Float) {
      return Kind.FLOAT;
    }
    if (v instanceof String) {
      return Kind.STRING;
    }
    return Kind.OTHER;
  }

  static boolean eq(Object a, Object[] others) {
    if (others.length == 0) {
      throw new RuntimeException("missing argument for comparison");
    }
    Kind k1 = kind(a);
    for (Object b : others) {
      Kind k2 = kind(b);
      boolean truth;
      if (k1 != k2) {
        if (a != null && b != null) {
          throw new RuntimeException("incompatible types for comparison");
        }
        truth = false;
      } else {
        switch (k1) {
          case BOOL, STRING -> truth = a.equals(b);
          case INT -> truth = ((Number) a).longValue() == ((Number) b).longValue();
          case FLOAT -> truth = ((Number) a).doubleValue() == ((Number) b).doubleValue();
          case INVALID -> truth = true;
          default -> {
            if (a instanceof Map || a instanceof List || b instanceof Map || b instanceof List) {
              throw new RuntimeException("non-comparable type " + Exec.printable(a) + ": "
                  + dev.capstan.internal.gofmt.GoFmt.typeName(a));
            }
            truth = a.equals(b);
          }
        }
      }
      if (truth) {
        return true;
      }
    }
    return false;
  }

  static boolean lt(Object a, Object b) {
    Kind k1 = kind(a);
    Kind k2 = kind(b);
    if (k1 == Kind.INVALID || k1 == Kind.OTHER || k2 == Kind.INVALID || k2 == Kind.OTHER) {
      throw new RuntimeException("invalid type for comparison");
    }
    if (k1 != k2) {
      throw new RuntimeException("incompatible types for comparison");
    }
    switch (k1) {
      case BOOL:
        throw new RuntimeException("invalid type for comparison");
      case INT:
        return ((Number) a).longValue() < ((Number) b).longValue();
      case FLOAT:
        return ((Number) a).doubleValue() < ((Number) b).doubleValue();
      default:
        return ((String) a).compareTo((String) b) < 0;
    }
  }
}
