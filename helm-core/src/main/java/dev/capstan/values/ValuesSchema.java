package dev.capstan.values;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.capstan.CapstanException;
import dev.capstan.chart.Chart;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates final values against the {@code values.schema.json} of a chart and of each of its
 * subcharts, as Helm's {@code ValidateAgainstSchema} (§4.4).
 *
 * <p>A subchart's schema is checked against the sub-table named after the subchart (or its alias);
 * a missing or {@code null} sub-table is not checked. The {@code $schema} keyword selects the draft
 * (4, 6, 7, 2019-09 or 2020-12) as Helm 4.1.4 reads it: {@code http://} and {@code https://}
 * alike, with or without a trailing {@code #}, and {@code http://json-schema.org/schema#} meaning
 * the latest draft; without it the schema is read as draft 2020-12. Only references
 * inside the schema itself (and the drafts' own meta-schemas) are resolved: Capstan never fetches
 * a {@code $ref} over the network or from the file system, and a schema that needs one fails with
 * an error naming the reference.
 *
 * <p>Numbers whose value is integral (Helm reads {@code 3} from YAML as the float {@code 3.0})
 * count as integers, so {@code "type": "integer"} accepts them in every draft.
 */
public final class ValuesSchema {
  private static final String SCHEMA_FILE = "values.schema.json";
  private static final String BASE_IRI = "file:///values.schema.json";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ValuesSchema() {}

  /**
   * Validates {@code finalValues} (the coalesced values, see {@link ChartValues}) against the
   * schema of {@code processedChart} and, recursively, each subchart's schema against its sub-table.
   *
   * @throws SchemaValidationException listing every violation, per chart, with its JSON path
   * @throws CapstanException when a {@code values.schema.json} is not valid JSON, is not a valid
   *     schema, or refers to a schema outside itself
   */
  public static void validate(Chart processedChart, Values finalValues) {
    Objects.requireNonNull(processedChart, "processedChart");
    Objects.requireNonNull(finalValues, "finalValues");
    List<SchemaValidationException.Violation> violations = new ArrayList<>();
    validate(processedChart, finalValues.asMap(), processedChart.name(), violations);
    if (!violations.isEmpty()) {
      throw new SchemaValidationException(violations);
    }
  }

  private static void validate(Chart chart, Map<String, Object> values, String chartPath,
      List<SchemaValidationException.Violation> out) {
    Optional<byte[]> schema = chart.schema();
    if (schema.isPresent()) {
      String file = chartPath + "/" + SCHEMA_FILE;
      out.addAll(helmViolations(chart.name(), validateSingle(values, schema.get(), file)));
    }
    for (Chart sub : chart.subcharts()) {
      Object raw = values.get(sub.name());
      if (raw == null) {
        continue;
      }
      if (!(raw instanceof Map<?, ?> m)) {
        out.add(new SchemaValidationException.Violation(sub.name(), null,
            "invalid type for values: expected object (map), got " + CoalescingFormat.goType(raw)));
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> subValues = (Map<String, Object>) m;
      validate(sub, subValues, chartPath + "/charts/" + sub.name(), out);
    }
  }

  private static List<Error> validateSingle(Map<String, Object> values, byte[] schemaBytes,
      String file) {
    JsonNode schemaNode;
    try {
      schemaNode = MAPPER.readTree(new String(schemaBytes, StandardCharsets.UTF_8));
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      String where =
          loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new CapstanException(
          file + " is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }
    if (schemaNode == null || schemaNode.isMissingNode()) {
      throw new CapstanException(file + " is not valid JSON: the file is empty");
    }
    schemaNode = canonicalDialects(schemaNode);
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.ENGLISH)
                .build())
            .resourceLoaders(loaders -> loaders.values(
                list -> list.add(0, new SchemaNoRemoteRefs(file)))));
    try {
      checkAgainstMetaSchema(registry, schemaNode, file);
      Schema schema = registry.getSchema(SchemaLocation.of(BASE_IRI), schemaNode);
      schema.initializeValidators();
      return schema.validate(toNode(values));
    } catch (SchemaNoRemoteRefs.RefuseException e) {
      throw new CapstanException(e.getMessage(), e);
    } catch (SchemaException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SchemaNoRemoteRefs.RefuseException r) {
        throw new CapstanException(r.getMessage(), e);
      }
      throw new CapstanException(file + " is not a valid JSON schema: " + e.getMessage(), e);
    }
  }

  /**
   * The validator's errors the way Helm's validator (santhosh-tekuri/jsonschema v6) reports them,
   * where the two differ in kind rather than wording: a value of the wrong {@code type} fails that
   * schema object at once (its other keywords and subschemas are not reported for that value),
   * with Helm's text {@code got null, want string}; an error reported twice is listed once.
   */
  static List<SchemaValidationException.Violation> helmViolations(String chart,
      List<Error> errors) {
    List<Error> typeErrors = new ArrayList<>();
    for (Error e : errors) {
      if ("type".equals(e.getKeyword())) {
        typeErrors.add(e);
      }
    }
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    List<SchemaValidationException.Violation> out = new ArrayList<>();
    for (Error e : errors) {
      if (hiddenByTypeError(e, typeErrors)) {
        continue;
      }
      String path = e.getInstanceLocation().toString();
      String message = "type".equals(e.getKeyword()) ? typeMessage(e) : e.getMessage();
      if (seen.add(path + "\u0000" + message)) {
        out.add(new SchemaValidationException.Violation(chart, path, message));
      }
    }
    return out;
  }

  private static boolean hiddenByTypeError(Error e, List<Error> typeErrors) {
    String where = e.getEvaluationPath().toString();
    String instance = e.getInstanceLocation().toString();
    for (Error t : typeErrors) {
      if (t == e) {
        continue;
      }
      String tPath = t.getEvaluationPath().toString();
      String schemaObject = tPath.substring(0, Math.max(0, tPath.lastIndexOf('/')));
      String tInstance = t.getInstanceLocation().toString();
      boolean sameSchema = where.startsWith(schemaObject + "/") && !where.equals(tPath);
      boolean sameValue = instance.equals(tInstance) || instance.startsWith(tInstance + "/");
      if (sameSchema && sameValue) {
        return true;
      }
    }
    return false;
  }

  /** Helm's {@code got <type>, want <type> or <type>}, types in the validator's fixed order. */
  private static String typeMessage(Error e) {
    JsonNode want = e.getSchemaNode();
    if (want != null && want.isObject() && want.has("type")) {
      want = want.get("type");
    }
    List<String> wanted = new ArrayList<>();
    if (want != null) {
      for (String t : List.of("null", "boolean", "number", "integer", "string", "array",
          "object")) {
        boolean listed = want.isString() ? want.asString().equals(t) : false;
        if (want.isArray()) {
          for (JsonNode item : want) {
            listed |= item.isString() && item.asString().equals(t);
          }
        }
        if (listed) {
          wanted.add(t);
        }
      }
    }
    if (wanted.isEmpty()) {
      return e.getMessage();
    }
    return "got " + jsonType(e.getInstanceNode()) + ", want " + String.join(" or ", wanted);
  }

  private static String jsonType(JsonNode n) {
    if (n == null || n.isNull()) {
      return "null";
    }
    if (n.isBoolean()) {
      return "boolean";
    }
    if (n.isNumber()) {
      return "number";
    }
    if (n.isString()) {
      return "string";
    }
    return n.isArray() ? "array" : "object";
  }

  /** Validates the schema itself against its draft's meta-schema, as Helm's validator does. */
  private static void checkAgainstMetaSchema(SchemaRegistry registry, JsonNode schemaNode,
      String file) {
    if (schemaNode.isBoolean()) {
      return;
    }
    String dialect = SpecificationVersion.DRAFT_2020_12.getDialectId();
    if (schemaNode.isObject() && schemaNode.get("$schema") != null
        && schemaNode.get("$schema").isString()) {
      dialect = schemaNode.get("$schema").asString();
    }
    if (!schemaNode.isObject()) {
      throw new CapstanException(file + " is not valid against the meta-schema " + dialect
          + ": got " + schemaNode.getNodeType().name().toLowerCase(Locale.ROOT)
          + ", want boolean or object");
    }
    Optional<SpecificationVersion> known = SpecificationVersion.fromDialectId(dialect);
    if (known.isEmpty()) {
      return; // an unknown dialect: the registry refuses to load it below, naming it
    }
    List<Error> errors = registry.getSchema(SchemaLocation.of(known.get().getDialectId()))
        .validate(schemaNode);
    if (!errors.isEmpty()) {
      StringBuilder sb = new StringBuilder(file).append(" is not valid against the meta-schema ")
          .append(dialect).append(':');
      for (Error e : errors) {
        sb.append("\n- at '").append(e.getInstanceLocation()).append("': ").append(e.getMessage());
      }
      throw new CapstanException(sb.toString());
    }
  }

  /**
   * Returns the draft that a {@code $schema} URI names the way Helm 4's validator
   * (santhosh-tekuri/jsonschema v6) reads it: {@code http} and {@code https} alike, an empty
   * fragment ({@code #}) ignored, {@code json-schema.org/schema} meaning the latest draft
   * (2020-12). A URI with a non-empty fragment names no draft here (Helm then reads the draft from
   * the meta-schema document, which for the drafts' own URIs is the same draft).
   */
  static Optional<SpecificationVersion> draftOf(String uri) {
    int hash = uri.indexOf('#');
    String base = hash < 0 ? uri : uri.substring(0, hash);
    if (base.startsWith("http://")) {
      base = base.substring("http://".length());
    } else if (base.startsWith("https://")) {
      base = base.substring("https://".length());
    }
    SpecificationVersion v = switch (base) {
      case "json-schema.org/schema", "json-schema.org/draft/2020-12/schema" ->
          SpecificationVersion.DRAFT_2020_12;
      case "json-schema.org/draft/2019-09/schema" -> SpecificationVersion.DRAFT_2019_09;
      case "json-schema.org/draft-07/schema" -> SpecificationVersion.DRAFT_7;
      case "json-schema.org/draft-06/schema" -> SpecificationVersion.DRAFT_6;
      case "json-schema.org/draft-04/schema" -> SpecificationVersion.DRAFT_4;
      default -> null;
    };
    return Optional.ofNullable(v);
  }

  /**
   * Rewrites each {@code $schema} that names a known draft (on the root and on embedded resources,
   * the objects that carry an id) to the validator's own dialect id for that draft, so that every
   * spelling Helm accepts selects the same draft here.
   */
  private static JsonNode canonicalDialects(JsonNode root) {
    if (!root.isObject()) {
      return root;
    }
    JsonNode copy = root.deepCopy();
    canonicalDialects(copy, true);
    return copy;
  }

  private static void canonicalDialects(JsonNode node, boolean resource) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      JsonNode dialect = o.get("$schema");
      if (dialect != null && dialect.isString()
          && (resource || o.has("$id") || o.has("id"))) {
        draftOf(dialect.asString()).ifPresent(v -> o.put("$schema", v.getDialectId()));
      }
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        canonicalDialects(e.getValue(), false);
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        canonicalDialects(item, false);
      }
    }
  }

  /** Converts a values tree to JSON nodes; integral floats become integers. */
  static JsonNode toNode(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof Map<?, ?> m) {
      ObjectNode o = NODES.objectNode();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        o.set(String.valueOf(e.getKey()), toNode(e.getValue()));
      }
      return o;
    }
    if (v instanceof List<?> l) {
      ArrayNode a = NODES.arrayNode();
      for (Object item : l) {
        a.add(toNode(item));
      }
      return a;
    }
    if (v instanceof String s) {
      return NODES.textNode(s);
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof Long n) {
      return NODES.numberNode(n);
    }
    if (v instanceof Double d) {
      if (!Double.isNaN(d) && !Double.isInfinite(d) && d == Math.rint(d)) {
        if (Math.abs(d) < 9.0e15) {
          return NODES.numberNode(d.longValue());
        }
        return NODES.numberNode(new BigDecimal(d).toBigIntegerExact());
      }
      return NODES.numberNode(d);
    }
    return NODES.textNode(String.valueOf(v));
  }
}
