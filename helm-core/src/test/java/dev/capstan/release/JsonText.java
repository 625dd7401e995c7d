package dev.capstan.release;

/** Cuts raw JSON text without parsing it, so that tests can compare exact bytes of one member. */
final class JsonText {
  private JsonText() {}

  /**
   * The exact text of the value of the first top-level member {@code key} of the JSON object
   * {@code json}.
   */
  static String member(String json, String key) {
    int depth = 0;
    int i = 0;
    while (i < json.length()) {
      char c = json.charAt(i);
      if (c == '"') {
        int end = stringEnd(json, i);
        if (depth == 1 && json.startsWith("\"" + key + "\"", i)
            && end == i + key.length() + 2 && json.charAt(end) == ':') {
          int start = end + 1;
          return json.substring(start, valueEnd(json, start));
        }
        i = end;
      } else {
        if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          depth--;
        }
        i++;
      }
    }
    throw new IllegalArgumentException("no top-level member " + key);
  }

  /** The index just after the string that starts at {@code start}. */
  private static int stringEnd(String json, int start) {
    int i = start + 1;
    while (json.charAt(i) != '"') {
      i += json.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  private static int valueEnd(String json, int start) {
    int depth = 0;
    int i = start;
    while (i < json.length()) {
      char c = json.charAt(i);
      if (c == '"') {
        i = stringEnd(json, i);
        if (depth == 0) {
          return i;
        }
        continue;
      }
      if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      } else if (depth == 0 && (c == ',')) {
        return i;
      }
      i++;
    }
    return i;
  }

  /** Removes Helm 4's {@code modtime} and {@code schemamodtime} members, giving Helm 3's form. */
  static String withoutModTimes(String json) {
    return json.replaceAll(",\"(schema)?modtime\":\"[^\"]*\"", "");
  }
}
