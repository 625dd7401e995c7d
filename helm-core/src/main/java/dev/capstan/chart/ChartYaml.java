package dev.capstan.chart;

import dev.capstan.internal.json.GoJson;
import dev.capstan.internal.yaml.Yaml;
import dev.capstan.internal.yaml.YamlException;
import dev.capstan.semver.Version;
import dev.capstan.values.Values;
import dev.capstan.values.ValuesException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and writes the YAML files of a chart ({@code Chart.yaml}, {@code Chart.lock},
 * {@code requirements.yaml}, {@code values.yaml}) the way Helm's sigs.k8s.io/yaml does (§7.1).
 */
final class ChartYaml {
  private static final Pattern ALIAS = Pattern.compile("^[a-zA-Z0-9_-]+$");

  private ChartYaml() {}

  // ----------------------------------------------------------------------------------------------
  // values.yaml

  /**
   * Parses {@code values.yaml} with {@link Values#fromYaml}: every YAML document must be a map (or
   * empty), documents are merged as Helm 4's {@code LoadValues} merges them, and numbers are
   * {@code Double}s as Helm's float64.
   *
   * @param source the file name used in errors
   * @throws ChartLoadException naming the file, line and column
   */
  static Values readValues(String text, String source) {
    try {
      return Values.fromYaml(text, source);
    } catch (ValuesException e) {
      // Chart errors start with the file name, as the other load errors do.
      String m = e.getMessage();
      String prefix = "failed to parse ";
      throw new ChartLoadException(m.startsWith(prefix) ? m.substring(prefix.length()) : m, e);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Chart.yaml

  /**
   * Parses {@code Chart.yaml} into an unvalidated map.
   *
   * @throws ChartLoadException for YAML errors (with line and column) or a top level that is not
   *     a map
   */
  static Map<String, Object> readMap(String text, String source, String fileName) {
    Object doc;
    try {
      doc = Yaml.load(text, source);
    } catch (YamlException e) {
      throw new ChartLoadException(e.getMessage(), e);
    }
    if (doc == null) {
      return Map.of();
    }
    if (!(doc instanceof Map<?, ?> m)) {
      throw new ChartLoadException(source + ": cannot load " + fileName + ": the top level is "
          + describe(doc) + ", expected a map");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  /** The {@code apiVersion} as Helm reads it ("" when absent). */
  static String apiVersionOf(Map<String, Object> map, String source) {
    return str(map, "apiVersion", source, "Chart.yaml");
  }

  /**
   * Builds and validates metadata as Helm's {@code Metadata.Validate} does: strings sanitised,
   * then the checks in Helm's order, each failing with Helm's {@code validation: ...} text.
   *
   * @param requirements the map of {@code requirements.yaml} (v1 charts), or {@code null}
   */
  static ChartMetadata toMetadata(Map<String, Object> map, Map<String, Object> requirements,
      String source) {
    String f = "Chart.yaml";
    String apiVersion = str(map, "apiVersion", source, f);
    if (apiVersion.isEmpty()) {
      apiVersion = ChartMetadata.API_V1;
    }
    String name = sanitize(str(map, "name", source, f));
    String version = str(map, "version", source, f);
    String typeText = str(map, "type", source, f);
    List<Maintainer> maintainers = new ArrayList<>();
    Object rawMaintainers = map.get("maintainers");
    List<Object> maintainerNodes = rawMaintainers == null ? List.of()
        : list(rawMaintainers, "maintainers", source, f);
    boolean nullMaintainer = false;
    for (Object node : maintainerNodes) {
      if (node == null) {
        nullMaintainer = true;
        continue;
      }
      Map<String, Object> mm = map(node, "maintainers[]", source, f);
      maintainers.add(new Maintainer(nullIfEmpty(sanitize(str(mm, "name", source, f))),
          nullIfEmpty(sanitize(str(mm, "email", source, f))),
          nullIfEmpty(sanitize(str(mm, "url", source, f)))));
    }
    Map<String, Object> depSource = map;
    String depFile = f;
    if (requirements != null && requirements.containsKey("dependencies")) {
      depSource = requirements;
      depFile = "requirements.yaml";
    }
    List<Dependency> dependencies = new ArrayList<>();
    boolean nullDependency = false;
    Object rawDeps = depSource.get("dependencies");
    for (Object node : rawDeps == null ? List.of() : list(rawDeps, "dependencies", source, depFile)) {
      if (node == null) {
        nullDependency = true;
        continue;
      }
      dependencies.add(toDependency(map(node, "dependencies[]", source, depFile), source, depFile,
          true));
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    Object rawAnn = map.get("annotations");
    if (rawAnn != null) {
      map(rawAnn, "annotations", source, f)
          .forEach((k, v) -> annotations.put(k, scalarString(v, "annotations." + k, source, f)));
    }

    // Helm's Metadata.Validate, in its order.
    if (name.isEmpty()) {
      throw invalid(source, "chart.metadata.name is required");
    }
    if (name.equals(".") || name.equals("..")) {
      throw invalid(source, "chart.metadata.name \"" + name + "\" is not allowed");
    }
    if (!IgnoreRules.base(name).equals(name)) {
      throw invalid(source, "chart.metadata.name \"" + name + "\" is invalid");
    }
    if (version.isEmpty()) {
      throw invalid(source, "chart.metadata.version is required");
    }
    if (Version.tryParse(version).isEmpty()) {
      throw invalid(source, "chart.metadata.version \"" + version + "\" is invalid");
    }
    ChartType type = ChartType.fromWireName(typeText)
        .orElseThrow(() -> invalid(source, "chart.metadata.type must be application or library"));
    if (nullMaintainer) {
      throw invalid(source, "maintainers must not contain empty or null nodes");
    }
    if (nullDependency) {
      throw invalid(source, "dependencies must not contain empty or null nodes");
    }
    Map<String, Dependency> seen = new LinkedHashMap<>();
    for (Dependency d : dependencies) {
      if (d.alias() != null && !ALIAS.matcher(d.alias()).matches()) {
        throw invalid(source,
            "dependency \"" + d.name() + "\" has disallowed characters in the alias");
      }
      String key = d.effectiveName();
      if (seen.putIfAbsent(key, d) != null) {
        throw invalid(source, "more than one dependency with name or alias \"" + key + "\"");
      }
    }
    Object deprecated = yaml11Bool(map.get("deprecated"));
    if (deprecated != null && !(deprecated instanceof Boolean)) {
      throw typeError(source, f, "deprecated", "a boolean", deprecated);
    }
    return new ChartMetadata(apiVersion, name, version,
        nullIfEmpty(sanitize(str(map, "kubeVersion", source, f))),
        nullIfEmpty(sanitize(str(map, "description", source, f))), type,
        strings(map, "keywords", source, f, true), nullIfEmpty(sanitize(str(map, "home", source, f))),
        strings(map, "sources", source, f, true), maintainers,
        nullIfEmpty(sanitize(str(map, "icon", source, f))),
        nullIfEmpty(sanitize(str(map, "appVersion", source, f))),
        Boolean.TRUE.equals(deprecated), annotations, dependencies,
        nullIfEmpty(sanitize(str(map, "condition", source, f))),
        nullIfEmpty(sanitize(str(map, "tags", source, f))), !typeText.isEmpty());
  }

  private static ChartLoadException invalid(String source, String problem) {
    return new ChartLoadException(source + ": validation: " + problem);
  }

  static Dependency toDependency(Map<String, Object> m, String source, String file,
      boolean sanitise) {
    String name = str(m, "name", source, file);
    String version = str(m, "version", source, file);
    String repository = str(m, "repository", source, file);
    String condition = str(m, "condition", source, file);
    List<String> tags = strings(m, "tags", source, file, sanitise);
    if (sanitise) {
      name = sanitize(name);
      version = sanitize(version);
      repository = sanitize(repository);
      condition = sanitize(condition);
    }
    Object enabled = yaml11Bool(m.get("enabled"));
    if (enabled != null && !(enabled instanceof Boolean)) {
      throw typeError(source, file, "dependencies[].enabled", "a boolean", enabled);
    }
    Object iv = m.get("import-values");
    List<Object> importValues = new ArrayList<>();
    if (iv != null) {
      for (Object o : list(iv, "dependencies[].import-values", source, file)) {
        importValues.add(freeze(o));
      }
    }
    String alias = str(m, "alias", source, file);
    return new Dependency(name, nullIfEmpty(version), nullIfEmpty(repository),
        nullIfEmpty(condition), tags, Boolean.TRUE.equals(enabled), importValues,
        nullIfEmpty(alias));
  }

  /**
   * Helm reads Chart.yaml with YAML 1.1 (go-yaml v2), where {@code yes}, {@code on}, {@code y} and
   * their opposites are booleans; YAML 1.2 reads them as strings. Returns the value, converted
   * when it is such a plain word.
   */
  static Object yaml11Bool(Object v) {
    if (v instanceof String s) {
      switch (s) {
        case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON" -> {
          return Boolean.TRUE;
        }
        case "n", "N", "no", "No", "NO", "off", "Off", "OFF" -> {
          return Boolean.FALSE;
        }
        default -> {
          return v;
        }
      }
    }
    return v;
  }

  private static Object freeze(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), freeze(v)));
      return Collections.unmodifiableMap(out);
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(freeze(v)));
      return Collections.unmodifiableList(out);
    }
    return o;
  }

  // ----------------------------------------------------------------------------------------------
  // Chart.lock

  /** Parses {@code Chart.lock} or {@code requirements.lock}. */
  static ChartLock toLock(Map<String, Object> m, String source, String file) {
    Object generated = m.get("generated");
    String gen = generated == null ? null : String.valueOf(generated);
    if (gen != null && !gen.isEmpty()) {
      try {
        java.time.OffsetDateTime.parse(gen);
      } catch (java.time.format.DateTimeParseException e) {
        throw new ChartLoadException(source + ": cannot load " + file + ": generated \"" + gen
            + "\" is not an RFC 3339 time");
      }
    }
    List<Dependency> deps = new ArrayList<>();
    Object raw = m.get("dependencies");
    for (Object node : raw == null ? List.of() : list(raw, "dependencies", source, file)) {
      if (node == null) {
        continue;
      }
      deps.add(toDependency(map(node, "dependencies[]", source, file), source, file, false));
    }
    return new ChartLock(gen, nullIfEmpty(str(m, "digest", source, file)), deps);
  }

  // ----------------------------------------------------------------------------------------------
  // Scalars as sigs.k8s.io/yaml converts them into Go string fields

  private static String str(Map<String, Object> m, String key, String source, String file) {
    Object v = m.get(key);
    return v == null ? "" : scalarString(v, key, source, file);
  }

  /** A YAML scalar converted to a Go string field as sigs.k8s.io/yaml does. */
  static String scalarString(Object v, String key, String source, String file) {
    if (v == null) {
      return "";
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Boolean || v instanceof Integer || v instanceof Long
        || v instanceof BigInteger) {
      return v.toString();
    }
    if (v instanceof Number n) {
      return goFloat(n.doubleValue());
    }
    throw typeError(source, file, key, "a string", v);
  }

  /** Go's {@code strconv.FormatFloat(f, 'g', -1, 32)}, which sigs.k8s.io/yaml uses. */
  static String goFloat(double d) {
    return GoJson.formatFloat(d, 'g', 32);
  }


  private static List<String> strings(Map<String, Object> m, String key, String source,
      String file, boolean sanitise) {
    Object v = m.get(key);
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object o : list(v, key, source, file)) {
      String s = scalarString(o, key + "[]", source, file);
      out.add(sanitise ? sanitize(s) : s);
    }
    return out;
  }

  private static List<Object> list(Object v, String key, String source, String file) {
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    throw typeError(source, file, key, "a list", v);
  }

  private static Map<String, Object> map(Object v, String key, String source, String file) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, val) -> out.put(String.valueOf(k), val));
      return out;
    }
    throw typeError(source, file, key, "a map", v);
  }

  private static ChartLoadException typeError(String source, String file, String key,
      String expected, Object got) {
    return new ChartLoadException(source + ": cannot load " + file + ": field \"" + key
        + "\" must be " + expected + ", got " + describe(got));
  }

  static String describe(Object v) {
    if (v instanceof Map<?, ?>) {
      return "a map";
    }
    if (v instanceof List<?>) {
      return "a list";
    }
    if (v instanceof String s) {
      return "the string \"" + s + "\"";
    }
    if (v instanceof Boolean) {
      return "the boolean " + v;
    }
    if (v instanceof Number) {
      return "the number " + v;
    }
    return v == null ? "null" : "a " + v.getClass().getSimpleName();
  }

  private static String nullIfEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** Helm's {@code sanitizeString}: whitespace becomes a space, non-printable characters go. */
  static String sanitize(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      if (isGoSpace(cp)) {
        sb.append(' ');
      } else if (isGoPrint(cp)) {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString();
  }

  private static boolean isGoSpace(int cp) {
    return switch (cp) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
      default -> Character.getType(cp) == Character.SPACE_SEPARATOR
          || Character.getType(cp) == Character.LINE_SEPARATOR
          || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR;
    };
  }

  private static boolean isGoPrint(int cp) {
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }
}
