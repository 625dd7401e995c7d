package dev.capstan.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseKeyTest {

  @Test
  @DisplayName("§2.2: the key is sh.helm.release.v1.<name>.v<revision>")
  void keyFormat() {
    assertThat(ReleaseKey.of("myapp", 3)).isEqualTo("sh.helm.release.v1.myapp.v3");
  }

  @Test
  @DisplayName("a key parses back to its name and revision, also when the name contains .v")
  void parsesBack() {
    assertThat(ReleaseKey.parse("sh.helm.release.v1.a.vb.v12"))
        .contains(new ReleaseKey("a.vb", 12));
    assertThat(ReleaseKey.parse(ReleaseKey.of("web", 1))).contains(new ReleaseKey("web", 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"web.v1", "sh.helm.release.v1.web", "sh.helm.release.v1.web.v",
      "sh.helm.release.v1.web.vx", "sh.helm.release.v1..v1", "sh.helm.release.v1.web.v0",
      "sh.helm.release.v2.web.v1", "sh.helm.release.v1.web.v99999999999"})
  @DisplayName("a string that is not a Helm key does not parse")
  void rejectsForeign(String key) {
    assertThat(ReleaseKey.parse(key)).isEmpty();
  }

  @Test
  @DisplayName("a revision below 1 is refused with a message naming the release")
  void revisionPositive() {
    assertThatThrownBy(() -> ReleaseKey.of("web", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("web")
        .hasMessageContaining("at least 1");
  }
}
