package dev.capstan.kube.apply;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON Pointer escaping and parsing. */
final class Pointers {
  private Pointers() {}

  /** Escapes one reference token: {@code ~} becomes {@code ~0}, {@code /} becomes {@code ~1}. */
  static String escape(String token) {
    if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
      return token;
    }
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** The pointer {@code parent} extended by one unescaped token. */
  static String child(String parent, String token) {
    return parent + "/" + escape(token);
  }

  /** The pointer {@code parent} extended by a list index. */
  static String child(String parent, int index) {
    return parent + "/" + index;
  }

  /** The unescaped reference tokens of a pointer; {@code ""} is the whole document. */
  static List<String> parse(String pointer) {
    List<String> tokens = new ArrayList<>();
    if (pointer.isEmpty()) {
      return tokens;
    }
    if (pointer.charAt(0) != '/') {
      throw new IllegalArgumentException(
          "JSON pointer must be empty or start with '/': \"" + pointer + "\"");
    }
    int start = 1;
    while (true) {
      int slash = pointer.indexOf('/', start);
      String raw = slash < 0 ? pointer.substring(start) : pointer.substring(start, slash);
      tokens.add(unescape(raw, pointer));
      if (slash < 0) {
        return tokens;
      }
      start = slash + 1;
    }
  }

  private static String unescape(String raw, String pointer) {
    if (raw.indexOf('~') < 0) {
      return raw;
    }
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '~') {
        sb.append(c);
        continue;
      }
      char next = i + 1 < raw.length() ? raw.charAt(i + 1) : '\0';
      if (next == '0') {
        sb.append('~');
      } else if (next == '1') {
        sb.append('/');
      } else {
        throw new IllegalArgumentException(
            "JSON pointer \"" + pointer + "\" has '~' not followed by 0 or 1");
      }
      i++;
    }
    return sb.toString();
  }
}
