package dev.capstan.internal.pebble;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FunctionListDocumentedTest {
  @Test
  @DisplayName("docs/pebble-templates.md lists exactly the functions templates can call")
  void documentedListMatchesTheTable() throws Exception {
    String doc = Files.readString(Path.of("../docs/pebble-templates.md"));
    String section = doc.substring(doc.indexOf("## Functions"), doc.indexOf("Not provided:"));
    Set<String> documented = new TreeSet<>();
    Matcher m = Pattern.compile("`(\\w+)`").matcher(section);
    while (m.find()) {
      documented.add(m.group(1));
    }
    documented.remove("Lookup");

    assertThat(documented).isEqualTo(new TreeSet<>(HelmExtension.functionNames()));
  }
}
