package dev.capstan.internal.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.render.Lookup;
import dev.capstan.render.TemplateEngine.EngineOptions;
import dev.capstan.render.TemplateException;
import dev.capstan.render.TemplateSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shared functions of MoreFunctions are bound in Pebble, on the engine's clock. */
class PebbleMoreFunctionsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);

  private static String render(String text) {
    PebbleTemplateEngine engine = new PebbleTemplateEngine(CLOCK);
    var compiled = engine.compile(List.of(new TemplateSource("c/templates/t.peb", text)),
        new EngineOptions(false, 1_000_000));
    return compiled.render("c/templates/t.peb", Map.of(), Lookup.offline());
  }

  @Test
  @DisplayName("now and date read the engine's clock, as function and as filter")
  void dates() {
    assertThat(render("{{ date(\"2006-01-02\", now()) }}")).isEqualTo("2024-05-06");
    assertThat(render("{{ now() | date(\"15:04\") }}")).isEqualTo("07:08");
    assertThat(render("{{ now() | unixEpoch }}")).isEqualTo("1714979289");
  }

  @Test
  @DisplayName("objects' Go fields are reachable: semver's Major, a certificate's Cert")
  void objects() {
    assertThat(render("{{ semver(\"1.2.3\").Major }}")).isEqualTo("1");
    assertThat(render("{% set ca = genCA(\"x\", 1) %}{{ ca.Cert | trunc(27) }}"))
        .isEqualTo("-----BEGIN CERTIFICATE-----");
    assertThat(render("{{ uuidv4() | length }}")).isEqualTo("36");
  }

  @Test
  @DisplayName("a wrong argument count is reported as Go reports it")
  void arity() {
    assertThatThrownBy(() -> render("{{ now(1) }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("wrong number of args for now: want 0 got 1");
  }
}
