package dev.capstan.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GoJson formats numbers and strings as Go's strconv and encoding/json do. */
class GoJsonTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "1, 1",
      "1.5, 1.5",
      "-2.25, -2.25",
      "0, 0",
      "-0.0, -0",
      "1000000, 1000000",
      "1e20, 100000000000000000000",
      "1e21, 1e+21",
      "1.5e300, 1.5e+300",
      "0.000001, 0.000001",
      "0.0000001, 1e-7",
      "1.2345e-10, 1.2345e-10",
      "0.1, 0.1",
      "0.30000000000000004, 0.30000000000000004",
      "123456789.5, 123456789.5",
      "9007199254740993, 9007199254740992",
      "5e-324, 5e-324",
      "1.7976931348623157e308, 1.7976931348623157e+308",
  })
  @DisplayName("a float64 is written as encoding/json writes it")
  void jsonNumbers(double value, String expected) {
    assertThat(GoJson.number(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "1, 1",
      "100000, 100000",
      "1000000, 1e+06",
      "123456789, 1.23456789e+08",
      "0.0001, 0.0001",
      "0.00001, 1e-05",
      "1.5, 1.5",
      "1e21, 1e+21",
      "-3.25e-7, -3.25e-07",
  })
  @DisplayName("strconv.FormatFloat(f, 'g', -1, 64)")
  void formatG64(double value, String expected) {
    assertThat(GoJson.formatFloat(value, 'g', 64)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "1.5, 1.5",
      "0.1, 0.1",
      "3.141592653589793, 3.1415927",
      "1e10, 1e+10",
      "16777216, 1.6777216e+07",
  })
  @DisplayName("strconv.FormatFloat(f, 'g', -1, 32), used for float map keys")
  void formatG32(double value, String expected) {
    assertThat(GoJson.formatFloat(value, 'g', 32)).isEqualTo(expected);
  }

  @Test
  @DisplayName("NaN and infinities cannot be written, with Go's error text")
  void nanIsRejected() {
    assertThatThrownBy(() -> GoJson.number(Double.NaN)).hasMessage("json: unsupported value: NaN");
    assertThatThrownBy(() -> GoJson.number(Double.POSITIVE_INFINITY))
        .hasMessage("json: unsupported value: +Inf");
  }

  @Test
  @DisplayName("strings escape quotes, backslashes, controls, <, >, & and U+2028/9, and keep UTF-8")
  void quoting() {
    // Given
    String s = "a\"b\\c\n\t\r\b\f\u0001<>&\u2028\u2029 € 😀";
    StringBuilder sb = new StringBuilder();
    // When
    GoJson.quote(sb, s);
    // Then
    assertThat(sb.toString()).isEqualTo(
        "\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\\u003c\\u003e\\u0026\\u2028\\u2029 € 😀\"");
  }

  @Test
  @DisplayName("a lone surrogate is written as U+FFFD, as Go writes invalid UTF-8")
  void loneSurrogate() {
    StringBuilder sb = new StringBuilder();
    GoJson.quote(sb, "x\uD800y");
    assertThat(sb.toString()).isEqualTo("\"x\\ufffdy\"");
  }

  @Test
  @DisplayName("maps are written compactly with keys in byte order, at every level")
  void writeSortsKeys() {
    // Given
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("b", List.of(1L, 2.5, true));
    inner.put("a", null);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", "x");
    m.put("B", inner);
    m.put("a10", 1L);
    m.put("a9", 1.0);
    // When / Then
    assertThat(GoJson.write(m))
        .isEqualTo("{\"B\":{\"a\":null,\"b\":[1,2.5,true]},\"a10\":1,\"a9\":1,\"z\":\"x\"}");
  }

  @Test
  @DisplayName("decodeValue reads one value and stops right after it, as json.Decoder does")
  void decodeValueStopsAfterValue() {
    GoJson.Decoded d = GoJson.decodeValue("  {\"a\":[1,\"x\"]},b=2", 0);
    assertThat(d.value()).isEqualTo(Map.of("a", List.of(1.0, "x")));
    assertThat(d.end()).isEqualTo(15);
    assertThat(GoJson.decodeValue("12x", 0).end()).isEqualTo(2);
  }

  @Test
  @DisplayName("decode errors use Go's wording")
  void decodeErrors() {
    assertThatThrownBy(() -> GoJson.decodeValue("{\"a\":", 0)).hasMessage("unexpected EOF");
    assertThatThrownBy(() -> GoJson.decodeValue("x", 0))
        .hasMessage("invalid character 'x' looking for beginning of value");
    assertThatThrownBy(() -> GoJson.decodeWhole("{} x"))
        .hasMessage("invalid character 'x' after top-level value");
  }

  @Test
  @DisplayName("string escapes, including surrogate pairs, are decoded")
  void decodeEscapes() {
    assertThat(GoJson.decodeWhole("\"a\\u00e9\\ud83d\\ude00\\n\\/\""))
        .isEqualTo("a\u00e9\uD83D\uDE00\n/");
  }
}
