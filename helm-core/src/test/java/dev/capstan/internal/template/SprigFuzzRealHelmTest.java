package dev.capstan.internal.template;

import static dev.capstan.internal.template.SprigRealHelmTest.c;
import static dev.capstan.internal.template.SprigRealHelmTest.l;
import static dev.capstan.internal.template.SprigRealHelmTest.m;
import static dev.capstan.internal.template.SprigRealHelmTest.strings;

import dev.capstan.internal.gofmt.GoFmt;
import dev.capstan.internal.json.GoJson;
import dev.capstan.internal.template.SprigRealHelmTest.Case;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random inputs (the same on every run) for the functions with the most intricate rules:
 * Go's printf, the xstrings case conversions, strings.Title, base64/base32 decoding and regex
 * splitting. Each generated call is rendered once by real Helm and compared with Java.
 */
class SprigFuzzRealHelmTest {
  private static final String[] PIECES = {
      "a", "b", "Z", "Q", "x", "HTTP", "Id", "9", "42", "_", "-", " ", "  ", ".", ",", "!", "é",
      "É", "ß", "ǅ", "Σ", "ς", "☺", "\t", "\n", "'", "’", "+", "=", "2x", "\u00a0", "日本"};
  private static final String[] FORMAT_PIECES = {
      "%", "%", "%", "v", "d", "s", "q", "x", "X", "f", "e", "g", "G", "t", "T", "c", "U", "b",
      "o", "z", "-", "+", "#", " ", "0", "1", "5", "12", ".", ".2", "*", "[1]", "[2]", "[9]",
      "!", "%%", "ab"};
  private static final Object[] ARGS = {
      1, -42, 255L, 0, 1.5, -0.0001, 1e21, 123456.789, "hi", "", "é☺", true, false, null,
      l(1, "a"), m("k", 2.5), 0x1F600};

  static final List<Case> CASES = generate();

  private static String randomText(Random r, int maxPieces) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(maxPieces + 1);
    for (int i = 0; i < n; i++) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  private static String randomAlphabet(Random r, String alphabet, int max) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static List<Case> generate() {
    Random r = new Random(20261124L);
    List<Case> out = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String s = randomText(r, 6);
      String q = GoJson.goQuote(s);
      out.add(c("camelcase " + q, () -> Sprig.camelcase(s)));
      out.add(c("snakecase " + q, () -> Sprig.snakecase(s)));
      out.add(c("kebabcase " + q, () -> Sprig.kebabcase(s)));
      out.add(c("title " + q, () -> Sprig.title(s)));
      out.add(c("untitle " + q, () -> Sprig.untitle(s)));
      out.add(c("swapcase " + q, () -> Sprig.swapcase(s)));
      out.add(c("upper " + q, () -> Sprig.upper(s)));
      out.add(c("lower " + q, () -> Sprig.lower(s)));
      out.add(c("trim " + q, () -> Sprig.trim(s)));
      out.add(c("initials " + q, () -> Sprig.initials(s)));
      out.add(c("nospace " + q, () -> Sprig.nospace(s)));
      out.add(c("wrap 4 " + q, () -> Sprig.wrap(4, s)));
      out.add(c("quote " + q, () -> Sprig.quote(s)));
    }
    for (int i = 0; i < 60; i++) {
      String s = randomAlphabet(r, "QUJDZGVm+/=\n\r!A", 10);
      String q = GoJson.goQuote(s);
      // decoded bytes that are not UTF-8 cannot be a Java string (a documented deviation)
      if (Sprig.b64dec(s).indexOf('\uFFFD') < 0) {
        out.add(c("b64dec " + q, () -> Sprig.b64dec(s)));
      }
      String t = randomAlphabet(r, "MZXW6YTBOI=\n!a2", 12);
      String qt = GoJson.goQuote(t);
      if (Sprig.b32dec(t).indexOf('\uFFFD') < 0) {
        out.add(c("b32dec " + qt, () -> Sprig.b32dec(t)));
      }
    }
    String[] regexes = {"a*", "b+", ",", "", "x?", "[ab]", "^a", "a$", "\\b", "(a)(b)?"};
    for (int i = 0; i < 40; i++) {
      String re = regexes[r.nextInt(regexes.length)];
      String s = randomAlphabet(r, "aab,x ", 7);
      int n = r.nextInt(5) - 1;
      String call = GoJson.goQuote(re) + " " + GoJson.goQuote(s);
      out.add(strings("regexSplit " + call + " " + n, () -> Sprig.regexSplit(re, s, n)));
      out.add(strings("regexFindAll " + call + " " + n, () -> Sprig.regexFindAll(re, s, n)));
      out.add(c("regexReplaceAll " + call + " \"<$1>\"", () -> Sprig.regexReplaceAll(re, s, "<$1>")));
    }
    for (int i = 0; i < 400; i++) {
      StringBuilder f = new StringBuilder();
      int pieces = 1 + r.nextInt(5);
      for (int k = 0; k < pieces; k++) {
        f.append(FORMAT_PIECES[r.nextInt(FORMAT_PIECES.length)]);
      }
      int argc = r.nextInt(4);
      Object[] args = new Object[argc];
      StringBuilder expr = new StringBuilder("printf ").append(GoJson.goQuote(f.toString()));
      for (int k = 0; k < argc; k++) {
        args[k] = ARGS[r.nextInt(ARGS.length)];
        expr.append(' ').append(literal(args[k]));
      }
      String format = f.toString();
      if (format.contains("\n")) {
        continue;
      }
      out.add(c(expr.toString(), () -> GoFmt.sprintf(format, args)));
    }
    return out;
  }

  private static String literal(Object v) {
    if (v instanceof Long x) {
      return "(int64 " + x + ")";
    }
    if (v instanceof Double d) {
      return "(float64 " + GoJson.goQuote(Double.toString(d)) + ")";
    }
    if (v instanceof String s) {
      return GoJson.goQuote(s);
    }
    if (v instanceof List<?>) {
      return "(list 1 \"a\")";
    }
    if (v instanceof java.util.Map<?, ?>) {
      return "(dict \"k\" (float64 \"2.5\"))";
    }
    return String.valueOf(v == null ? "nil" : v);
  }

  private static List<String> helmLines;

  @BeforeAll
  static void renderWithHelm(@TempDir Path tmp) throws Exception {
    helmLines = SprigRealHelmTest.render(tmp, CASES);
  }

  @TestFactory
  @DisplayName("random strings and printf formats give what Helm gives")
  Stream<DynamicTest> sameAsHelm() {
    return SprigRealHelmTest.compare(CASES, helmLines);
  }
}
