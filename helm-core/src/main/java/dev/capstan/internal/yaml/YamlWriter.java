package dev.capstan.internal.yaml;

import dev.capstan.internal.json.GoJson;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists and scalars as YAML text exactly as Helm prints values: Go's
 * sigs.k8s.io/yaml {@code Marshal}, which writes the tree as JSON, reads that back with yaml.v2 and
 * emits it with yaml.v2's emitter.
 *
 * <p>So: keys sorted in yaml.v2's order (digit runs compared as numbers), 2-space indentation, lists
 * written as {@code - } at the indentation of their key, strings quoted only when yaml.v2 would read
 * them as something else (or cannot write them plain), multi-line strings as literal blocks,
 * doubles first written as Go's {@code encoding/json} writes them ({@code 1000000}, {@code 1e+21})
 * then re-read, so a whole double prints as an integer, long plain and quoted strings folded at
 * column 80, {@code {}} and {@code []} for empty collections.
 *
 * <p>Internal: not part of Capstan's API.
 */
public final class YamlWriter {
  private static final int BEST_INDENT = 2;
  private static final int BEST_WIDTH = 80;

  private final StringBuilder out = new StringBuilder(256);
  private int indent = -1;
  private final List<Integer> indents = new ArrayList<>();
  private int column;
  private boolean whitespace = true;
  private boolean indention = true;
  private boolean openEnded;
  private int flowLevel;

  private YamlWriter() {}

