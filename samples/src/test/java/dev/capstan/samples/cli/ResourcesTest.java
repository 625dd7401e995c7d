package dev.capstan.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Ages in the RESOURCES section read as kubectl's HumanDuration writes them. */
class ResourcesTest {
  @Test
  void agesAsKubectlPrintsThem() {
    assertThat(Resources.human(Duration.ofSeconds(8))).isEqualTo("8s");
    assertThat(Resources.human(Duration.ofSeconds(119))).isEqualTo("119s");
    assertThat(Resources.human(Duration.ofSeconds(150))).isEqualTo("2m30s");
    assertThat(Resources.human(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(Resources.human(Duration.ofMinutes(95))).isEqualTo("95m");
    assertThat(Resources.human(Duration.ofMinutes(5 * 60 + 7))).isEqualTo("5h7m");
    assertThat(Resources.human(Duration.ofHours(30))).isEqualTo("30h");
    assertThat(Resources.human(Duration.ofHours(3 * 24 + 4))).isEqualTo("3d4h");
    assertThat(Resources.human(Duration.ofDays(100))).isEqualTo("100d");
    assertThat(Resources.human(Duration.ofDays(3 * 365 + 10))).isEqualTo("3y10d");
    assertThat(Resources.human(Duration.ofSeconds(-5))).isEqualTo("<invalid>");
  }
}
