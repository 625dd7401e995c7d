package dev.capstan.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Version constraints with Masterminds semver v3's rules (§8.2). Most tables restate the cases of
 * Masterminds' {@code constraints_test.go}; {@link #realHelmSearch} was recorded from the real
 * Helm 4.1.4 binary.
 */
class ConstraintTest {

  @ParameterizedTest(name = "\"{0}\" satisfied by {1}: {2}")
  @DisplayName("§8.2 Masterminds' Check table: operators, partial versions, wildcards, AND/OR, ranges, pre-releases")
  @CsvSource(delimiter = ';', textBlock = """
      '=2.0.0' ; 1.2.3 ; false
      '=2.0.0' ; 2.0.0 ; true
      '=2.0' ; 1.2.3 ; false
      '=2.0' ; 2.0.0 ; true
      '=2.0' ; 2.0.1 ; true
      '4.1' ; 4.1.0 ; true
      '!=4.1.0' ; 4.1.0 ; false
      '!=4.1.0' ; 4.1.1 ; true
      '!=4.1' ; 4.1.0 ; false
      '!=4.1' ; 4.1.1 ; false
      '!=4.1' ; 5.1.0-alpha.1 ; false
      '!=4.1.0' ; 5.1.0-alpha.1 ; false
      '!=4.1-alpha' ; 4.1.0 ; true
      '!=4.1' ; 5.1.0 ; true
      '<11' ; 0.1.0 ; true
      '<11' ; 11.1.0 ; false
      '<1.1' ; 0.1.0 ; true
      '<1.1' ; 1.1.0 ; false
      '<1.1' ; 1.1.1 ; false
      '<=11' ; 1.2.3 ; true
      '<=11' ; 12.2.3 ; false
      '<=11' ; 11.2.3 ; true
      '<=1.1' ; 1.2.3 ; false
      '<=1.1' ; 0.1.0 ; true
      '<=1.1' ; 1.1.0 ; true
      '<=1.1' ; 1.1.1 ; true
      '>1.1' ; 4.1.0 ; true
      '>1.1' ; 1.1.0 ; false
      '>0' ; 0 ; false
      '>0' ; 1 ; true
      '>0' ; 0.0.1-alpha ; false
      '>0.0' ; 0.0.1-alpha ; false
      '>0-0' ; 0.0.1-alpha ; false
      '>0.0-0' ; 0.0.1-alpha ; false
      '>0' ; 0.0.0-alpha ; false
      '>0-0' ; 0.0.0-alpha ; false
      '>0.0.0-0' ; 0.0.0-alpha ; true
      '>1.2.3-alpha.1' ; 1.2.3-alpha.2 ; true
      '>1.2.3-alpha.1' ; 1.3.3-alpha.2 ; true
      '>11' ; 11.1.0 ; false
      '>11.1' ; 11.1.0 ; false
      '>11.1' ; 11.1.1 ; false
      '>11.1' ; 11.2.1 ; true
      '>=11' ; 11.1.2 ; true
      '>=11.1' ; 11.1.2 ; true
      '>=11.1' ; 11.0.2 ; false
      '>=1.1' ; 4.1.0 ; true
      '>=1.1' ; 1.1.0 ; true
      '>=1.1' ; 0.0.9 ; false
      '>=0' ; 0.0.1-alpha ; false
      '>=0.0' ; 0.0.1-alpha ; false
      '>=0-0' ; 0.0.1-alpha ; true
      '>=0.0-0' ; 0.0.1-alpha ; true
      '>=0' ; 0.0.0-alpha ; false
      '>=0-0' ; 0.0.0-alpha ; true
      '>=0.0.0-0' ; 0.0.0-alpha ; true
      '>=0.0.0-0' ; 1.2.3 ; true
      '>=0.0.0-0' ; 3.4.5-beta.1 ; true
      '<0' ; 0.0.0-alpha ; false
      '<0-z' ; 0.0.0-alpha ; true
      '>=0' ; 0 ; true
      '=0' ; 1 ; false
      '*' ; 1 ; true
      '*' ; 4.5.6 ; true
      '*' ; 1.2.3-alpha.1 ; false
      '*-0' ; 1.2.3-alpha.1 ; true
      '2.*' ; 1 ; false
      '2.*' ; 3.4.5 ; false
      '2.*' ; 2.1.1 ; true
      '2.1.*' ; 2.1.1 ; true
      '2.1.*' ; 2.2.1 ; false
      '2' ; 1 ; false
      '2' ; 3.4.5 ; false
      '2' ; 2.1.1 ; true
      '2.1' ; 2.1.1 ; true
      '2.1' ; 2.2.1 ; false
      '~1.2.3' ; 1.2.4 ; true
      '~1.2.3' ; 1.3.4 ; false
      '~1.2' ; 1.2.4 ; true
      '~1.2' ; 1.3.4 ; false
      '~1' ; 1.2.4 ; true
      '~1' ; 2.3.4 ; false
      '~0.2.3' ; 0.2.5 ; true
      '~0.2.3' ; 0.3.5 ; false
      '~1.2.3-beta.2' ; 1.2.3-beta.4 ; true
      '~1.2.3-beta.2' ; 1.2.4-beta.2 ; true
      '~1.2.3-beta.2' ; 1.3.4-beta.2 ; false
      '^1.2.3' ; 1.8.9 ; true
      '^1.2.3' ; 2.8.9 ; false
      '^1.2.3' ; 1.2.1 ; false
      '^1.1.0' ; 2.1.0 ; false
      '^1.2.0' ; 2.2.1 ; false
      '^1.2.0' ; 1.2.1-alpha.1 ; false
      '^1.2.0-alpha.0' ; 1.2.1-alpha.1 ; true
      '^1.2.0-alpha.0' ; 1.2.1-alpha.0 ; true
      '^1.2.0-alpha.2' ; 1.2.0-alpha.1 ; false
      '^1.2' ; 1.8.9 ; true
      '^1.2' ; 2.8.9 ; false
      '^1' ; 1.8.9 ; true
      '^1' ; 2.8.9 ; false
      '^0.2.3' ; 0.2.5 ; true
      '^0.2.3' ; 0.5.6 ; false
      '^0.2' ; 0.2.5 ; true
      '^0.2' ; 0.5.6 ; false
      '^0.0.3' ; 0.0.3 ; true
      '^0.0.3' ; 0.0.4 ; false
      '^0.0' ; 0.0.3 ; true
      '^0.0' ; 0.1.4 ; false
      '^0.0' ; 1.0.4 ; false
      '^0' ; 0.2.3 ; true
      '^0' ; 1.1.4 ; false
      '^0.2.3-beta.2' ; 0.2.3-beta.4 ; true
      '^0.2.3-beta.2' ; 0.2.4-beta.2 ; true
      '^0.2.3-beta.2' ; 0.3.4-beta.2 ; false
      '^0.2.3-beta.2' ; 0.2.3-beta.2 ; true
      '*' ; 1.2.3 ; true
      '~0.0.0' ; 1.2.3 ; true
      '0.x.x' ; 1.2.3 ; false
      '0.0.x' ; 1.2.3 ; false
      '0.0.0' ; 1.2.3 ; false
      '^0.0.0' ; 1.2.3 ; false
      '= 2.0' ; 1.2.3 ; false
      '= 2.0' ; 2.0.0 ; true
      '4.1.x' ; 4.1.3 ; true
      '1.x' ; 1.4 ; true
      '!=4.1-alpha' ; 4.1.0-alpha ; false
      '!=4.1-alpha' ; 4.1.1-alpha ; false
      '!=4.x' ; 5.1.0 ; true
      '!=4.x' ; 4.1.0 ; false
      '!=4.1.x' ; 4.2.0 ; true
      '!=4.2.x' ; 4.2.3 ; false
      '<1.x' ; 1.1.1 ; false
      '<1.x' ; 0.1.1 ; true
      '<1.x' ; 2.0.0 ; false
      '<1.1.x' ; 1.2.1 ; false
      '<1.1.x' ; 1.1.500 ; false
      '<1.1.x' ; 1.0.500 ; true
      '<1.2.x' ; 1.1.1 ; true
      '>=1.1' ; 4.1.0-beta ; false
      '<=1.1' ; 0.1.0-alpha ; false
      '<=1.1-a' ; 0.1.0-alpha ; true
      '<=1.x' ; 1.1.0 ; true
      '<=2.x' ; 3.0.0 ; false
      '<=1.1.x' ; 1.2.500 ; false
      '<=4.5' ; 3.4.0 ; true
      '<=4.5' ; 3.7.0 ; true
      '<=4.5' ; 4.6.3 ; false
      '>1.1, <2' ; 1.1.1 ; false
      '>1.1, <2' ; 1.2.1 ; true
      '>1.1, <3' ; 4.3.2 ; false
      '>=1.1, <2, !=1.2.3' ; 1.2.3 ; false
      '>1.1 <2' ; 1.1.1 ; false
      '>1.1 <2' ; 1.2.1 ; true
      '>1.1    <3' ; 4.3.2 ; false
      '>=1.1    <2    !=1.2.3' ; 1.2.3 ; false
      '>=1.1, <2, !=1.2.3 || > 3' ; 4.1.2 ; true
      '>=1.1, <2, !=1.2.3 || > 3' ; 3.1.2 ; false
      '>=1.1, <2, !=1.2.3 || >= 3' ; 3.0.0 ; true
      '>=1.1, <2, !=1.2.3 || > 3' ; 3.0.0 ; false
      '>=1.1, <2, !=1.2.3 || > 3' ; 1.2.3 ; false
      '>=1.1 <2 !=1.2.3' ; 1.2.3 ; false
      '>=1.1 <2 !=1.2.3 || > 3' ; 4.1.2 ; true
      '>=1.1 <2 !=1.2.3 || > 3' ; 3.1.2 ; false
      '>=1.1 <2 !=1.2.3 || >= 3' ; 3.0.0 ; true
      '>=1.1 <2 !=1.2.3 || > 3' ; 3.0.0 ; false
      '>=1.1 <2 !=1.2.3 || > 3' ; 1.2.3 ; false
      '> 1.1, <     2' ; 1.1.1 ; false
      '>   1.1, <2' ; 1.2.1 ; true
      '>1.1, <  3' ; 4.3.2 ; false
      '>= 1.1, <     2, !=1.2.3' ; 1.2.3 ; false
      '> 1.1 < 2' ; 1.1.1 ; false
      '>1.1 < 2' ; 1.2.1 ; true
      '> 1.1    <3' ; 4.3.2 ; false
      '>=1.1    < 2    != 1.2.3' ; 1.2.3 ; false
      '>= 1.1, <2, !=1.2.3 || > 3' ; 4.1.2 ; true
      '>= 1.1, <2, != 1.2.3 || > 3' ; 3.1.2 ; false
      '>= 1.1, <2, != 1.2.3 || >= 3' ; 3.0.0 ; true
      '>= 1.1, <2, !=1.2.3 || > 3' ; 3.0.0 ; false
      '>= 1.1, <2, !=1.2.3 || > 3' ; 1.2.3 ; false
      '>= 1.1 <2 != 1.2.3' ; 1.2.3 ; false
      '>= 1.1 <2 != 1.2.3 || > 3' ; 4.1.2 ; true
      '>= 1.1 <2 != 1.2.3 || > 3' ; 3.1.2 ; false
      '>= 1.1 <2 != 1.2.3 || >= 3' ; 3.0.0 ; true
      '>= 1.1 < 2 !=1.2.3 || > 3' ; 3.0.0 ; false
      '>=1.1 < 2 !=1.2.3 || > 3' ; 1.2.3 ; false
      '>= 1.0.0  <= 2.0.0-beta' ; 1.0.1-beta ; true
      '>= 1.0.0  <= 2.0.0-beta' ; 1.0.1 ; true
      '>= 1.0.0  <= 2.0.0-beta' ; 3.0.0 ; false
      '>= 1.0.0  <= 2.0.0-beta || > 3' ; 1.0.1-beta ; true
      '>= 1.0.0  <= 2.0.0-beta || > 3' ; 3.0.1-beta ; false
      '>= 1.0.0  <= 2.0.0-beta != 1.0.1 || > 3' ; 1.0.1-beta ; true
      '>= 1.0.0  <= 2.0.0-beta != 1.0.1-beta || > 3' ; 1.0.1-beta ; false
      '>= 1.0.0-0  <= 2.0.0' ; 1.0.1-beta ; true
      '1.1 - 2' ; 1.1.1 ; true
      '1.5.0 - 4.5' ; 3.7.0 ; true
      '1.1-3' ; 4.3.2 ; false
      '^1.1' ; 1.1.1 ; true
      '^1.1' ; 4.3.2 ; false
      '^1.x' ; 1.1.1 ; true
      '^2.x' ; 1.1.1 ; false
      '^1.x' ; 2.1.1 ; false
      '^1.x' ; 1.1.1-beta1 ; false
      '^1.1.2-alpha' ; 1.2.1-beta1 ; true
      '^1.2.x-alpha' ; 1.1.1-beta1 ; false
      '^0.0.1' ; 0.0.1 ; true
      '^0.0.1' ; 0.3.1 ; false
      '~*' ; 2.1.1 ; true
      '~1' ; 2.1.1 ; false
      '~1' ; 1.3.5 ; true
      '~1' ; 1.4 ; true
      '~1.x' ; 2.1.1 ; false
      '~1.x' ; 1.3.5 ; true
      '~1.x' ; 1.4 ; true
      '~1.1' ; 1.1.1 ; true
      '~1.1' ; 1.1.1-alpha ; false
      '~1.1-alpha' ; 1.1.1-beta ; true
      '~1.1.1-beta' ; 1.1.1-alpha ; false
      '~1.1.1-beta' ; 1.1.1 ; true
      '~1.2.3' ; 1.2.5 ; true
      '~1.2.3' ; 1.2.2 ; false
      '~1.2.3' ; 1.3.2 ; false
      '~1.1' ; 1.2.3 ; false
      '~1.3' ; 2.4.5 ; false
      '1.0.0 - 2.0.0 <=2.0.0' ; 1.5.0 ; true
      '1.0.0 - 2.0.0, <=2.0.0' ; 1.5.0 ; true
      """)
  void check(String constraint, String version, boolean expected) {
    // Given
    Constraint c = Constraint.parse(constraint);
    Version v = Version.parse(version);

    // When / Then
    assertThat(c.isSatisfiedBy(v)).isEqualTo(expected);
    assertThat(c.isSatisfiedBy(version)).isEqualTo(expected);
    assertThat(c.validate(v).isEmpty()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" validates {1}: {2}")
  @DisplayName("§8.2 Masterminds' Validate table: a failure always comes with reasons")
  @CsvSource(delimiter = ';', textBlock = """
      '*' ; 1.2.3 ; true
      '~0.0.0' ; 1.2.3 ; true
      '= 2.0' ; 1.2.3 ; false
      '= 2.0' ; 2.0.0 ; true
      '4.1' ; 4.1.0 ; true
      '4.1.x' ; 4.1.3 ; true
      '1.x' ; 1.4 ; true
      '!=4.1' ; 4.1.0 ; false
      '!=4.1' ; 5.1.0 ; true
      '!=4.x' ; 5.1.0 ; true
      '!=4.x' ; 4.1.0 ; false
      '!=4.1.x' ; 4.2.0 ; true
      '!=4.2.x' ; 4.2.3 ; false
      '>1.1' ; 4.1.0 ; true
      '>1.1' ; 1.1.0 ; false
      '<1.1' ; 0.1.0 ; true
      '<1.1' ; 1.1.0 ; false
      '<1.1' ; 1.1.1 ; false
      '<1.x' ; 1.1.1 ; false
      '<2.x' ; 1.1.1 ; true
      '<1.x' ; 2.1.1 ; false
      '<1.1.x' ; 1.2.1 ; false
      '<1.1.x' ; 1.1.500 ; false
      '<1.2.x' ; 1.1.1 ; true
      '>=1.1' ; 4.1.0 ; true
      '>=1.1' ; 1.1.0 ; true
      '>=1.1' ; 0.0.9 ; false
      '<=1.1' ; 0.1.0 ; true
      '<=1.1' ; 1.1.0 ; true
      '<=1.x' ; 1.1.0 ; true
      '<=2.x' ; 3.1.0 ; false
      '<=1.1' ; 1.1.1 ; true
      '<=1.1.x' ; 1.2.500 ; false
      '>1.1, <2' ; 1.1.1 ; false
      '>1.1, <2' ; 1.2.1 ; true
      '>1.1, <3' ; 4.3.2 ; false
      '>=1.1, <2, !=1.2.3' ; 1.2.3 ; false
      '>=1.1, <2, !=1.2.3 || > 3' ; 3.1.2 ; false
      '>=1.1, <2, !=1.2.3 || > 3' ; 4.1.2 ; true
      '>=1.1, <2, !=1.2.3 || >= 3' ; 3.0.0 ; true
      '>=1.1, <2, !=1.2.3 || > 3' ; 3.0.0 ; false
      '>=1.1, <2, !=1.2.3 || > 3' ; 1.2.3 ; false
      '1.1 - 2' ; 1.1.1 ; true
      '1.1-3' ; 4.3.2 ; false
      '^1.1' ; 1.1.1 ; true
      '^1.1' ; 1.1.1-alpha ; false
      '^1.1.1-alpha' ; 1.1.1-beta ; true
      '^1.1.1-beta' ; 1.1.1-alpha ; false
      '^1.1' ; 4.3.2 ; false
      '^1.x' ; 1.1.1 ; true
      '^2.x' ; 1.1.1 ; false
      '^1.x' ; 2.1.1 ; false
      '^0.0.1' ; 0.1.3 ; false
      '^0.0.1' ; 0.0.1 ; true
      '~*' ; 2.1.1 ; true
      '~1' ; 2.1.1 ; false
      '~1' ; 1.3.5 ; true
      '~1' ; 1.3.5-beta ; false
      '~1.x' ; 2.1.1 ; false
      '~1.x' ; 1.3.5 ; true
      '~1.x' ; 1.3.5-beta ; false
      '~1.3.6-alpha' ; 1.3.5-beta ; false
      '~1.3.5-alpha' ; 1.3.5-beta ; true
      '~1.3.5-beta' ; 1.3.5-alpha ; false
      '~1.x' ; 1.4 ; true
      '~1.1' ; 1.1.1 ; true
      '~1.2.3' ; 1.2.5 ; true
      '~1.2.3' ; 1.2.2 ; false
      '~1.2.3' ; 1.3.2 ; false
      '~1.1' ; 1.2.3 ; false
      '~1.3' ; 2.4.5 ; false
      """)
  void validate(String constraint, String version, boolean expected) {
    List<String> reasons = Constraint.parse(constraint).validate(Version.parse(version));

    if (expected) {
      assertThat(reasons).isEmpty();
    } else {
      assertThat(reasons).isNotEmpty();
    }
  }

  @ParameterizedTest(name = "\"{0}\" rejects {1}: {2}")
  @DisplayName("§8.2 the first reason Validate gives is Masterminds' text (semver v3.5, quoted)")
  @CsvSource(delimiter = ';', textBlock = """
      '2.x' ; 1.2.3 ; '"1.2.3" is less than "2.x"'
      '2' ; 1.2.3 ; '"1.2.3" is less than "2"'
      '= 2.0' ; 1.2.3 ; '"1.2.3" is less than "2.0"'
      '!=4.1' ; 4.1.0 ; '"4.1.0" is equal to "4.1"'
      '!=4.x' ; 4.1.0 ; '"4.1.0" is equal to "4.x"'
      '!=4.2.x' ; 4.2.3 ; '"4.2.3" is equal to "4.2.x"'
      '>1.1' ; 1.1.0 ; '"1.1.0" is less than or equal to "1.1"'
      '<1.1' ; 1.1.0 ; '"1.1.0" is greater than or equal to "1.1"'
      '<1.1' ; 1.1.1 ; '"1.1.1" is greater than or equal to "1.1"'
      '<1.x' ; 2.1.1 ; '"2.1.1" is greater than or equal to "1.x"'
      '<1.1.x' ; 1.2.1 ; '"1.2.1" is greater than or equal to "1.1.x"'
      '>=1.1' ; 0.0.9 ; '"0.0.9" is less than "1.1"'
      '<=2.x' ; 3.1.0 ; '"3.1.0" is greater than "2.x"'
      '<=1.1' ; 1.2.1 ; '"1.2.1" is greater than "1.1"'
      '<=1.1.x' ; 1.2.500 ; '"1.2.500" is greater than "1.1.x"'
      '>1.1, <3' ; 4.3.2 ; '"4.3.2" is greater than or equal to "3"'
      '>=1.1, <2, !=1.2.3' ; 1.2.3 ; '"1.2.3" is equal to "1.2.3"'
      '>=1.1, <2, !=1.2.3 || > 3' ; 3.0.0 ; '"3.0.0" is greater than or equal to "2"'
      '>=1.1, <2, !=1.2.3 || > 3' ; 1.2.3 ; '"1.2.3" is equal to "1.2.3"'
      '1.1 - 3' ; 4.3.2 ; '"4.3.2" is greater than "3"'
      '^1.1' ; 4.3.2 ; '"4.3.2" does not have same major version as "1.1"'
      '^1.12.7' ; 1.6.6 ; '"1.6.6" is less than "1.12.7"'
      '^2.x' ; 1.1.1 ; '"1.1.1" is less than "2.x"'
      '^1.x' ; 2.1.1 ; '"2.1.1" does not have same major version as "1.x"'
      '^0.2' ; 0.3.0 ; '"0.3.0" does not have same minor version as "0.2". Expected minor versions to match when constraint major version is 0'
      '^0.2' ; 0.1.1 ; '"0.1.1" is less than "0.2"'
      '^0.0.3' ; 0.1.1 ; '"0.1.1" does not have same minor version as "0.0.3"'
      '^0.0.3' ; 0.0.4 ; '"0.0.4" does not equal "0.0.3". Expect version and constraint to equal when major and minor versions are 0'
      '^0.0.3' ; 0.0.2 ; '"0.0.2" is less than "0.0.3"'
      '~1' ; 2.1.2 ; '"2.1.2" does not have same major version as "1"'
      '~1.x' ; 2.1.1 ; '"2.1.1" does not have same major version as "1.x"'
      '~1.2.3' ; 1.2.2 ; '"1.2.2" is less than "1.2.3"'
      '~1.2.3' ; 1.3.2 ; '"1.3.2" does not have same major and minor version as "1.2.3"'
      '~1.1' ; 1.2.3 ; '"1.2.3" does not have same major and minor version as "1.1"'
      '~1.3' ; 2.4.5 ; '"2.4.5" does not have same major version as "1.3"'
      '> 1.2.3' ; 1.2.3-beta.1 ; '"1.2.3-beta.1" is a prerelease version and the constraint is only looking for release versions'
      """)
  void validateMessage(String constraint, String version, String message) {
    List<String> reasons = Constraint.parse(constraint).validate(Version.parseStrict(version));

    assertThat(reasons).first().isEqualTo(message);
  }

  @Test
  @DisplayName("Validate lists every failed term of every group, and a pre-release only once")
  void validateListsEveryFailure() {
    // Given
    Constraint c = Constraint.parse("!= 1.2.5, ^2, <= 1.1.x");

    // When
    List<String> reasons = c.validate(Version.parseStrict("1.2.3"));

    // Then
    assertThat(reasons).containsExactly(
        "\"1.2.3\" is less than \"2\"", "\"1.2.3\" is greater than \"1.1.x\"");
    assertThat(Constraint.parse(">1 <3 || ~2").validate(Version.parse("2.0.0-rc.1")))
        .containsExactly("\"2.0.0-rc.1\" is a prerelease version and the constraint is only "
            + "looking for release versions");
    assertThat(Constraint.parse("<= 1.2.3, >= 1.4").validate(Version.parse("1.3")))
        .containsExactly("\"1.3.0\" is greater than \"1.2.3\"", "\"1.3.0\" is less than \"1.4\"");
  }

  @ParameterizedTest(name = "\"{0}\" -> {1} group(s), the first with {2} term(s)")
  @DisplayName("§8.2 AND by comma or space, OR by ||, hyphen ranges as two terms (Masterminds' NewConstraint table)")
  @CsvSource(delimiter = ';', textBlock = """
      '>= 1.1' ; 1 ; 1
      '>40.50.60, < 50.70' ; 1 ; 2
      '2.0' ; 1 ; 1
      'v2.3.5-20161202202307-sha.e8fc5e5' ; 1 ; 1
      'v1.2.3-0abc' ; 1 ; 1
      '>= 1.2.3 < 2.0' ; 1 ; 2
      '>= 1.2.3 < 2.0 || => 3.0 < 4' ; 2 ; 2
      '>= 1.2.3, < 2.0' ; 1 ; 2
      '>= 1.2.3, < 2.0 || => 3.0, < 4' ; 2 ; 2
      '3 - 4 || => 3.0, < 4' ; 2 ; 2
      '12.3.34 ~1.2.3' ; 1 ; 2
      '1.0.0 - 2.0.0, <=2.0.0' ; 1 ; 3
      """)
  void structure(String constraint, int groups, int firstGroupTerms) {
    String normalised = Constraint.parse(constraint).toString();

    String[] parts = normalised.split(" \\|\\| ");
    assertThat(parts).hasSize(groups);
    assertThat(parts[0].split(" ")).hasSize(firstGroupTerms);
  }

  @ParameterizedTest(name = "\"{0}\" fails with: {1}")
  @DisplayName("§8.2 a bad constraint fails with Masterminds' message, quoting the ||-part that failed")
  @CsvSource(delimiter = ';', textBlock = """
      'foo' ; 'improper constraint: "foo"'
      '>= bar' ; 'improper constraint: ">= bar"'
      'BAR >= 1.2.3' ; 'improper constraint: "BAR >= 1.2.3"'
      '12.3.4.1234' ; 'improper constraint: "12.3.4.1234"'
      '12.23.4.1234' ; 'improper constraint: "12.23.4.1234"'
      '12.3.34.1234' ; 'improper constraint: "12.3.34.1234"'
      '12.3.34~ 1.2.3' ; 'improper constraint: "12.3.34~ 1.2.3"'
      '' ; 'improper constraint: ""'
      ' ' ; 'improper constraint: " "'
      ',' ; 'improper constraint: ","'
      '1,' ; 'improper constraint: "1,"'
      '1,,2' ; 'improper constraint: "1,,2"'
      '1.2.3 ||' ; 'improper constraint: ""'
      '>1 || bar' ; 'improper constraint: " bar"'
      '> = 1' ; 'improper constraint: "> = 1"'
      '1.2.3-' ; 'improper constraint: "1.2.3-"'
      '1.2 -1.3' ; 'improper constraint: "1.2 -1.3"'
      '1.0.0 - 2.0.0 - 3.0.0' ; 'improper constraint: ">= 1.0.0, <= 2.0.0 - 3.0.0"'
      '1.2.3\u000b' ; 'improper constraint: "1.2.3\\v"'
      'v1.2.3-beta.01' ; 'constraint parser error: "v1.2.3-beta.01" does not hold a valid version'
      '1x.2' ; 'constraint parser error: "1x.2" does not hold a valid version'
      '1|2' ; 'constraint parser error: "1|2" does not hold a valid version'
      '99999999999999999999' ; 'constraint parser error: "99999999999999999999" does not hold a valid version'
      '1x.2 !' ; 'improper constraint: "1x.2 !"'
      'a1.2 - 3' ; 'improper constraint: "a>= 1.2, <= 3 "'
      '1.2.3-a||1 - 2' ; 'improper constraint: "1.2.3-a>= "'
      '1.2.3 - 2.3.4.5' ; 'improper constraint: ">= 1.2.3, <= 2.3.4 .5"'
      """)
  void invalid(String constraint, String message) {
    String text = constraint.replace("\\u000b", "\u000b");

    assertThatThrownBy(() -> Constraint.parse(text))
        .isInstanceOfSatisfying(InvalidConstraintException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(message);
          assertThat(e.constraint()).isEqualTo(text);
        });
  }

