package dev.capstan.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.release.ApplyMethod;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The apply method as Helm 4 chooses it (§5.10). */
class ServerSideTest {

  @Test
  @DisplayName("an install applies server-side unless --server-side=false")
  void install() {
    assertThat(ServerSide.AUTO.forInstall()).isEqualTo(ApplyMethod.SERVER_SIDE);
    assertThat(ServerSide.TRUE.forInstall()).isEqualTo(ApplyMethod.SERVER_SIDE);
    assertThat(ServerSide.FALSE.forInstall()).isEqualTo(ApplyMethod.CLIENT_SIDE);
  }

  @Test
  @DisplayName("an upgrade with auto follows the release it starts from; a Helm 3 release (no method) stays client-side")
  void upgrade() {
    assertThat(ServerSide.AUTO.forUpgrade(Optional.of(ApplyMethod.SERVER_SIDE)))
        .isEqualTo(ApplyMethod.SERVER_SIDE);
    assertThat(ServerSide.AUTO.forUpgrade(Optional.of(ApplyMethod.CLIENT_SIDE)))
        .isEqualTo(ApplyMethod.CLIENT_SIDE);
    assertThat(ServerSide.AUTO.forUpgrade(Optional.empty())).isEqualTo(ApplyMethod.CLIENT_SIDE);
    assertThat(ServerSide.TRUE.forUpgrade(Optional.empty())).isEqualTo(ApplyMethod.SERVER_SIDE);
    assertThat(ServerSide.FALSE.forUpgrade(Optional.of(ApplyMethod.SERVER_SIDE)))
        .isEqualTo(ApplyMethod.CLIENT_SIDE);
  }

  @Test
  @DisplayName("force flags choose the strategy, and combinations Helm refuses are refused with its texts")
  void strategies() {
    assertThat(ServerSide.strategy(ApplyMethod.SERVER_SIDE, false, false))
        .isEqualTo(ResourceApplier.Strategy.SERVER_SIDE);
    assertThat(ServerSide.strategy(ApplyMethod.SERVER_SIDE, false, true))
        .isEqualTo(ResourceApplier.Strategy.SERVER_SIDE_FORCE_CONFLICTS);
    assertThat(ServerSide.strategy(ApplyMethod.CLIENT_SIDE, true, false))
        .isEqualTo(ResourceApplier.Strategy.REPLACE);
    assertThat(ServerSide.strategy(ApplyMethod.CLIENT_SIDE, false, false))
        .isEqualTo(ResourceApplier.Strategy.THREE_WAY_PATCH);
    assertThatThrownBy(() -> ServerSide.strategy(ApplyMethod.SERVER_SIDE, true, false))
        .hasMessage("cannot use server-side apply and force replace together");
    assertThatThrownBy(() -> ServerSide.strategy(ApplyMethod.CLIENT_SIDE, true, true))
        .hasMessageContaining("mutually exclusive");
    assertThatThrownBy(() -> ServerSide.fromFlag("maybe")).hasMessageContaining("\"maybe\"");
    assertThat(ServerSide.fromFlag(" Auto ")).isEqualTo(ServerSide.AUTO);
  }
}
