package dev.capstan.values;

import static dev.capstan.values.DependencyTestCharts.chart;
import static dev.capstan.values.DependencyTestCharts.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.capstan.CapstanException;
import dev.capstan.chart.Chart;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §4.4: values.schema.json validation, after Helm 4's jsonschema_test.go. */
class SchemaValidationTest {

  private static final String PERSON_SCHEMA = """
      {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "type": "object",
        "properties": {
          "firstname": {"type": "string"},
          "age": {"type": "integer", "minimum": 0},
          "employmentInfo": {
            "type": "object",
            "properties": {"salary": {"type": "number", "minimum": 0}},
            "required": ["salary"]
          }
        },
        "required": ["firstname", "age", "employmentInfo"]
      }
      """;

  private static final String SUBCHART_SCHEMA = """
      {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Values",
        "type": "object",
        "properties": {"age": {"description": "Age", "minimum": 0, "type": "integer"}},
        "required": ["age"]
      }
      """;

  private static final String SUBCHART_SCHEMA_2020 = """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": {
          "data": {
            "type": "array",
            "contains": {"type": "string"},
            "unevaluatedItems": {"type": "number"}
          }
        },
        "required": ["data"]
      }
      """;

  @Test
  @DisplayName("§4.4 values that meet the schema pass; YAML integers (float64) count as integers")
  void validValuesPass() {
    // Given
    Chart c = chart("person").schema(PERSON_SCHEMA).build();
    Values v = yaml("""
        firstname: John
        age: 25
        employmentInfo:
          salary: 100000
        """);

    // When / Then
    assertThatCode(() -> ValuesSchema.validate(c, v)).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("§4.4 every violation is listed with its JSON path, under Helm's message")
  void everyViolationListed() {
    // Given: employmentInfo missing and age negative (Helm's test-values-negative case)
    Chart c = chart("person").schema(PERSON_SCHEMA).build();
    Values v = yaml("""
        firstname: John
        age: -5
        """);

    // When / Then
    assertThatThrownBy(() -> ValuesSchema.validate(c, v))
        .isInstanceOfSatisfying(SchemaValidationException.class, e -> {
          assertThat(e.violations())
              .extracting(SchemaValidationException.Violation::chart,
                  SchemaValidationException.Violation::path)
              .containsExactlyInAnyOrder(
                  org.assertj.core.groups.Tuple.tuple("person", ""),
                  org.assertj.core.groups.Tuple.tuple("person", "/age"));
          assertThat(e.getMessage())
              .startsWith("values don't meet the specifications of the schema(s) in the "
                  + "following chart(s):\nperson:\n")
              .contains("- at '/age': ")
              .contains("- at '': ")
              .contains("employmentInfo");
        });
  }

  @Test
  @DisplayName("§4.4 a subchart's schema is checked against its sub-table")
  void subchartSchemaAgainstSubTable() {
    // Given
    Chart c = chart("chrt").sub(chart("subchart").schema(SUBCHART_SCHEMA)).build();

    // When / Then
    assertThatCode(() -> ValuesSchema.validate(c, yaml("name: John\nsubchart:\n  age: 25\n")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ValuesSchema.validate(c, yaml("name: John\nsubchart: {}\n")))
        .isInstanceOfSatisfying(SchemaValidationException.class, e -> {
          assertThat(e.violations()).singleElement().satisfies(x -> {
            assertThat(x.chart()).isEqualTo("subchart");
            assertThat(x.path()).isEmpty();
            assertThat(x.message()).contains("age");
          });
          assertThat(e.getMessage()).contains("\nsubchart:\n- at '': ");
        });
  }

  @Test
  @DisplayName("§4.4 draft 2020-12 keywords (unevaluatedItems, contains) are honoured")
  void draft2020Keywords() {
    // Given
    Chart c = chart("chrt").sub(chart("subchart").schema(SUBCHART_SCHEMA_2020)).build();

    // When / Then
    assertThatCode(() -> ValuesSchema.validate(c, yaml("subchart:\n  data: [hello, 12]\n")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ValuesSchema.validate(c, yaml("subchart:\n  data: [12]\n")))
        .isInstanceOfSatisfying(SchemaValidationException.class,
            e -> assertThat(e.violations()).extracting(SchemaValidationException.Violation::path)
                .contains("/data"));
  }

  @Test
  @DisplayName("§4.4 missing or null subchart values are not validated (helm#31202)")
  void missingOrNullSubchartValuesSkipped() {
    Chart c = chart("chrt").sub(chart("subchart").schema(SUBCHART_SCHEMA)).build();

    assertThatCode(() -> ValuesSchema.validate(c, yaml("name: John\n")))
        .doesNotThrowAnyException();
    assertThatCode(() -> ValuesSchema.validate(c, yaml("name: John\nsubchart: null\n")))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "subchart value {0} -> got {1}")
  @DisplayName("§4.4 a subchart value that is not a map is reported with its Go type")
  @CsvSource(delimiter = '|', value = {
      "oops   | string",
      "3      | float64",
      "true   | bool",
      "[a, b] | []interface {}"})
  void nonMapSubchartValues(String yamlValue, String goType) {
    Chart c = chart("chrt").sub(chart("subchart").schema(SUBCHART_SCHEMA)).build();

    assertThatThrownBy(() -> ValuesSchema.validate(c, yaml("subchart: " + yamlValue + "\n")))
        .isInstanceOf(SchemaValidationException.class)
        .hasMessage("values don't meet the specifications of the schema(s) in the following "
            + "chart(s):\nsubchart:\ninvalid type for values: expected object (map), got "
            + goType + "\n");
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("§4.4 $schema selects the draft; no $schema means 2020-12")
  @CsvSource(delimiter = '|', value = {
      // draft 4: exclusiveMaximum is a boolean modifier of maximum
      "http://json-schema.org/draft-04/schema#       | {\"maximum\": 5, \"exclusiveMaximum\": true} | 5 | true",
      "http://json-schema.org/draft-04/schema#       | {\"maximum\": 5, \"exclusiveMaximum\": true} | 4 | false",
      // draft 6 and later: exclusiveMaximum is a number
      "http://json-schema.org/draft-06/schema#       | {\"exclusiveMaximum\": 5}                    | 5 | true",
      "http://json-schema.org/draft-07/schema#       | {\"exclusiveMaximum\": 5}                    | 4 | false",
      // 2019-09: dependentRequired exists
      "https://json-schema.org/draft/2019-09/schema  | {\"type\": \"integer\", \"minimum\": 10}      | 9 | true",
      // draft 7 ignores prefixItems (2020-12 only); 2020-12 applies it
      "http://json-schema.org/draft-07/schema#       | {\"type\": \"array\", \"prefixItems\": [{\"type\": \"string\"}]} | [1] | false",
      "https://json-schema.org/draft/2020-12/schema  | {\"type\": \"array\", \"prefixItems\": [{\"type\": \"string\"}]} | [1] | true",
      "''                                            | {\"type\": \"array\", \"prefixItems\": [{\"type\": \"string\"}]} | [1] | true"})
  void draftSelection(String dialect, String xSchema, String xValue, boolean fails) {
    // Given
    String schema = "{" + (dialect.isEmpty() ? "" : "\"$schema\": \"" + dialect + "\", ")
        + "\"type\": \"object\", \"properties\": {\"x\": " + xSchema + "}}";
    Chart c = chart("drafts").schema(schema).build();

    // When / Then
    if (fails) {
      assertThatThrownBy(() -> ValuesSchema.validate(c, yaml("x: " + xValue + "\n")))
          .isInstanceOf(SchemaValidationException.class)
          .hasMessageContaining("- at '/x");
    } else {
      assertThatCode(() -> ValuesSchema.validate(c, yaml("x: " + xValue + "\n")))
          .doesNotThrowAnyException();
    }
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("§4.4 every $schema URI that Helm 4.1.4 knows selects its draft (http or https, "
      + "with or without '#'; json-schema.org/schema is the latest)")
  @CsvSource(delimiter = '|', value = {
      // draft 4 reads exclusiveMaximum as a boolean: 5 fails, and so does a bad email format
      "http://json-schema.org/draft-04/schema#       | 4",
      "http://json-schema.org/draft-04/schema        | 4",
      "https://json-schema.org/draft-04/schema#      | 4",
      // draft 6 and 7: a boolean exclusiveMaximum breaks the meta-schema
      "http://json-schema.org/draft-06/schema        | 7",
      "https://json-schema.org/draft-07/schema       | 7",
      "http://json-schema.org/draft-07/schema#       | 7",
      "http://json-schema.org/draft-07/schema#foo    | 7",
      // 2019-09, 2020-12 and the unversioned URI (the latest, 2020-12) likewise
      "https://json-schema.org/draft/2019-09/schema# | 2019",
      "http://json-schema.org/draft/2019-09/schema   | 2019",
      "https://json-schema.org/draft/2020-12/schema# | 2020",
      "http://json-schema.org/draft/2020-12/schema   | 2020",
      "http://json-schema.org/schema#                | 2020",
      "http://json-schema.org/schema                 | 2020",
      "https://json-schema.org/schema                | 2020"})
  void dialectUris(String dialect, int draft) {
    // Given: a draft-04 keyword use that later drafts' meta-schemas refuse
    String schema = "{\"$schema\": \"" + dialect + "\", \"properties\": {"
        + "\"x\": {\"maximum\": 5, \"exclusiveMaximum\": true}, \"e\": {\"format\": \"email\"}}}";
    Chart c = chart("c").schema(schema).build();
    Values v = yaml("x: 5\ne: notmail\n");

    // When / Then (what real Helm 4.1.4 does with the same chart)
    if (draft == 4) {
      assertThatThrownBy(() -> ValuesSchema.validate(c, v))
          .isInstanceOf(SchemaValidationException.class)
          .hasMessageContaining("- at '/x'")
          .hasMessageContaining("- at '/e'");
    } else {
      assertThatThrownBy(() -> ValuesSchema.validate(c, v))
          .isInstanceOf(CapstanException.class)
          .hasMessageStartingWith("c/values.schema.json is not valid against the meta-schema")
          .hasMessageContaining("- at '/properties/x");
    }
  }

  @Test
  @DisplayName("§4.4 the unversioned $schema of 61 corpus variants (prometheus, redis, ...) is "
      + "accepted and validates as 2020-12")
  void unversionedSchemaUriValidates() {
    // Given
    Chart c = chart("c").schema("""
        {"$schema": "http://json-schema.org/schema#", "type": "object",
         "properties": {"replicas": {"type": "integer"}, "data": {"type": "array",
           "prefixItems": [{"type": "string"}]}}}
        """).build();

    // When / Then
    assertThatCode(() -> ValuesSchema.validate(c, yaml("replicas: 3\ndata: [a]\n")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ValuesSchema.validate(c, yaml("replicas: 3\ndata: [1]\n")))
        .isInstanceOf(SchemaValidationException.class)
        .hasMessageContaining("- at '/data/0'");
  }

  @Test
  @DisplayName("§4.4 a value of the wrong type fails its schema at once, with Helm 4.1.4's text "
      + "(got <type>, want <types> in the validator's order)")
  void typeErrorsAsHelm() {
    // Given: real Helm 4.1.4 printed exactly these three lines for this chart
    Chart c = chart("c").schema("""
        {"$schema": "http://json-schema.org/schema#", "properties": {
          "a": {"type": ["string", "null"], "minimum": 10},
          "b": {"type": "object", "required": ["z"]},
          "d": {"type": ["integer", "boolean"], "maximum": 1}}}
        """).build();

    // When / Then
    assertThatThrownBy(() -> ValuesSchema.validate(c, yaml("a: 5\nb: [1]\nd: 2.5\n")))
        .isInstanceOf(SchemaValidationException.class)
        .hasMessage(SchemaValidationException.PREFIX + """
            c:
            - at '/a': got number, want null or string
            - at '/b': got array, want object
            - at '/d': got number, want boolean or integer
            """);
  }

  @Test
  @DisplayName("§4.4 violations of parent and subchart schemas are all reported, per chart")
  void parentAndSubchartViolationsTogether() {
    Chart c = chart("parent")
        .schema("{\"type\": \"object\", \"properties\": {\"replicas\": {\"type\": \"integer\"}}}")
        .sub(chart("subchart").schema(SUBCHART_SCHEMA))
        .build();

    assertThatThrownBy(() -> ValuesSchema.validate(c, yaml("replicas: two\nsubchart:\n  age: -1\n")))
        .isInstanceOfSatisfying(SchemaValidationException.class, e -> {
          assertThat(e.violations()).extracting(SchemaValidationException.Violation::chart,
                  SchemaValidationException.Violation::path)
              .containsExactly(org.assertj.core.groups.Tuple.tuple("parent", "/replicas"),
                  org.assertj.core.groups.Tuple.tuple("subchart", "/age"));
          assertThat(e.getMessage()).matches(
              "(?s)values don't meet .*:\nparent:\n- at '/replicas': .*\nsubchart:\n- at '/age': .*\n");
        });
  }

  @Test
  @DisplayName("a values.schema.json that is not JSON fails with an error naming the file")
  void schemaNotJson() {
    Chart c = chart("parent").sub(chart("sub").schema("{\"type\": \"object\",,}")).build();

    assertThatThrownBy(() -> ValuesSchema.validate(c, yaml("sub:\n  a: 1\n")))
        .isInstanceOf(CapstanException.class)
        .isNotInstanceOf(SchemaValidationException.class)
        .hasMessageStartingWith("parent/charts/sub/values.schema.json is not valid JSON at line 1");
  }

  @Test
  @DisplayName("a remote $ref is refused without any network request, naming the reference")
  void remoteRefRefused() throws Exception {
    // Given: a local server that counts requests
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      requests.incrementAndGet();
      byte[] body = "{\"type\": \"string\"}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      String ref = "http://127.0.0.1:" + server.getAddress().getPort() + "/name.json";
      Chart c = chart("remote")
          .schema("{\"type\": \"object\", \"properties\": {\"name\": {\"$ref\": \"" + ref + "\"}}}")
          .build();

      // When / Then
      assertThatThrownBy(() -> ValuesSchema.validate(c, yaml("name: x\n")))
          .isInstanceOf(CapstanException.class)
          .hasMessageContaining("remote/values.schema.json")
          .hasMessageContaining(ref);
      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  @DisplayName("local $refs to definitions inside the schema resolve")
  void localRefsResolve() {
    Chart c = chart("local").schema("""
        {"$schema": "http://json-schema.org/draft-07/schema#",
         "definitions": {"port": {"type": "integer", "maximum": 65535}},
         "type": "object", "properties": {"port": {"$ref": "#/definitions/port"}}}
        """).build();

    assertThatCode(() -> ValuesSchema.validate(c, yaml("port: 80\n"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> ValuesSchema.validate(c, yaml("port: 70000\n")))
        .isInstanceOf(SchemaValidationException.class)
        .hasMessageContaining("- at '/port': ");
  }

  @Test
  @DisplayName("§4.4 a schema that breaks its draft's meta-schema fails, naming the file (Helm: "
      + "not valid against metaschema)")
  void schemaInvalidAgainstMetaSchema() {
    Chart numberSchema = chart("c").schema("5").build();
    Chart badType = chart("c").schema("{\"type\": 5}").build();

    assertThatThrownBy(() -> ValuesSchema.validate(numberSchema, yaml("a: 1\n")))
        .isInstanceOf(CapstanException.class)
        .hasMessage("c/values.schema.json is not valid against the meta-schema "
            + "https://json-schema.org/draft/2020-12/schema: got number, want boolean or object");
    assertThatThrownBy(() -> ValuesSchema.validate(badType, yaml("a: 1\n")))
        .isInstanceOf(CapstanException.class)
        .hasMessageStartingWith("c/values.schema.json is not valid against the meta-schema")
        .hasMessageContaining("- at '/type': ");
  }

  @Test
  @DisplayName("§4.4 an unresolvable urn: $ref is the permissive schema true, as in Helm 4")
  void urnRefIsPermissive() {
    Chart c = chart("c").schema("""
        {"$schema": "https://json-schema.org/draft-07/schema#",
         "$ref": "urn:example:helm:schemas:v1:helm-schema-validation-conditions:v1/x"}
        """).build();

    assertThatCode(() -> ValuesSchema.validate(c, yaml("any: value\n"))).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{1}")
  @DisplayName("references outside the schema (unknown dialects, relative refs) are refused by name")
  @CsvSource(delimiter = '|', value = {
      "{\"$schema\": \"http://example.com/dialect\", \"type\": \"object\"} "
          + "| http://example.com/dialect",
      "{\"$id\": \"https://example.com/s.json\", \"properties\": {\"a\": {\"$ref\": \"o.json\"}}} "
          + "| https://example.com/o.json"})
  void outsideReferencesRefused(String schema, String named) {
    Chart c = chart("c").schema(schema).build();

    assertThatThrownBy(() -> ValuesSchema.validate(c, yaml("a: 1\n")))
        .isInstanceOf(CapstanException.class)
        .hasMessage("c/values.schema.json refers to the external schema \"" + named
            + "\"; Capstan does not load schemas from outside the chart's values.schema.json");
  }
}
