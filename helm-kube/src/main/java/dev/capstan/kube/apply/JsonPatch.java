package dev.capstan.kube.apply;

import static dev.capstan.kube.apply.JsonValues.asList;
import static dev.capstan.kube.apply.JsonValues.asMap;

import dev.capstan.internal.json.GoJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies RFC 6902 JSON Patches to objects in the value model, as the API server applies an
 * {@code application/json-patch+json} request: the operations apply in order, and the patch fails
 * as a whole if one fails ({@link PatchTestFailedException} for a {@code test} that does not hold,
 * {@link PatchException} otherwise). Also writes a patch as JSON for sending.
 */
public final class JsonPatch {
  private JsonPatch() {}

  /**
   * The result of applying {@code operations} to {@code document}, as a new mutable map;
   * {@code document} itself is not modified. Numbers compare by value in {@code test}.
   *
   * @throws PatchTestFailedException when a {@code test} operation finds another value
   * @throws PatchException when a path does not exist, an index is out of range, or the operation
   *     would not leave an object at the root
   */
  public static Map<String, Object> apply(
      Map<String, ?> document, List<PatchOperation> operations) {
    Object root = JsonValues.mutableCopy(Objects.requireNonNull(document, "document"));
    for (int n = 0; n < operations.size(); n++) {
      PatchOperation op = operations.get(n);
      String what = "JSON Patch operation " + n + " (" + op.op().wire() + " " + op.path() + ")";
      List<String> path = Pointers.parse(op.path());
      root =
          switch (op.op()) {
            case ADD -> add(root, path, JsonValues.mutableCopy(op.value()), what);
            case REMOVE -> {
              remove(root, path, what);
              yield root;
            }
            case REPLACE -> {
              get(root, path, what);
              yield path.isEmpty()
                  ? JsonValues.mutableCopy(op.value())
                  : replace(root, path, JsonValues.mutableCopy(op.value()), what);
            }
            case MOVE -> {
              List<String> from = Pointers.parse(op.from());
              if (from.size() < path.size() && path.subList(0, from.size()).equals(from)) {
                throw new PatchException(what + ": cannot move " + op.from() + " into itself");
              }
              Object value = get(root, from, what);
              remove(root, from, what);
              yield add(root, path, value, what);
            }
            case COPY -> {
              Object value = JsonValues.mutableCopy(get(root, Pointers.parse(op.from()), what));
              yield add(root, path, value, what);
            }
            case TEST -> {
              Object actual = get(root, path, what);
              if (!JsonValues.deepEquals(actual, op.value())) {
                throw new PatchTestFailedException(
                    what + ": expected " + GoJson.write(op.value()) + " but found "
                        + GoJson.write(actual));
              }
              yield root;
            }
          };
      if (!(root instanceof Map<?, ?>)) {
        throw new PatchException(what + ": the document must stay a JSON object");
      }
    }
    return asMap(root);
  }

  /** The patch as a JSON document ({@code application/json-patch+json}). */
  public static String toJson(List<PatchOperation> operations) {
    List<Object> json = new ArrayList<>(operations.size());
    operations.forEach(op -> json.add(op.toJsonValue()));
    return GoJson.write(json);
  }

  private static Object get(Object root, List<String> path, String what) {
    Object node = root;
    for (int i = 0; i < path.size(); i++) {
      node = child(node, path.get(i), path, i, what);
    }
    return node;
  }

  private static Object child(Object node, String token, List<String> path, int i, String what) {
    if (node instanceof Map<?, ?> m) {
      if (!m.containsKey(token)) {
        throw missing(what, path, i);
      }
      return m.get(token);
    }
    if (node instanceof List<?> l) {
      int index = index(token, l.size() - 1, what, path, i);
      return l.get(index);
    }
    throw missing(what, path, i);
  }

  private static Object add(Object root, List<String> path, Object value, String what) {
    if (path.isEmpty()) {
      return value;
    }
    Object parent = get(root, path.subList(0, path.size() - 1), what);
    String last = path.get(path.size() - 1);
    if (parent instanceof Map<?, ?>) {
      asMap(parent).put(last, value);
    } else if (parent instanceof List<?>) {
      List<Object> list = asList(parent);
      int index = "-".equals(last) ? list.size() : index(last, list.size(), what, path,
          path.size() - 1);
      list.add(index, value);
    } else {
      throw missing(what, path, path.size() - 1);
    }
    return root;
  }

  private static Object replace(Object root, List<String> path, Object value, String what) {
    Object parent = get(root, path.subList(0, path.size() - 1), what);
    String last = path.get(path.size() - 1);
    if (parent instanceof Map<?, ?>) {
      asMap(parent).put(last, value);
    } else {
      List<Object> list = asList(parent);
      list.set(index(last, list.size() - 1, what, path, path.size() - 1), value);
    }
    return root;
  }

  private static void remove(Object root, List<String> path, String what) {
    if (path.isEmpty()) {
      throw new PatchException(what + ": cannot remove the whole document");
    }
    Object parent = get(root, path.subList(0, path.size() - 1), what);
    String last = path.get(path.size() - 1);
    if (parent instanceof Map<?, ?> m) {
      if (!m.containsKey(last)) {
        throw missing(what, path, path.size() - 1);
      }
      asMap(parent).remove(last);
    } else if (parent instanceof List<?>) {
      List<Object> list = asList(parent);
      list.remove(index(last, list.size() - 1, what, path, path.size() - 1));
    } else {
      throw missing(what, path, path.size() - 1);
    }
  }

  private static int index(String token, int max, String what, List<String> path, int i) {
    boolean digits = !token.isEmpty() && token.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits || (token.length() > 1 && token.charAt(0) == '0') || token.length() > 9) {
      throw new PatchException(what + ": \"" + token + "\" is not a list index");
    }
    int index = Integer.parseInt(token);
    if (index > max) {
      throw new PatchException(
          what + ": index " + index + " is out of range at " + prefix(path, i + 1)
              + " (at most " + max + ")");
    }
    return index;
  }

  private static PatchException missing(String what, List<String> path, int i) {
    return new PatchException(what + ": " + prefix(path, i + 1) + " does not exist");
  }

  private static String prefix(List<String> path, int length) {
    StringBuilder sb = new StringBuilder();
    for (String token : path.subList(0, length)) {
      sb.append('/').append(Pointers.escape(token));
    }
    return sb.toString();
  }
}
