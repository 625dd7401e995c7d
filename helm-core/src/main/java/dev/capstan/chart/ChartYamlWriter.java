package dev.capstan.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes {@code Chart.yaml} and {@code Chart.lock} as Helm's {@code chartutil.Save} does: the Go
 * struct through JSON (omitting empty fields) to YAML with go-yaml's key order and quoting.
 */
final class ChartYamlWriter {
  private static final Pattern NON_STRING = Pattern.compile(
      "~|null|Null|NULL"
          + "|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
          + "|[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?"
          + "|\\.[0-9_]+([eE][-+]?[0-9]+)?|\\.(inf|Inf|INF)|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?)"
          + "|\\.(nan|NaN|NAN)"
          + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");
  /** Characters that may not start a plain scalar; '-', '?' and ':' only when a blank follows. */
  private static final String INDICATORS = "#,[]{}&*!|>'\"%@`";

  private ChartYamlWriter() {}

  /** The bytes Helm's Save writes for {@code Chart.yaml}; v1 charts omit their dependencies. */
  static String chartYaml(ChartMetadata md) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", md.name());
    put(m, "home", md.home());
    putList(m, "sources", md.sources());
    m.put("version", md.version());
    put(m, "description", md.description());
    putList(m, "keywords", md.keywords());
    if (!md.maintainers().isEmpty()) {
      List<Object> ms = new ArrayList<>();
      for (Maintainer mt : md.maintainers()) {
        Map<String, Object> e = new LinkedHashMap<>();
        put(e, "name", mt.name());
        put(e, "email", mt.email());
        put(e, "url", mt.url());
        ms.add(e);
      }
      m.put("maintainers", ms);
    }
    put(m, "icon", md.icon());
    m.put("apiVersion", md.apiVersion());
    put(m, "condition", md.condition());
    put(m, "tags", md.tags());
    put(m, "appVersion", md.appVersion());
    if (md.deprecated()) {
      m.put("deprecated", Boolean.TRUE);
    }
    if (!md.annotations().isEmpty()) {
      m.put("annotations", new LinkedHashMap<String, Object>(md.annotations()));
    }
    put(m, "kubeVersion", md.kubeVersion());
    if (!md.apiVersion().equals(ChartMetadata.API_V1) && !md.dependencies().isEmpty()) {
      m.put("dependencies", dependencies(md.dependencies()));
    }
    // ChartMetadata cannot tell an absent type from "application": write it for v2 charts, where
    // both mean the same, but not for v1 charts, where helm lint rejects any type.
    if (!md.apiVersion().equals(ChartMetadata.API_V1) || md.isLibrary()) {
      m.put("type", md.type().wireName());
    }
    return write(m);
  }

