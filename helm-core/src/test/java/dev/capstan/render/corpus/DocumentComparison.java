package dev.capstan.render.corpus;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Compares two {@code helm template} outputs document by document: both are split at their
 * {@code ---} lines, each document is named by its {@code # Source:} comment, and documents are
 * equal when their parsed YAML is equal after masking. Text differences of YAML-equal documents
 * are counted, not failed.
 */
final class DocumentComparison {
  private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: (.*)$");
  private static final Pattern SEPARATOR = Pattern.compile("(?m)^---[ \\t]*$\\n?");

  /** One document of an output. */
  record Document(String source, String text) {}

  /**
   * The outcome.
   *
   * @param firstDifference {@code null} when the outputs are equal, else where they first differ
   * @param documents the number of expected documents
   * @param textDiffers documents whose YAML is equal but whose text is not
   */
  record Result(String firstDifference, int documents, List<String> textDiffers) {
    boolean equal() {
      return firstDifference == null;
    }
  }

  private DocumentComparison() {}

  /** The documents of {@code text} that hold more than blank lines. */
  static List<Document> split(String text) {
    List<Document> docs = new ArrayList<>();
    for (String part : SEPARATOR.split(text)) {
      if (part.isBlank()) {
        continue;
      }
      Matcher m = SOURCE.matcher(part);
      docs.add(new Document(m.find() ? m.group(1).strip() : "(no source)", part));
    }
    return docs;
  }

  static Result compare(String expected, String actual, List<Masks.Mask> masks) {
    List<Document> exp = split(expected);
    List<Document> act = split(actual);
    List<String> textDiffers = new ArrayList<>();
    String first = null;
    int n = Math.max(exp.size(), act.size());
    for (int i = 0; i < n && first == null; i++) {
      if (i >= act.size()) {
        first = "document " + (i + 1) + " (" + exp.get(i).source() + ") missing; Capstan printed "
            + act.size() + " of " + exp.size() + " documents";
        break;
      }
      if (i >= exp.size()) {
        first = "extra document " + (i + 1) + " (" + act.get(i).source() + "); Helm printed "
            + exp.size() + " documents";
        break;
      }
      Document e = exp.get(i);
      Document a = act.get(i);
      String where = "document " + (i + 1) + " (" + e.source() + ")";
      if (!e.source().equals(a.source())) {
        first = where + ": Capstan's document " + (i + 1) + " is from " + a.source();
        break;
      }
      Object ey;
      Object ay;
      try {
        ey = Masks.apply(parse(e.text()), e.source(), masks);
      } catch (RuntimeException ex) {
        first = where + ": expected YAML does not parse: " + ex.getMessage();
        break;
      }
      try {
        ay = Masks.apply(parse(a.text()), a.source(), masks);
      } catch (RuntimeException ex) {
        first = where + ": Capstan's YAML does not parse: " + firstLine(ex.getMessage());
        break;
      }
      String diff = diff("", ey, ay);
      if (diff != null) {
        first = where + ": " + diff;
      } else if (!e.text().strip().equals(a.text().strip())) {
        textDiffers.add(where + ": " + firstTextDifference(e.text(), a.text()));
      }
    }
    return new Result(first, exp.size(), textDiffers);
  }

  private static Object parse(String text) {
    LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(true).build();
    Iterator<Object> docs = new Load(settings).loadAllFromString(text).iterator();
    List<Object> all = new ArrayList<>();
    docs.forEachRemaining(all::add);
    return all.size() == 1 ? all.get(0) : all;
  }

  /** The path and values where {@code e} and {@code a} first differ, or {@code null}. */
  static String diff(String path, Object e, Object a) {
    if (e instanceof Map<?, ?> em && a instanceof Map<?, ?> am) {
      for (Map.Entry<?, ?> x : em.entrySet()) {
        String p = path.isEmpty() ? String.valueOf(x.getKey()) : path + "." + x.getKey();
        if (!am.containsKey(x.getKey())) {
          return p + ": missing in Capstan's output (expected " + show(x.getValue()) + ")";
        }
        String d = diff(p, x.getValue(), am.get(x.getKey()));
        if (d != null) {
          return d;
        }
      }
      for (Object k : am.keySet()) {
        if (!em.containsKey(k)) {
          String p = path.isEmpty() ? String.valueOf(k) : path + "." + k;
          return p + ": not in Helm's output (Capstan printed " + show(am.get(k)) + ")";
        }
      }
      return null;
    }
    if (e instanceof List<?> el && a instanceof List<?> al) {
      for (int i = 0; i < Math.min(el.size(), al.size()); i++) {
        String d = diff(path + "[" + i + "]", el.get(i), al.get(i));
        if (d != null) {
          return d;
        }
      }
      if (el.size() != al.size()) {
        return (path.isEmpty() ? "(root)" : path) + ": expected " + el.size()
            + " items, Capstan printed " + al.size();
      }
      return null;
    }
    if (Objects.equals(e, a) && (e == null || e.getClass() == a.getClass())) {
      return null;
    }
    return (path.isEmpty() ? "(root)" : path) + ": expected " + show(e) + ", actual " + show(a);
  }

  private static String show(Object o) {
    String s = o == null ? "null" : o instanceof String str ? '"' + str + '"' : o.toString();
    s = s.replace("\n", "\\n");
    return s.length() > 160 ? s.substring(0, 157) + "..." : s;
  }

  private static String firstTextDifference(String e, String a) {
    String[] el = e.split("\n", -1);
    String[] al = a.split("\n", -1);
    for (int i = 0; i < Math.min(el.length, al.length); i++) {
      if (!el[i].equals(al[i])) {
        return "line " + (i + 1) + ": expected `" + show(el[i]) + "`, actual `" + show(al[i]) + "`";
      }
    }
    return "expected " + el.length + " lines, actual " + al.length;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
