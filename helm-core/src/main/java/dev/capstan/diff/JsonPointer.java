package dev.capstan.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A path into an object in RFC 6901 form: {@code /metadata/annotations/checksum~1config}, with
 * {@code ~1} standing for {@code /} and {@code ~0} for {@code ~}. A token that reads as a
 * non-negative decimal number without leading zeros also picks a list item.
 */
record JsonPointer(String text, List<String> tokens) {
  JsonPointer {
    tokens = List.copyOf(tokens);
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the path when it is empty, does not start with
   *     {@code /} or has a {@code ~} not followed by {@code 0} or {@code 1}
   */
  static JsonPointer parse(String text) {
    if (text.isEmpty() || text.charAt(0) != '/') {
      throw new IllegalArgumentException(
          "an ignore path must start with '/', like /metadata/labels/version: \"" + text + "\"");
    }
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    for (int i = 1; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '/';
      if (c == '/') {
        tokens.add(token.toString());
        token.setLength(0);
      } else if (c == '~') {
        char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        if (next != '0' && next != '1') {
          throw new IllegalArgumentException("an ignore path may use '~' only as ~0 ('~') or ~1"
              + " ('/'): \"" + text + "\"");
        }
        token.append(next == '0' ? '~' : '/');
        i++;
      } else {
        token.append(c);
      }
    }
    return new JsonPointer(text, tokens);
  }

  /**
   * Removes what this path points at from {@code root}, if it is there. A map or list that the
   * removal leaves empty is removed from its parent too, and so on up, so a path does not leave an
   * empty {@code annotations: {}} behind. Returns whether something was removed.
   */
  @SuppressWarnings("unchecked")
  boolean removeFrom(Map<String, Object> root) {
    List<Object> chain = new ArrayList<>(tokens.size());
    Object current = root;
    for (int t = 0; t < tokens.size(); t++) {
      chain.add(current);
      Object next = child(current, tokens.get(t));
      if (next == MISSING) {
        return false;
      }
      current = next;
    }
    for (int t = tokens.size() - 1; t >= 0; t--) {
      Object container = chain.get(t);
      String token = tokens.get(t);
      if (container instanceof Map<?, ?> map) {
        ((Map<String, Object>) map).remove(token);
      } else {
        ((List<Object>) container).remove(Integer.parseInt(token));
      }
      boolean emptied = container instanceof Map<?, ?> map ? map.isEmpty()
          : ((List<?>) container).isEmpty();
      if (!emptied || t == 0) {
        break;
      }
    }
    return true;
  }

  private static final Object MISSING = new Object();

  private static Object child(Object container, String token) {
    if (container instanceof Map<?, ?> map) {
      return map.containsKey(token) ? map.get(token) : MISSING;
    }
    if (container instanceof List<?> list && isIndex(token)) {
      int index;
      try {
        index = Integer.parseInt(token);
      } catch (NumberFormatException e) {
        return MISSING;
      }
      return index < list.size() ? list.get(index) : MISSING;
    }
    return MISSING;
  }

  private static boolean isIndex(String token) {
    if (token.isEmpty() || (token.length() > 1 && token.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) < '0' || token.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