  @ParameterizedTest(name = "\"{0}\" prints as \"{1}\"")
  @DisplayName("toString is Masterminds' normalised form; it parses back to the same constraint")
  @CsvSource(delimiter = ';', textBlock = """
      '*' ; '*'
      '>=1.2.3' ; '>=1.2.3'
      '>= 1.2.3' ; '>=1.2.3'
      '2.x,   >=1.2.3 || >4.5.6, < 5.7' ; '2.x >=1.2.3 || >4.5.6 <5.7'
      '2.x,   >=1.2.3 || >4.5.6, < 5.7 || >40.50.60, < 50.70' ; '2.x >=1.2.3 || >4.5.6 <5.7 || >40.50.60 <50.70'
      '1.2' ; '1.2'
      '1.2.3' ; '1.2.3'
      '<=1.2.3' ; '<=1.2.3'
      '1 <=1.2.3' ; '1 <=1.2.3'
      '1, <=1.2.3' ; '1 <=1.2.3'
      '>1, <=1.2.3' ; '>1 <=1.2.3'
      '> 1 , <=1.2.3' ; '>1 <=1.2.3'
      '1.1 - 3' ; '>=1.1 <=3'
      '=> 1.0, =< 2, ~> 1.2' ; '=>1.0 =<2 ~>1.2'
      '1||1.2 - 3' ; '>=1 || 1.2 <=3'
      '1 - 2 || 3 - 4' ; '>=1 <=2 || >=3 <=4'
      """)
  void normalisedForm(String constraint, String expected) {
    Constraint c = Constraint.parse(constraint);

    assertThat(c).hasToString(expected);
    assertThat(Constraint.parse(c.toString())).isEqualTo(c);
    assertThat(c.original()).isEqualTo(constraint);
  }

