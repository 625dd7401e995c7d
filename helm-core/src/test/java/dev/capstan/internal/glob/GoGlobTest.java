package dev.capstan.internal.glob;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's {@code filepath.Match} semantics, cases from Go's {@code match_test.go} (§7.2). */
class GoGlobTest {

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "abc      | abc     | true",
      "*        | abc     | true",
      "*c       | abc     | true",
      "a*       | a       | true",
      "a*       | abc     | true",
      "a*       | ab/c    | false",
      "a*/b     | abc/b   | true",
      "a*/b     | a/c/b   | false",
      "a*b*c*d*e*/f | axbxcxdxe/f | true",
      "a*b?c*x  | abxbbxdbxebxczzx | true",
      "a*b?c*x  | abxbbxdbxebxczzy | false",
      "ab[c]    | abc     | true",
      "ab[b-d]  | abc     | true",
      "ab[e-g]  | abc     | false",
      "ab[^c]   | abc     | false",
      "ab[^b-d] | abc     | false",
      "ab[^e-g] | abc     | true",
      "a\\*b  | a*b     | true",
      "a\\*b  | ab      | false",
      "a?b      | a☺b     | true",
      "a[^a]b   | a☺b     | true",
      "a???b    | a☺b     | false",
      "[a-ζ]*   | α       | true",
      "*[a-ζ]   | A       | false",
      "a?b      | a/b     | false",
      "a*b      | a/b     | false",
      "[\\]a] | ]       | true",
      "[\\-]  | -       | true",
      "[x\\-] | x       | true",
      "[x\\-] | z       | false",
      "*x       | xxx     | true",
  })
  void matchesLikeGo(String pattern, String name, boolean expected) {
    assertThat(GoGlob.compile(pattern)).get()
        .satisfies(g -> assertThat(g.matches(name)).isEqualTo(expected));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"[", "[^", "[^bc", "a[", "[]a]", "[-]", "[x-]", "[-x]", "\\", "[a-b-c]",
      "a[\\"})
  void rejectsBadPatternsLikeGo(String pattern) {
    assertThat(GoGlob.compile(pattern)).isEmpty();
  }
}
