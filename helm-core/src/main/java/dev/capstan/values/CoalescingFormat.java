package dev.capstan.values;

import dev.capstan.internal.gofmt.GoFmt;
import dev.capstan.internal.json.GoJson;
import java.math.BigDecimal;

/**
 * Formats values the way Go's {@code fmt} package prints them, so that Capstan's log lines and
 * error messages carry Helm's exact text ({@code %v}, {@code %t}, {@code %T} of decoded YAML values).
 * Delegates to {@link GoFmt}.
 */
final class CoalescingFormat {
  private CoalescingFormat() {}

  /** Go's {@code %v}: {@code map[a:1 b:[x y]]}, {@code <nil>}, floats as {@code 1e+06}. */
  static String goValue(Object v) {
    return GoFmt.value(v);
  }

  /** Go's {@code %t}: booleans print as themselves, anything else as {@code %!t(type=value)}. */
  static String goBoolVerb(Object v) {
    return GoFmt.sprintf("%t", v);
  }

  /** Go's {@code %T} of a decoded value: {@code string}, {@code float64}, {@code []interface {}}. */
  static String goType(Object v) {
    return GoFmt.typeName(v);
  }

  /**
   * A float64 in plain decimal notation unless its exponent is below -4 or at least 21
   * ({@code 1000000}, {@code 1e+21}, {@code 1e-05}).
   *
   * <p>This is NOT Go's {@code %v} (which prints {@code 1e+06}; see {@link GoFmt#value}); it is
   * kept for the callers that compare numbers as text in that notation.
   */
  static String goFloat(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
      return GoFmt.value(d);
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exponent = bd.precision() - bd.scale() - 1;
    if (exponent < -4 || exponent >= 21) {
      return GoJson.formatFloat(d, 'e', 64);
    }
    return bd.toPlainString();
  }
}
