package dev.capstan.internal.template;

import static dev.capstan.internal.template.Fns.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Sprig's random functions draw only from the render's generator. */
class SprigRandomTest {

  @Test
  @DisplayName("randAlphaNum, randAlpha, randNumeric and randAscii draw from their alphabets")
  void alphabets() {
    assertThat((String) call("randAlphaNum", 64)).hasSize(64).matches("[A-Za-z0-9]+");
    assertThat((String) call("randAlpha", 64)).hasSize(64).matches("[A-Za-z]+");
    assertThat((String) call("randNumeric", 64)).hasSize(64).matches("[0-9]+");
    assertThat((String) call("randAscii", 200)).hasSize(200).matches("[\\x20-\\x7e]+");
    assertThat(call("randAlphaNum", 0)).isEqualTo("");
    assertThat(call("randAlphaNum", -1)).isEqualTo("");
  }

  @Test
  @DisplayName("the same seed gives the same output; another seed another")
  void seeded() {
    Object a = call(Fns.env(ZoneOffset.UTC, 7), "randAlphaNum", 32);
    Object b = call(Fns.env(ZoneOffset.UTC, 7), "randAlphaNum", 32);
    Object c = call(Fns.env(ZoneOffset.UTC, 8), "randAlphaNum", 32);
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  @DisplayName("randInt stays in [min, max) and reaches both ends; an empty range fails as Go")
  void randInt() {
    FunctionEnv env = Fns.env();
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      seen.add(call(env, "randInt", 5, 10));
    }
    assertThat(seen).containsExactlyInAnyOrder(5, 6, 7, 8, 9);
    assertThatThrownBy(() -> call("randInt", 5, 5))
        .isInstanceOf(Sprig.FunctionException.class).hasMessage("invalid argument to Intn");
    assertThatThrownBy(() -> call("randInt", 1L, 5))
        .hasMessage("wrong type for value; expected int; got int64");
  }

  @Test
  @DisplayName("randBytes is base64 of that many bytes")
  void randBytes() {
    String s = (String) call("randBytes", 12);
    assertThat(Base64.getDecoder().decode(s)).hasSize(12);
    assertThat(call("randBytes", 0)).isEqualTo("");
  }

  @Test
  @DisplayName("shuffle permutes the characters")
  void shuffle() {
    String s = (String) call("shuffle", "abcdefghij€");
    assertThat(s).hasSize(11).isNotEqualTo("abcdefghij€");
    assertThat(s.chars().sorted().toArray()).isEqualTo("abcdefghij€".chars().sorted().toArray());
  }

  @Test
  @DisplayName("uuidv4 is a version 4, RFC 4122 variant UUID")
  void uuid() {
    String u = (String) call("uuidv4");
    assertThat(u).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(java.util.UUID.fromString(u).version()).isEqualTo(4);
    assertThatThrownBy(() -> call("uuidv4", "x"))
        .hasMessage("wrong number of args for uuidv4: want 0 got 1");
  }
}
