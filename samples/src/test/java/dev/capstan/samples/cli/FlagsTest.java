package dev.capstan.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the flag parser follows pflag")
class FlagsTest {
  static Flags flags() {
    return new Flags().string("namespace", 'n', "").bool("wait-for-jobs").bool("debug")
        .bool("install", 'i').array("set").slice("values", 'f').integer("max", 256)
        .duration("timeout", Duration.ofMinutes(5)).map("labels")
        .optional("wait", "hookOnly", "watcher").bool("rollback-on-failure")
        .alias("atomic", "rollback-on-failure");
  }

  @Test
  void valuesInEveryForm() {
    Flags f = flags().parse(List.of("web", "--namespace=a", "chart", "--set", "x=1,y=2",
        "--set=z=3", "-f", "a.yaml,b.yaml", "-f", "c.yaml", "--max", "7", "--timeout", "1m30s",
        "--labels", "team=a,tier=b"));
    assertThat(f.args()).containsExactly("web", "chart");
    assertThat(f.str("namespace")).isEqualTo("a");
    assertThat(f.list("set")).containsExactly("x=1,y=2", "z=3");
    assertThat(f.list("values")).containsExactly("a.yaml", "b.yaml", "c.yaml");
    assertThat(f.integer("max")).isEqualTo(7);
    assertThat(f.duration("timeout")).isEqualTo(Duration.ofSeconds(90));
    assertThat(f.stringMap("labels")).isEqualTo(Map.of("team", "a", "tier", "b"));
  }

  @Test
  void shorthandsAttachedOrSeparateAndCombinedBools() {
    assertThat(flags().parse(List.of("-nns")).str("namespace")).isEqualTo("ns");
    assertThat(flags().parse(List.of("-n", "ns")).str("namespace")).isEqualTo("ns");
    assertThat(flags().parse(List.of("-n=ns")).str("namespace")).isEqualTo("ns");
    Flags f = flags().parse(List.of("-inprod"));
    assertThat(f.isSet("install")).isTrue();
    assertThat(f.str("namespace")).isEqualTo("prod");
  }

  @Test
  void boolsAndOptionalValues() {
    assertThat(flags().parse(List.of("--debug")).isSet("debug")).isTrue();
    assertThat(flags().parse(List.of("--debug=false")).isSet("debug")).isFalse();
    assertThat(flags().parse(List.of()).str("wait")).isEqualTo("hookOnly");
    assertThat(flags().parse(List.of("--wait", "web")).str("wait")).isEqualTo("watcher");
    assertThat(flags().parse(List.of("--wait=legacy")).str("wait")).isEqualTo("legacy");
    assertThat(flags().parse(List.of("--atomic")).isSet("rollback-on-failure")).isTrue();
  }

  @Test
  void doubleDashEndsFlags() {
    Flags f = flags().parse(List.of("--debug", "--", "--set", "-n"));
    assertThat(f.args()).containsExactly("--set", "-n");
    assertThat(f.list("set")).isEmpty();
  }

  @Test
  void errorsInPflagsWords() {
    assertThatThrownBy(() -> flags().parse(List.of("--x"))).hasMessage("unknown flag: --x");
    assertThatThrownBy(() -> flags().parse(List.of("-a")))
        .hasMessage("unknown shorthand flag: 'a' in -a");
    assertThatThrownBy(() -> flags().parse(List.of("--namespace")))
        .hasMessage("flag needs an argument: --namespace");
    assertThatThrownBy(() -> flags().parse(List.of("-n")))
        .hasMessage("flag needs an argument: 'n' in -n");
    assertThatThrownBy(() -> flags().parse(List.of("--max", "lots"))).hasMessage(
        "invalid argument \"lots\" for \"--max\" flag: strconv.ParseInt: parsing \"lots\": invalid"
            + " syntax");
    assertThatThrownBy(() -> flags().parse(List.of("--timeout=5 minutes"))).hasMessage(
        "invalid argument \"5 minutes\" for \"--timeout\" flag: time: invalid duration"
            + " \"5 minutes\"");
  }
}
