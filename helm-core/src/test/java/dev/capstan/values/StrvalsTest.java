package dev.capstan.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.internal.json.GoJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Helm's strvals parser (spec §4.3), checked against the cases of Helm's own
 * {@code pkg/strvals/parser_test.go} and {@code literal_parser_test.go}, re-expressed as tables.
 * Expected trees are written as JSON; {@code ERR:} marks an expected error (with its text when
 * Helm's test or source fixes it).
 */
class StrvalsTest {

  private static Map<String, Object> parse(String expr, Strvals.Mode mode) {
    Map<String, Object> out = new LinkedHashMap<>();
    Strvals.parseInto(expr, out, mode, path -> "content of " + path);
    return out;
  }

  private static String canonical(String json) {
    return GoJson.write(GoJson.decodeWhole(json));
  }

  private static void check(String expr, Strvals.Mode mode, String expected) {
    if (expected.startsWith("ERR")) {
      var thrown = assertThatThrownBy(() -> parse(expr, mode)).isInstanceOf(Strvals.ParseError.class);
      if (expected.startsWith("ERR:")) {
        thrown.hasMessage(expected.substring(4));
      }
    } else {
      assertThat(GoJson.write(parse(expr, mode))).isEqualTo(canonical(expected));
    }
  }

  static Stream<Arguments> setCases() {
    return Stream.of(
        Arguments.of("name1=null,f=false,t=true", "{\"name1\":null,\"f\":false,\"t\":true}"),
        Arguments.of("name1=value1", "{\"name1\":\"value1\"}"),
        Arguments.of("name1=value1,name2=value2", "{\"name1\":\"value1\",\"name2\":\"value2\"}"),
        Arguments.of("name1=value1,name2=value2,", "{\"name1\":\"value1\",\"name2\":\"value2\"}"),
        Arguments.of("name1=value1,,,,name2=value2,", "ERR:key \"\" has no value (cannot end with ,)"),
        Arguments.of("name1=,name2=value2", "{\"name1\":\"\",\"name2\":\"value2\"}"),
        Arguments.of("leading_zeros=00009", "{\"leading_zeros\":\"00009\"}"),
        Arguments.of("zero_int=0", "{\"zero_int\":0}"),
        Arguments.of("long_int=1234567890", "{\"long_int\":1234567890}"),
        Arguments.of("boolean=true", "{\"boolean\":true}"),
        Arguments.of("is_null=null", "{\"is_null\":null}"),
        Arguments.of("name1,name2=", "ERR:key \"name1\" has no value (cannot end with ,)"),
        Arguments.of("name1,name2=value2", "ERR:key \"name1\" has no value (cannot end with ,)"),
        Arguments.of("name1,name2=value2\\", "ERR"),
        Arguments.of("name1,name2", "ERR"),
        Arguments.of("name1=one\\,two,name2=three\\,four",
            "{\"name1\":\"one,two\",\"name2\":\"three,four\"}"),
        Arguments.of("name1=one\\=two,name2=three\\=four",
            "{\"name1\":\"one=two\",\"name2\":\"three=four\"}"),
        Arguments.of("name1=one two three,name2=three two one",
            "{\"name1\":\"one two three\",\"name2\":\"three two one\"}"),
        Arguments.of("outer.inner=value", "{\"outer\":{\"inner\":\"value\"}}"),
        Arguments.of("outer.middle.inner=value", "{\"outer\":{\"middle\":{\"inner\":\"value\"}}}"),
        Arguments.of("outer.inner1=value,outer.inner2=value2",
            "{\"outer\":{\"inner1\":\"value\",\"inner2\":\"value2\"}}"),
        Arguments.of("outer.inner1=value,outer.middle.inner=value",
            "{\"outer\":{\"inner1\":\"value\",\"middle\":{\"inner\":\"value\"}}}"),
        Arguments.of("name1.name2", "ERR:key \"name2\" has no value"),
        Arguments.of("name1.name2,name1.name3", "ERR:key \"name2\" has no value (cannot end with ,)"),
        Arguments.of("name1.name2=", "{\"name1\":{\"name2\":\"\"}}"),
        Arguments.of("name1.=name2", "ERR:key map \"name1\" has no value"),
        Arguments.of("name1.,name2", "ERR:key \"\" has no value (cannot end with ,)"),
        Arguments.of("name1={value1,value2}", "{\"name1\":[\"value1\",\"value2\"]}"),
        Arguments.of("name1={value1,value2},name2={value1,value2}",
            "{\"name1\":[\"value1\",\"value2\"],\"name2\":[\"value1\",\"value2\"]}"),
        Arguments.of("name1={1021,902}", "{\"name1\":[1021,902]}"),
        Arguments.of("name1.name2={value1,value2}", "{\"name1\":{\"name2\":[\"value1\",\"value2\"]}}"),
        Arguments.of("name1={1021,902", "ERR:list must terminate with '}'"),
        // List support
        Arguments.of("list[0]=foo", "{\"list\":[\"foo\"]}"),
        Arguments.of("list[0].foo=bar", "{\"list\":[{\"foo\":\"bar\"}]}"),
        Arguments.of("list[0].foo=bar,list[0].hello=world",
            "{\"list\":[{\"foo\":\"bar\",\"hello\":\"world\"}]}"),
        Arguments.of("list[0].foo=bar,list[-30].hello=world", "ERR:negative -30 index not allowed"),
        Arguments.of("list[0]=foo,list[1]=bar", "{\"list\":[\"foo\",\"bar\"]}"),
        Arguments.of("list[0]=foo,list[1]=bar,", "{\"list\":[\"foo\",\"bar\"]}"),
        Arguments.of("list[0]=foo,list[3]=bar", "{\"list\":[\"foo\",null,null,\"bar\"]}"),
        Arguments.of("list[0]=foo,list[-20]=bar", "ERR:negative -20 index not allowed"),
        Arguments.of("illegal[0]name.foo=bar", "ERR:unexpected data at end of array index: ['n' 'a' 'm' 'e']"),
        Arguments.of("noval[0]", "{\"noval\":[]}"),
        Arguments.of("noval[0]=", "{\"noval\":[\"\"]}"),
        Arguments.of("nested[0][0]=1", "{\"nested\":[[1]]}"),
        Arguments.of("nested[1][1]=1", "{\"nested\":[null,[null,1]]}"),
        Arguments.of("name1.name2[0].foo=bar,name1.name2[1].foo=bar",
            "{\"name1\":{\"name2\":[{\"foo\":\"bar\"},{\"foo\":\"bar\"}]}}"),
        Arguments.of("name1.name2[1].foo=bar,name1.name2[0].foo=bar",
            "{\"name1\":{\"name2\":[{\"foo\":\"bar\"},{\"foo\":\"bar\"}]}}"),
        Arguments.of("name1.name2[1].foo=bar", "{\"name1\":{\"name2\":[null,{\"foo\":\"bar\"}]}}"),
        Arguments.of("]={}].", "ERR:unable to parse key: interface conversion: interface {} is"
            + " []interface {}, not map[string]interface {}"),
        // Beyond Helm's table: limits, typing and index parsing (§4.3)
        Arguments.of("a[65536]=x", "ERR_NONE_CHECKED_SEPARATELY"),
        Arguments.of("a[65537]=x",
            "ERR:index of 65537 is greater than maximum supported index of 65536"),
        Arguments.of("a[3000000000]=x",
            "ERR:index of 3000000000 is greater than maximum supported index of 65536"),
        Arguments.of("a[99999999999999999999]=x", "ERR:error parsing index: strconv.Atoi: parsing"
            + " \"99999999999999999999\": value out of range"),
        Arguments.of("a[x]=1",
            "ERR:error parsing index: strconv.Atoi: parsing \"x\": invalid syntax"),
        Arguments.of("a[0", "{}"),
        Arguments.of("a[0][1].b=c", "{\"a\":[[null,{\"b\":\"c\"}]]}"),
        Arguments.of("n=-5,p=+5,big=99999999999999999999,f=1.5,e=1e3,o=007,T=TRUE,N=Null",
            "{\"n\":-5,\"p\":5,\"big\":\"99999999999999999999\",\"f\":\"1.5\",\"e\":\"1e3\","
                + "\"o\":\"007\",\"T\":true,\"N\":null}"),
        Arguments.of("a\\.b=1", "{\"a.b\":1}"),
        Arguments.of("a=x\\\\y", "{\"a\":\"x\\\\y\"}"),
        Arguments.of("a={}", "{\"a\":[\"\"]}"),
        Arguments.of("a={x, y}", "{\"a\":[\"x\",\" y\"]}"));
  }

  @ParameterizedTest(name = "--set {0}")
  @MethodSource("setCases")
  @DisplayName("§4.3 --set parses as Helm's strvals.Parse")
  void set(String expr, String expected) {
    if (expected.equals("ERR_NONE_CHECKED_SEPARATELY")) {
      assertThat((List<?>) parse(expr, Strvals.Mode.TYPED).get("a")).hasSize(65537);
      return;
    }
    check(expr, Strvals.Mode.TYPED, expected);
  }

  @Test
  @DisplayName("§4.3 --set integers are longs; 0 is a long; the rest stays a string")
  void setTyping() {
    Map<String, Object> m = parse("a=10,b=0,c=010,d=1.0", Strvals.Mode.TYPED);
    assertThat(m.get("a")).isEqualTo(10L);
    assertThat(m.get("b")).isEqualTo(0L);
    assertThat(m.get("c")).isEqualTo("010");
    assertThat(m.get("d")).isEqualTo("1.0");
  }

  @Test
  @DisplayName("§4.3 a name nested more than 30 levels is an error with Helm's text; 30 is fine")
  void nestingLimit() {
    // Given: 32 names (31 dots), as Helm's TestParseSetNestedLevels builds it
    StringBuilder tooDeep = new StringBuilder();
    for (int i = 1; i <= Strvals.MAX_NESTED_NAME_LEVEL + 2; i++) {
      tooDeep.append("name").append(i);
      if (i <= Strvals.MAX_NESTED_NAME_LEVEL + 1) {
        tooDeep.append('.');
      }
    }
    StringBuilder ok = new StringBuilder();
    for (int i = 1; i <= Strvals.MAX_NESTED_NAME_LEVEL; i++) {
      ok.append("n").append(i).append('.');
    }
    // When / Then
    check(tooDeep + "=value", Strvals.Mode.TYPED,
        "ERR:value name nested level is greater than maximum supported nested level of 30");
    assertThat(parse(ok + "leaf=v", Strvals.Mode.TYPED)).containsKey("n1");
  }

  static Stream<Arguments> setStringCases() {
    return Stream.of(
        Arguments.of("long_int_string=1234567890", "{\"long_int_string\":\"1234567890\"}"),
        Arguments.of("boolean=true", "{\"boolean\":\"true\"}"),
        Arguments.of("is_null=null", "{\"is_null\":\"null\"}"),
        Arguments.of("zero=0", "{\"zero\":\"0\"}"),
        Arguments.of("list={1,true}", "{\"list\":[\"1\",\"true\"]}"));
  }

  @ParameterizedTest(name = "--set-string {0}")
  @MethodSource("setStringCases")
  @DisplayName("§4.3 --set-string values are always strings")
  void setString(String expr, String expected) {
    check(expr, Strvals.Mode.STRING, expected);
  }

  static Stream<Arguments> literalCases() {
    return Stream.of(
        Arguments.of("name", "ERR:key \"name\" has no value"),
        Arguments.of("name=", "{\"name\":\"\"}"),
        Arguments.of("name=value", "{\"name\":\"value\"}"),
        Arguments.of("long_int_string=1234567890", "{\"long_int_string\":\"1234567890\"}"),
        Arguments.of("boolean=true", "{\"boolean\":\"true\"}"),
        Arguments.of("is_null=null", "{\"is_null\":\"null\"}"),
        Arguments.of("zero=0", "{\"zero\":\"0\"}"),
        Arguments.of("name1=null,name2=value2", "{\"name1\":\"null,name2=value2\"}"),
        Arguments.of("name1=value,,,tail", "{\"name1\":\"value,,,tail\"}"),
        Arguments.of("leading_zeros=00009", "{\"leading_zeros\":\"00009\"}"),
        Arguments.of("name=one two three", "{\"name\":\"one two three\"}"),
        Arguments.of("outer.inner=value", "{\"outer\":{\"inner\":\"value\"}}"),
        Arguments.of("outer.middle.inner=value", "{\"outer\":{\"middle\":{\"inner\":\"value\"}}}"),
        Arguments.of("name1.name2", "ERR"),
        Arguments.of("name1.name2=", "{\"name1\":{\"name2\":\"\"}}"),
        Arguments.of("name1.=name2", "ERR:key map \"name1\" has no value"),
        Arguments.of("name1.,name2", "ERR"),
        Arguments.of("name1={value1,value2}", "{\"name1\":\"{value1,value2}\"}"),
        Arguments.of("list[0]=foo", "{\"list\":[\"foo\"]}"),
        Arguments.of("list[0].foo=bar", "{\"list\":[{\"foo\":\"bar\"}]}"),
        Arguments.of("list[-30].hello=world", "ERR:negative -30 index not allowed"),
        Arguments.of("list[3]=bar", "{\"list\":[null,null,null,\"bar\"]}"),
        Arguments.of("illegal[0]name.foo=bar", "ERR"),
        Arguments.of("noval[0]", "{\"noval\":[]}"),
        Arguments.of("noval[0]=", "{\"noval\":[\"\"]}"),
        Arguments.of("nested[0][0]=1", "{\"nested\":[[\"1\"]]}"),
        Arguments.of("nested[1][1]=1", "{\"nested\":[null,[null,\"1\"]]}"),
        Arguments.of("name1.name2[0].foo=bar", "{\"name1\":{\"name2\":[{\"foo\":\"bar\"}]}}"),
        Arguments.of("name1.name2[1].foo=bar", "{\"name1\":{\"name2\":[null,{\"foo\":\"bar\"}]}}"),
        Arguments.of("]={}].", "{\"]\":\"{}].\"}"),
        Arguments.of("name=val,val", "{\"name\":\"val,val\"}"),
        Arguments.of("name=val.val", "{\"name\":\"val.val\"}"),
        Arguments.of("name=val=val", "{\"name\":\"val=val\"}"),
        Arguments.of("name=val$val", "{\"name\":\"val$val\"}"),
        Arguments.of("name=(value)", "{\"name\":\"(value)\"}"),
        Arguments.of("name={value", "{\"name\":\"{value\"}"),
        Arguments.of("name=value}", "{\"name\":\"value}\"}"),
        Arguments.of("name=val\\val", "{\"name\":\"val\\\\val\"}"),
        Arguments.of("name=val\\\\val", "{\"name\":\"val\\\\\\\\val\"}"),
        Arguments.of("name={val,.?*v\\0a!l)some", "{\"name\":\"{val,.?*v\\\\0a!l)some\"}"),
        Arguments.of("name=em%GT)tqUDqz,i-\\h+Mbqs-!:.m\\\\rE=mkbM#rR}@{-k@",
            "{\"name\":\"em%GT)tqUDqz,i-\\\\h+Mbqs-!:.m\\\\\\\\rE=mkbM#rR}@{-k@\"}"));
  }

  @ParameterizedTest(name = "--set-literal {0}")
  @MethodSource("literalCases")
  @DisplayName("§4.3 --set-literal takes the value verbatim, commas and backslashes included")
  void setLiteral(String expr, String expected) {
    check(expr, Strvals.Mode.LITERAL, expected);
  }

  static Stream<Arguments> jsonCases() {
    return Stream.of(
        Arguments.of("outer.inner1=\"1\",outer.inner3=3,outer.inner4=true,outer.inner5=\"true\"",
            "{\"outer\":{\"inner1\":\"1\",\"inner2\":\"value2\",\"inner3\":3,\"inner4\":true,"
                + "\"inner5\":\"true\"}}"),
        Arguments.of("outer.inner1={\"a\":\"1\",\"b\":2,\"c\":[1,2,3]},"
                + "outer.inner3=[\"new value 1\",\"new value 2\"],"
                + "outer.inner4={\"aa\":\"1\",\"bb\":2,\"cc\":[1,2,3]},"
                + "outer.inner5=[{\"A\":\"1\",\"B\":2,\"C\":[1,2,3]}]",
            "{\"outer\":{\"inner1\":{\"a\":\"1\",\"b\":2,\"c\":[1,2,3]},\"inner2\":\"value2\","
                + "\"inner3\":[\"new value 1\",\"new value 2\"],"
                + "\"inner4\":{\"aa\":\"1\",\"bb\":2,\"cc\":[1,2,3]},"
                + "\"inner5\":[{\"A\":\"1\",\"B\":2,\"C\":[1,2,3]}]}}"),
        Arguments.of("outer.inner1=,outer.inner3={\"aa\":\"1\",\"bb\":2,\"cc\":[1,2,3]},"
                + "outer.inner3.cc[1]=null",
            "{\"outer\":{\"inner1\":null,\"inner2\":\"value2\","
                + "\"inner3\":{\"aa\":\"1\",\"bb\":2,\"cc\":[1,null,3]}}}"),
        Arguments.of("outer.inner1={\"a\":\"1\",\"b\":2,\"c\":[1,2,3]},"
                + "outer.inner3=[\"new value 1\",\"new value 2\"],"
                + "outer.inner4={\"aa\":\"1\",\"bb\":2,\"cc\":[1,2,3]},"
                + "outer.inner5={\"A\":\"1\",\"B\":2,\"C\":[1,2,3]}]",
            "ERR"),
        // blanks before a JSON value and before the comma are skipped; after it they are key text
        Arguments.of("a= [1, 2] , b=\"x,y\"",
            "{\"outer\":{\"inner1\":\"overwrite\",\"inner2\":\"value2\"},\"a\":[1,2],"
                + "\" b\":\"x,y\"}"),
        Arguments.of("a={\"b\":", "ERR:unexpected EOF"));
  }

  @ParameterizedTest(name = "--set-json {0}")
  @MethodSource("jsonCases")
  @DisplayName("§4.3 --set-json parses JSON values into an existing map")
  void setJson(String expr, String expected) {
    // Given: the map Helm's TestParseJSON starts from
    Map<String, Object> got = new LinkedHashMap<>();
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("inner1", "overwrite");
    outer.put("inner2", "value2");
    got.put("outer", outer);
    // When / Then
    if (expected.startsWith("ERR")) {
      var thrown = assertThatThrownBy(() -> Strvals.parseInto(expr, got, Strvals.Mode.JSON, null))
          .isInstanceOf(Strvals.ParseError.class);
      if (expected.startsWith("ERR:")) {
        thrown.hasMessage(expected.substring(4));
      }
      return;
    }
    Strvals.parseInto(expr, got, Strvals.Mode.JSON, null);
    assertThat(GoJson.write(got)).isEqualTo(canonical(expected));
  }

  @Test
  @DisplayName("§4.3 --set-json numbers are doubles")
  void jsonNumbersAreDoubles() {
    assertThat(parse("a=3", Strvals.Mode.JSON).get("a")).isEqualTo(3.0);
  }

  @Test
  @DisplayName("parsing into a map: existing keys are overwritten, others kept (ParseInto)")
  void parseIntoExisting() {
    // Given
    Map<String, Object> got = new LinkedHashMap<>();
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("inner1", "overwrite");
    outer.put("inner2", "value2");
    got.put("outer", outer);
    // When
    Strvals.parseInto("outer.inner1=value1,outer.inner3=value3,outer.inner4=4", got,
        Strvals.Mode.TYPED, null);
    // Then
    assertThat(GoJson.write(got)).isEqualTo(canonical(
        "{\"outer\":{\"inner1\":\"value1\",\"inner2\":\"value2\",\"inner3\":\"value3\",\"inner4\":4}}"));
  }

  static Stream<Arguments> parseIntoTwice() {
    return Stream.of(
        Arguments.of("{}", "listOuter[0][0].type=listValue", "listOuter[0][0].status=alive",
            "{\"listOuter\":[[{\"status\":\"alive\",\"type\":\"listValue\"}]]}"),
        Arguments.of("{}", "listOuter[0][0].type=listValue", "listOuter[1][0].status=alive",
            "{\"listOuter\":[[{\"type\":\"listValue\"}],[{\"status\":\"alive\"}]]}"),
        Arguments.of("{\"listOuter\":[[[{\"exited\":\"old\"}]]]}",
            "listOuter[0][1][0].type=listValue", "listOuter[0][0][1].status=alive",
            "{\"listOuter\":[[[{\"exited\":\"old\"},{\"status\":\"alive\"}],"
                + "[{\"type\":\"listValue\"}]]]}"));
  }

  @ParameterizedTest(name = "{1} then {2}")
  @MethodSource("parseIntoTwice")
  @DisplayName("nested list indexes merge into what an earlier expression built (ParseInto)")
  @SuppressWarnings("unchecked")
  void nestedListsMerge(String initial, String first, String second, String expected) {
    Map<String, Object> got = (Map<String, Object>) GoJson.decodeWhole(initial);
    Strvals.parseInto(first, got, Strvals.Mode.TYPED, null);
    Strvals.parseInto(second, got, Strvals.Mode.TYPED, null);
    assertThat(GoJson.write(got)).isEqualTo(canonical(expected));
  }

  @Test
  @DisplayName("a dotted key into a value that is not a map fails as Helm's type assertion does")
  void dottedKeyIntoScalarFails() {
    Map<String, Object> got = new LinkedHashMap<>(Map.of("a", "x"));
    assertThatThrownBy(() -> Strvals.parseInto("a.b=1", got, Strvals.Mode.TYPED, null))
        .hasMessage("unable to parse key: interface conversion: interface {} is string,"
            + " not map[string]interface {}");
  }

  @Test
  @DisplayName("--set-file values come from the reader, lists included")
  void setFile() {
    check("name1=path1,l={p1,p2}", Strvals.Mode.FILE,
        "{\"name1\":\"content of path1\",\"l\":[\"content of p1\",\"content of p2\"]}");
  }
}
