package dev.capstan.internal.pebble;

import dev.capstan.internal.json.GoJson;
import dev.capstan.internal.yaml.Yaml;
import dev.capstan.internal.yaml.YamlException;
import dev.capstan.internal.yaml.YamlWriter;
import dev.capstan.semver.Constraint;
import dev.capstan.semver.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table of Helm template functions offered to Pebble templates, by Helm's names. */
final class HelmFunctions {
  record Entry(String name, int minArgs, int maxArgs, GoFunction fn) {}

  private static final int VARIADIC = Integer.MAX_VALUE;

  private HelmFunctions() {}

  static List<Entry> all() {
    List<Entry> t = new ArrayList<>();
    // Engine functions: they render, fail or reach the cluster.
    t.add(new Entry("include", 1, 2, Engine::include));
    t.add(new Entry("tpl", 2, 2, Engine::tpl));
    t.add(new Entry("required", 2, 2, Engine::required));
    t.add(new Entry("fail", 1, 1, Engine::fail));
    t.add(new Entry("lookup", 4, 4, Engine::lookup));
    // Values and defaults.
    t.add(new Entry("default", 1, 2, (a, c) -> a.length < 2 || !GoTruth.isTrue(a[1]) ? a[0] : a[1]));
    t.add(new Entry("empty", 1, 1, (a, c) -> !GoTruth.isTrue(a[0])));
    t.add(new Entry("hasKey", 2, 2, (a, c) -> map(a[0], c).containsKey(string(a[1], c))));
    t.add(new Entry("dict", 0, VARIADIC, HelmFunctions::dict));
    t.add(new Entry("list", 0, VARIADIC, (a, c) -> new ArrayList<>(Arrays.asList(a))));
    t.add(new Entry("first", 1, 1, (a, c) -> listOf(a[0], c).isEmpty() ? null : listOf(a[0], c).get(0)));
    t.add(new Entry("last", 1, 1, (a, c) -> {
      List<Object> l = listOf(a[0], c);
      return l.isEmpty() ? null : l.get(l.size() - 1);
    }));
    t.add(new Entry("toString", 1, 1, (a, c) -> strval(a[0])));
    t.add(new Entry("int", 1, 1, (a, c) -> toInt64(a[0])));
    t.add(new Entry("int64", 1, 1, (a, c) -> toInt64(a[0])));
    // Strings.
    t.add(new Entry("quote", 0, VARIADIC, HelmFunctions::quote));
    t.add(new Entry("squote", 0, VARIADIC, HelmFunctions::squote));
    t.add(new Entry("trunc", 2, 2, (a, c) -> trunc(integer(a[0], c), string(a[1], c))));
    t.add(new Entry("trimSuffix", 2, 2, (a, c) -> {
      String s = string(a[1], c);
      String suffix = string(a[0], c);
      return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }));
    t.add(new Entry("trimPrefix", 2, 2, (a, c) -> {
      String s = string(a[1], c);
      String prefix = string(a[0], c);
      return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }));
    t.add(new Entry("trim", 1, 1, (a, c) -> string(a[0], c).strip()));
    t.add(new Entry("contains", 2, 2, (a, c) -> string(a[1], c).contains(string(a[0], c))));
    t.add(new Entry("hasPrefix", 2, 2, (a, c) -> string(a[1], c).startsWith(string(a[0], c))));
    t.add(new Entry("hasSuffix", 2, 2, (a, c) -> string(a[1], c).endsWith(string(a[0], c))));
    t.add(new Entry("replace", 3, 3, (a, c) -> string(a[2], c).replace(string(a[0], c), string(a[1], c))));
    t.add(new Entry("lower", 1, 1, (a, c) -> string(a[0], c).toLowerCase(java.util.Locale.ROOT)));
    t.add(new Entry("upper", 1, 1, (a, c) -> string(a[0], c).toUpperCase(java.util.Locale.ROOT)));
    t.add(new Entry("title", 1, 1, (a, c) -> title(string(a[0], c))));
    t.add(new Entry("indent", 2, 2, (a, c) -> indent(integer(a[0], c), string(a[1], c))));
    t.add(new Entry("nindent", 2, 2, (a, c) -> "\n" + indent(integer(a[0], c), string(a[1], c))));
    t.add(new Entry("join", 2, 2, (a, c) -> {
      StringBuilder sb = new StringBuilder();
      for (Object o : listOf(a[1], c)) {
        if (sb.length() > 0) {
          sb.append(string(a[0], c));
        }
        sb.append(strval(o));
      }
      return sb.toString();
    }));
    t.add(new Entry("printf", 1, VARIADIC, (a, c) -> GoSprintf.sprintf(string(a[0], c),
        Arrays.copyOfRange(a, 1, a.length))));
    // Encodings.
    t.add(new Entry("b64enc", 1, 1, (a, c) -> Base64.getEncoder().encodeToString(
        string(a[0], c).getBytes(StandardCharsets.UTF_8))));
    t.add(new Entry("b64dec", 1, 1, (a, c) -> b64dec(string(a[0], c))));
    t.add(new Entry("sha256sum", 1, 1, (a, c) -> sha256(string(a[0], c))));
    t.add(new Entry("toYaml", 1, 1, (a, c) -> toYaml(a[0])));
    t.add(new Entry("toJson", 1, 1, (a, c) -> GoJson.write(a[0])));
    t.add(new Entry("fromYaml", 1, 1, (a, c) -> fromYaml(string(a[0], c))));
    t.add(new Entry("fromJson", 1, 1, (a, c) -> fromJson(string(a[0], c))));
    t.add(new Entry("semverCompare", 2, 2, (a, c) -> semverCompare(string(a[0], c), string(a[1], c), c)));
    return t;
  }

