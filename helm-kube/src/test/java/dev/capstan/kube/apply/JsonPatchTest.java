package dev.capstan.kube.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.internal.yaml.Yaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonPatchTest {

  private static Map<String, Object> yaml(String text) {
    return JsonValues.asMap(Yaml.load(text, "test"));
  }

  @Test
  @DisplayName("add sets an object member and inserts into a list, '-' appending")
  void add() {
    Map<String, Object> doc = yaml("a: {b: 1}\nl: [x, z]\n");

    Map<String, Object> result =
        JsonPatch.apply(
            doc,
            List.of(
                PatchOperation.add("/a/c", "new"),
                PatchOperation.add("/l/1", "m"),
                PatchOperation.add("/l/-", "end"),
                PatchOperation.add("/l/0", "start")));

    assertThat(result).isEqualTo(yaml("a: {b: 1, c: new}\nl: [start, x, m, z, end]\n"));
  }

  @Test
  @DisplayName("the document passed in is left unchanged")
  void inputUntouched() {
    Map<String, Object> doc = yaml("a: {b: [1, 2]}\n");

    JsonPatch.apply(doc, List.of(PatchOperation.remove("/a/b/0"), PatchOperation.add("/c", 1)));

    assertThat(doc).isEqualTo(yaml("a: {b: [1, 2]}\n"));
  }

  @Test
  @DisplayName("remove, replace, move and copy work on members and list elements")
  void removeReplaceMoveCopy() {
    Map<String, Object> doc = yaml("a: {b: 1, c: 2}\nl: [p, q, r]\n");

    Map<String, Object> result =
        JsonPatch.apply(
            doc,
            List.of(
                PatchOperation.remove("/a/b"),
                PatchOperation.replace("/l/1", "Q"),
                PatchOperation.move("/l/0", "/l/2"),
                PatchOperation.copy("/a", "/d"),
                PatchOperation.move("/a/c", "/e")));

    assertThat(result).isEqualTo(yaml("a: {}\nl: [Q, r, p]\nd: {c: 2}\ne: 2\n"));
  }

  @Test
  @DisplayName("pointers unescape ~1 to '/' and ~0 to '~'")
  void escapedTokens() {
    Map<String, Object> doc = yaml("m: {\"a/b\": 1, \"c~d\": 2}\n");

    Map<String, Object> result =
        JsonPatch.apply(
            doc, List.of(PatchOperation.remove("/m/a~1b"), PatchOperation.replace("/m/c~0d", 3)));

    assertThat(result).isEqualTo(Map.of("m", Map.of("c~d", 3)));
  }

  @Test
  @DisplayName("a test that holds lets the patch apply; numbers compare by value")
  void testHolds() {
    Map<String, Object> doc = yaml("metadata: {resourceVersion: \"7\"}\nspec: {replicas: 2}\n");

    Map<String, Object> result =
        JsonPatch.apply(
            doc,
            List.of(
                PatchOperation.test("/metadata/resourceVersion", "7"),
                PatchOperation.test("/spec/replicas", 2.0),
                PatchOperation.replace("/spec/replicas", 3)));

    assertThat(result.get("spec")).isEqualTo(Map.of("replicas", 3));
  }

  @Test
  @DisplayName("a test that fails rejects the whole patch with both values in the message")
  void testFails() {
    Map<String, Object> doc = yaml("metadata: {resourceVersion: \"8\"}\n");

    assertThatThrownBy(
            () ->
                JsonPatch.apply(
                    doc,
                    List.of(
                        PatchOperation.test("/metadata/resourceVersion", "7"),
                        PatchOperation.add("/x", 1))))
        .isInstanceOf(PatchTestFailedException.class)
        .hasMessageContaining("operation 0 (test /metadata/resourceVersion)")
        .hasMessageContaining("expected \"7\" but found \"8\"");
  }

  @Test
  @DisplayName("a missing path, an index out of range or a malformed index are refused by name")
  void badPaths() {
    Map<String, Object> doc = yaml("a: {b: 1}\nl: [x]\n");

    assertThatThrownBy(() -> JsonPatch.apply(doc, List.of(PatchOperation.remove("/a/zz"))))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("/a/zz does not exist");
    assertThatThrownBy(() -> JsonPatch.apply(doc, List.of(PatchOperation.replace("/l/1", "y"))))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("index 1 is out of range at /l/1");
    assertThatThrownBy(() -> JsonPatch.apply(doc, List.of(PatchOperation.add("/l/01", "y"))))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("\"01\" is not a list index");
    assertThatThrownBy(() -> JsonPatch.apply(doc, List.of(PatchOperation.add("/q/r", "y"))))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("/q does not exist");
    assertThatThrownBy(() -> JsonPatch.apply(doc, List.of(PatchOperation.move("/a", "/a/b/c"))))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("into itself");
  }

  @Test
  @DisplayName("operations validate their pointers and carry value or from only where RFC 6902 has them")
  void operationValidation() {
    assertThatThrownBy(() -> PatchOperation.remove("a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be empty or start with '/'");
    assertThatThrownBy(() -> PatchOperation.remove("/a~2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'~' not followed by 0 or 1");
    assertThatThrownBy(() -> new PatchOperation(PatchOperation.Op.REMOVE, "/a", 1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("remove takes no value");
    assertThatThrownBy(() -> new PatchOperation(PatchOperation.Op.MOVE, "/a", null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("move needs a from pointer");
  }

  @Test
  @DisplayName("a patch is written as an RFC 6902 JSON array")
  void toJson() {
    String json =
        JsonPatch.toJson(
            List.of(
                PatchOperation.test("/metadata/resourceVersion", "5"),
                PatchOperation.add("/metadata/labels/a~1b", Map.of("k", List.of(1L, "x"))),
                PatchOperation.remove("/spec/x"),
                PatchOperation.move("/l/2", "/l/0")));

    assertThat(json)
        .isEqualTo(
            "[{\"op\":\"test\",\"path\":\"/metadata/resourceVersion\",\"value\":\"5\"},"
                + "{\"op\":\"add\",\"path\":\"/metadata/labels/a~1b\",\"value\":{\"k\":[1,\"x\"]}},"
                + "{\"op\":\"remove\",\"path\":\"/spec/x\"},"
                + "{\"from\":\"/l/2\",\"op\":\"move\",\"path\":\"/l/0\"}]");
  }
}
