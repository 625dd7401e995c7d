package dev.capstan.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.CapstanException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Release-name rules (§1.6); the table restates Helm's {@code validate_name_test.go}. */
class ReleaseNameTest {
  private static final String INVALID = "invalid release name, must match regex "
      + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ "
      + "and the length must not be longer than 53";

  @ParameterizedTest(name = "\"{0}\" valid: {1}")
  @DisplayName("§1.6 Helm's ValidateReleaseName table")
  @CsvSource(delimiter = ';', textBlock = """
      foo ; true
      foo.bar1234baz.seventyone ; true
      FOO ; false
      123baz ; true
      foo.BAR.baz ; false
      one-two ; true
      -two ; false
      one_two ; false
      a..b ; false
      '%^&#$%*@^*@&#^' ; false
      example:com ; false
      example%%com ; false
      a1111111111111111111111111111111111111111111111111111111111z ; false
      web ; true
      a ; true
      two- ; false
      .a ; false
      a. ; false
      a-.b ; false
      """)
  void helmTable(String name, boolean valid) {
    assertThat(ReleaseName.isValid(name)).isEqualTo(valid);
    if (valid) {
      assertThatCode(() -> ReleaseName.validate(name)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> ReleaseName.validate(name))
          .isInstanceOf(InvalidReleaseNameException.class)
          .hasMessage(INVALID);
    }
  }

  @Test
  @DisplayName("§1.6 an empty name fails with Helm's text \"no name provided\"")
  void emptyName() {
    assertThat(ReleaseName.isValid("")).isFalse();
    assertThatThrownBy(() -> ReleaseName.validate(""))
        .isInstanceOf(CapstanException.class)
        .isInstanceOfSatisfying(InvalidReleaseNameException.class,
            e -> assertThat(e.name()).isEmpty())
        .hasMessage("no name provided");
  }

  @Test
  @DisplayName("§1.6 a name of 53 characters is accepted, 54 is not")
  void lengthLimit() {
    String name53 = "a".repeat(53);
    String name54 = "a".repeat(54);

    assertThat(ReleaseName.isValid(name53)).isTrue();
    assertThatThrownBy(() -> ReleaseName.validate(name54))
        .isInstanceOfSatisfying(InvalidReleaseNameException.class,
            e -> assertThat(e.name()).isEqualTo(name54))
        .hasMessage(INVALID);
  }

  @ParameterizedTest(name = "\"{0}\" is rejected")
  @DisplayName("§1.6 the whole name must match: no trailing newline or surrounding space")
  @ValueSource(strings = {"foo\n", " foo", "foo ", "föo"})
  void wholeNameMustMatch(String name) {
    assertThat(ReleaseName.isValid(name)).isFalse();
  }

  @Test
  @DisplayName("the message quotes the same expression and limit as the public constants")
  void constants() {
    assertThat(INVALID).contains(ReleaseName.REGEX).endsWith(" " + ReleaseName.MAX_LENGTH);
  }
}
