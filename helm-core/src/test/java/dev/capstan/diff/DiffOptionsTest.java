package dev.capstan.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiffOptionsTest {
  @Test
  @DisplayName("the defaults are 3 lines of context, secrets hidden, nothing normalised or ignored")
  void defaults() {
    DiffOptions d = DiffOptions.defaults();

    assertThat(d.contextLines()).isEqualTo(3);
    assertThat(d.showSecrets()).isFalse();
    assertThat(d.normalizeLive()).isFalse();
    assertThat(d.ignorePaths()).isEmpty();
    assertThat(d.namespace()).isEmpty();
  }

  @Test
  @DisplayName("a negative context is refused when built, naming the value")
  void negativeContext() {
    DiffOptions.Builder b = DiffOptions.builder().contextLines(-1);

    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contextLines must be at least 0, not -1");
  }

  @Test
  @DisplayName("an ignore path that is not a pointer is refused when built, naming the path")
  void badIgnorePaths() {
    assertThatThrownBy(() -> DiffOptions.builder().ignorePath("metadata/labels").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must start with '/'").hasMessageContaining("\"metadata/labels\"");
    assertThatThrownBy(() -> DiffOptions.builder().ignorePath("/metadata/a~2b").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"/metadata/a~2b\"");
    assertThatThrownBy(() -> DiffOptions.builder().ignorePath("").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("toBuilder derives a variant and leaves the original as it was")
  void toBuilder() {
    DiffOptions base = DiffOptions.builder().contextLines(1).ignorePath("/status")
        .namespace("prod").build();

    DiffOptions variant = base.toBuilder().showSecrets(true).ignorePaths(List.of("/spec/x"))
        .build();

    assertThat(variant.contextLines()).isEqualTo(1);
    assertThat(variant.showSecrets()).isTrue();
    assertThat(variant.ignorePaths()).containsExactly("/status", "/spec/x");
    assertThat(variant.namespace()).isEqualTo("prod");
    assertThat(base.showSecrets()).isFalse();
    assertThat(base.ignorePaths()).containsExactly("/status");
  }

  @Test
  @DisplayName("JSON pointer tokens unescape ~1 to a slash and ~0 to a tilde")
  void pointerTokens() {
    assertThat(JsonPointer.parse("/metadata/annotations/checksum~1config").tokens())
        .containsExactly("metadata", "annotations", "checksum/config");
    assertThat(JsonPointer.parse("/a~0b/~01").tokens()).containsExactly("a~b", "~1");
    assertThat(JsonPointer.parse("/").tokens()).containsExactly("");
  }
}
