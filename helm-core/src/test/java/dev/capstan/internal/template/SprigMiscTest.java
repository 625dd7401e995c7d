package dev.capstan.internal.template;

import static dev.capstan.internal.template.Fns.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.internal.gofmt.GoFmt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pure Sprig functions that were missing: values from Sprig's documentation and tests. */
class SprigMiscTest {

  @Test
  @DisplayName("hello, abbrevboth, contains, trimall and the os* paths")
  void strings() {
    assertThat(call("hello")).isEqualTo("Hello!");
    assertThat(call("abbrevboth", 5, 10, "1234 5678 9123")).isEqualTo("...5678...");
    assertThat(call("abbrevboth", 0, 10, "1234 5678 9123")).isEqualTo("1234 56...");
    assertThat(call("abbrevboth", 1, 3, "abcdefgh")).isEqualTo("abcdefgh");
    assertThat(call("abbrevboth", 10, 10, "abcdefghijklmno")).isEqualTo("...ijklmno");
    assertThat(call("contains", "cat", "catch")).isEqualTo(true);
    assertThat(call("trimall", "$", "$5.00$")).isEqualTo("5.00");
    assertThat(call("osBase", "/a/b/c.txt")).isEqualTo("c.txt");
    assertThat(call("osDir", "/a/b/c.txt")).isEqualTo("/a/b");
    assertThat(call("osExt", "/a/b/c.txt")).isEqualTo(".txt");
    assertThat(call("osClean", "/a//b/../c")).isEqualTo("/a/c");
    assertThat(call("osIsAbs", "a/b")).isEqualTo(false);
    assertThatThrownBy(() -> call("osBase", 1))
        .hasMessage("wrong type for value; expected string; got int");
  }

  @Test
  @DisplayName("all and any use Sprig's emptiness")
  void allAny() {
    assertThat(call("all", "a", 1, List.of(1))).isEqualTo(true);
    assertThat(call("all", "a", 0)).isEqualTo(false);
    assertThat(call("all")).isEqualTo(true);
    assertThat(call("any", "", 0, null, "x")).isEqualTo(true);
    assertThat(call("any", "", 0, Map.of())).isEqualTo(false);
    assertThat(call("any")).isEqualTo(false);
  }

  @Test
  @DisplayName("float math goes through decimals as Sprig's shopspring/decimal does")
  void floatMath() {
    assertThat(call("addf", 1.5, 2, 2)).isEqualTo(5.5);
    assertThat(call("addf", 0.1, 0.2)).isEqualTo(0.3);
    assertThat(call("add1f", 1.2)).isEqualTo(2.2);
    assertThat(call("subf", 7.5, 2, 3)).isEqualTo(2.5);
    assertThat(call("mulf", 1.5, 2, 2)).isEqualTo(6.0);
    assertThat(call("divf", 10, 4)).isEqualTo(2.5);
    assertThat(call("divf", 10, 3)).isEqualTo(3.3333333333333335);
    assertThat(call("maxf", 1, 2.5, 3)).isEqualTo(3.0);
    assertThat(call("minf", 1, 2.5, -3)).isEqualTo(-3.0);
    assertThat(call("addf", "1.5", "x")).isEqualTo(1.5);
    assertThat(call("biggest", 1, 5L, 3)).isEqualTo(5L);
    assertThatThrownBy(() -> call("divf", 1, 0)).hasMessage("decimal division by 0");
    assertThatThrownBy(() -> call("subf"))
        .hasMessage("wrong number of args for subf: want at least 1 got 0");
  }

  @Test
  @DisplayName("tuple, push and the must* list functions share the plain ones' errors")
  void lists() {
    assertThat(call("tuple", 1, "a")).isEqualTo(List.of(1, "a"));
    assertThat(call("push", List.of(1), 2)).isEqualTo(List.of(1, 2));
    assertThat(call("mustAppend", List.of(1), 2)).isEqualTo(List.of(1, 2));
    assertThat(call("mustPrepend", List.of(1), 0)).isEqualTo(List.of(0, 1));
    assertThat(call("mustFirst", List.of(1, 2))).isEqualTo(1);
    assertThat(call("mustLast", List.of(1, 2))).isEqualTo(2);
    assertThat(call("mustRest", List.of(1, 2))).isEqualTo(List.of(2));
    assertThat(call("mustInitial", List.of(1, 2))).isEqualTo(List.of(1));
    assertThat(call("mustReverse", List.of(1, 2))).isEqualTo(List.of(2, 1));
    assertThat(call("mustUniq", List.of(1, 1, 2))).isEqualTo(List.of(1, 2));
    assertThat(call("mustCompact", List.of("", 1, 0))).isEqualTo(List.of(1));
    assertThat(call("mustWithout", List.of(1, 2, 3), 2)).isEqualTo(List.of(1, 3));
    assertThat(call("mustHas", 2, List.of(1, 2))).isEqualTo(true);
    assertThat(call("mustSlice", List.of(1, 2, 3), 1)).isEqualTo(List.of(2, 3));
    assertThat(call("mustChunk", 2, List.of(1, 2, 3)))
        .isEqualTo(List.of(List.of(1, 2), List.of(3)));
    assertThatThrownBy(() -> call("mustFirst", "abc"))
        .isInstanceOf(Sprig.FunctionException.class)
        .hasMessage("Cannot find first on type string");
    assertThatThrownBy(() -> call("mustPush", "abc", 1))
        .hasMessage("Cannot push on type string");
  }

