package dev.capstan.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A fast path for reading the head of a rendered document ({@code apiVersion}, {@code kind},
 * {@code metadata.name}, {@code metadata.annotations}) without a full YAML parse.
 *
 * <p>It accepts only a plain subset of block YAML that it can check completely: block maps and
 * sequences with consistent indentation, plain and quoted one-line scalars, block scalars
 * ({@code |}, {@code >}), empty flow collections and one-line flow sequences of scalars, comments.
 * Everything else (anchors, aliases, tags, flow maps, multi-line plain or quoted scalars, tabs,
 * duplicate keys, directives, values that YAML would read as something other than a string where
 * the head needs a string) makes it answer {@code null}, and the caller parses the document fully.
 * So a document it accepts is valid YAML whose head equals what the full parser reads; a test
 * checks that against the full parser.
 */
final class ManifestHeadScanner {
  /** The head of a document. */
  record Head(String apiVersion, String kind, String name, Map<String, String> annotations) {}

  private static final Set<String> SPECIAL_WORDS = Set.of("y", "Y", "yes", "Yes", "YES", "n", "N",
      "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off",
      "Off", "OFF", "null", "Null", "NULL", "~");

  private static final int MAP = 0;
  private static final int SEQ = 1;

  /** Where a value sits, for the head. */
  private static final int P_OTHER = 0;
  private static final int P_ROOT = 1;
  private static final int P_METADATA = 2;
  private static final int P_ANNOTATIONS = 3;

  private static final class Frame {
    final int indent;
    final int type;
    final int path;
    /** The keys of a map so far; maps in manifests are small, so a list is the cheap set. */
    final List<String> keys;

    Frame(int indent, int type, int path) {
      this.indent = indent;
      this.type = type;
      this.path = path;
      this.keys = type == MAP ? new ArrayList<>(8) : null;
    }
  }

  /** Thrown inside the scanner when the document leaves the subset. */
  private static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  private static final Unsupported UNSUPPORTED = new Unsupported();

  private final String[] lines;
  private final List<Frame> stack = new ArrayList<>();
  private String apiVersion = "";
  private String kind = "";
  private String name = "";
  private Map<String, String> annotations;
  /** A key whose value is on the following lines: its indent and where its children sit. */
  private int pendingIndent = -1;
  private int pendingPath;
  private boolean pendingInSeqItem;

  private ManifestHeadScanner(String doc) {
    this.lines = doc.split("\n", -1);
  }