  @ParameterizedTest(name = "\"{0}\" matches [{1}]")
  @DisplayName("§8.2 the same versions match as in real Helm 4.1.4 (helm search repo --versions --version <c>)")
  @CsvSource(delimiter = ';', textBlock = """
      '*' ; '3.0.0 2.1.1 2.0.0 1.28.3 1.3.0 1.2.4 1.2.3 1.2.0 1.0.0 0.2.5 0.1.0 0.0.3 0.0.0'
      '^*' ; '0.0.0'
      '<=*' ; '0.0.3 0.0.0'
      '~*' ; '3.0.0 2.1.1 2.0.0 1.28.3 1.3.0 1.2.4 1.2.3 1.2.0 1.0.0 0.2.5 0.1.0 0.0.3 0.0.0'
      'x' ; '3.0.0 2.1.1 2.0.0 1.28.3 1.3.0 1.2.4 1.2.3 1.2.0 1.0.0 0.2.5 0.1.0 0.0.3 0.0.0'
      '1' ; '1.28.3 1.3.0 1.2.4 1.2.3 1.2.0 1.0.0'
      '1.2' ; '1.2.4 1.2.3 1.2.0'
      '1.2.x' ; '1.2.4 1.2.3 1.2.0'
      '=1.2.3' ; '1.2.3'
      '!=1.2.3' ; '3.0.0 2.1.1 2.0.0 1.28.3 1.3.0 1.2.4 1.2.0 1.0.0 0.2.5 0.1.0 0.0.3 0.0.0'
      '!=1.x' ; '3.0.0 2.1.1 2.0.0 0.2.5 0.1.0 0.0.3 0.0.0'
      '!=1.2' ; '3.0.0 2.1.1 2.0.0 1.28.3 1.3.0 1.0.0 0.2.5 0.1.0 0.0.3 0.0.0'
      '!=1.2.x' ; '3.0.0 2.1.1 2.0.0 1.28.3 1.3.0 1.0.0 0.2.5 0.1.0 0.0.3 0.0.0'
      '>1' ; '3.0.0 2.1.1 2.0.0'
      '>1.2' ; '3.0.0 2.1.1 2.0.0 1.28.3 1.3.0'
      '>1.2.3' ; '3.0.0 2.1.1 2.0.0 1.28.3 1.3.0 1.2.4'
      '>=1.2' ; '3.0.0 2.1.1 2.0.0 1.28.3 1.3.0 1.2.4 1.2.3 1.2.0'
      '>=1.2.3-0' ; '3.0.0 2.1.1 2.0.0 2.0.0-rc.1 1.28.3 1.28.3-eks-4f4795d 1.3.0 1.2.4 1.2.3 1.2.3-1'
      '<1.2' ; '1.0.0 0.2.5 0.1.0 0.0.3 0.0.0'
      '<=1' ; '1.28.3 1.3.0 1.2.4 1.2.3 1.2.0 1.0.0 0.2.5 0.1.0 0.0.3 0.0.0'
      '<=1.2' ; '1.2.4 1.2.3 1.2.0 1.0.0 0.2.5 0.1.0 0.0.3 0.0.0'
      '<=1.2.3' ; '1.2.3 1.2.0 1.0.0 0.2.5 0.1.0 0.0.3 0.0.0'
      '~1' ; '1.28.3 1.3.0 1.2.4 1.2.3 1.2.0 1.0.0'
      '~1.2' ; '1.2.4 1.2.3 1.2.0'
      '~1.2.3' ; '1.2.4 1.2.3'
      '~1.2.3-0' ; '1.2.4 1.2.3 1.2.3-1'
      '^0' ; '0.2.5 0.1.0 0.0.3 0.0.0'
      '^0.0' ; '0.0.3 0.0.0'
      '^0.2' ; '0.2.5'
      '^1.2' ; '1.28.3 1.3.0 1.2.4 1.2.3 1.2.0'
      '^1.2.3' ; '1.28.3 1.3.0 1.2.4 1.2.3'
      '^1.2.3-0' ; '1.28.3 1.28.3-eks-4f4795d 1.3.0 1.2.4 1.2.3 1.2.3-1'
      '1.2 - 2' ; '2.1.1 2.0.0 1.28.3 1.3.0 1.2.4 1.2.3 1.2.0'
      '1.2.3 - 2.0.0' ; '2.0.0 1.28.3 1.3.0 1.2.4 1.2.3'
      '1.2.3-0 - 2' ; '2.1.1 2.0.0 2.0.0-rc.1 1.28.3 1.28.3-eks-4f4795d 1.3.0 1.2.4 1.2.3 1.2.3-1'
      '>= 1.2, < 2.0 || >= 3' ; '3.0.0 1.28.3 1.3.0 1.2.4 1.2.3 1.2.0'
      '>=1.20.0' ; '3.0.0 2.1.1 2.0.0 1.28.3'
      '>=1.20.0-0' ; '3.0.0 2.1.1 2.0.0 2.0.0-rc.1 1.28.3 1.28.3-eks-4f4795d'
      '>0.0.0-0' ; '3.0.0 2.1.1 2.0.0 2.0.0-rc.1 1.28.3 1.28.3-eks-4f4795d 1.3.0 1.2.4 1.2.3 1.2.3-1 1.2.0 1.0.0 1.0.0-alpha 0.2.5 0.1.0 0.0.3 0.0.0'
      '>0.0.0' ; '3.0.0 2.1.1 2.0.0 1.28.3 1.3.0 1.2.4 1.2.3 1.2.0 1.0.0 0.2.5 0.1.0 0.0.3'
      '~1.2.3 || ^2.0.0-0' ; '2.1.1 2.0.0 2.0.0-rc.1 1.2.4 1.2.3'
      '<1.x' ; '0.2.5 0.1.0 0.0.3 0.0.0'
      '<=2.x' ; '2.1.1 2.0.0 1.28.3 1.3.0 1.2.4 1.2.3 1.2.0 1.0.0 0.2.5 0.1.0 0.0.3 0.0.0'
      '>=1.x' ; '3.0.0 2.1.1 2.0.0 1.28.3 1.3.0 1.2.4 1.2.3 1.2.0 1.0.0'
      """)
  void realHelmSearch(String constraint, String expected) {
    // Given: the versions of a repository index, sorted as Helm sorts them
    List<String> index = Versions.sortDescending(List.of(
        "0.0.0", "0.0.3", "0.1.0", "0.2.5", "1.0.0-alpha", "1.0.0", "1.2.0", "1.2.3-1", "1.2.3",
        "1.2.4", "1.3.0", "1.28.3-eks-4f4795d", "1.28.3", "2.0.0-rc.1", "2.0.0", "2.1.1",
        "3.0.0"));
    Constraint c = Constraint.parse(constraint);

    // When
    List<String> matching = index.stream().filter(c::isSatisfiedBy).toList();

    // Then
    assertThat(matching).containsExactlyElementsOf(
        expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")));
  }

  @ParameterizedTest(name = "\"{0}\" satisfied by {1}: {2}")
  @DisplayName("§8.2 Helm's documented examples (chart_best_practices/dependencies, Masterminds README)")
  @CsvSource(delimiter = ';', textBlock = """
      '~1.2.3' ; 1.2.3 ; true
      '~1.2.3' ; 1.2.9 ; true
      '~1.2.3' ; 1.3.0 ; false
      '~1.2.3' ; 1.2.4 ; true
      '~1.2.3' ; 1.2.3-1 ; false
      '~1.2.3-0' ; 1.2.3-1 ; true
      '~1.2.3-0' ; 1.2.4 ; true
      '>= 1.2 < 3.0.0 || >= 4.2.3' ; 2.9.9 ; true
      '>= 1.2 < 3.0.0 || >= 4.2.3' ; 3.5.0 ; false
      '>= 1.2 < 3.0.0 || >= 4.2.3' ; 4.2.3 ; true
      '>=1.2.3' ; 1.5.0-beta.1 ; false
      '>=1.2.3-0' ; 1.5.0-beta.1 ; true
      '>=1.2.3-BETA' ; 1.2.3-alpha ; true
      '1.2 - 1.4.5' ; 1.4.5 ; true
      '1.2 - 1.4.5' ; 1.4.6 ; false
      '1.2-1.4.5' ; 1.2.0-1.4.5 ; true
      '1.2-1.4.5' ; 1.2.5 ; true
      '1.2-1.4.5' ; 1.3.0 ; false
      '1.2.x' ; 1.2.9 ; true
      '1.2.x' ; 1.3.0 ; false
      '>= 1.2.x' ; 9.0.0 ; true
      '<= 2.x' ; 2.9.9 ; true
      '<= 2.x' ; 3.0.0 ; false
      '*' ; 0.0.0 ; true
      '*' ; 1.0.0-rc.1 ; false
      '>0.0.0-0' ; 0.0.1-dev ; true
      '>0.0.0' ; 0.0.0 ; false
      '^1.2.x' ; 1.9.0 ; true
      '^2.3' ; 3.0.0 ; false
      '^0.2.3' ; 0.2.9 ; true
      '^0.2.3' ; 0.3.0 ; false
      '^0.0.3' ; 0.0.4 ; false
      '^0.0' ; 0.0.9 ; true
      '^0.0' ; 0.1.0 ; false
      '^0' ; 0.9.0 ; true
      '^0' ; 1.0.0 ; false
      '~1' ; 1.9.0 ; true
      '~2.3' ; 2.4.0 ; false
      '~1.x' ; 1.9.0 ; true
      """)
  void documentedExamples(String constraint, String version, boolean expected) {
    assertThat(Constraint.parse(constraint).isSatisfiedBy(Version.parse(version)))
        .isEqualTo(expected);
  }

  @Test
  @DisplayName("§8.2 a pre-release is admitted per AND group: only a group that names a pre-release admits one")
  void prereleaseRulePerGroup() {
    // Given
    Constraint c = Constraint.parse(">=1.0.0 <2.0.0 || >=2.0.0-0 <3.0.0");

    // Then
    assertThat(c.isSatisfiedBy(Version.parse("1.5.0-rc.1"))).isFalse();
    assertThat(c.isSatisfiedBy(Version.parse("2.5.0-rc.1"))).isTrue();
    assertThat(Constraint.parse(">=1.0.0, <=2.0.0-beta").isSatisfiedBy(Version.parse("1.0.1-beta")))
        .isTrue();
  }

  @Test
  @DisplayName("text that is not a version satisfies nothing, as Helm's IsCompatibleRange")
  void unparseableVersionSatisfiesNothing() {
    assertThat(Constraint.parse("*").isSatisfiedBy("not-a-version")).isFalse();
    assertThat(Constraint.parse("*").isSatisfiedBy("v1.2")).isTrue();
  }

  @Test
  @DisplayName("texts in messages are quoted as Go's %q: escapes for controls and non-printing characters")
  void goQuoting() {
    assertThatThrownBy(() -> Constraint.parse("1.2.3\u00a0"))
        .hasMessage("improper constraint: \"1.2.3\\u00a0\"");
    assertThatThrownBy(() -> Constraint.parse("\"1\\é\u0001"))
        .hasMessage("improper constraint: \"\\\"1\\\\é\\x01\"");
  }

  @Test
  @DisplayName("whitespace is Go's \\s: tabs, newlines and carriage returns separate terms")
  void goWhitespace() {
    Constraint c = Constraint.parse(">=1.0\t<2.0\n||\r\n3.x");

    assertThat(c).hasToString(">=1.0 <2.0 || 3.x");
    assertThat(Constraint.parse("1.2\t-\t1.3").isSatisfiedBy(Version.parse("1.3.0"))).isTrue();
  }

  @Test
  @DisplayName("parsing is linear: long, almost valid input does not make it backtrack for ever")
  void noCatastrophicBacktracking() {
    // Given: many terms separated by runs of spaces, then one bad character
    String text = "1  ".repeat(5_000) + "!";

    // When / Then: a regular expression with nested whitespace quantifiers would never finish
    assertThatThrownBy(() -> Constraint.parse(text))
        .isInstanceOf(InvalidConstraintException.class);
    assertThatThrownBy(() -> Constraint.parse("1".repeat(200_000) + "x - 1"))
        .isInstanceOf(InvalidConstraintException.class);
    assertThatThrownBy(() -> Constraint.parse(" ".repeat(200_000) + "x!"))
        .isInstanceOf(InvalidConstraintException.class);
    assertThat(Constraint.parse("1-a".repeat(50_000) + " - 2").toString()).startsWith(">=1-a");
    assertThat(Constraint.parse(" ".repeat(200_000) + "x")).hasToString("x");
  }
}
