package dev.capstan.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The version-range check used to match dependencies to subcharts (Helm's IsCompatibleRange). An
 * empty constraint is not a Masterminds constraint (its validation regex needs a version), so a
 * dependency without a version never matches by range, as in Helm.
 */
class DependencyVersionRangeTest {

  @ParameterizedTest(name = "''{0}'' vs {1} -> {2}")
  @DisplayName("Masterminds-style constraints as Helm uses them for dependencies")
  @CsvSource(delimiter = ';', value = {
      "0.1.0           ; 0.1.0       ; true",
      "0.1.0           ; 0.1.1       ; false",
      "=1.2.3          ; 1.2.3       ; true",
      "''              ; 1.2.3       ; false",
      "''              ; 1.2.3-beta  ; false",
      "*               ; 9.9.9       ; true",
      "1.2             ; 1.2.9       ; true",
      "1.2.x           ; 1.3.0       ; false",
      "^1.2.3          ; 1.9.0       ; true",
      "^1.2.3          ; 2.0.0       ; false",
      "^0.2.3          ; 0.2.9       ; true",
      "^0.2.3          ; 0.3.0       ; false",
      "^0.0.3          ; 0.0.4       ; false",
      "~1.2.3          ; 1.2.9       ; true",
      "~1.2.3          ; 1.3.0       ; false",
      "~1              ; 1.9.0       ; true",
      ">=1.0.0 <2.0.0  ; 1.5.0       ; true",
      ">=1.0.0, <2.0.0 ; 2.0.0       ; false",
      "<1.0.0 || >=3   ; 3.1.0       ; true",
      "<1.0.0 || >=3   ; 2.0.0       ; false",
      "1.2 - 1.4.5     ; 1.4.5       ; true",
      "1.2 - 1.4.5     ; 1.4.6       ; false",
      "!=1.2.3         ; 1.2.4       ; true",
      ">1.2            ; 1.2.9       ; false",
      ">1.2            ; 1.3.0       ; true",
      "<=1.2           ; 1.2.9       ; true",
      ">=1.0.0-0       ; 1.0.0-beta  ; true",
      "v1.0.0          ; 1.0.0       ; true",
      "not a range     ; 1.0.0       ; false",
      "1.0.0           ; not-semver  ; false"})
  void ranges(String constraint, String version, boolean expected) {
    assertThat(DependencyVersionRange.isCompatible(constraint, version)).isEqualTo(expected);
  }
}