  @Test
  @DisplayName("mustMerge, mustMergeOverwrite, mustDeepCopy, mustToPrettyJson, mustToRawJson")
  void mapsAndJson() {
    Map<String, Object> dst = new LinkedHashMap<>(Map.of("a", 1));
    assertThat(call("mustMerge", dst, Map.of("a", 2, "b", 3))).isEqualTo(Map.of("a", 1, "b", 3));
    Map<String, Object> dst2 = new LinkedHashMap<>(Map.of("a", 1));
    assertThat(call("mustMergeOverwrite", dst2, Map.of("a", 2))).isEqualTo(Map.of("a", 2));
    assertThat(call("mustDeepCopy", Map.of("a", List.of(1)))).isEqualTo(Map.of("a", List.of(1)));
    assertThat(call("mustToPrettyJson", Map.of("a", 1))).isEqualTo("{\n  \"a\": 1\n}");
    assertThat(call("mustToRawJson", Map.of("a", "<b>"))).isEqualTo("{\"a\":\"<b>\"}");
    assertThatThrownBy(() -> call("mustToPrettyJson", Double.NaN))
        .isInstanceOf(Sprig.FunctionException.class);
    assertThatThrownBy(() -> call("mustMerge", "x"))
        .hasMessage("wrong type for value; expected map[string]interface {}; got string");
  }

  @Test
  @DisplayName("the must* regex functions fail on bad patterns with Go's regexp text")
  void regex() {
    assertThat(call("mustRegexFind", "[a-z]+", "123abc456")).isEqualTo("abc");
    assertThat(call("mustRegexFindAll", "[2,4]", "123456789", -1)).isEqualTo(List.of("2", "4"));
    assertThat(call("mustRegexReplaceAll", "a(x*)b", "-ab-axxb-", "${1}W"))
        .isEqualTo("-W-xxW-");
    assertThat(call("mustRegexReplaceAllLiteral", "a(x*)b", "-ab-axxb-", "${1}"))
        .isEqualTo("-${1}-${1}-");
    assertThat(call("mustRegexSplit", "z+", "pizza", -1)).isEqualTo(List.of("pi", "a"));
    assertThatThrownBy(() -> call("mustRegexFind", "a(", "x"))
        .isInstanceOf(Sprig.FunctionException.class)
        .hasMessageContaining("missing closing )");
  }

  @Test
  @DisplayName("semver returns Masterminds' Version with its fields and methods")
  void semver() {
    SemverObject v = (SemverObject) call("semver", "v1.2.3-beta.1+c0ff33");
    assertThat(v.get("Major", new Object[0])).isEqualTo(1L);
    assertThat(v.get("Minor", new Object[0])).isEqualTo(2L);
    assertThat(v.get("Patch", new Object[0])).isEqualTo(3L);
    assertThat(v.get("Prerelease", new Object[0])).isEqualTo("beta.1");
    assertThat(v.get("Metadata", new Object[0])).isEqualTo("c0ff33");
    assertThat(v.get("Original", new Object[0])).isEqualTo("v1.2.3-beta.1+c0ff33");
    assertThat(GoFmt.value(v)).isEqualTo("1.2.3-beta.1+c0ff33");
    SemverObject w = (SemverObject) call("semver", "1.2.3");
    assertThat(v.get("LessThan", new Object[] {w})).isEqualTo(true);
    assertThat(w.get("Compare", new Object[] {v})).isEqualTo(1);
    assertThat(w.get("Equal", new Object[] {call("semver", "1.2.3+meta")})).isEqualTo(true);
    assertThat(GoFmt.value(v.get("IncPatch", new Object[0]))).isEqualTo("1.2.3");
    assertThat(GoFmt.value(w.get("IncMinor", new Object[0]))).isEqualTo("1.3.0");
    assertThat(GoFmt.value(w.get("SetPrerelease", new Object[] {"rc.1"}))).isEqualTo("1.2.3-rc.1");
    assertThat(GoFmt.value(call("semver", "1.2"))).isEqualTo("1.2.0");
    assertThatThrownBy(() -> call("semver", "foo"))
        .isInstanceOf(Sprig.FunctionException.class)
        .hasMessage("invalid semantic version");
    assertThatThrownBy(() -> w.get("LessThan", new Object[] {"1.0.0"}))
        .hasMessage("wrong type for value; expected *semver.Version; got string");
  }

  @Test
  @DisplayName("urlParse and urlJoin follow Go's net/url")
  void urls() {
    @SuppressWarnings("unchecked") Map<String, Object> u = (Map<String, Object>) call("urlParse",
        "http://user:pass@localhost:8080/a%20b/c?query=1&x=y#frag%21");
    assertThat(u).containsEntry("scheme", "http").containsEntry("host", "localhost:8080")
        .containsEntry("hostname", "localhost").containsEntry("path", "/a b/c")
        .containsEntry("query", "query=1&x=y").containsEntry("fragment", "frag!")
        .containsEntry("userinfo", "user:pass").containsEntry("opaque", "");
    @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) call("urlParse", "mailto:joe@example.com");
    assertThat(m).containsEntry("scheme", "mailto").containsEntry("opaque", "joe@example.com");
    assertThat(call("urlJoin", Map.of("host", "localhost:80", "path", "/path", "query", "x=1",
        "scheme", "http"))).isEqualTo("http://localhost:80/path?x=1");
    assertThat(call("urlJoin", Map.of("scheme", "https", "host", "h", "path", "a b",
        "userinfo", "u:p", "fragment", "f g"))).isEqualTo("https://u:p@h/a%20b#f%20g");
    assertThat(call("urlJoin", Map.of("path", "x:y"))).isEqualTo("./x:y");
    assertThatThrownBy(() -> call("urlParse", ":nope"))
        .hasMessage("unable to parse url: parse \":nope\": missing protocol scheme");
  }
}
