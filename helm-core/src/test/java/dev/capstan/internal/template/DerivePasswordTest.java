package dev.capstan.internal.template;

import static dev.capstan.internal.template.Fns.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** scrypt against RFC 7914 and derivePassword against Sprig's documented outputs. */
class DerivePasswordTest {

  @Test
  @DisplayName("scrypt matches RFC 7914's test vector")
  void scryptVector() throws Exception {
    byte[] dk = Scrypt.derive("password".getBytes(StandardCharsets.UTF_8),
        "NaCl".getBytes(StandardCharsets.UTF_8), 1024, 8, 16, 64);
    assertThat(HexFormat.of().formatHex(dk)).isEqualTo("fdbabe1c9d3472007856e7190d01e9fe"
        + "7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
  }

  @Test
  @DisplayName("derivePassword gives Master Password's outputs (Sprig's test values)")
  void derivePassword() {
    assertThat(call("derivePassword", 1, "long", "password", "user", "example.com"))
        .isEqualTo("ZedaFaxcZaso9*");
    assertThat(call("derivePassword", 1, "nope", "password", "user", "example.com"))
        .isEqualTo("cannot find password template nope");
    assertThatThrownBy(() -> call("derivePassword", "1", "long", "p", "u", "s"))
        .hasMessage("wrong type for value; expected uint32; got string");
  }
}