  // ---- argument conversion, with Go's messages ----

  static String string(Object v, GoFunction.Call c) {
    if (v instanceof String s) {
      return s;
    }
    throw c.error("error calling " + c.function() + ": wrong type for value; expected string; got "
        + goType(v));
  }

  static int integer(Object v, GoFunction.Call c) {
    if (v instanceof Number n) {
      return n.intValue();
    }
    throw c.error("error calling " + c.function() + ": wrong type for value; expected int; got "
        + goType(v));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object v, GoFunction.Call c) {
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw c.error("error calling " + c.function()
        + ": wrong type for value; expected map[string]interface {}; got " + goType(v));
  }

  static List<Object> listOf(Object v, GoFunction.Call c) {
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    if (v instanceof Collection<?> col) {
      return new ArrayList<>(col);
    }
    if (v instanceof Object[] arr) {
      return Arrays.asList(arr);
    }
    throw c.error("error calling " + c.function() + ": cannot find " + c.function() + " on type "
        + goType(v));
  }

  static String goType(Object v) {
    if (v == null) {
      return "<nil>";
    } else if (v instanceof String) {
      return "string";
    } else if (v instanceof Boolean) {
      return "bool";
    } else if (v instanceof Double) {
      return "float64";
    } else if (v instanceof Long) {
      return "int64";
    } else if (v instanceof Integer) {
      return "int";
    } else if (v instanceof Map) {
      return "map[string]interface {}";
    } else if (v instanceof List) {
      return "[]interface {}";
    }
    return v.getClass().getSimpleName();
  }

  // ---- implementations ----

  static String strval(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof byte[] b) {
      return new String(b, StandardCharsets.UTF_8);
    }
    return GoPrint.value(v);
  }

  private static Object dict(Object[] a, GoFunction.Call c) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < a.length; i += 2) {
      m.put(strval(a[i]), i + 1 < a.length ? a[i + 1] : "");
    }
    return m;
  }

  private static Object quote(Object[] a, GoFunction.Call c) {
    List<String> out = new ArrayList<>();
    for (Object o : a) {
      if (o != null) {
        out.add(GoJson.goQuote(strval(o)));
      }
    }
    return String.join(" ", out);
  }

  private static Object squote(Object[] a, GoFunction.Call c) {
    List<String> out = new ArrayList<>();
    for (Object o : a) {
      if (o != null) {
        out.add("'" + strval(o) + "'");
      }
    }
    return String.join(" ", out);
  }

  static String trunc(int n, String s) {
    if (n < 0 && s.length() + n > 0) {
      return s.substring(s.length() + n);
    }
    if (n >= 0 && s.length() > n) {
      return s.substring(0, n);
    }
    return s;
  }

  static String indent(int spaces, String s) {
    String pad = " ".repeat(Math.max(0, spaces));
    return pad + s.replace("\n", "\n" + pad);
  }

  static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean start = true;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      sb.appendCodePoint(start ? Character.toTitleCase(cp) : cp);
      start = !Character.isLetterOrDigit(cp) && cp != '_' && cp != '\'';
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  static Object toInt64(Object v) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (v instanceof String s) {
      try {
        return Long.decode(s.strip());
      } catch (NumberFormatException e) {
        return 0L;
      }
    }
    return 0L;
  }

  static String b64dec(String s) {
    try {
      return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String toYaml(Object v) {
    String y = YamlWriter.write(v);
    return y.endsWith("\n") ? y.substring(0, y.length() - 1) : y;
  }

  static Object fromYaml(String s) {
    try {
      Object v = Yaml.load(s, "fromYaml");
      if (v == null) {
        return new LinkedHashMap<>();
      }
      if (v instanceof Map<?, ?>) {
        return v;
      }
      return Map.of("Error", "error unmarshaling JSON: json: cannot unmarshal "
          + (v instanceof List ? "array" : "string") + " into Go value of type map[string]interface {}");
    } catch (YamlException e) {
      return Map.of("Error", e.getMessage());
    }
  }

  static Object fromJson(String s) {
    try {
      Object v = GoJson.decodeWhole(s);
      return v instanceof Map<?, ?> ? v : Map.of("Error",
          "json: cannot unmarshal into Go value of type map[string]interface {}");
    } catch (GoJson.DecodeException e) {
      return Map.of("Error", e.getMessage());
    }
  }

  static boolean semverCompare(String constraint, String version, GoFunction.Call c) {
    Constraint con;
    try {
      con = Constraint.parse(constraint);
    } catch (RuntimeException e) {
      throw c.error("error calling semverCompare: failed to parse constraint \"" + constraint + "\": "
          + e.getMessage());
    }
    Version v;
    try {
      v = Version.parse(version);
    } catch (RuntimeException e) {
      throw c.error("error calling semverCompare: failed to parse version \"" + version + "\": "
          + e.getMessage());
    }
    return con.isSatisfiedBy(v);
  }
}
