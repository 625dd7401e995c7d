package dev.capstan.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.internal.gofmt.GoFmt;
import dev.capstan.testing.RealHelm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ground truth for {@link Sprig}: a chart whose template evaluates every template expression of
 * the table below is rendered once by the real Helm binary, printing each result as
 * {@code %T|%#v} (type and Go syntax, so strings with newlines stay on one line); the Java
 * function called with the same arguments must print the same.
 */
class SprigRealHelmTest {

  /**
   * One template expression and the same call in Java. {@code format} is {@code %T|%#v}, or
   * {@code %v} where Go's result type is {@code []string} (Capstan returns a list).
   */
  record Case(String expr, Supplier<Object> java, String format) {
    @Override
    public String toString() {
      return expr;
    }
  }

  static Case c(String expr, Supplier<Object> java) {
    return new Case(expr, java, "%T|%#v");
  }

  /** A case whose Go result is a []string, compared by %v. */
  static Case strings(String expr, Supplier<Object> java) {
    return new Case(expr, java, "%v");
  }

  static List<Object> l(Object... v) {
    return new ArrayList<>(Arrays.asList(v));
  }

  static Map<String, Object> m(Object... kv) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put((String) kv[i], kv[i + 1]);
    }
    return out;
  }

  static final double NAN = Double.NaN;

  static final List<Case> CASES = List.of(
      // truth and defaults
      c("empty nil", () -> Sprig.empty(null)), c("empty false", () -> Sprig.empty(false)),
      c("empty true", () -> Sprig.empty(true)), c("empty 0", () -> Sprig.empty(0)),
      c("empty 1", () -> Sprig.empty(1)), c("empty (int64 0)", () -> Sprig.empty(0L)),
      c("empty 0.0", () -> Sprig.empty(0.0)), c("empty 0.5", () -> Sprig.empty(0.5)),
      c("empty (float64 \"NaN\")", () -> Sprig.empty(NAN)), c("empty \"\"", () -> Sprig.empty("")),
      c("empty \" \"", () -> Sprig.empty(" ")), c("empty (list)", () -> Sprig.empty(l())),
      c("empty (list nil)", () -> Sprig.empty(l((Object) null))),
      c("empty (dict)", () -> Sprig.empty(m())), c("empty (dict \"a\" 1)", () -> Sprig.empty(m("a", 1))),
      c("default \"d\" nil", () -> Sprig.defaultValue("d", null)),
      c("default \"d\" \"\"", () -> Sprig.defaultValue("d", "")),
      c("default \"d\" \"x\"", () -> Sprig.defaultValue("d", "x")),
      c("default \"d\" 0", () -> Sprig.defaultValue("d", 0)),
      c("default \"d\" false", () -> Sprig.defaultValue("d", false)),
      c("default \"d\" (list)", () -> Sprig.defaultValue("d", l())),
      c("default 5 1.5", () -> Sprig.defaultValue(5, 1.5)),
      c("default (dict \"a\" 1) (dict)", () -> Sprig.defaultValue(m("a", 1), m())),
      c("coalesce nil \"\" 0 \"x\" 1", () -> Sprig.coalesce(null, "", 0, "x", 1)),
      c("coalesce nil \"\"", () -> Sprig.coalesce(null, "")),
      c("coalesce 0 (list) (dict \"a\" 1)", () -> Sprig.coalesce(0, l(), m("a", 1))),
      c("ternary \"a\" \"b\" true", () -> Sprig.ternary("a", "b", true)),
      c("ternary \"a\" 2 false", () -> Sprig.ternary("a", 2, false)),
      // quoting and string forms
      c("quote \"a\\\"b\"", () -> Sprig.quote("a\"b")),
      c("quote 1 nil 2.5 true", () -> Sprig.quote(1, null, 2.5, true)),
      c("quote", () -> Sprig.quote()), c("quote nil", () -> Sprig.quote((Object) null)),
      c("quote (list 1 \"a\")", () -> Sprig.quote(l(1, "a"))),
      c("quote \"héllo\\n\\t☺\\x01\"", () -> Sprig.quote("héllo\n\t☺\u0001")),
      c("quote 1000000.0", () -> Sprig.quote(1000000.0)),
      c("squote \"a\" 1 nil 1.5 (list 1)", () -> Sprig.squote("a", 1, null, 1.5, l(1))),
      c("squote \"it's\"", () -> Sprig.squote("it's")),
      c("toString 1.5", () -> Sprig.toStringValue(1.5)),
      c("toString nil", () -> Sprig.toStringValue(null)),
      c("toString (dict \"a\" 1 \"b\" (list 2.5 nil))",
          () -> Sprig.toStringValue(m("a", 1, "b", l(2.5, null)))),
      c("toString 1e21", () -> Sprig.toStringValue(1e21)),
      c("toString (int64 7)", () -> Sprig.toStringValue(7L)),
      // strings
      c("indent 2 \"a\\nb\"", () -> Sprig.indent(2, "a\nb")), c("indent 0 \"x\"", () -> Sprig.indent(0, "x")),
      c("indent 3 \"\"", () -> Sprig.indent(3, "")),
      c("nindent 4 \"a\\n\\nb\\n\"", () -> Sprig.nindent(4, "a\n\nb\n")),
      c("trunc 3 \"hello\"", () -> Sprig.trunc(3, "hello")),
      c("trunc -2 \"hello\"", () -> Sprig.trunc(-2, "hello")),
      c("trunc 10 \"hi\"", () -> Sprig.trunc(10, "hi")), c("trunc -10 \"hi\"", () -> Sprig.trunc(-10, "hi")),
      c("trunc 0 \"abc\"", () -> Sprig.trunc(0, "abc")), c("trunc -2 \"ab\"", () -> Sprig.trunc(-2, "ab")),
      c("trunc -3 \"héllo\"", () -> Sprig.trunc(-3, "héllo")),
      c("trunc 3 \"héllo\"", () -> Sprig.trunc(3, "héllo")),
      c("trimSuffix \"-x\" \"a-x\"", () -> Sprig.trimSuffix("-x", "a-x")),
      c("trimSuffix \"-x\" \"a-x-x\"", () -> Sprig.trimSuffix("-x", "a-x-x")),
      c("trimSuffix \"\" \"a\"", () -> Sprig.trimSuffix("", "a")),
      c("trimPrefix \"a\" \"aab\"", () -> Sprig.trimPrefix("a", "aab")),
      c("trimPrefix \"z\" \"aab\"", () -> Sprig.trimPrefix("z", "aab")),
      c("trim \"  a b \\t\\n\"", () -> Sprig.trim("  a b \t\n")),
      c("trim \"\\u00a0x\\u2003\\u0085\"", () -> Sprig.trim("\u00a0x\u2003\u0085")),
      c("trim \"\\u001cx\\u200b\"", () -> Sprig.trim("\u001cx\u200b")),
      c("trimAll \"$-\" \"$-a$b-$\"", () -> Sprig.trimAll("$-", "$-a$b-$")),
      c("trimAll \"☺\" \"☺x☺\"", () -> Sprig.trimAll("☺", "☺x☺")),
      c("trimAll \"\" \" x \"", () -> Sprig.trimAll("", " x ")),
      c("replace \"a\" \"b\" \"banana\"", () -> Sprig.replace("a", "b", "banana")),
      c("replace \"\" \"-\" \"abc\"", () -> Sprig.replace("", "-", "abc")),
      c("replace \"an\" \"\" \"banana\"", () -> Sprig.replace("an", "", "banana")),
      c("lower \"HeLLo ÀÉ İ\"", () -> Sprig.lower("HeLLo ÀÉ İ")),
      c("upper \"hello àé ß ǆ\"", () -> Sprig.upper("hello àé ß ǆ")),
      c("title \"hello wOrld-foo_bar o’neil 3abc ñu x.y\"",
          () -> Sprig.title("hello wOrld-foo_bar o’neil 3abc ñu x.y")),
      c("title \"ǆemal\"", () -> Sprig.title("ǆemal")),
      c("title \"a\\u00a0b\"", () -> Sprig.title("a\u00a0b")),
      c("contains \"ell\" \"hello\"", () -> Sprig.contains("ell", "hello")),
      c("contains \"x\" \"hello\"", () -> Sprig.contains("x", "hello")),
      c("hasPrefix \"he\" \"hello\"", () -> Sprig.hasPrefix("he", "hello")),
      c("hasSuffix \"lo\" \"hello\"", () -> Sprig.hasSuffix("lo", "hello")),
      c("hasSuffix \"he\" \"hello\"", () -> Sprig.hasSuffix("he", "hello")),
      // encodings and hashes
      c("b64enc \"hello wörld\"", () -> Sprig.b64enc("hello wörld")), c("b64enc \"\"", () -> Sprig.b64enc("")),
      c("b64dec \"aGVsbG8=\"", () -> Sprig.b64dec("aGVsbG8=")),
      c("b64dec \"YWJj=\"", () -> Sprig.b64dec("YWJj=")), c("b64dec \"YW Jj\"", () -> Sprig.b64dec("YW Jj")),
      c("b64dec \"YQ\"", () -> Sprig.b64dec("YQ")), c("b64dec \"YQ==\"", () -> Sprig.b64dec("YQ==")),
      c("b64dec \"YQ=\"", () -> Sprig.b64dec("YQ=")), c("b64dec \"YWJj\\nZGVm\"", () -> Sprig.b64dec("YWJj\nZGVm")),
      c("b64dec \"YQ==YQ==\"", () -> Sprig.b64dec("YQ==YQ==")), c("b64dec \"!!!!\"", () -> Sprig.b64dec("!!!!")),
      c("b64dec \"\"", () -> Sprig.b64dec("")), c("b64dec \"YWI=\"", () -> Sprig.b64dec("YWI=")),
      c("b64dec \"Y\"", () -> Sprig.b64dec("Y")), c("b64dec \"YQ=\\r\\n=\"", () -> Sprig.b64dec("YQ=\r\n=")),
      c("b64dec \"YQ=x\"", () -> Sprig.b64dec("YQ=x")), c("b64dec \"=\"", () -> Sprig.b64dec("=")),
      c("b64dec \"YWJjZGVmZ2hpamts\"", () -> Sprig.b64dec("YWJjZGVmZ2hpamts")),
      c("b64dec \"YWJjZGVmZ2hp*mts\"", () -> Sprig.b64dec("YWJjZGVmZ2hp*mts")),
      c("b64dec \"YR==\"", () -> Sprig.b64dec("YR==")),
      c("b64dec \"YQ==\\n\"", () -> Sprig.b64dec("YQ==\n")),
      c("sha256sum \"abc\"", () -> Sprig.sha256sum("abc")), c("sha256sum \"\"", () -> Sprig.sha256sum("")),
      c("sha1sum \"héllo\"", () -> Sprig.sha1sum("héllo")),
      // numbers
      c("int64 (float64 \"1e30\")", () -> Sprig.toInt64(1e30)),
      c("int64 (float64 \"NaN\")", () -> Sprig.toInt64(NAN)),
      c("int64 \"1_000\"", () -> Sprig.toInt64("1_000")), c("int64 \"0x1F\"", () -> Sprig.toInt64("0x1F")),
      c("int64 \"010\"", () -> Sprig.toInt64("010")), c("int64 \"1.00\"", () -> Sprig.toInt64("1.00")),
      c("int64 \" 1\"", () -> Sprig.toInt64(" 1")),
      c("int64 \"9223372036854775808\"", () -> Sprig.toInt64("9223372036854775808")),
      c("int64 \"-9223372036854775808\"", () -> Sprig.toInt64("-9223372036854775808")),
      c("int64 \"0b101\"", () -> Sprig.toInt64("0b101")), c("int64 \"0o17\"", () -> Sprig.toInt64("0o17")),
      c("int64 \"-0x10\"", () -> Sprig.toInt64("-0x10")), c("int64 \"1.\"", () -> Sprig.toInt64("1.")),
      c("int64 \"0_10\"", () -> Sprig.toInt64("0_10")), c("int64 \"0x\"", () -> Sprig.toInt64("0x")),
      c("int64 \"0_\"", () -> Sprig.toInt64("0_")), c("int64 \"+5\"", () -> Sprig.toInt64("+5")),
      c("int64 \"-\"", () -> Sprig.toInt64("-")), c("int64 \"\"", () -> Sprig.toInt64("")),
      c("int64 \"08\"", () -> Sprig.toInt64("08")), c("int64 \"0\"", () -> Sprig.toInt64("0")),
      c("int64 \"1.50\"", () -> Sprig.toInt64("1.50")), c("int64 \"0.0\"", () -> Sprig.toInt64("0.0")),
      c("int64 \"1e3\"", () -> Sprig.toInt64("1e3")), c("int64 \"0x_1F\"", () -> Sprig.toInt64("0x_1F")),
      c("int64 \"1__0\"", () -> Sprig.toInt64("1__0")), c("int64 \"0B11\"", () -> Sprig.toInt64("0B11")),
      c("int64 true", () -> Sprig.toInt64(true)), c("int64 nil", () -> Sprig.toInt64(null)),
      c("int64 (float64 \"-2.9\")", () -> Sprig.toInt64(-2.9)), c("int64 7", () -> Sprig.toInt64(7)),
      c("int64 (list 1)", () -> Sprig.toInt64(l(1))),
      c("float64 \"1.5\"", () -> Sprig.toFloat64("1.5")), c("float64 \"1e3\"", () -> Sprig.toFloat64("1e3")),
      c("float64 \"0x1p3\"", () -> Sprig.toFloat64("0x1p3")), c("float64 \"inf\"", () -> Sprig.toFloat64("inf")),
      c("float64 \"-Infinity\"", () -> Sprig.toFloat64("-Infinity")),
      c("float64 \"nan\"", () -> Sprig.toFloat64("nan")), c("float64 \"+nan\"", () -> Sprig.toFloat64("+nan")),
      c("float64 \"1e400\"", () -> Sprig.toFloat64("1e400")),
      c("float64 \"1e-400\"", () -> Sprig.toFloat64("1e-400")),
      c("float64 \"1_000.5\"", () -> Sprig.toFloat64("1_000.5")),
      c("float64 \"1__0\"", () -> Sprig.toFloat64("1__0")), c("float64 \"_10\"", () -> Sprig.toFloat64("_10")),
      c("float64 \".5\"", () -> Sprig.toFloat64(".5")), c("float64 \"5.\"", () -> Sprig.toFloat64("5.")),
      c("float64 \".\"", () -> Sprig.toFloat64(".")), c("float64 \"1e\"", () -> Sprig.toFloat64("1e")),
      c("float64 \"abc\"", () -> Sprig.toFloat64("abc")), c("float64 \"1d\"", () -> Sprig.toFloat64("1d")),
      c("float64 \"0x1.8\"", () -> Sprig.toFloat64("0x1.8")), c("float64 \"0x1.8p1\"", () -> Sprig.toFloat64("0x1.8p1")),
      c("float64 \"1_e5\"", () -> Sprig.toFloat64("1_e5")), c("float64 \"0.1\"", () -> Sprig.toFloat64("0.1")),
      c("float64 \"010\"", () -> Sprig.toFloat64("010")), c("float64 \"0x10\"", () -> Sprig.toFloat64("0x10")),
      c("float64 true", () -> Sprig.toFloat64(true)), c("float64 nil", () -> Sprig.toFloat64(null)),
      c("float64 (int64 5)", () -> Sprig.toFloat64(5L)), c("float64 3", () -> Sprig.toFloat64(3)),
      // YAML and JSON
      c("toYaml (dict \"a\" 1 \"b\" (list \"x\" nil) \"c\" (dict) \"d\" \"yes\")",
          () -> Sprig.toYaml(m("a", 1, "b", l("x", null), "c", m(), "d", "yes"))),
      c("toYaml nil", () -> Sprig.toYaml(null)), c("toYaml \"str\"", () -> Sprig.toYaml("str")),
      c("toYaml (list)", () -> Sprig.toYaml(l())), c("toYaml 1.5", () -> Sprig.toYaml(1.5)),
      c("toYaml (float64 \"NaN\")", () -> Sprig.toYaml(NAN)),
      c("toYaml (dict \"s\" \"a\\nb\" \"n\" 1e21)", () -> Sprig.toYaml(m("s", "a\nb", "n", 1e21))),
      c("toJson (dict \"a\" 1 \"b\" (list \"x\" nil 2.5) \"c\" (dict))",
          () -> Sprig.toJson(m("a", 1, "b", l("x", null, 2.5), "c", m()))),
      c("toJson \"<a&b>\"", () -> Sprig.toJson("<a&b>")), c("toJson nil", () -> Sprig.toJson(null)),
      c("toJson (float64 \"NaN\")", () -> Sprig.toJson(NAN)), c("toJson 1e21", () -> Sprig.toJson(1e21)),
      c("fromYaml \"a: 1\\nb: [x, 2.5]\\nc: yes\\nd: ~\"", () -> Sprig.fromYaml("a: 1\nb: [x, 2.5]\nc: yes\nd: ~")),
      c("fromYaml \"\"", () -> Sprig.fromYaml("")), c("fromYaml \"- 1\"", () -> Sprig.fromYaml("- 1")),
      c("fromYaml \"abc\"", () -> Sprig.fromYaml("abc")),
      c("fromYaml \"~\"", () -> Sprig.fromYaml("~")), c("fromYaml \"1: a\\ntrue: b\"", () -> Sprig.fromYaml("1: a\ntrue: b")),
      c("fromYaml \"a: 1\\n---\\nb: 2\"", () -> Sprig.fromYaml("a: 1\n---\nb: 2")),
      c("fromYaml \"a: 12345678901234567890\"", () -> Sprig.fromYaml("a: 12345678901234567890")),
      c("fromYamlArray \"- a\\n- 1\"", () -> Sprig.fromYamlArray("- a\n- 1")),
      c("fromYamlArray \"a: 1\"", () -> Sprig.fromYamlArray("a: 1")),
      c("fromYamlArray \"\"", () -> Sprig.fromYamlArray("")),
      c("fromJson \"{\\\"a\\\":1,\\\"b\\\":[true,null]}\"", () -> Sprig.fromJson("{\"a\":1,\"b\":[true,null]}")),
      c("fromJson \"[1]\"", () -> Sprig.fromJson("[1]")), c("fromJson \"{\"", () -> Sprig.fromJson("{")),
      strings("fromJson \"null\"", () -> Sprig.fromJson("null")), c("fromJson \"\"", () -> Sprig.fromJson("")),
      c("fromJson \"{\\\"a\\\":1} x\"", () -> Sprig.fromJson("{\"a\":1} x")),
      c("fromJson \"\\\"s\\\"\"", () -> Sprig.fromJson("\"s\"")),
      c("fromJsonArray \"[1,\\\"a\\\"]\"", () -> Sprig.fromJsonArray("[1,\"a\"]")),
      strings("fromJsonArray \"null\"", () -> Sprig.fromJsonArray("null")),
      c("fromJson \"{\\\"a\\\":}\"", () -> Sprig.fromJson("{\"a\":}")),
      c("fromJson \"[1,]\"", () -> Sprig.fromJson("[1,]")),
      c("fromJson \"{\\\"a\\\":1,\\\"a\\\":2}\"", () -> Sprig.fromJson("{\"a\":1,\"a\":2}")),
      c("fromJsonArray \"{}\"", () -> Sprig.fromJsonArray("{}")),
      c("fromJsonArray \"[1\"", () -> Sprig.fromJsonArray("[1")),
      // maps and lists
      c("hasKey (dict \"a\" nil) \"a\"", () -> Sprig.hasKey(m("a", null), "a")),
      c("hasKey (dict) \"a\"", () -> Sprig.hasKey(m(), "a")),
      c("dict \"a\" 1 \"b\"", () -> Sprig.dict("a", 1, "b")),
      c("dict 1 2 nil 3 true 4", () -> Sprig.dict(1, 2, null, 3, true, 4)),
      c("dict \"a\" 1 \"a\" 2", () -> Sprig.dict("a", 1, "a", 2)), c("dict", () -> Sprig.dict()),
      c("list 1 \"a\" nil 2.5", () -> Sprig.list(1, "a", null, 2.5)), c("list", () -> Sprig.list()),
      c("join \",\" (list 1 \"a\" nil 2.5)", () -> Sprig.join(",", l(1, "a", null, 2.5))),
      c("join \"-\" \"abc\"", () -> Sprig.join("-", "abc")), c("join \",\" nil", () -> Sprig.join(",", null)),
      c("join \",\" (list)", () -> Sprig.join(",", l())),
      c("join \",\" 1.5", () -> Sprig.join(",", 1.5)),
      c("join \", \" (splitList \":\" \"a:b\")", () -> Sprig.join(", ", Sprig.splitList(":", "a:b"))),
      strings("splitList \",\" \"a,b,,c\"", () -> Sprig.splitList(",", "a,b,,c")),
      strings("splitList \"\" \"aé☺\"", () -> Sprig.splitList("", "aé☺")),
      c("len (splitList \",\" \"\")", () -> Sprig.splitList(",", "").size()),
      c("len (splitList \"\" \"\")", () -> Sprig.splitList("", "").size()),
      c("first (list 1 2)", () -> Sprig.first(l(1, 2))), c("first (list)", () -> Sprig.first(l())),
      c("last (list 1 2)", () -> Sprig.last(l(1, 2))), c("last (list)", () -> Sprig.last(l())),
      strings("keys (dict \"x\" 1)", () -> Sprig.keys(m("x", 1))),
      strings("keys (dict \"a\" 1) (dict \"a\" 2 )", () -> Sprig.keys(m("a", 1), m("a", 2))),
      strings("keys (dict)", () -> Sprig.keys(m())),
      c("has 1 (list 1 2)", () -> Sprig.has(1, l(1, 2))), c("has 1.0 (list 1 2)", () -> Sprig.has(1.0, l(1, 2))),
      c("has (int64 1) (list 1)", () -> Sprig.has(1L, l(1))),
      c("has \"a\" (list \"a\")", () -> Sprig.has("a", l("a"))),
      c("has (list 1) (list (list 1))", () -> Sprig.has(l(1), l(l(1)))),
      c("has (dict \"a\" 1) (list (dict \"a\" 1))", () -> Sprig.has(m("a", 1), l(m("a", 1)))),
      c("has nil (list nil)", () -> Sprig.has(null, l((Object) null))),
      c("has 1 nil", () -> Sprig.has(1, null)),
      // types and versions
      c("typeOf 1", () -> Sprig.typeOf(1)), c("typeOf (int64 1)", () -> Sprig.typeOf(1L)),
      c("typeOf 1.5", () -> Sprig.typeOf(1.5)), c("typeOf nil", () -> Sprig.typeOf(null)),
      c("typeOf (dict)", () -> Sprig.typeOf(m())), c("typeOf (list)", () -> Sprig.typeOf(l())),
      c("typeOf \"s\"", () -> Sprig.typeOf("s")), c("typeOf true", () -> Sprig.typeOf(true)),
      c("kindOf 1", () -> Sprig.kindOf(1)), c("kindOf (int64 1)", () -> Sprig.kindOf(1L)),
      c("kindOf 1.5", () -> Sprig.kindOf(1.5)), c("kindOf nil", () -> Sprig.kindOf(null)),
      c("kindOf (dict)", () -> Sprig.kindOf(m())), c("kindOf (list)", () -> Sprig.kindOf(l())),
      c("kindOf \"s\"", () -> Sprig.kindOf("s")), c("kindOf true", () -> Sprig.kindOf(true)),
      c("semverCompare \">=1.2.0\" \"1.3.0\"", () -> Sprig.semverCompare(">=1.2.0", "1.3.0")),
      c("semverCompare \"^1.2\" \"2.0.0\"", () -> Sprig.semverCompare("^1.2", "2.0.0")),
      c("semverCompare \"~1.2.3\" \"1.2.9\"", () -> Sprig.semverCompare("~1.2.3", "1.2.9")),
      c("semverCompare \">=1.0.0\" \"1.5.0-rc.1\"", () -> Sprig.semverCompare(">=1.0.0", "1.5.0-rc.1")),
      c("semverCompare \">=1.0.0-0\" \"1.5.0-rc.1\"", () -> Sprig.semverCompare(">=1.0.0-0", "1.5.0-rc.1")),
      c("semverCompare \"1.x\" \"v1.9\"", () -> Sprig.semverCompare("1.x", "v1.9")),
      c("semverCompare \">=1.20-0\" \"v1.29.3-gke.1\"", () -> Sprig.semverCompare(">=1.20-0", "v1.29.3-gke.1")));

  private static List<String> helmLines;

  @BeforeAll
  static void renderWithHelm(@TempDir Path tmp) throws Exception {
    helmLines = render(tmp, CASES);
  }

  /** Renders each case with the real Helm, once for the whole table; one output line per case. */
  static List<String> render(Path tmp, List<Case> cases) throws Exception {
    RealHelm helm = RealHelm.fetch(tmp.resolve("helm"));
    Path chart = tmp.resolve("sprig");
    Files.createDirectories(chart.resolve("templates"));
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: sprig\nversion: 0.1.0\n");
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      String args = c.format().equals("%v") ? "$r" : "$r $r";
      t.append("#").append(i).append(":{{ $r := ").append(c.expr()).append(" }}{{ printf \"")
          .append(c.format()).append("\" ").append(args).append(" }}:END\n");
    }
    Files.writeString(chart.resolve("templates/cases.yaml"), t.toString());
    String out = helm.helm("template", chart.toString()).requireSuccess().out();
    Map<Integer, String> byIndex = new HashMap<>();
    for (String line : out.split("\n", -1)) {
      int colon = line.indexOf(':');
      if (line.startsWith("#") && line.endsWith(":END") && colon > 1) {
        try {
          byIndex.put(Integer.parseInt(line.substring(1, colon)),
              line.substring(colon + 1, line.length() - 4));
        } catch (NumberFormatException e) {
          // not one of ours
        }
      }
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      lines.add(byIndex.get(i));
    }
    return lines;
  }

  /** One dynamic test per case comparing Java's printed result with Helm's line. */
  static Stream<DynamicTest> compare(List<Case> cases, List<String> lines) {
    return Stream.iterate(0, i -> i < cases.size(), i -> i + 1).map(i -> {
      Case c = cases.get(i);
      return DynamicTest.dynamicTest(c.expr(), () -> {
        Object r = c.java().get();
        String java = c.format().equals("%v") ? GoFmt.sprintf("%v", r)
            : GoFmt.sprintf(c.format(), r, r);
        assertThat(java).as(c.expr()).isEqualTo(lines.get(i));
      });
    });
  }

  @TestFactory
  @DisplayName("each Sprig function returns what Helm's function returns (type and value)")
  Stream<DynamicTest> sameAsHelm() {
    return compare(CASES, helmLines);
  }
}
