package dev.capstan.internal.gofmt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.internal.json.GoJson;
import dev.capstan.testing.RealHelm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ground truth for {@link GoFmt#sprintf}: a chart whose template prints every case of the table
 * below with Helm's {@code printf} is rendered once by the real Helm binary; each output line must
 * equal what GoFmt prints for the same format and arguments.
 */
class GoFmtRealHelmTest {

  /** One {@code printf} call: its format and its arguments as Java values. */
  record Case(String format, Object... args) {
    @Override
    public String toString() {
      return format + " " + Arrays.deepToString(args);
    }
  }

  private static final Map<String, Object> MAP = new LinkedHashMap<>();
  private static final List<Object> LIST = new ArrayList<>();

  static {
    MAP.put("b", "x");
    MAP.put("a", 1);
    MAP.put("c", 2.5);
    LIST.add(1);
    LIST.add("two");
    LIST.add(3.5);
    LIST.add(null);
    LIST.add(true);
  }

  static final List<Case> CASES = List.of(
      // %v of every type
      new Case("%v", 1), new Case("%v", 5L), new Case("%v", -7L), new Case("%v", 1.5),
      new Case("%v", 1000000.0), new Case("%v", 100000.0), new Case("%v", 123456789.0),
      new Case("%v", 1e21), new Case("%v", 1e20), new Case("%v", 0.0001), new Case("%v", 0.00001),
      new Case("%v", -2.5), new Case("%v", 3.0), new Case("%v", 0.1 + 0.2), new Case("%v", 1e-7),
      new Case("%v", Double.NaN), new Case("%v", Double.POSITIVE_INFINITY),
      new Case("%v", Double.NEGATIVE_INFINITY), new Case("%v", true), new Case("%v", "str"),
      new Case("%v", (Object) null), new Case("%v", MAP), new Case("%v", LIST),
      new Case("%v", List.of()), new Case("%v", Map.of()),
      new Case("%+v", 5), new Case("%+v", 1.5), new Case("%+v", MAP),
      new Case("%#v", 5), new Case("%#v", 5L), new Case("%#v", 1.0), new Case("%#v", 1e6),
      new Case("%#v", 1e20), new Case("%#v", 1e21), new Case("%#v", 123456789.0),
      new Case("%#v", "a\"b"), new Case("%#v", true), new Case("%#v", MAP), new Case("%#v", LIST),
      new Case("%5v", LIST), new Case("%-4v|", MAP), new Case("%05v", 42),
      // %T
      new Case("%T %T %T %T %T %T %T", 1, 2L, 1.5, "s", true, MAP, LIST),
      new Case("%T", (Object) null), new Case("%10T|", "s"), new Case("%.3T", 1.5),
      // %s and %q
      new Case("%s", "abc"), new Case("%10s|", "abc"), new Case("%-10s|", "abc"),
      new Case("%.2s", "abcdef"), new Case("%5.1s|", "xyz"), new Case("%05s", "ab"),
      new Case("%s", 5), new Case("%s", 1.5), new Case("%s", true), new Case("%s", (Object) null),
      new Case("%s", MAP), new Case("%s", LIST), new Case("%s", "héllo wörld"),
      new Case("%q", "a\tb\"c\\"), new Case("%q", "héllo\u0001"), new Case("%+q", "héllo☺"),
      new Case("%#q", "back`tick"), new Case("%#q", "plain"), new Case("%q", 65),
      new Case("%q", 0x263A), new Case("%+q", 0x263A), new Case("%q", MAP), new Case("%q", LIST),
      new Case("%8q|", "x"), new Case("%.2q", "abcd"),
      // %x %X of strings
      new Case("%x", "hi"), new Case("%X", "Hi there"), new Case("% x", "abc"),
      new Case("%#x", "abc"), new Case("%# x", "abc"), new Case("%# X", "abc"),
      new Case("%.2x", "abcdef"), new Case("%10x|", "ab"), new Case("%-10x|", "ab"),
      new Case("%x", ""), new Case("%5x|", ""), new Case("%x", "é"),
      // integers
      new Case("%d", 42), new Case("%d", -42L), new Case("%5d|", 42), new Case("%-5d|", 42),
      new Case("%05d", 42), new Case("%05d", -42), new Case("%+d", 42), new Case("% d", 42),
      new Case("%+05d", 42), new Case("%.3d", 7), new Case("%6.3d|", -7), new Case("%.0d|", 0),
      new Case("%5.0d|", 0), new Case("%-05d|", 3), new Case("%d", Long.MIN_VALUE),
      new Case("%x", 255), new Case("%X", 255L), new Case("%#x", 255), new Case("%#X", 255),
      new Case("%x", -255), new Case("%#08x", 255), new Case("%o", 8), new Case("%#o", 8),
      new Case("%O", 8), new Case("%b", 5), new Case("%#b", 5), new Case("%b", -5L),
      new Case("%c", 65), new Case("%c", 0x1F600), new Case("%c", -1), new Case("%3c|", 66),
      new Case("%U", 0x1F600), new Case("%#U", 0x263A), new Case("%U", 65), new Case("%.6U", 65),
      new Case("%#U", 10), new Case("%10U|", 65),
      new Case("%d", MAP), new Case("%d", LIST), new Case("%x", LIST),
      // floats
      new Case("%f", 3.14159), new Case("%.2f", 3.14159), new Case("%8.3f|", -3.14159),
      new Case("%-8.2f|", 2.5), new Case("%08.2f", -2.5), new Case("%+.1f", 2.25),
      new Case("% .1f", 2.35), new Case("%.0f", 2.5), new Case("%.0f", 3.5), new Case("%.2f", 0.125),
      new Case("%.1f", 0.05), new Case("%f", 1e21), new Case("%F", 1.5), new Case("%e", 1234.5678),
      new Case("%E", 1234.5678), new Case("%.2e", 0.000123456), new Case("%e", 0.0),
      new Case("%.0e", 5.5), new Case("%g", 1234.5678), new Case("%g", 1e6), new Case("%g", 1e-5),
      new Case("%G", 1e-7), new Case("%.3g", 1234.5678), new Case("%.3g", 1.0),
      new Case("%.3g", 0.0), new Case("%.10g", 1.0 / 3), new Case("%.0g", 2.5),
      new Case("%#g", 1.0), new Case("%#.3g", 1.0), new Case("%#g", 1e6), new Case("%#f", 1.0),
      new Case("%#.0f", 2.0), new Case("%#e", 1.0), new Case("%#.0e", 2.0), new Case("%#v", 2.0),
      new Case("%10.3e|", 1234.5), new Case("%010.3f", 3.14159), new Case("%+010.3f", 3.14159),
      new Case("%f", Double.NaN), new Case("%+f", Double.NaN), new Case("% f", Double.NaN),
      new Case("%05f", Double.POSITIVE_INFINITY), new Case("%6f|", Double.NEGATIVE_INFINITY),
      new Case("%x", 1.0), new Case("%x", 3.5), new Case("%X", -0.1), new Case("%.2x", 1.0 / 3),
      new Case("%x", 0.0), new Case("%b", 1.0), new Case("%b", 0.0), new Case("%.3x", 1.999999),
      new Case("%f", MAP), new Case("%.1f", LIST),
      // booleans
      new Case("%t", true), new Case("%t", false), new Case("%6t|", true), new Case("%-6t|", false),
      new Case("%t", 1), new Case("%t", "yes"), new Case("%t", (Object) null), new Case("%t", MAP),
      new Case("%d", true),
      // bad verbs and argument errors
      new Case("%d", 1.5), new Case("%d", "abc"), new Case("%5d|", "abc"), new Case("%d", 1e6),
      new Case("%s"), new Case("%d %s", 1), new Case("%z", 1), new Case("%z", "s"),
      new Case("%!"), new Case("%"), new Case("abc%"), new Case("%-"), new Case("%5"),
      new Case("%.", 1), new Case("x", "y", 2), new Case("x", (Object) null),
      new Case("%d", 1, "extra", 2.5, true), new Case("%d", (Object) null),
      new Case("%w", "x"), new Case("%p", 1), new Case("%%"), new Case("%5%|"), new Case("%-5%|"),
      new Case("100%% %d%%", 5), new Case("%v%v%v", "a", "b"),
      // width and precision from arguments, argument indexes
      new Case("%*d|", 5, 42), new Case("%-*d|", 5, 42), new Case("%*d|", -5, 42),
      new Case("%.*f", 2, 3.14159), new Case("%*.*f|", 8, 2, 3.14159), new Case("%*d", "x", 1),
      new Case("%.*d", "x", 1), new Case("%.*d", -1, 7), new Case("%*d", 5L, 1),
      new Case("%[2]d %[1]d", 1, 2), new Case("%[3]d", 1, 2), new Case("%[1]d %d", 1, 2),
      new Case("%[2]*[1]d|", 12, 5), new Case("%[0]d", 1), new Case("%[x]d", 1),
      new Case("%[1]d", 1, 2), new Case("%d %[1]d %d", 1, 2), new Case("%[5]*d", 1),
      new Case("%.[2]d", 1, 2), new Case("%[1]", 1), new Case("%*", 1),
      // text around verbs, unicode
      new Case("héllo %s wörld", "☺"), new Case("%d%s%v", 1, "-", 2.5),
      new Case("%-8s|%8s|", "ü", "ü"), new Case("%.1s", "☺x"));

  private static List<String> helmLines;

  @BeforeAll
  static void renderWithHelm(@TempDir Path tmp) throws Exception {
    RealHelm helm = RealHelm.fetch(tmp.resolve("helm"));
    Path chart = tmp.resolve("fmt");
    Files.createDirectories(chart.resolve("templates"));
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: fmt\nversion: 0.1.0\n");
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < CASES.size(); i++) {
      Case c = CASES.get(i);
      t.append("#").append(i).append(":{{ printf ").append(GoJson.goQuote(c.format()));
      for (Object a : c.args()) {
        t.append(' ').append(templateLiteral(a));
      }
      t.append(" }}:END\n");
    }
    Files.writeString(chart.resolve("templates/cases.yaml"), t.toString());
    String out = helm.helm("template", chart.toString()).requireSuccess().out();
    Map<Integer, String> byIndex = new HashMap<>();
    for (String line : out.split("\n", -1)) {
      if (line.startsWith("#") && line.endsWith(":END") && line.indexOf(':') > 1) {
        int colon = line.indexOf(':');
        try {
          int idx = Integer.parseInt(line.substring(1, colon));
          byIndex.put(idx, line.substring(colon + 1, line.length() - 4));
        } catch (NumberFormatException e) {
          // not one of ours
        }
      }
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < CASES.size(); i++) {
      lines.add(byIndex.get(i));
    }
    helmLines = lines;
  }

  /** The Go template expression that produces a value of the Go type GoFmt maps the value to. */
  static String templateLiteral(Object v) {
    if (v == null) {
      return "nil";
    }
    if (v instanceof Integer || v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof Long l) {
      return "(int64 " + (l == Long.MIN_VALUE ? "\"" + l + "\"" : l.toString()) + ")";
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return "(float64 " + GoJson.goQuote(d.isNaN() ? "NaN" : d > 0 ? "+Inf" : "-Inf") + ")";
      }
      return "(float64 " + GoJson.goQuote(Double.toString(d)) + ")";
    }
    if (v instanceof String s) {
      return GoJson.goQuote(s);
    }
    if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("(list");
      for (Object o : l) {
        sb.append(' ').append(templateLiteral(o));
      }
      return sb.append(')').toString();
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("(dict");
      m.forEach((k, val) -> sb.append(' ').append(templateLiteral(k)).append(' ')
          .append(templateLiteral(val)));
      return sb.append(')').toString();
    }
    throw new IllegalArgumentException("no template literal for " + v.getClass());
  }

  @TestFactory
  @DisplayName("GoFmt.sprintf prints what Helm's printf prints")
  Stream<DynamicTest> sameAsHelm() {
    return Stream.iterate(0, i -> i < CASES.size(), i -> i + 1).map(i -> {
      Case c = CASES.get(i);
      return DynamicTest.dynamicTest(c.toString(), () ->
          assertThat(GoFmt.sprintf(c.format(), c.args()))
              .as("printf %s", c)
              .isEqualTo(helmLines.get(i)));
    });
  }
}
