package dev.capstan.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The UTF-8 writer and reader give exactly what GoJson's String writer and reader give. */
class GoJsonUtf8Test {
  /** Characters that exercise every escaping and UTF-8 length branch. */
  private static final String ALPHABET = "ab \"\\/\n\r\t\b\f\u0001\u001f<>&\u007f\u00e9\u07ff"
      + "\u0800\u20ac\u2028\u2029\uffff\uD83D\uDE00\uD800\uDC00";

  private static String randomString(Random rnd, int maxLength) {
    StringBuilder sb = new StringBuilder();
    int n = rnd.nextInt(maxLength + 1);
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(4) == 0) {
        sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
      } else {
        sb.append((char) ('a' + rnd.nextInt(26)));
      }
    }
    return sb.toString();
  }

  private static Object randomTree(Random rnd, int depth) {
    int kind = depth > 3 ? rnd.nextInt(4) : rnd.nextInt(6);
    switch (kind) {
      case 0:
        return randomString(rnd, 40);
      case 1:
        return rnd.nextBoolean() ? rnd.nextInt(2000) - 1000.0 : rnd.nextDouble() * 1e9;
      case 2:
        return rnd.nextBoolean();
      case 3:
        return null;
      case 4: {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = rnd.nextInt(5); i > 0; i--) {
          m.put(randomString(rnd, 8), randomTree(rnd, depth + 1));
        }
        return m;
      }
      default: {
        List<Object> l = new ArrayList<>();
        for (int i = rnd.nextInt(5); i > 0; i--) {
          l.add(randomTree(rnd, depth + 1));
        }
        return l;
      }
    }
  }

  @Test
  @DisplayName("quote writes the UTF-8 of what GoJson.quote writes, for strings with every escape,"
      + " surrogate pairs and lone surrogates")
  void quoteMatchesGoJson() {
    Random rnd = new Random(42);
    for (int i = 0; i < 3000; i++) {
      // Given
      String s = randomString(rnd, 60);
      StringBuilder expected = new StringBuilder();
      GoJson.quote(expected, s);
      // When
      GoJsonUtf8.Writer w = new GoJsonUtf8.Writer(1);
      w.quote(s);
      // Then
      assertThat(w.toString()).as("quote of %s", GoJson.goQuote(s)).isEqualTo(expected.toString());
    }
  }

  @Test
  @DisplayName("tree writes sorted keys and ordered keeps key order, byte for byte as GoJson")
  void treesMatchGoJson() {
    Random rnd = new Random(7);
    for (int i = 0; i < 500; i++) {
      Object tree = randomTree(rnd, 0);
      assertThat(new GoJsonUtf8.Writer(8).tree(tree).toString()).isEqualTo(GoJson.write(tree));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", 1.0);
    m.put("a", List.of("x", Map.of("k", true)));
    assertThat(new GoJsonUtf8.Writer(8).ordered(m).toString())
        .isEqualTo("{\"z\":1,\"a\":[\"x\",{\"k\":true}]}");
  }

  @Test
  @DisplayName("decodeWhole of UTF-8 bytes gives the tree GoJson.decodeWhole gives for the text,"
      + " with escapes, \\u escapes and raw non-ASCII")
  void decodeMatchesGoJson() {
    Random rnd = new Random(11);
    for (int i = 0; i < 1000; i++) {
      // Given: written JSON, and the same with some characters turned into \\u escapes
      String json = GoJson.write(randomTree(rnd, 0));
      String escaped = json.replace("\u00e9", "\\u00e9").replace("\uD83D\uDE00", "\\ud83d\\ude00")
          .replace("/", "\\/");
      for (String text : List.of(json, escaped, " \n" + json + "\t ")) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        // When
        Object fromBytes = GoJsonUtf8.decodeWhole(utf8, utf8.length);
        // Then
        assertThat(fromBytes).as(text).isEqualTo(GoJson.decodeWhole(text));
      }
    }
  }

  @Test
  @DisplayName("lone and unpaired \\u surrogates decode to U+FFFD as in GoJson")
  void surrogateEscapes() {
    for (String text : List.of("\"\\ud800\"", "\"\\udc00x\"", "\"\\ud800\\u0041\"",
        "\"\\ud83d\\ude00\\ud83d\"")) {
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      assertThat(GoJsonUtf8.decodeWhole(b, b.length)).as(text).isEqualTo(GoJson.decodeWhole(text));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", " ", "{", "{\"a\":", "{\"a\" 1}", "[1,]", "[1 2]", "tru", "nul",
      "-", "01", "1.", "1e", "1e+", "\"abc", "\"a\\x\"", "\"\\u12g4\"", "\"a\u0001\"", "{} x",
      "{\"a\":1,}", "{1:2}", "1e999"})
  @DisplayName("malformed JSON fails with the same Go-worded message as GoJson.decodeWhole")
  void errorsMatchGoJson(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    String expected = null;
    try {
      GoJson.decodeWhole(text);
    } catch (GoJson.DecodeException e) {
      expected = e.getMessage();
    }
    assertThat(expected).as("GoJson rejects it").isNotNull();
    assertThatThrownBy(() -> GoJsonUtf8.decodeWhole(b, b.length))
        .isInstanceOf(GoJson.DecodeException.class).hasMessage(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"80", "c0 80", "c1 bf", "e0 9f bf", "ed a0 80", "f0 8f bf bf",
      "f4 90 80 80", "f5 80 80 80", "e2 82", "ff"})
  @DisplayName("malformed UTF-8 inside a string (overlong, surrogate, above U+10FFFF, truncated)"
      + " is an error naming the byte offset, where Java's decoder would also refuse it")
  void malformedUtf8InString(String hex) {
    // Given: "x<bytes>"
    String[] parts = hex.split(" ");
    byte[] b = new byte[parts.length + 3];
    b[0] = '"';
    b[1] = 'x';
    for (int i = 0; i < parts.length; i++) {
      b[i + 2] = (byte) Integer.parseInt(parts[i], 16);
    }
    b[b.length - 1] = '"';
    // When / Then
    assertThatThrownBy(() -> GoJsonUtf8.decodeWhole(b, b.length))
        .isInstanceOf(GoJson.DecodeException.class)
        .hasMessage("malformed UTF-8 in string literal at byte 2");
  }

  @Test
  @DisplayName("only the first length bytes are read")
  void lengthBoundsTheInput() {
    byte[] b = "[1,2]garbage".getBytes(StandardCharsets.US_ASCII);
    assertThat(GoJsonUtf8.decodeWhole(b, 5)).isEqualTo(List.of(1.0, 2.0));
  }
}