  /** The head of {@code doc}, or {@code null} when the document is outside the checked subset. */
  static Head scan(String doc) {
    for (int i = 0; i < doc.length(); i++) {
      char c = doc.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == '\uFEFF'
          || Character.isSurrogate(c)) {
        return null;
      }
    }
    try {
      return new ManifestHeadScanner(doc).run();
    } catch (Unsupported e) {
      return null;
    }
  }

  private Head run() throws Unsupported {
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      int indent = indentOf(line);
      if (indent == line.length() || line.charAt(indent) == '#') {
        if (line.indexOf('\t') >= 0 && indent == line.length()) {
          throw UNSUPPORTED;
        }
        i++;
        continue;
      }
      if (line.charAt(indent) == '\t') {
        throw UNSUPPORTED;
      }
      i = line(i, indent);
    }
    if (stack.isEmpty()) {
      throw UNSUPPORTED;
    }
    return new Head(apiVersion, kind, name, annotations == null ? Map.of() : annotations);
  }

  private static int indentOf(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  /** Handles the content line {@code i}; returns the index of the next line to read. */
  private int line(int i, int indent) throws Unsupported {
    String line = lines[i];
    if (line.indexOf('\t') >= 0 && !line.startsWith("#", indent)) {
      // Tabs are allowed only inside block scalars, which consume their own lines.
      throw UNSUPPORTED;
    }
    boolean dash = isDash(line, indent);
    if (stack.isEmpty()) {
      if (indent != 0 || dash || line.startsWith("---") || line.startsWith("...")
          || line.startsWith("%")) {
        throw UNSUPPORTED;
      }
      stack.add(new Frame(0, MAP, P_ROOT));
      return keyLine(i, indent, top());
    }
    if (pendingIndent >= 0) {
      int parent = pendingIndent;
      int path = pendingPath;
      pendingIndent = -1;
      if (dash && path != P_OTHER && indent >= parent) {
        // metadata or annotations as a list: the full parser reports it.
        throw UNSUPPORTED;
      }
      if (indent > parent) {
        stack.add(new Frame(indent, dash ? SEQ : MAP, dash ? P_OTHER : path));
        return dash ? dashLine(i, indent) : keyLine(i, indent, top());
      }
      if (indent == parent && dash && !pendingInSeqItem && top().type == MAP) {
        // An indentless sequence as the value of the key.
        stack.add(new Frame(indent, SEQ, P_OTHER));
        return dashLine(i, indent);
      }
      // The key's value was null; fall through to the normal handling.
    }
    while (!stack.isEmpty() && indent < top().indent) {
      stack.remove(stack.size() - 1);
    }
    if (stack.isEmpty() || indent != top().indent) {
      throw UNSUPPORTED;
    }
    Frame top = top();
    if (top.type == SEQ && !dash) {
      // The end of an indentless sequence: the key belongs to the map around it.
      stack.remove(stack.size() - 1);
      if (stack.isEmpty() || top().indent != indent || top().type != MAP) {
        throw UNSUPPORTED;
      }
      top = top();
    }
    if (top.type == SEQ) {
      return dashLine(i, indent);
    }
    if (dash) {
      throw UNSUPPORTED;
    }
    return keyLine(i, indent, top);
  }

  private Frame top() {
    return stack.get(stack.size() - 1);
  }

  private static boolean isDash(String line, int at) {
    return line.startsWith("-", at) && (at + 1 == line.length() || line.charAt(at + 1) == ' ');
  }

  /** A sequence item {@code - ...} at {@code indent}. */
  private int dashLine(int i, int indent) throws Unsupported {
    String line = lines[i];
    int at = indent + 1;
    while (at < line.length() && line.charAt(at) == ' ') {
      at++;
    }
    if (at == line.length() || line.charAt(at) == '#') {
      if (at < line.length() && line.charAt(at - 1) != ' ') {
        throw UNSUPPORTED;
      }
      pendingIndent = indent;
      pendingPath = P_OTHER;
      pendingInSeqItem = true;
      return i + 1;
    }
    if (isDash(line, at)) {
      throw UNSUPPORTED;
    }
    if (keyEnd(line, at) >= 0) {
      // A map inside the item: its keys sit at this column.
      stack.add(new Frame(at, MAP, P_OTHER));
      return keyLine(i, at, top());
    }
    if (line.charAt(at) == '|' || line.charAt(at) == '>') {
      return blockScalar(i, line, at, indent);
    }
    return scalarValue(i, line, at, indent, null);
  }

  /**
   * The index just past the {@code :} of a key starting at {@code at}, or -1 when the text there is
   * not a key of the subset followed by {@code ": "} or {@code ":"} at the end of the line.
   */
  private static int keyEnd(String line, int at) {
    int end;
    char c = line.charAt(at);
    if (c == '"' || c == '\'') {
      int close = line.indexOf(c, at + 1);
      if (close < 0 || line.indexOf('\\', at) >= 0 && line.indexOf('\\', at) < close) {
        return -1;
      }
      end = close + 1;
    } else {
      if (!(Character.isLetter(c) && c < 0x80 || c == '_')) {
        return -1;
      }
      end = at + 1;
      while (end < line.length()) {
        char k = line.charAt(end);
        if ((k < 0x80 && Character.isLetterOrDigit(k)) || k == '_' || k == '.' || k == '-'
            || k == '/') {
          end++;
        } else {
          break;
        }
      }
      if (end - at <= 5 && "yYnNtTfFoO".indexOf(c) >= 0
          && SPECIAL_WORDS.contains(line.substring(at, end))) {
        return -1;
      }
    }
    if (end < line.length() && line.charAt(end) == ':'
        && (end + 1 == line.length() || line.charAt(end + 1) == ' ')) {
      return end + 1;
    }
    return -1;
  }

  private static String keyText(String line, int at, int colon) {
    char c = line.charAt(at);
    if (c == '"' || c == '\'') {
      return line.substring(at + 1, colon - 2);
    }
    return line.substring(at, colon - 1);
  }

  /** A {@code key: value} line whose key starts at {@code indent}, in {@code frame}. */
  private int keyLine(int i, int indent, Frame frame) throws Unsupported {
    String line = lines[i];
    int colon = keyEnd(line, indent);
    if (colon < 0) {
      throw UNSUPPORTED;
    }
    String key = keyText(line, indent, colon);
    if (frame.keys.contains(key)) {
      throw UNSUPPORTED;
    }
    frame.keys.add(key);
    int path = P_OTHER;
    String headField = null;
    if (frame.path == P_ROOT) {
      if (key.equals("apiVersion") || key.equals("kind")) {
        headField = key;
      } else if (key.equals("metadata")) {
        path = P_METADATA;
      }
    } else if (frame.path == P_METADATA) {
      if (key.equals("name")) {
        headField = key;
      } else if (key.equals("annotations")) {
        path = P_ANNOTATIONS;
      }
    } else if (frame.path == P_ANNOTATIONS) {
      headField = "annotation:" + key;
    }
    int at = colon;
    while (at < line.length() && line.charAt(at) == ' ') {
      at++;
    }
    if (at == line.length() || line.charAt(at) == '#') {
      // The value is on the following lines, or null when none are more indented.
      boolean child = followedByChild(i, indent);
      if (headField != null) {
        if (child) {
          // A map or list where the head needs a string: the full parser reports it.
          throw UNSUPPORTED;
        }
        record(headField, "");
      }
      pendingIndent = indent;
      pendingPath = path;
      pendingInSeqItem = false;
      return i + 1;
    }
    char c = line.charAt(at);
    if (path != P_OTHER) {
      // metadata or annotations given inline: only {} is in the subset.
      if (line.startsWith("{}", at) && restIsComment(line, at + 2)) {
        if (path == P_ANNOTATIONS) {
          annotations = new TreeMap<>();
        }
        return i + 1;
      }
      throw UNSUPPORTED;
    }
    if (c == '|' || c == '>') {
      if (headField != null) {
        throw UNSUPPORTED;
      }
      return blockScalar(i, line, at, indent);
    }
    return scalarValue(i, line, at, indent, headField);
  }

  private boolean followedByChild(int i, int indent) {
    for (int j = i + 1; j < lines.length; j++) {
      String l = lines[j];
      int in = indentOf(l);
      if (in == l.length() || l.charAt(in) == '#') {
        continue;
      }
      return in > indent || (in == indent && isDash(l, in));
    }
    return false;
  }

  private static boolean restIsComment(String line, int from) {
    int at = from;
    while (at < line.length() && line.charAt(at) == ' ') {
      at++;
    }
    return at == line.length() || (line.charAt(at) == '#' && at > from);
  }

  /** A scalar (plain, quoted or a one-line flow sequence) at {@code at}; owner indent for checks. */
  private int scalarValue(int i, String line, int at, int ownerIndent, String headField)
      throws Unsupported {
    char c = line.charAt(at);
    String value;
    int end;
    if (c == '"') {
      end = doubleQuoted(line, at);
      value = headField != null ? decodeSimpleDoubleQuoted(line.substring(at + 1, end - 1)) : null;
    } else if (c == '\'') {
      end = singleQuotedEnd(line, at);
      value = line.substring(at + 1, end - 1).replace("''", "'");
    } else if (c == '[' || c == '{') {
      if (headField != null) {
        throw UNSUPPORTED;
      }
      end = c == '{' ? emptyFlowMap(line, at) : flowSequence(line, at);
      value = null;
    } else {
      end = plainEnd(line, at);
      value = line.substring(at, end).stripTrailing();
      if (headField != null && !isPlainString(value)) {
        throw UNSUPPORTED;
      }
    }
    if (!restIsComment(line, end)) {
      throw UNSUPPORTED;
    }
    // A more indented line after an inline value would continue or break it: not in the subset.
    for (int j = i + 1; j < lines.length; j++) {
      String l = lines[j];
      int in = indentOf(l);
      if (in == l.length() || l.charAt(in) == '#') {
        continue;
      }
      if (in > ownerIndent) {
        throw UNSUPPORTED;
      }
      break;
    }
    if (headField != null) {
      record(headField, value);
    }
    return i + 1;
  }

  private void record(String field, String value) {
    switch (field) {
      case "apiVersion" -> apiVersion = value;
      case "kind" -> kind = value;
      case "name" -> name = value;
      default -> {
        if (annotations == null) {
          annotations = new TreeMap<>();
        }
        annotations.put(field.substring("annotation:".length()), value);
      }
    }
  }

  /** The end of a plain scalar: the line end or a {@code " #"} comment. */
  private static int plainEnd(String line, int at) throws Unsupported {
    char c = line.charAt(at);
    if ("-?:,[]{}#&*!|>'\"%@`".indexOf(c) >= 0) {
      if (!((c == '-' || c == '?' || c == ':') && at + 1 < line.length()
          && line.charAt(at + 1) != ' ' && "#,[]{}".indexOf(line.charAt(at + 1)) < 0)) {
        throw UNSUPPORTED;
      }
      if (c == '-' && line.startsWith("---", at) || line.startsWith("...", at)) {
        throw UNSUPPORTED;
      }
    }
    int end = line.length();
    for (int k = at; k < line.length(); k++) {
      char ch = line.charAt(k);
      if (ch == ':' && (k + 1 == line.length() || line.charAt(k + 1) == ' ')) {
        throw UNSUPPORTED;
      }
      if (ch == '#' && line.charAt(k - 1) == ' ') {
        end = k;
        break;
      }
    }
    return end;
  }

  /** Whether go-yaml reads this plain scalar as a non-empty string. */
  private static boolean isPlainString(String v) {
    if (v.isEmpty() || SPECIAL_WORDS.contains(v)) {
      return false;
    }
    char c = v.charAt(0);
    return !(Character.isDigit(c) || c == '+' || c == '-' || c == '.' || c == '<');
  }

  private static int doubleQuoted(String line, int at) throws Unsupported {
    for (int k = at + 1; k < line.length(); k++) {
      char c = line.charAt(k);
      if (c == '"') {
        return k + 1;
      }
      if (c == '\\') {
        if (k + 1 >= line.length()) {
          throw UNSUPPORTED;
        }
        char e = line.charAt(k + 1);
        int hex = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
        if (hex > 0) {
          for (int h = 0; h < hex; h++) {
            if (k + 2 + h >= line.length() || Character.digit(line.charAt(k + 2 + h), 16) < 0) {
              throw UNSUPPORTED;
            }
          }
          k += 1 + hex;
        } else if ("0abtnvfre \"/\\N_LP".indexOf(e) >= 0) {
          k++;
        } else {
          throw UNSUPPORTED;
        }
      }
    }
    throw UNSUPPORTED;
  }

  private static String decodeSimpleDoubleQuoted(String body) throws Unsupported {
    if (body.indexOf('\\') < 0) {
      return body;
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < body.length(); k++) {
      char c = body.charAt(k);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = body.charAt(++k);
      switch (e) {
        case '"' -> sb.append('"');
        case '\\' -> sb.append('\\');
        case '/' -> sb.append('/');
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        default -> throw UNSUPPORTED;
      }
    }
    return sb.toString();
  }

  private static int singleQuotedEnd(String line, int at) throws Unsupported {
    for (int k = at + 1; k < line.length(); k++) {
      if (line.charAt(k) == '\'') {
        if (k + 1 < line.length() && line.charAt(k + 1) == '\'') {
          k++;
          continue;
        }
        return k + 1;
      }
    }
    throw UNSUPPORTED;
  }

  private static int emptyFlowMap(String line, int at) throws Unsupported {
    if (line.startsWith("{}", at)) {
      return at + 2;
    }
    throw UNSUPPORTED;
  }

  /** A one-line flow sequence of quoted or simple plain scalars: {@code ['a', "b", c]}. */
  private static int flowSequence(String line, int at) throws Unsupported {
    int k = at + 1;
    boolean expectItem = true;
    boolean first = true;
    while (k < line.length()) {
      char c = line.charAt(k);
      if (c == ' ') {
        k++;
        continue;
      }
      if (c == ']') {
        if (expectItem && !first) {
          // A trailing comma: [a, ] is valid YAML, but keep the subset simple.
          throw UNSUPPORTED;
        }
        return k + 1;
      }
      if (!expectItem) {
        if (c != ',') {
          throw UNSUPPORTED;
        }
        expectItem = true;
        k++;
        continue;
      }
      if (c == '"') {
        k = doubleQuoted(line, k);
      } else if (c == '\'') {
        k = singleQuotedEnd(line, k);
      } else {
        int start = k;
        while (k < line.length() && ",]".indexOf(line.charAt(k)) < 0) {
          char p = line.charAt(k);
          if ("[]{}#&*!|>'\"%@`:?".indexOf(p) >= 0 || p == '-' && k == start) {
            throw UNSUPPORTED;
          }
          k++;
        }
        if (line.substring(start, k).isBlank()) {
          throw UNSUPPORTED;
        }
      }
      expectItem = false;
      first = false;
    }
    throw UNSUPPORTED;
  }

  /** A block scalar ({@code |}, {@code >}, with chomping and indentation indicators) of a key. */
  private int blockScalar(int i, String line, int at, int ownerIndent) throws Unsupported {
    int k = at + 1;
    int explicit = 0;
    while (k < line.length() && line.charAt(k) != ' ') {
      char c = line.charAt(k);
      if ((c == '-' || c == '+') || (c >= '1' && c <= '9' && explicit == 0)) {
        if (c >= '1' && c <= '9') {
          explicit = c - '0';
        }
        k++;
      } else {
        throw UNSUPPORTED;
      }
    }
    if (!restIsComment(line, k)) {
      throw UNSUPPORTED;
    }
    int content = explicit > 0 ? ownerIndent + explicit : -1;
    int j = i + 1;
    for (; j < lines.length; j++) {
      String l = lines[j];
      int in = indentOf(l);
      boolean blank = l.isBlank();
      if (blank) {
        if (l.indexOf('\t') >= 0 && (content < 0 || in < content)) {
          throw UNSUPPORTED;
        }
        continue;
      }
      if (content < 0) {
        if (in <= ownerIndent) {
          break;
        }
        content = in;
        if (l.charAt(in) == '\t') {
          throw UNSUPPORTED;
        }
        continue;
      }
      if (in >= content) {
        continue;
      }
      if (in > ownerIndent || l.charAt(in) == '\t') {
        throw UNSUPPORTED;
      }
      break;
    }
    return j;
  }
}