  /**
   * Returns {@code tree} as YAML text ending with a newline, as sigs.k8s.io/yaml writes it.
   *
   * @throws IllegalArgumentException for NaN or infinite doubles (Go's
   *     {@code json: unsupported value: NaN}) and unsupported types
   */
  public static String write(Object tree) {
    YamlWriter w = new YamlWriter();
    w.node(normalize(tree), true, false, false, false);
    w.writeIndent();
    if (w.openEnded) {
      w.indicator("...", true, false, false);
      w.writeIndent();
    }
    return w.out.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // JSON round trip: what yaml.v2 sees after sigs.k8s.io/yaml wrote the tree as JSON.

  /** A scalar as yaml.v2 resolved it from the JSON text: its text and whether it is a string. */
  private record Scalar(String text, boolean isString) {}

  private static Object normalize(Object v) {
    if (v == null) {
      return new Scalar("null", false);
    }
    if (v instanceof String s) {
      return new Scalar(s, true);
    }
    if (v instanceof Boolean b) {
      return new Scalar(b.toString(), false);
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger) {
      return new Scalar(v.toString(), false);
    }
    if (v instanceof Double || v instanceof Float) {
      return new Scalar(doubleText(((Number) v).doubleValue()), false);
    }
    if (v instanceof Map<?, ?> m) {
      List<String> keys = new ArrayList<>();
      for (Object k : m.keySet()) {
        keys.add((String) k);
      }
      keys.sort(YamlWriter::keyLess);
      List<Object[]> pairs = new ArrayList<>(keys.size());
      for (String k : keys) {
        pairs.add(new Object[] {new Scalar(k, true), normalize(m.get(k))});
      }
      return new MapNode(pairs);
    }
    if (v instanceof List<?> l) {
      List<Object> items = new ArrayList<>(l.size());
      for (Object o : l) {
        items.add(normalize(o));
      }
      return new ListNode(items);
    }
    throw new IllegalArgumentException("json: unsupported type: " + v.getClass().getName());
  }

  private record MapNode(List<Object[]> pairs) {}

  private record ListNode(List<Object> items) {}

  /** A double as JSON text, then as yaml.v2 resolves and re-formats that text. */
  static String doubleText(double d) {
    String json = GoJson.number(d);
    GoYamlResolver.Resolved r = GoYamlResolver.resolve("", json);
    Object value = r.value();
    if (value instanceof Long || value instanceof BigInteger) {
      return value.toString();
    }
    return GoJson.formatFloat((Double) value, 'g', 64);
  }

  private static int keyLess(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    return less(a, b) ? -1 : 1;
  }

  /** yaml.v2's {@code keyList.Less} for two strings. */
  static boolean less(String a, String b) {
    int[] ar = a.codePoints().toArray();
    int[] br = b.codePoints().toArray();
    for (int i = 0; i < ar.length && i < br.length; i++) {
      if (ar[i] == br[i]) {
        continue;
      }
      boolean al = Character.isLetter(ar[i]);
      boolean bl = Character.isLetter(br[i]);
      if (al && bl) {
        return ar[i] < br[i];
      }
      if (al || bl) {
        return bl;
      }
      long an = 0;
      long bn = 0;
      if (ar[i] == '0' || br[i] == '0') {
        for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
          if (ar[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
        an = an * 10 + (ar[ai] - '0');
      }
      int bi = i;
      for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
        bn = bn * 10 + (br[bi] - '0');
      }
      if (an != bn) {
        return an < bn;
      }
      if (ai != bi) {
        return ai < bi;
      }
      return ar[i] < br[i];
    }
    return ar.length < br.length;
  }

  // ---------------------------------------------------------------------------------------------
  // The emitter (yaml.v2 emitterc.go, block style, best_indent 2, best_width 80, unicode on).

  private void node(Object n, boolean root, boolean sequence, boolean mapping, boolean simpleKey) {
    if (n instanceof Scalar s) {
      scalar(s, root, mapping, simpleKey);
    } else if (n instanceof MapNode m) {
      if (m.pairs().isEmpty() || flowLevel > 0) {
        flowMapping(m);
      } else {
        blockMapping(m);
      }
    } else {
      ListNode l = (ListNode) n;
      if (l.items().isEmpty() || flowLevel > 0) {
        flowSequence(l);
      } else {
        blockSequence(l, mapping);
      }
    }
  }

  private void increaseIndent(boolean flow, boolean indentless) {
    indents.add(indent);
    if (indent < 0) {
      indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      indent += BEST_INDENT;
    }
  }

  private void popIndent() {
    indent = indents.remove(indents.size() - 1);
  }

  private void blockMapping(MapNode m) {
    increaseIndent(false, false);
    for (Object[] pair : m.pairs()) {
      writeIndent();
      Scalar key = (Scalar) pair[0];
      if (isSimpleKey(key)) {
        node(key, false, false, true, true);
        indicator(":", false, false, false);
      } else {
        indicator("?", true, false, true);
        node(key, false, false, true, false);
        writeIndent();
        indicator(":", true, false, true);
      }
      node(pair[1], false, false, true, false);
    }
    popIndent();
  }

  private void blockSequence(ListNode l, boolean mappingContext) {
    increaseIndent(false, mappingContext && !indention);
    for (Object item : l.items()) {
      writeIndent();
      indicator("-", true, false, true);
      node(item, false, true, false, false);
    }
    popIndent();
  }

  private void flowMapping(MapNode m) {
    indicator("{", true, true, false);
    increaseIndent(true, false);
    flowLevel++;
    boolean first = true;
    for (Object[] pair : m.pairs()) {
      if (!first) {
        indicator(",", false, false, false);
      }
      first = false;
      if (column > BEST_WIDTH) {
        writeIndent();
      }
      node(pair[0], false, false, true, true);
      indicator(":", false, false, false);
      node(pair[1], false, false, true, false);
    }
    flowLevel--;
    popIndent();
    indicator("}", false, false, false);
  }

  private void flowSequence(ListNode l) {
    indicator("[", true, true, false);
    increaseIndent(true, false);
    flowLevel++;
    boolean first = true;
    for (Object item : l.items()) {
      if (!first) {
        indicator(",", false, false, false);
      }
      first = false;
      if (column > BEST_WIDTH) {
        writeIndent();
      }
      node(item, false, true, false, false);
    }
    flowLevel--;
    popIndent();
    indicator("]", false, false, false);
  }

  private boolean isSimpleKey(Scalar key) {
    Analysis a = analyze(key.text());
    if (a.multiline) {
      return false;
    }
    return key.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 128;
  }

  private enum Style { PLAIN, SINGLE, DOUBLE, LITERAL }

  private void scalar(Scalar s, boolean root, boolean mapping, boolean simpleKey) {
    String value = s.text();
    Style style;
    if (s.isString()) {
      GoYamlResolver.Resolved r = GoYamlResolver.resolve("", value);
      boolean canUsePlain = r.tag().equals(GoYamlResolver.STR)
          && !GoYamlResolver.isBase60Float(value);
      if (value.contains("\n")) {
        style = Style.LITERAL;
      } else if (canUsePlain) {
        style = Style.PLAIN;
      } else {
        style = Style.DOUBLE;
      }
    } else {
      style = Style.PLAIN;
    }
    Analysis a = analyze(value);
    if (simpleKey && a.multiline) {
      style = Style.DOUBLE;
    }
    if (style == Style.PLAIN) {
      if ((flowLevel > 0 && !a.flowPlainAllowed) || (flowLevel == 0 && !a.blockPlainAllowed)) {
        style = Style.SINGLE;
      }
      if (value.isEmpty() && (flowLevel > 0 || simpleKey)) {
        style = Style.SINGLE;
      }
    }
    if (style == Style.SINGLE && !a.singleQuotedAllowed) {
      style = Style.DOUBLE;
    }
    if (style == Style.LITERAL && (!a.blockAllowed || flowLevel > 0 || simpleKey)) {
      style = Style.DOUBLE;
    }
    increaseIndent(true, false);
    switch (style) {
      case PLAIN:
        writePlain(value, !simpleKey, root);
        break;
      case SINGLE:
        writeSingle(value, !simpleKey);
        break;
      case DOUBLE:
        writeDouble(value, !simpleKey);
        break;
      default:
        writeLiteral(value);
        break;
    }
    popIndent();
  }

  // --- analysis (yaml_emitter_analyze_scalar) ---

  private static final class Analysis {
    boolean multiline;
    boolean flowPlainAllowed;
    boolean blockPlainAllowed;
    boolean singleQuotedAllowed;
    boolean blockAllowed;
  }

  private static boolean isPrintable(int c) {
    return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
  }

  private static boolean isBreak(int c) {
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t';
  }

  private static Analysis analyze(String value) {
    Analysis a = new Analysis();
    if (value.isEmpty()) {
      a.multiline = false;
      a.flowPlainAllowed = false;
      a.blockPlainAllowed = true;
      a.singleQuotedAllowed = true;
      a.blockAllowed = false;
      return a;
    }
    boolean blockIndicators = false;
    boolean flowIndicators = false;
    boolean lineBreaks = false;
    boolean specialCharacters = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean precededByWhitespace;
    boolean followedByWhitespace;
    boolean previousSpace = false;
    boolean previousBreak = false;

    if (value.startsWith("---") || value.startsWith("...")) {
      blockIndicators = true;
      flowIndicators = true;
    }
    int[] cps = value.codePoints().toArray();
    precededByWhitespace = true;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      followedByWhitespace = i + 1 >= cps.length || isBlank(cps[i + 1]);
      if (i == 0) {
        switch (c) {
          case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*':
          case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
            flowIndicators = true;
            blockIndicators = true;
            break;
          case '?': case ':':
            flowIndicators = true;
            if (followedByWhitespace) {
              blockIndicators = true;
            }
            break;
          case '-':
            if (followedByWhitespace) {
              flowIndicators = true;
              blockIndicators = true;
            }
            break;
          default:
            break;
        }
      } else {
        switch (c) {
          case ',': case '?': case '[': case ']': case '{': case '}':
            flowIndicators = true;
            break;
          case ':':
            flowIndicators = true;
            if (followedByWhitespace) {
              blockIndicators = true;
            }
            break;
          case '#':
            if (precededByWhitespace) {
              flowIndicators = true;
              blockIndicators = true;
            }
            break;
          default:
            break;
        }
      }
      if (!isPrintable(c)) {
        specialCharacters = true;
      }
      if (c == ' ') {
        if (i == 0) {
          leadingSpace = true;
        }
        if (i == cps.length - 1) {
          trailingSpace = true;
        }
        if (previousBreak) {
          breakSpace = true;
        }
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak(c)) {
        lineBreaks = true;
        if (i == 0) {
          leadingBreak = true;
        }
        if (i == cps.length - 1) {
          trailingBreak = true;
        }
        if (previousSpace) {
          spaceBreak = true;
        }
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = isBlank(c) || isBreak(c) || c == 0;
    }
    a.multiline = lineBreaks;
    a.flowPlainAllowed = true;
    a.blockPlainAllowed = true;
    a.singleQuotedAllowed = true;
    a.blockAllowed = true;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
      a.flowPlainAllowed = false;
      a.blockPlainAllowed = false;
    }
    if (trailingSpace) {
      a.blockAllowed = false;
    }
    if (breakSpace) {
      a.flowPlainAllowed = false;
      a.blockPlainAllowed = false;
      a.singleQuotedAllowed = false;
    }
    if (spaceBreak || specialCharacters) {
      a.flowPlainAllowed = false;
      a.blockPlainAllowed = false;
      a.singleQuotedAllowed = false;
      a.blockAllowed = false;
    }
    if (lineBreaks) {
      a.flowPlainAllowed = false;
      a.blockPlainAllowed = false;
    }
    if (flowIndicators) {
      a.flowPlainAllowed = false;
    }
    if (blockIndicators) {
      a.blockPlainAllowed = false;
    }
    return a;
  }

  // --- low-level output ---

  private void put(char c) {
    out.append(c);
    column++;
  }

  private void putBreak() {
    out.append('\n');
    column = 0;
  }

  /** Writes one code point (yaml.v2's {@code write}: one column per character). */
  private void writeCp(int cp) {
    out.appendCodePoint(cp);
    column++;
  }

  /** yaml.v2's {@code write_break}: a line feed becomes a newline; other breaks are copied. */
  private void writeBreak(int cp) {
    if (cp == '\n') {
      putBreak();
    } else {
      out.appendCodePoint(cp);
      column = 0;
    }
  }

  private void writeIndent() {
    int ind = Math.max(indent, 0);
    if (!indention || column > ind || (column == ind && !whitespace)) {
      putBreak();
    }
    while (column < ind) {
      put(' ');
    }
    whitespace = true;
    indention = true;
  }

  private void indicator(String text, boolean needWhitespace, boolean isWhitespace,
      boolean isIndention) {
    if (needWhitespace && !whitespace) {
      put(' ');
    }
    out.append(text);
    column += text.length();
    whitespace = isWhitespace;
    indention = indention && isIndention;
    openEnded = false;
  }

  private void writePlain(String value, boolean allowBreaks, boolean root) {
    if (!whitespace) {
      put(' ');
    }
    boolean spaces = false;
    boolean breaks = false;
    int[] cps = value.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && !(i + 1 < cps.length && cps[i + 1] == ' ')) {
          writeIndent();
        } else {
          writeCp(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c == '\n') {
          putBreak();
        }
        writeBreak(c);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        writeCp(c);
        indention = false;
        spaces = false;
        breaks = false;
      }
    }
    whitespace = false;
    indention = false;
    if (root) {
      openEnded = true;
    }
  }

  private void writeSingle(String value, boolean allowBreaks) {
    indicator("'", true, false, false);
    boolean spaces = false;
    boolean breaks = false;
    int[] cps = value.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < cps.length - 1
            && cps[i + 1] != ' ') {
          writeIndent();
        } else {
          writeCp(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c == '\n') {
          putBreak();
        }
        writeBreak(c);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        if (c == '\'') {
          put('\'');
        }
        writeCp(c);
        indention = false;
        spaces = false;
        breaks = false;
      }
    }
    indicator("'", false, false, false);
    whitespace = false;
    indention = false;
  }

  private void writeDouble(String value, boolean allowBreaks) {
    boolean spaces = false;
    indicator("\"", true, false, false);
    int[] cps = value.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (!isPrintable(c) || c == 0xFEFF || isBreak(c) || c == '"' || c == '\\') {
        put('\\');
        switch (c) {
          case 0x00: put('0'); break;
          case 0x07: put('a'); break;
          case 0x08: put('b'); break;
          case 0x09: put('t'); break;
          case 0x0A: put('n'); break;
          case 0x0B: put('v'); break;
          case 0x0C: put('f'); break;
          case 0x0D: put('r'); break;
          case 0x1B: put('e'); break;
          case 0x22: put('"'); break;
          case 0x5C: put('\\'); break;
          case 0x85: put('N'); break;
          case 0xA0: put('_'); break;
          case 0x2028: put('L'); break;
          case 0x2029: put('P'); break;
          default: {
            int w;
            if (c <= 0xFF) {
              put('x');
              w = 2;
            } else if (c <= 0xFFFF) {
              put('u');
              w = 4;
            } else {
              put('U');
              w = 8;
            }
            for (int k = (w - 1) * 4; k >= 0; k -= 4) {
              int digit = (c >> k) & 0xF;
              put((char) (digit < 10 ? '0' + digit : 'A' + digit - 10));
            }
          }
        }
        spaces = false;
      } else if (c == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < cps.length - 1) {
          writeIndent();
          if (cps[i + 1] == ' ') {
            put('\\');
          }
        } else {
          writeCp(c);
        }
        spaces = true;
      } else {
        writeCp(c);
        spaces = false;
      }
    }
    indicator("\"", false, false, false);
    whitespace = false;
    indention = false;
  }

  private void writeLiteral(String value) {
    indicator("|", true, false, false);
    int[] cps = value.codePoints().toArray();
    if (cps.length > 0 && (cps[0] == ' ' || isBreak(cps[0]))) {
      indicator(String.valueOf((char) ('0' + BEST_INDENT)), false, false, false);
    }
    openEnded = false;
    String chomp = null;
    if (cps.length == 0) {
      chomp = "-";
    } else {
      int i = cps.length - 1;
      if (!isBreak(cps[i])) {
        chomp = "-";
      } else if (i == 0) {
        chomp = "+";
      } else if (isBreak(cps[i - 1])) {
        chomp = "+";
      }
    }
    if (chomp != null) {
      // yaml.v2 marks "+" as open-ended, but writing the indicator clears the mark again.
      indicator(chomp, false, false, false);
    }
    putBreak();
    indention = true;
    whitespace = true;
    boolean breaks = true;
    for (int c : cps) {
      if (isBreak(c)) {
        writeBreak(c);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        writeCp(c);
        indention = false;
        breaks = false;
      }
    }
  }
}
