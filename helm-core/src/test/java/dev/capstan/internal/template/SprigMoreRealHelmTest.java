package dev.capstan.internal.template;

import static dev.capstan.internal.template.SprigRealHelmTest.c;
import static dev.capstan.internal.template.SprigRealHelmTest.l;
import static dev.capstan.internal.template.SprigRealHelmTest.m;
import static dev.capstan.internal.template.SprigRealHelmTest.strings;
import static dev.capstan.internal.template.SprigRealHelmTest.NAN;

import dev.capstan.internal.gofmt.GoFmt;
import dev.capstan.internal.template.SprigRealHelmTest.Case;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ground truth for Sprig's math, list, map, regex and case functions: the table below is rendered
 * once by the real Helm binary and compared with Java, as in {@link SprigRealHelmTest}.
 */
class SprigMoreRealHelmTest {

  /** A map with nested content, built fresh for each side so that in-place merges do not leak. */
  static Map<String, Object> nested() {
    return m("a", 1, "e", "", "n", m("x", 1, "y", l(1)), "l", l("p"));
  }

  static final String NESTED = "(dict \"a\" 1 \"e\" \"\" \"n\" (dict \"x\" 1 \"y\" (list 1))"
      + " \"l\" (list \"p\"))";
  static final String OTHER = "(dict \"a\" 2 \"e\" \"filled\" \"z\" nil \"b\" 0 \"n\" (dict \"x\" 2"
      + " \"w\" 3) \"l\" (list \"q\" \"r\") \"new\" (list))";

  static Map<String, Object> other() {
    return m("a", 2, "e", "filled", "z", null, "b", 0, "n", m("x", 2, "w", 3), "l", l("q", "r"),
        "new", l());
  }

