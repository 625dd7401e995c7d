package dev.capstan.values;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Formats values the way Go's {@code fmt} package prints them, so that Capstan's log lines and
 * error messages carry Helm's exact text ({@code %v}, {@code %t}, {@code %T} of decoded YAML values).
 */
final class CoalescingFormat {
  private CoalescingFormat() {}

  /** Go's {@code %v}: {@code map[a:1 b:[x y]]}, {@code <nil>}, floats as {@code 1e+06}. */
  static String goValue(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof Map<?, ?> m) {
      List<String> keys = new ArrayList<>();
      for (Object k : m.keySet()) {
        keys.add(String.valueOf(k));
      }
      keys.sort(null); // Go prints map keys sorted
      StringBuilder sb = new StringBuilder("map[");
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        sb.append(keys.get(i)).append(':').append(goValue(m.get(keys.get(i))));
      }
      return sb.append(']').toString();
    }
    if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        sb.append(goValue(l.get(i)));
      }
      return sb.append(']').toString();
    }
    if (v instanceof Double d) {
      return goFloat(d);
    }
    return String.valueOf(v);
  }

  /** Go's {@code %t}: booleans print as themselves, anything else as {@code %!t(type=value)}. */
  static String goBoolVerb(Object v) {
    if (v instanceof Boolean b) {
      return b.toString();
    }
    if (v == null) {
      return "%!t(<nil>)";
    }
    if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        sb.append(goBoolVerb(l.get(i)));
      }
      return sb.append(']').toString();
    }
    if (v instanceof Map<?, ?>) {
      // Go applies the verb to keys and values; the key is a string.
      Map<?, ?> m = (Map<?, ?>) v;
      List<String> keys = new ArrayList<>();
      for (Object k : m.keySet()) {
        keys.add(String.valueOf(k));
      }
      keys.sort(null);
      StringBuilder sb = new StringBuilder("map[");
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        sb.append(goBoolVerb(keys.get(i))).append(':').append(goBoolVerb(m.get(keys.get(i))));
      }
      return sb.append(']').toString();
    }
    return "%!t(" + goType(v) + "=" + goValue(v) + ")";
  }

  /** Go's {@code %T} of a decoded value: {@code string}, {@code float64}, {@code []interface {}}. */
  static String goType(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof Long) {
      return "int64";
    }
    if (v instanceof Map<?, ?>) {
      return "map[string]interface {}";
    }
    if (v instanceof List<?>) {
      return "[]interface {}";
    }
    return v.getClass().getSimpleName();
  }

  /** Go's {@code %v} of a {@code float64}: shortest form, exponent form below -4 or from 21. */
  static String goFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exponent = bd.precision() - bd.scale() - 1;
    if (exponent < -4 || exponent >= 21) {
      String digits = bd.unscaledValue().abs().toString();
      StringBuilder sb = new StringBuilder();
      if (bd.signum() < 0) {
        sb.append('-');
      }
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      sb.append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      if (abs < 10) {
        sb.append('0');
      }
      return sb.append(abs).toString();
    }
    return bd.toPlainString();
  }
}
