package dev.capstan.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Versions as Helm reads them with Masterminds semver v3 (§7.1, §8.2). The tables restate the
 * cases of Masterminds' {@code version_test.go}.
 */
class VersionTest {

  @ParameterizedTest(name = "NewVersion accepts \"{0}\"")
  @DisplayName("§7.1 lenient parsing accepts what Masterminds' NewVersion accepts")
  @ValueSource(strings = {
      "1.2.3", "1.2.3+test.01", "1.2.3-alpha.-1", "v1.2.3", "1.0", "v1.0", "1", "v1", "1.2-5",
      "v1.2-5", "1.2-beta.5", "v1.2-beta.5", "1.2.0-x.Y.0+metadata", "v1.2.0-x.Y.0+metadata",
      "1.2.0-x.Y.0+metadata-width-hypen", "v1.2.0-x.Y.0+metadata-width-hypen",
      "1.2.3-rc1-with-hypen", "v1.2.3-rc1-with-hypen", "1.2.3-0abc123", "1.2.2147483648",
      "1.2147483648.3", "2147483648.3.0", "20221209-update-renovatejson-v4",
      // leading zeros in the numbers are coerced (calver-like versions)
      "01.1.1", "1.01.1", "1.1.01",
      // the largest unsigned 64-bit numbers
      "18446744073709551615.0.0"})
  void lenientParseAccepts(String text) {
    // When
    Version v = Version.parse(text);

    // Then
    assertThat(v.original()).isEqualTo(text);
    assertThat(Version.tryParse(text)).contains(v);
  }

  @ParameterizedTest(name = "NewVersion rejects \"{0}\"")
  @DisplayName("§7.1 lenient parsing rejects what Masterminds' NewVersion rejects")
  @ValueSource(strings = {
      "1.2.3-alpha.01", "1.2.beta", "v1.2.beta", "foo", "\n1.2", "\nv1.2", "1.2.3-beta.01",
      "1.2.3.4", "v1.2.3.4", "12.3.4.1234", "12.23.4.1234", "12.3.34.1234", "1.1.2+.123",
      "1.0.0-alpha_beta", "1.0.0-alpha..", "1.0.0-alpha..1", "9.8.7+meta+meta",
      "1.2.31----RC-SNAPSHOT.12.09.1--.12+788", "", "V1.2.3", "1.2.3\n", " 1.2.3", "1.2.3-",
      "18446744073709551616.0.0"})
  void lenientParseRejects(String text) {
    assertThat(Version.tryParse(text)).isEmpty();
    assertThatThrownBy(() -> Version.parse(text)).isInstanceOf(InvalidVersionException.class);
  }

  @ParameterizedTest(name = "StrictNewVersion(\"{0}\") valid={1}")
  @DisplayName("strict parsing accepts exactly SemVer 2, as Masterminds' StrictNewVersion")
  @CsvSource(delimiter = ';', textBlock = """
      1.2.3 ; true
      1.2.3-alpha.01 ; false
      1.2.3+test.01 ; true
      1.2.3-alpha.-1 ; true
      v1.2.3 ; false
      1.0 ; false
      v1.0 ; false
      1 ; false
      v1 ; false
      1.2 ; false
      1.2.beta ; false
      v1.2.beta ; false
      foo ; false
      1.2-5 ; false
      v1.2-5 ; false
      1.2-beta.5 ; false
      v1.2-beta.5 ; false
      1.2.0-x.Y.0+metadata ; true
      v1.2.0-x.Y.0+metadata ; false
      1.2.0-x.Y.0+metadata-width-hypen ; true
      v1.2.0-x.Y.0+metadata-width-hypen ; false
      1.2.3-rc1-with-hypen ; true
      1.2.3-0abc123 ; true
      1.2.3-beta.01 ; false
      v1.2.3-rc1-with-hypen ; false
      1.2.3.4 ; false
      v1.2.3.4 ; false
      1.2.2147483648 ; true
      1.2147483648.3 ; true
      2147483648.3.0 ; true
      20221209-update-renovatejson-v4 ; false
      1.1.2+.123 ; false
      1.0.0-alpha_beta ; false
      1.0.0-alpha.. ; false
      1.0.0-alpha..1 ; false
      01.1.1 ; false
      1.01.1 ; false
      1.1.01 ; false
      9.8.7+meta+meta ; false
      1.2.31----RC-SNAPSHOT.12.09.1--.12+788 ; false
      1.2.3-0123 ; false
      1.2.3-0123.0123 ; false
      +invalid ; false
      -invalid ; false
      -invalid.01 ; false
      alpha+beta ; false
      1.2.3-alpha_beta+foo ; false
      1..3 ; false
      1.2.3- ; false
      1.2.3+ ; false
      """)
  void strictParse(String text, boolean valid) {
    if (valid) {
      assertThat(Version.parseStrict(text).original()).isEqualTo(text);
    } else {
      assertThatThrownBy(() -> Version.parseStrict(text))
          .isInstanceOf(InvalidVersionException.class);
    }
  }

