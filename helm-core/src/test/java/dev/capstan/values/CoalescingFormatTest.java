package dev.capstan.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go fmt output reproduced for Helm's warning and error texts. */
class CoalescingFormatTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @DisplayName("float64 prints as Go's %v does")
  @CsvSource({
      "1.0, 1", "1.5, 1.5", "1000000.0, 1000000", "1.0E21, 1e+21", "1.0E20, 100000000000000000000",
      "0.0001, 0.0001", "0.00001, 1e-05", "-2.5, -2.5", "3.14, 3.14"})
  void goFloat(double value, String expected) {
    assertThat(CoalescingFormat.goFloat(value)).isEqualTo(expected);
  }

  @Test
  @DisplayName("maps print sorted as map[k:v], lists as [a b], null as <nil>")
  void goValue() {
    assertThat(CoalescingFormat.goValue(Map.of("b", List.of("x", 1.0), "a", true)))
        .isEqualTo("map[a:true b:[x 1]]");
    assertThat(CoalescingFormat.goValue(null)).isEqualTo("<nil>");
  }

  @Test
  @DisplayName("%t of non-booleans and %T of decoded values")
  void goVerbs() {
    assertThat(CoalescingFormat.goBoolVerb("x")).isEqualTo("%!t(string=x)");
    assertThat(CoalescingFormat.goBoolVerb(2.0)).isEqualTo("%!t(float64=2)");
    assertThat(CoalescingFormat.goBoolVerb(List.of("a", true))).isEqualTo("[%!t(string=a) true]");
    assertThat(CoalescingFormat.goType(List.of())).isEqualTo("[]interface {}");
    assertThat(CoalescingFormat.goType(3L)).isEqualTo("int64");
  }
}