  /** The bytes Helm's Save writes for {@code Chart.lock}. */
  static String lockYaml(ChartLock lock) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("generated", lock.generated() == null ? "0001-01-01T00:00:00Z" : lock.generated());
    m.put("digest", lock.digest() == null ? "" : lock.digest());
    m.put("dependencies", dependencies(lock.dependencies()));
    return write(m);
  }

  private static List<Object> dependencies(List<Dependency> deps) {
    List<Object> out = new ArrayList<>();
    for (Dependency d : deps) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", d.name());
      put(e, "version", d.version());
      e.put("repository", d.repository() == null ? "" : d.repository());
      put(e, "condition", d.condition());
      putList(e, "tags", d.tags());
      if (d.enabled()) {
        e.put("enabled", Boolean.TRUE);
      }
      if (!d.importValues().isEmpty()) {
        e.put("import-values", d.importValues());
      }
      put(e, "alias", d.alias());
      out.add(e);
    }
    return out;
  }

  private static void put(Map<String, Object> m, String key, String value) {
    if (value != null && !value.isEmpty()) {
      m.put(key, value);
    }
  }

  private static void putList(Map<String, Object> m, String key, List<String> value) {
    if (!value.isEmpty()) {
      m.put(key, value);
    }
  }

  static String write(Map<String, Object> m) {
    StringBuilder sb = new StringBuilder();
    writeMap(sb, m, 0);
    return sb.toString();
  }

  private static void writeMap(StringBuilder sb, Map<?, ?> m, int indent) {
    List<String> keys = new ArrayList<>();
    m.keySet().forEach(k -> keys.add(String.valueOf(k)));
    keys.sort(GO_YAML_KEY_ORDER);
    for (String k : keys) {
      sb.append(" ".repeat(indent)).append(scalar(k)).append(':');
      writeValueAfterKey(sb, m.get(k), indent);
    }
  }

  private static void writeValueAfterKey(StringBuilder sb, Object v, int indent) {
    if (v instanceof Map<?, ?> child) {
      if (child.isEmpty()) {
        sb.append(" {}\n");
      } else {
        sb.append('\n');
        writeMap(sb, child, indent + 2);
      }
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        sb.append(" []\n");
      } else {
        sb.append('\n');
        writeList(sb, l, indent);
      }
    } else {
      sb.append(' ').append(scalarValue(v, indent + 2)).append('\n');
    }
  }

  private static void writeList(StringBuilder sb, List<?> l, int indent) {
    for (Object item : l) {
      sb.append(" ".repeat(indent)).append("- ");
      if (item instanceof Map<?, ?> m && !m.isEmpty()) {
        // The first key goes on the dash line, the others are indented under it.
        StringBuilder inner = new StringBuilder();
        writeMap(inner, m, indent + 2);
        sb.append(inner.substring(indent + 2));
      } else if (item instanceof List<?> nested && !nested.isEmpty()) {
        StringBuilder inner = new StringBuilder();
        writeList(inner, nested, indent + 2);
        sb.append(inner.substring(indent + 2));
      } else if (item instanceof Map<?, ?>) {
        sb.append("{}\n");
      } else if (item instanceof List<?>) {
        sb.append("[]\n");
      } else {
        sb.append(scalarValue(item, indent + 2)).append('\n');
      }
    }
  }

  private static String scalarValue(Object v, int contentIndent) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Boolean || v instanceof Number) {
      return v instanceof Double d ? ChartYaml.goFloat(d) : v.toString();
    }
    String s = v.toString();
    return canBeLiteral(s) ? literal(s, contentIndent) : scalar(s);
  }

  /** go-yaml writes a multi-line string as a literal block when its characters allow it. */
  private static boolean canBeLiteral(String s) {
    if (!s.contains("\n") || s.startsWith(" ") || s.startsWith("\n")) {
      return false;
    }
    return s.codePoints().allMatch(cp -> cp == '\n' || cp == '\t' || (cp >= 0x20 && cp != 0x7F
        && cp != 0x85 && cp != 0x2028 && cp != 0x2029 && cp != 0xFEFF && cp < 0xFFFE));
  }

  private static String literal(String s, int indent) {
    String body = s;
    String chomp;
    if (!body.endsWith("\n")) {
      chomp = "-";
    } else if (body.endsWith("\n\n")) {
      chomp = "+";
      body = body.substring(0, body.length() - 1);
    } else {
      chomp = "";
      body = body.substring(0, body.length() - 1);
    }
    StringBuilder sb = new StringBuilder("|").append(chomp);
    for (String line : body.split("\n", -1)) {
      sb.append('\n');
      if (!line.isEmpty()) {
        sb.append(" ".repeat(indent)).append(line);
      }
    }
    return sb.toString();
  }

  /** A string as go-yaml writes it: plain when that reads back as the same string, else quoted. */
  static String scalar(String s) {
    if (isPlainSafe(s)) {
      return s;
    }
    if (!NON_STRING.matcher(s).matches() && !s.isEmpty() && s.codePoints().allMatch(
        cp -> cp >= 0x20 && cp != 0x7F && cp != 0x85 && cp != 0x2028 && cp != 0x2029)) {
      return "'" + s.replace("'", "''") + "'";
    }
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (cp < 0x20 || cp == 0x7F || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
            sb.append(String.format("\\u%04X", cp));
          } else {
            sb.appendCodePoint(cp);
          }
        }
      }
    });
    return sb.append('"').toString();
  }

  private static boolean isPlainSafe(String s) {
    if (s.isEmpty() || NON_STRING.matcher(s).matches()) {
      return false;
    }
    char first = s.charAt(0);
    char last = s.charAt(s.length() - 1);
    boolean blankAfterFirst = s.length() == 1 || s.charAt(1) == ' ';
    if (INDICATORS.indexOf(first) >= 0 || first == ' ' || last == ' ' || last == ':'
        || ("-?:".indexOf(first) >= 0 && blankAfterFirst)) {
      return false;
    }
    if (s.contains(": ") || s.contains(" #")) {
      return false;
    }
    return s.codePoints().allMatch(cp -> cp > 0x20 ? cp != 0x7F && cp != 0x85 && cp != 0xFEFF
        && cp != 0x2028 && cp != 0x2029 && cp < 0xFFFE : cp == ' ');
  }

  /** go-yaml v2's map key order: letters by code point, non-letters first, digit runs numerically. */
  static final Comparator<String> GO_YAML_KEY_ORDER = (a, b) -> {
    int[] ar = a.codePoints().toArray();
    int[] br = b.codePoints().toArray();
    for (int i = 0; i < ar.length && i < br.length; i++) {
      if (ar[i] == br[i]) {
        continue;
      }
      boolean al = Character.isLetter(ar[i]);
      boolean bl = Character.isLetter(br[i]);
      if (al && bl) {
        return Integer.compare(ar[i], br[i]);
      }
      if (al || bl) {
        return bl ? -1 : 1;
      }
      boolean ad = Character.isDigit(ar[i]);
      boolean bd = Character.isDigit(br[i]);
      if (ad && bd) {
        long an = 0;
        long bn = 0;
        int j = i;
        while (j < ar.length && Character.isDigit(ar[j])) {
          an = an * 10 + Character.digit(ar[j], 10);
          j++;
        }
        int k = i;
        while (k < br.length && Character.isDigit(br[k])) {
          bn = bn * 10 + Character.digit(br[k], 10);
          k++;
        }
        if (an != bn) {
          return Long.compare(an, bn);
        }
      }
      return Integer.compare(ar[i], br[i]);
    }
    return Integer.compare(ar.length, br.length);
  };
}