  @ParameterizedTest(name = "\"{0}\" fails with: {1}")
  @DisplayName("a version that does not parse says why, naming the text")
  @CsvSource(delimiter = ';', textBlock = """
      foo ; 'invalid semantic version: "foo"'
      1.2.3-beta.01 ; 'version segment starts with 0: "1.2.3-beta.01"'
      1.2.3-dev.01 ; 'version segment starts with 0: "1.2.3-dev.01"'
      1.2.3-023658 ; 'version segment starts with 0: "1.2.3-023658"'
      18446744073709551616 ; 'error parsing version segment: value out of range: "18446744073709551616"'
      """)
  void lenientErrors(String text, String message) {
    assertThatThrownBy(() -> Version.parse(text))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "StrictNewVersion(\"{0}\") fails with: {1}")
  @DisplayName("strict parsing reports Masterminds' reason")
  @CsvSource(delimiter = ';', textBlock = """
      '' ; version string empty
      1.2 ; invalid semantic version
      v1.2.3 ; invalid characters in version
      01.2.3 ; version segment starts with 0
      1.2.3-beta.01 ; version segment starts with 0
      9.8.7+meta+meta ; invalid metadata string
      1.0.0-alpha_beta ; invalid prerelease string
      1..3 ; 'error parsing version segment: empty number'
      1.2.18446744073709551616 ; 'error parsing version segment: value out of range'
      """)
  void strictErrors(String text, String reason) {
    assertThatThrownBy(() -> Version.parseStrict(text))
        .isInstanceOfSatisfying(InvalidVersionException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.text()).isEqualTo(text);
          assertThat(e.getMessage()).isEqualTo(reason + ": \"" + text + "\"");
        });
  }

  @ParameterizedTest(name = "\"{0}\" prints as {1}")
  @DisplayName("toString is Masterminds' String(): zeros filled in, no v; original() keeps the text")
  @CsvSource(delimiter = ';', textBlock = """
      1.2.3 ; 1.2.3
      v1.2.3 ; 1.2.3
      1.0 ; 1.0.0
      v1.0 ; 1.0.0
      1 ; 1.0.0
      v1 ; 1.0.0
      1.2-5 ; 1.2.0-5
      v1.2-5 ; 1.2.0-5
      1.2-beta.5 ; 1.2.0-beta.5
      v1.2-beta.5 ; 1.2.0-beta.5
      1.2.0-x.Y.0+metadata ; 1.2.0-x.Y.0+metadata
      v1.2.0-x.Y.0+metadata ; 1.2.0-x.Y.0+metadata
      1.2.0-x.Y.0+metadata-width-hypen ; 1.2.0-x.Y.0+metadata-width-hypen
      v1.2.0-x.Y.0+metadata-width-hypen ; 1.2.0-x.Y.0+metadata-width-hypen
      1.2.3-rc1-with-hypen ; 1.2.3-rc1-with-hypen
      v1.2.3-rc1-with-hypen ; 1.2.3-rc1-with-hypen
      01.02.03 ; 1.2.3
      18446744073709551615.1.2 ; 18446744073709551615.1.2
      """)
  void stringForm(String text, String expected) {
    Version v = Version.parse(text);

    assertThat(v).hasToString(expected);
    assertThat(v.original()).isEqualTo(text);
  }

  @Test
  @DisplayName("the parts of 1.2.3-beta.1+build.123 are read separately")
  void parts() {
    // When
    Version v = Version.parse("1.2.3-beta.1+build.123");

    // Then
    assertThat(v.major()).isEqualTo(1);
    assertThat(v.minor()).isEqualTo(2);
    assertThat(v.patch()).isEqualTo(3);
    assertThat(v.prerelease()).isEqualTo("beta.1");
    assertThat(v.metadata()).isEqualTo("build.123");
    assertThat(v.isPrerelease()).isTrue();
    assertThat(Version.parse("1.2.3+build").isPrerelease()).isFalse();
  }

  @ParameterizedTest(name = "compare({0}, {1}) = {2}")
  @DisplayName("versions compare by SemVer precedence, as Masterminds' Compare")
  @CsvSource(delimiter = ';', textBlock = """
      1.2.3 ; 1.5.1 ; -1
      2.2.3 ; 1.5.1 ; 1
      2.2.3 ; 2.2.2 ; 1
      3.2-beta ; 3.2-beta ; 0
      1.3 ; 1.1.4 ; 1
      4.2 ; 4.2-beta ; 1
      4.2-beta ; 4.2 ; -1
      4.2-alpha ; 4.2-beta ; -1
      4.2-alpha ; 4.2-alpha ; 0
      4.2-beta.2 ; 4.2-beta.1 ; 1
      4.2-beta2 ; 4.2-beta1 ; 1
      4.2-beta ; 4.2-beta.2 ; -1
      4.2-beta ; 4.2-beta.foo ; -1
      4.2-beta.2 ; 4.2-beta ; 1
      4.2-beta.foo ; 4.2-beta ; 1
      1.2+bar ; 1.2+baz ; 0
      1.0.0-beta.4 ; 1.0.0-beta.-2 ; -1
      1.0.0-beta.-2 ; 1.0.0-beta.-3 ; -1
      1.0.0-beta.-3 ; 1.0.0-beta.5 ; 1
      3.2.0-beta.1 ; 3.2.0-beta.5 ; -1
      3.2-beta.4 ; 3.2-beta.2 ; 1
      7.43.0-SNAPSHOT.99 ; 7.43.0-SNAPSHOT.103 ; -1
      7.43.0-SNAPSHOT.FOO ; 7.43.0-SNAPSHOT.103 ; 1
      7.43.0-SNAPSHOT.99 ; 7.43.0-SNAPSHOT.BAR ; -1
      1.2.3-BETA ; 1.2.3-alpha ; -1
      1.5.1 ; 1.5.1 ; 0
      v1.0.0 ; 1.0.0 ; 0
      18446744073709551615.0.0 ; 9223372036854775807.0.0 ; 1
      1.0.0-99999999999999999999 ; 1.0.0-5 ; 1
      """)
  void compare(String a, String b, int expected) {
    Version va = Version.parse(a);
    Version vb = Version.parse(b);

    assertThat(va.compareTo(vb)).isEqualTo(expected);
    assertThat(vb.compareTo(va)).isEqualTo(-expected);
  }

  @Test
  @DisplayName("equal versions have the same numbers, pre-release and metadata; the v prefix does not matter")
  void equality() {
    assertThat(Version.parse("v1.2")).isEqualTo(Version.parse("1.2.0"))
        .hasSameHashCodeAs(Version.parse("1.2.0"));
    assertThat(Version.parse("3.2-beta")).isEqualTo(Version.parse("3.2.0-beta"));
    assertThat(Version.parse("3.2-beta+foo")).isNotEqualTo(Version.parse("3.2-beta+bar"));
    assertThat(Version.parse("3.2-beta+foo").compareTo(Version.parse("3.2-beta+bar"))).isZero();
    assertThat(Version.parse("1.2.3")).isNotEqualTo(Version.parse("1.5.1"));
  }
}