  static final List<Case> CASES = List.of(
      // math
      c("add 1 2.7 \"3\" nil true", () -> Sprig.add(1, 2.7, "3", null, true)), c("add", () -> Sprig.add()),
      c("add1 1.9", () -> Sprig.add1(1.9)), c("sub 10 \"0x10\"", () -> Sprig.sub(10, "0x10")),
      c("mul 2 3 4.5", () -> Sprig.mul(2, 3, 4.5)), c("mul 7", () -> Sprig.mul(7)),
      c("div 7 2", () -> Sprig.div(7, 2)), c("div -7 2", () -> Sprig.div(-7, 2)),
      c("mod -7 3", () -> Sprig.mod(-7, 3)), c("mod 7 -3", () -> Sprig.mod(7, -3)),
      c("max 1 5.5 \"3\"", () -> Sprig.max(1, 5.5, "3")), c("min 1 -5 \"3\"", () -> Sprig.min(1, -5, "3")),
      c("max 4", () -> Sprig.max(4)),
      c("floor 1.7", () -> Sprig.floor(1.7)), c("floor -1.2", () -> Sprig.floor(-1.2)),
      c("floor \"2.5\"", () -> Sprig.floor("2.5")), c("ceil 1.2", () -> Sprig.ceil(1.2)),
      c("ceil (int64 3)", () -> Sprig.ceil(3L)),
      c("round 2.5 0", () -> Sprig.round(2.5, 0)), c("round -2.5 0", () -> Sprig.round(-2.5, 0)),
      c("round 1.2345 2", () -> Sprig.round(1.2345, 2)), c("round 1.255 2", () -> Sprig.round(1.255, 2)),
      c("round 1.5 0 0.6", () -> Sprig.round(1.5, 0, 0.6)), c("round 1234.5 -2", () -> Sprig.round(1234.5, -2)),
      c("round \"x\" 1", () -> Sprig.round("x", 1)),
      strings("until 5", () -> Sprig.until(5)), strings("until -3", () -> Sprig.until(-3)),
      strings("until 0", () -> Sprig.until(0)),
      strings("untilStep 0 10 3", () -> Sprig.untilStep(0, 10, 3)),
      strings("untilStep 10 0 -4", () -> Sprig.untilStep(10, 0, -4)),
      strings("untilStep 10 0 4", () -> Sprig.untilStep(10, 0, 4)),
      strings("untilStep 0 10 0", () -> Sprig.untilStep(0, 10, 0)),
      c("seq 3", () -> Sprig.seq(3)), c("seq 0", () -> Sprig.seq(0)), c("seq -2", () -> Sprig.seq(-2)),
      c("seq 2 5", () -> Sprig.seq(2, 5)), c("seq 5 2", () -> Sprig.seq(5, 2)),
      c("seq 0 2 7", () -> Sprig.seq(0, 2, 7)), c("seq 7 -2 0", () -> Sprig.seq(7, -2, 0)),
      c("seq 7 2 0", () -> Sprig.seq(7, 2, 0)), c("seq", () -> Sprig.seq()),
      c("seq 1 2 3 4", () -> Sprig.seq(1, 2, 3, 4)),
      // lists
      c("append (list 1 2) 3", () -> Sprig.append(l(1, 2), 3)),
      c("append (list) nil", () -> Sprig.append(l(), null)),
      c("prepend (list 1 2) 0", () -> Sprig.prepend(l(1, 2), 0)),
      c("rest (list 1 2 3)", () -> Sprig.rest(l(1, 2, 3))), strings("rest (list)", () -> Sprig.rest(l())),
      c("initial (list 1 2 3)", () -> Sprig.initial(l(1, 2, 3))),
      strings("initial (list)", () -> Sprig.initial(l())),
      c("uniq (list 1 2 1 \"1\" 1.0 2 nil nil)", () -> Sprig.uniq(l(1, 2, 1, "1", 1.0, 2, null, null))),
      c("uniq (list (list 1) (list 1) (dict \"a\" 1) (dict \"a\" 1))",
          () -> Sprig.uniq(l(l(1), l(1), m("a", 1), m("a", 1)))),
      c("without (list 1 2 3 1) 1 3", () -> Sprig.without(l(1, 2, 3, 1), 1, 3)),
      c("without (list 1 2)", () -> Sprig.without(l(1, 2))),
      c("compact (list 1 0 \"\" nil false \"a\" (list) (dict))",
          () -> Sprig.compact(l(1, 0, "", null, false, "a", l(), m()))),
      c("concat (list 1) (list 2 3) (list)", () -> Sprig.concat(l(1), l(2, 3), l())),
      strings("concat", () -> Sprig.concat()),
      c("reverse (list 1 2 3)", () -> Sprig.reverse(l(1, 2, 3))), c("reverse (list)", () -> Sprig.reverse(l())),
      strings("sortAlpha (list \"b\" \"B\" \"a\" 10 9 \"é\" \"z\" nil)",
          () -> Sprig.sortAlpha(l("b", "B", "a", 10, 9, "é", "z", null))),
      strings("sortAlpha \"x\"", () -> Sprig.sortAlpha("x")),
      strings("sortAlpha 5", () -> Sprig.sortAlpha(5)),
      strings("toStrings (list 1 \"a\" nil 2.5 true)", () -> Sprig.toStrings(l(1, "a", null, 2.5, true))),
      strings("toStrings 5", () -> Sprig.toStrings(5)),
      // maps
      c("pluck \"a\" (dict \"a\" 1) (dict \"b\" 2) (dict \"a\" nil)",
          () -> Sprig.pluck("a", m("a", 1), m("b", 2), m("a", null))),
      c("pick (dict \"a\" 1 \"b\" 2 \"c\" 3) \"a\" \"c\" \"x\"",
          () -> Sprig.pick(m("a", 1, "b", 2, "c", 3), "a", "c", "x")),
      c("omit (dict \"a\" 1 \"b\" 2 \"c\" 3) \"a\" \"x\"", () -> Sprig.omit(m("a", 1, "b", 2, "c", 3), "a", "x")),
      c("get (dict \"a\" 1) \"a\"", () -> Sprig.get(m("a", 1), "a")),
      c("get (dict \"a\" 1) \"b\"", () -> Sprig.get(m("a", 1), "b")),
      c("get (dict \"a\" nil) \"a\"", () -> Sprig.get(m("a", null), "a")),
      c("set (dict \"a\" 1) \"b\" 2", () -> Sprig.set(m("a", 1), "b", 2)),
      c("unset (dict \"a\" 1 \"b\" 2) \"a\"", () -> Sprig.unset(m("a", 1, "b", 2), "a")),
      c("merge " + NESTED + " " + OTHER, () -> Sprig.merge(nested(), other())),
      c("mergeOverwrite " + NESTED + " " + OTHER, () -> Sprig.mergeOverwrite(nested(), other())),
      c("merge (dict) " + NESTED + " " + OTHER, () -> Sprig.merge(m(), nested(), other())),
      c("mergeOverwrite (dict \"n\" 5 \"s\" (dict \"k\" 1)) (dict \"n\" (dict \"x\" 1) \"s\" 7)",
          () -> Sprig.mergeOverwrite(m("n", 5, "s", m("k", 1)), m("n", m("x", 1), "s", 7))),
      c("merge (dict \"n\" 5 \"s\" (dict \"k\" 1)) (dict \"n\" (dict \"x\" 1) \"s\" 7)",
          () -> Sprig.merge(m("n", 5, "s", m("k", 1)), m("n", m("x", 1), "s", 7))),
      c("merge (dict \"n\" (dict)) (dict \"n\" (dict \"x\" 1))",
          () -> Sprig.merge(m("n", m()), m("n", m("x", 1)))),
      c("mergeOverwrite (dict \"a\" (list 1 2)) (dict \"a\" (list))",
          () -> Sprig.mergeOverwrite(m("a", l(1, 2)), m("a", l()))),
      c("merge (dict \"a\" (list)) (dict \"a\" (list 3))",
          () -> Sprig.merge(m("a", l()), m("a", l(3)))),
      c("deepCopy " + NESTED, () -> Sprig.deepCopy(nested())),
      c("values (dict \"b\" 1)", () -> Sprig.values(m("b", 1))),
      // strings
      c("repeat 3 \"ab\"", () -> Sprig.repeat(3, "ab")), c("repeat 0 \"ab\"", () -> Sprig.repeat(0, "ab")),
      c("substr 1 3 \"hello\"", () -> Sprig.substr(1, 3, "hello")),
      c("substr -1 3 \"hello\"", () -> Sprig.substr(-1, 3, "hello")),
      c("substr 2 -1 \"hello\"", () -> Sprig.substr(2, -1, "hello")),
      c("substr 2 99 \"hello\"", () -> Sprig.substr(2, 99, "hello")),
      c("substr 0 0 \"hello\"", () -> Sprig.substr(0, 0, "hello")),
      c("nospace \" a b\\tc\\n\\u00a0d \"", () -> Sprig.nospace(" a b\tc\n\u00a0d ")),
      c("cat \"a\" 1 nil 2.5 (list 1) true", () -> Sprig.cat("a", 1, null, 2.5, l(1), true)),
      c("cat", () -> Sprig.cat()), c("cat nil", () -> Sprig.cat((Object) null)),
      c("abbrev 5 \"hello world\"", () -> Sprig.abbrev(5, "hello world")),
      c("abbrev 3 \"hello world\"", () -> Sprig.abbrev(3, "hello world")),
      c("abbrev 20 \"hello world\"", () -> Sprig.abbrev(20, "hello world")),
      c("abbrev 4 \"\"", () -> Sprig.abbrev(4, "")),
      c("initials \"hello big  world\"", () -> Sprig.initials("hello big  world")),
      c("initials \" élan vital\"", () -> Sprig.initials(" élan vital")),
      c("plural \"one\" \"many\" 1", () -> Sprig.plural("one", "many", 1)),
      c("plural \"one\" \"many\" 0", () -> Sprig.plural("one", "many", 0)),
      c("urlquery \"a b&c=d/é~*\"", () -> Sprig.urlquery("a b&c=d/é~*")),
      c("urlquery 1 2 \"x\" 3", () -> Sprig.urlquery(1, 2, "x", 3)),
      c("urlquery 1.5 (list 1)", () -> Sprig.urlquery(1.5, l(1))),
      c("sha512sum \"abc\"", () -> Sprig.sha512sum("abc")),
      c("adler32sum \"Wikipedia\"", () -> Sprig.adler32sum("Wikipedia")),
      c("toDecimal \"0777\"", () -> Sprig.toDecimal("0777")), c("toDecimal 777", () -> Sprig.toDecimal(777)),
      c("toDecimal \"9\"", () -> Sprig.toDecimal("9")), c("toDecimal \"-17\"", () -> Sprig.toDecimal("-17")),
      c("toDecimal 1.5", () -> Sprig.toDecimal(1.5)),
      c("trimall \"-\" \"--a--\"", () -> Sprig.trimall("-", "--a--")),
      // regular expressions
      c("regexMatch \"^[a-z]+\\\\d$\" \"abc1\"", () -> Sprig.regexMatch("^[a-z]+\\d$", "abc1")),
      c("regexMatch \"^a$\" \"a\\n\"", () -> Sprig.regexMatch("^a$", "a\n")),
      c("regexMatch \"(?m)^b$\" \"a\\nb\\nc\"", () -> Sprig.regexMatch("(?m)^b$", "a\nb\nc")),
      c("regexMatch \"a.c\" \"a\\rc\"", () -> Sprig.regexMatch("a.c", "a\rc")),
      c("regexMatch \"(\" \"x\"", () -> Sprig.regexMatch("(", "x")),
      c("regexMatch \"[[:alpha:]]+[[:digit:]]\" \"ab1\"", () -> Sprig.regexMatch("[[:alpha:]]+[[:digit:]]", "ab1")),
      c("regexMatch \"[a&&b]\" \"&\"", () -> Sprig.regexMatch("[a&&b]", "&")),
      c("regexMatch \"[[]\" \"[\"", () -> Sprig.regexMatch("[[]", "[")),
      c("regexMatch \"[]a]\" \"]\"", () -> Sprig.regexMatch("[]a]", "]")),
      c("regexFind \"[0-9]+\" \"ab12cd345\"", () -> Sprig.regexFind("[0-9]+", "ab12cd345")),
      c("regexFind \"x\" \"abc\"", () -> Sprig.regexFind("x", "abc")),
      strings("regexFindAll \"[0-9]+\" \"a1b22c333\" -1", () -> Sprig.regexFindAll("[0-9]+", "a1b22c333", -1)),
      strings("regexFindAll \"[0-9]+\" \"a1b22c333\" 2", () -> Sprig.regexFindAll("[0-9]+", "a1b22c333", 2)),
      strings("regexFindAll \"a*\" \"baaac\" -1", () -> Sprig.regexFindAll("a*", "baaac", -1)),
      c("len (regexFindAll \"a*\" \"baaac\" -1)", () -> Sprig.regexFindAll("a*", "baaac", -1).size()),
      c("len (regexFindAll \"x\" \"abc\" -1)", () -> Sprig.regexFindAll("x", "abc", -1).size()),
      c("regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\"", () -> Sprig.regexReplaceAll("a(x*)b", "-ab-axxb-", "${1}W")),
      c("regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"$1W\"", () -> Sprig.regexReplaceAll("a(x*)b", "-ab-axxb-", "$1W")),
      c("regexReplaceAll \"(?P<first>\\\\w+) (?P<last>\\\\w+)\" \"John Smith\" \"$last, $first $$ $9 ${x\"",
          () -> Sprig.regexReplaceAll("(?P<first>\\w+) (?P<last>\\w+)", "John Smith", "$last, $first $$ $9 ${x")),
      c("regexReplaceAll \"a*\" \"baaac\" \"-\"", () -> Sprig.regexReplaceAll("a*", "baaac", "-")),
      c("regexReplaceAll \"\" \"abc\" \"-\"", () -> Sprig.regexReplaceAll("", "abc", "-")),
      c("regexReplaceAll \"b$\" \"ab\\nab\" \"X\"", () -> Sprig.regexReplaceAll("b$", "ab\nab", "X")),
      c("regexReplaceAllLiteral \"a(x*)b\" \"-ab-axxb-\" \"$1\\\\\"",
          () -> Sprig.regexReplaceAllLiteral("a(x*)b", "-ab-axxb-", "$1\\")),
      strings("regexSplit \"z+\" \"pizza\" -1", () -> Sprig.regexSplit("z+", "pizza", -1)),
      strings("regexSplit \"z+\" \"pizza\" 1", () -> Sprig.regexSplit("z+", "pizza", 1)),
      strings("regexSplit \"\" \"abc\" -1", () -> Sprig.regexSplit("", "abc", -1)),
      strings("regexSplit \"a*\" \"baaac\" -1", () -> Sprig.regexSplit("a*", "baaac", -1)),
      c("len (regexSplit \"z+\" \"pizza\" 0)", () -> Sprig.regexSplit("z+", "pizza", 0).size()),
      c("len (regexSplit \"x\" \"\" -1)", () -> Sprig.regexSplit("x", "", -1).size()),
      strings("regexSplit \",\" \"a,b,c,d\" 2", () -> Sprig.regexSplit(",", "a,b,c,d", 2)),
      c("regexFind \"a{2\" \"xa{2\"", () -> Sprig.regexFind("a{2", "xa{2")),
      c("regexFind \"a{2,3}\" \"aaaa\"", () -> Sprig.regexFind("a{2,3}", "aaaa")),
      c("regexFind \"a{,2}\" \"a{,2}\"", () -> Sprig.regexFind("a{,2}", "a{,2}")),
      c("regexFind \"x*?y\" \"xxy\"", () -> Sprig.regexFind("x*?y", "xxy")),
      c("regexFind \"a+?\" \"aaa\"", () -> Sprig.regexFind("a+?", "aaa")),
      c("regexFind \"\\\\v\" \"a\\vb\\nc\"", () -> Sprig.regexFind("\\v", "a\u000bb\nc")),
      c("regexMatch \"\\\\v\" \"\\n\"", () -> Sprig.regexMatch("\\v", "\n")),
      c("regexFind \"\\\\012\\\\0\" \"a\\n\\x00\"", () -> Sprig.regexFind("\\012\\0", "a\n\u0000")),
      c("regexFind \"\\\\p{Greek}+\" \"abc αβγ\"", () -> Sprig.regexFind("\\p{Greek}+", "abc αβγ")),
      c("regexFind \"\\\\pL+\" \"12 héllo\"", () -> Sprig.regexFind("\\pL+", "12 héllo")),
      c("regexFind \"[[:^digit:]]+\" \"12ab3\"", () -> Sprig.regexFind("[[:^digit:]]+", "12ab3")),
      c("regexFind \"\\\\x41\\\\x{263a}\" \"zA☺\"", () -> Sprig.regexFind("\\x41\\x{263a}", "zA☺")),
      c("regexFind \"[\\\\]a]+\" \"x]a]\"", () -> Sprig.regexFind("[\\]a]+", "x]a]")),
      c("regexFind \"\\\\.\\\\*\" \"a.*\"", () -> Sprig.regexFind("\\.\\*", "a.*")),
      c("regexFind \"(?i)ABC\" \"xabc\"", () -> Sprig.regexFind("(?i)ABC", "xabc")),
      c("regexFind \"(?s)a.b\" \"a\\nb\"", () -> Sprig.regexFind("(?s)a.b", "a\nb")),
      // case conversion
      c("camelcase \"http_server\"", () -> Sprig.camelcase("http_server")),
      c("camelcase \"_complex__case_\"", () -> Sprig.camelcase("_complex__case_")),
      c("camelcase \"some words here\"", () -> Sprig.camelcase("some words here")),
      c("camelcase \"GOLANG_IS_GREAT\"", () -> Sprig.camelcase("GOLANG_IS_GREAT")),
      c("camelcase \"x\"", () -> Sprig.camelcase("x")), c("camelcase \"__\"", () -> Sprig.camelcase("__")),
      c("camelcase \"fooBar-baz\"", () -> Sprig.camelcase("fooBar-baz")),
      c("camelcase \"élan-vital 9lives\"", () -> Sprig.camelcase("élan-vital 9lives")),
      c("snakecase \"FirstName\"", () -> Sprig.snakecase("FirstName")),
      c("snakecase \"HTTPServer\"", () -> Sprig.snakecase("HTTPServer")),
      c("snakecase \"NoHTTPS\"", () -> Sprig.snakecase("NoHTTPS")),
      c("snakecase \"GO_PATH\"", () -> Sprig.snakecase("GO_PATH")),
      c("snakecase \"GO PATH\"", () -> Sprig.snakecase("GO PATH")),
      c("snakecase \"GO-PATH\"", () -> Sprig.snakecase("GO-PATH")),
      c("snakecase \"http2xx\"", () -> Sprig.snakecase("http2xx")),
      c("snakecase \"HTTP20xOK\"", () -> Sprig.snakecase("HTTP20xOK")),
      c("snakecase \"Duration2m3s\"", () -> Sprig.snakecase("Duration2m3s")),
      c("snakecase \"Bld4Floor3rd\"", () -> Sprig.snakecase("Bld4Floor3rd")),
      c("snakecase \"a.b,c!!D\"", () -> Sprig.snakecase("a.b,c!!D")),
      c("snakecase \"  lead  trail  \"", () -> Sprig.snakecase("  lead  trail  ")),
      c("snakecase \"ÉlanVital\"", () -> Sprig.snakecase("ÉlanVital")),
      c("snakecase \"a+b=c\"", () -> Sprig.snakecase("a+b=c")),
      c("snakecase \"ABC\"", () -> Sprig.snakecase("ABC")), c("snakecase \"A\"", () -> Sprig.snakecase("A")),
      c("snakecase \"A1\"", () -> Sprig.snakecase("A1")), c("snakecase \"1A\"", () -> Sprig.snakecase("1A")),
      c("snakecase \"version1.2.3\"", () -> Sprig.snakecase("version1.2.3")),
      c("kebabcase \"HTTPServer_fooBar baz\"", () -> Sprig.kebabcase("HTTPServer_fooBar baz")),
      c("kebabcase \"myK8sCluster\"", () -> Sprig.kebabcase("myK8sCluster")),
      // Go's fmt.Sprint and fmt.Sprintln (template print and println)
      c("print 1 2 \"a\" 3 \"b\" \"c\" nil 4.5 (list 1) true",
          () -> GoFmt.sprint(1, 2, "a", 3, "b", "c", null, 4.5, l(1), true)),
      c("print", () -> GoFmt.sprint()),
      c("print nil nil", () -> GoFmt.sprint(null, null)),
      c("println 1 \"a\" nil 2.5", () -> GoFmt.sprintln(1, "a", null, 2.5)),
      c("println", () -> GoFmt.sprintln()),
      // further functions
      c("int \"0x10\"", () -> Sprig.toInt("0x10")), c("int 1.9", () -> Sprig.toInt(1.9)),
      c("atoi \"42\"", () -> Sprig.atoi("42")), c("atoi \"-7\"", () -> Sprig.atoi("-7")),
      c("atoi \"+7\"", () -> Sprig.atoi("+7")), c("atoi \"x\"", () -> Sprig.atoi("x")),
      c("atoi \"1.5\"", () -> Sprig.atoi("1.5")), c("atoi \"0x10\"", () -> Sprig.atoi("0x10")),
      c("dig \"a\" \"b\" \"d\" (dict \"a\" (dict \"b\" 2))", () -> Sprig.dig("a", "b", "d", m("a", m("b", 2)))),
      c("dig \"a\" \"x\" \"d\" (dict \"a\" (dict \"b\" 2))", () -> Sprig.dig("a", "x", "d", m("a", m("b", 2)))),
      c("dig \"z\" \"d\" (dict)", () -> Sprig.dig("z", "d", m())),
      c("dig \"a\" \"d\" (dict \"a\" nil)", () -> Sprig.dig("a", "d", m("a", null))),
      strings("split \",\" \"a,b,,c\"", () -> Sprig.split(",", "a,b,,c")),
      strings("splitn \",\" 2 \"a,b,c\"", () -> Sprig.splitn(",", 2, "a,b,c")),
      strings("splitn \",\" 0 \"a,b,c\"", () -> Sprig.splitn(",", 0, "a,b,c")),
      strings("splitn \"\" 2 \"abc\"", () -> Sprig.splitn("", 2, "abc")),
      strings("splitn \",\" 9 \"a,b\"", () -> Sprig.splitn(",", 9, "a,b")),
      c("toPrettyJson (dict \"a\" (list 1 (dict) (list)) \"b\" \"<x>\" \"c\" (dict \"d\" nil))",
          () -> Sprig.toPrettyJson(m("a", l(1, m(), l()), "b", "<x>", "c", m("d", null)))),
      c("toPrettyJson 1", () -> Sprig.toPrettyJson(1)), c("toPrettyJson (list)", () -> Sprig.toPrettyJson(l())),
      c("toPrettyJson (float64 \"NaN\")", () -> Sprig.toPrettyJson(NAN)),
      c("toRawJson (dict \"a\" \"<b>&\\\\u003c\" \"c\" (list 1.5))",
          () -> Sprig.toRawJson(m("a", "<b>&\\u003c", "c", l(1.5)))),
      c("regexQuoteMeta \"a.b*c[d]$^{1}|(x)\\\\\"", () -> Sprig.regexQuoteMeta("a.b*c[d]$^{1}|(x)\\")),
      c("deepEqual (list 1 (dict \"a\" 1)) (list 1 (dict \"a\" 1))",
          () -> Sprig.deepEqualValues(l(1, m("a", 1)), l(1, m("a", 1)))),
      c("deepEqual 1 1.0", () -> Sprig.deepEqualValues(1, 1.0)),
      c("typeIs \"int\" 1", () -> Sprig.typeIs("int", 1)), c("typeIs \"int\" 1.0", () -> Sprig.typeIs("int", 1.0)),
      c("typeIsLike \"float64\" 1.0", () -> Sprig.typeIsLike("float64", 1.0)),
      c("kindIs \"map\" (dict)", () -> Sprig.kindIs("map", m())),
      c("kindIs \"slice\" \"x\"", () -> Sprig.kindIs("slice", "x")),
      c("wrap 10 \"the quick brown fox jumps over\"", () -> Sprig.wrap(10, "the quick brown fox jumps over")),
      c("wrap 3 \"abcdefgh ij  klm\"", () -> Sprig.wrap(3, "abcdefgh ij  klm")),
      c("wrap 5 \"line one\\nline two\"", () -> Sprig.wrap(5, "line one\nline two")),
      c("wrap 0 \"a b\"", () -> Sprig.wrap(0, "a b")), c("wrap 5 \"\"", () -> Sprig.wrap(5, "")),
      c("wrapWith 4 \"|\" \"abcdefghij kl\"", () -> Sprig.wrapWith(4, "|", "abcdefghij kl")),
      c("wrapWith 4 \"\" \"ab cdefg\"", () -> Sprig.wrapWith(4, "", "ab cdefg")),
      c("slice (list 1 2 3 4) 1 3", () -> Sprig.slice(l(1, 2, 3, 4), 1, 3)),
      c("slice (list 1 2 3 4) 2", () -> Sprig.slice(l(1, 2, 3, 4), 2)),
      c("slice (list 1 2 3 4)", () -> Sprig.slice(l(1, 2, 3, 4))),
      c("slice (list)", () -> Sprig.slice(l())),
      strings("chunk 2 (list 1 2 3 4 5)", () -> Sprig.chunk(2, l(1, 2, 3, 4, 5))),
      strings("chunk 5 (list 1 2)", () -> Sprig.chunk(5, l(1, 2))),
      strings("chunk 3 (list)", () -> Sprig.chunk(3, l())),
      c("b32enc \"\"", () -> Sprig.b32enc("")), c("b32enc \"f\"", () -> Sprig.b32enc("f")),
      c("b32enc \"fo\"", () -> Sprig.b32enc("fo")), c("b32enc \"foo\"", () -> Sprig.b32enc("foo")),
      c("b32enc \"foob\"", () -> Sprig.b32enc("foob")), c("b32enc \"fooba\"", () -> Sprig.b32enc("fooba")),
      c("b32enc \"foobar wörld\"", () -> Sprig.b32enc("foobar wörld")),
      c("b32dec \"MZXW6YTBOI======\"", () -> Sprig.b32dec("MZXW6YTBOI======")),
      c("b32dec \"MZXW6===\"", () -> Sprig.b32dec("MZXW6===")), c("b32dec \"MY======\"", () -> Sprig.b32dec("MY======")),
      c("b32dec \"!!\"", () -> Sprig.b32dec("!!")), c("b32dec \"MZXW6\"", () -> Sprig.b32dec("MZXW6")),
      c("b32dec \"MZXW6==\"", () -> Sprig.b32dec("MZXW6==")), c("b32dec \"M=======\"", () -> Sprig.b32dec("M=======")),
      c("b32dec \"MZX=====\"", () -> Sprig.b32dec("MZX=====")), c("b32dec \"MY==x===\"", () -> Sprig.b32dec("MY==x===")),
      c("b32dec \"MZXW\\n6===\"", () -> Sprig.b32dec("MZXW\n6===")), c("b32dec \"\"", () -> Sprig.b32dec("")),
      c("b32dec \"MY======MY======\"", () -> Sprig.b32dec("MY======MY======")),
      c("base \"/a/b.txt\"", () -> Sprig.base("/a/b.txt")), c("base \"a/b/\"", () -> Sprig.base("a/b/")),
      c("base \"\"", () -> Sprig.base("")), c("base \"///\"", () -> Sprig.base("///")),
      c("dir \"/a/b.txt\"", () -> Sprig.dir("/a/b.txt")), c("dir \"b.txt\"", () -> Sprig.dir("b.txt")),
      c("dir \"a/b/\"", () -> Sprig.dir("a/b/")), c("dir \"/\"", () -> Sprig.dir("/")),
      c("ext \"a/b.tar.gz\"", () -> Sprig.ext("a/b.tar.gz")), c("ext \"a.d/b\"", () -> Sprig.ext("a.d/b")),
      c("isAbs \"/x\"", () -> Sprig.isAbs("/x")), c("isAbs \"x\"", () -> Sprig.isAbs("x")),
      c("clean \"a//b/./c/../d/\"", () -> Sprig.clean("a//b/./c/../d/")), c("clean \"../../x\"", () -> Sprig.clean("../../x")),
      c("clean \"/../x\"", () -> Sprig.clean("/../x")), c("clean \"\"", () -> Sprig.clean("")),
      c("clean \"a/..\"", () -> Sprig.clean("a/..")),
      c("untitle \"Hello World  ÉLAN\"", () -> Sprig.untitle("Hello World  ÉLAN")),
      c("swapcase \"Hello World ß Ǆ\"", () -> Sprig.swapcase("Hello World ß Ǆ")));

  private static List<String> helmLines;

  @BeforeAll
  static void renderWithHelm(@TempDir Path tmp) throws Exception {
    helmLines = SprigRealHelmTest.render(tmp, CASES);
  }

  @TestFactory
  @DisplayName("math, list, map, regex and case functions return what Helm's return")
  Stream<DynamicTest> sameAsHelm() {
    return SprigRealHelmTest.compare(CASES, helmLines);
  }
}
