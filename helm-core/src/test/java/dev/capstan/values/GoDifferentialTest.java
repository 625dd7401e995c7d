package dev.capstan.values;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.internal.json.GoJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A differential corpus: inputs with the outputs that the Go reference code produced for them —
 * Helm's own {@code pkg/strvals} parsers, and sigs.k8s.io/yaml over go-yaml v2 — run once by a small
 * Go program (not part of this project). Inputs were generated at random around the tricky parts
 * (quoting, folding, number formats, key order, scalar resolution, escapes, list indexes).
 *
 * <p>Modes: {@code toyaml} (a JSON object, numbers float64, written as {@code helm get values}
 * writes it), {@code load} (YAML values read, then written as JSON), {@code set},
 * {@code setstring}, {@code literal}, {@code json} (one strvals expression parsed into an empty map,
 * written as JSON, or Helm's exact error text). For {@code toyaml} and {@code load}, only the fact
 * of an error is compared, since error texts differ between the YAML libraries.
 */
class GoDifferentialTest {

  static List<Arguments> corpus() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (InputStream in = GoDifferentialTest.class.getResourceAsStream("go-differential.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", 3);
        out.add(Arguments.of(n, cols[0], (String) GoJson.decodeWhole(cols[1]),
            (String) GoJson.decodeWhole(cols[2])));
      }
    }
    return out;
  }

  @Test
  @DisplayName("the same output as Helm's Go code for every input of the corpus")
  void sameAsGo() throws IOException {
    // Given
    List<Arguments> corpus = corpus();
    List<String> mismatches = new ArrayList<>();
    // When
    for (Arguments a : corpus) {
      Object[] c = a.get();
      String mode = (String) c[1];
      String input = (String) c[2];
      String expected = (String) c[3];
      String actual = run(mode, input);
      boolean same = expected.startsWith("ERR ") && (mode.equals("toyaml") || mode.equals("load"))
          ? actual.startsWith("ERR ")
          : actual.equals(expected);
      if (!same) {
        mismatches.add("line " + c[0] + " " + mode + " " + input + "\n  go:   " + expected
            + "\n  java: " + actual);
      }
    }
    // Then
    assertThat(corpus).hasSizeGreaterThan(1500);
    assertThat(mismatches).isEmpty();
  }

  private static String run(String mode, String input) {
    try {
      switch (mode) {
        case "toyaml":
          return Values.fromJson(input, "in").toYaml();
        case "load":
          return Values.fromYaml(input, "in").toJson();
        default: {
          Strvals.Mode m = switch (mode) {
            case "set" -> Strvals.Mode.TYPED;
            case "setstring" -> Strvals.Mode.STRING;
            case "literal" -> Strvals.Mode.LITERAL;
            default -> Strvals.Mode.JSON;
          };
          Map<String, Object> got = new LinkedHashMap<>();
          Strvals.parseInto(input, got, m, null);
          return GoJson.write(got);
        }
      }
    } catch (Strvals.ParseError e) {
      return "ERR " + e.getMessage();
    } catch (ValuesException e) {
      return "ERR " + e.getMessage();
    }
  }
}
