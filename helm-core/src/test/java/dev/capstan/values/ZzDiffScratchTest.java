package dev.capstan.values;

import dev.capstan.internal.json.GoJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZzDiffScratchTest {
  @Test
  void run() throws Exception {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("/tmp/diff/cases.tsv"))) {
      int i = line.indexOf('\t');
      String mode = line.substring(0, i);
      String payload = (String) GoJson.decodeWhole(line.substring(i + 1));
      String res;
      try {
        switch (mode) {
          case "toyaml": res = Values.fromJson(payload, "t").toYaml(); break;
          case "load": res = Values.fromYaml(payload, "t").toJson(); break;
          default: {
            Map<String, Object> m = new LinkedHashMap<>();
            Strvals.Mode sm = switch (mode) {
              case "set" -> Strvals.Mode.TYPED;
              case "setstring" -> Strvals.Mode.STRING;
              case "literal" -> Strvals.Mode.LITERAL;
              default -> Strvals.Mode.JSON;
            };
            Strvals.parseInto(payload, m, sm, null);
            res = GoJson.write(m);
          }
        }
      } catch (Strvals.ParseError e) {
        res = "ERR " + e.getMessage();
      } catch (RuntimeException e) {
        res = "ERR " + e;
      }
      StringBuilder sb = new StringBuilder();
      GoJson.quote(sb, res);
      out.add(sb.toString());
    }
    Files.write(Path.of("/tmp/diff/java.out"), out);
  }
}
