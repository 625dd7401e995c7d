package dev.capstan.internal.gofmt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** GoFmt behaviour that the real-Helm table cannot express (byte slices, Java-side entry points). */
class GoFmtTest {

  @Test
  @DisplayName("value() is %v: nested maps sorted by key, nil inside lists, floats in Go's g form")
  void valueIsPercentV() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", 1e6);
    inner.put("a", java.util.Arrays.asList(null, "s"));
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("m", inner);
    outer.put("b", false);

    assertThat(GoFmt.value(outer)).isEqualTo("map[b:false m:map[a:[<nil> s] z:1e+06]]");
    assertThat(GoFmt.value(null)).isEqualTo("<nil>");
    assertThat(GoFmt.value(123456789.0)).isEqualTo("1.23456789e+08");
  }

  @Test
  @DisplayName("byte[] prints as []uint8: numbers for %v/%d, text for %s, hex for %x")
  void byteSlices() {
    byte[] b = "hi".getBytes(StandardCharsets.UTF_8);

    assertThat(GoFmt.value(b)).isEqualTo("[104 105]");
    assertThat(GoFmt.sprintf("%s|%x|%X|%q", b, b, b, b)).isEqualTo("hi|6869|6869|\"hi\"");
    assertThat(GoFmt.sprintf("%o", (Object) new byte[] {8, 9})).isEqualTo("[10 11]");
    assertThat(GoFmt.typeName(b)).isEqualTo("[]uint8");
    assertThat(GoFmt.sprintf("%t", (Object) new byte[] {1})).isEqualTo("[%!t(uint8=1)]");
  }

  @Test
  @DisplayName("typeName() names Helm's Go types for the Java value model")
  void typeNames() {
    assertThat(GoFmt.typeName(1L)).isEqualTo("int64");
    assertThat(GoFmt.typeName(1)).isEqualTo("int");
    assertThat(GoFmt.typeName(1.0)).isEqualTo("float64");
    assertThat(GoFmt.typeName(Map.of())).isEqualTo("map[string]interface {}");
    assertThat(GoFmt.typeName(List.of())).isEqualTo("[]interface {}");
    assertThat(GoFmt.typeName(null)).isEqualTo("<nil>");
  }

  @Test
  @DisplayName("a null varargs array is one nil argument, as a Go call with a single nil")
  void nullArgsArray() {
    assertThat(GoFmt.sprintf("%v", (Object[]) null)).isEqualTo("<nil>");
  }

  @Test
  @DisplayName("strconv precision formats round half to even on the exact binary value")
  void precisionRounding() {
    assertThat(GoFmt.formatFloat(0.125, 'f', 2)).isEqualTo("0.12");
    assertThat(GoFmt.formatFloat(2.675, 'f', 2)).isEqualTo("2.67"); // 2.67499999...
    assertThat(GoFmt.formatFloat(9.96, 'e', 1)).isEqualTo("1.0e+01");
    assertThat(GoFmt.formatFloat(123456.0, 'g', 3)).isEqualTo("1.23e+05");
  }
}
