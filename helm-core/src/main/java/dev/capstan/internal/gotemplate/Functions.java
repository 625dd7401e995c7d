package dev.capstan.internal.gotemplate;

import dev.capstan.internal.gofmt.GoFmt;
import dev.capstan.internal.gotemplate.Parser.Tree;
import dev.capstan.internal.template.MoreFunctions;
import dev.capstan.internal.template.Sprig;
import dev.capstan.internal.template.SprigTable;
import dev.capstan.internal.template.TemplateFunction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The function table of Go templates in Helm: Go's built-ins, Sprig, Helm's own. */
final class Functions {
  static final String WARN_START = "HELM_ERR_START";
  static final String WARN_END = "HELM_ERR_END";
  static final int VARIADIC = Integer.MAX_VALUE;

  interface Impl {
    Object call(Exec ex, Object[] args);
  }

  record Func(int min, int max, Impl fn) {}

  private Functions() {}

  /** Every function by name; immutable. */
  static Map<String, Func> table() {
    Map<String, Func> t = new HashMap<>();
    for (SprigTable.Entry e : SprigTable.all()) {
      t.put(e.name(), new Func(e.minArgs(), e.maxArgs(), (ex, a) -> {
        try {
          return e.fn().call(a, e.name());
        } catch (SprigTable.ArgumentException x) {
          throw new Exec.RawError(x.getMessage());
        }
      }));
    }
    t.put("contains", new Func(2, 2,
        (ex, a) -> Sprig.contains(string(a[0], "contains"), string(a[1], "contains"))));
    for (Map.Entry<String, TemplateFunction> e : MoreFunctions.all().entrySet()) {
      TemplateFunction f = e.getValue();
      t.put(e.getKey(), new Func(0, VARIADIC, (ex, a) -> f.call(a, ex.ctx.env)));
    }
    // Go's built-ins (Helm's and Sprig's names win where both exist, as in Helm's FuncMap).
    t.put("and", new Func(1, VARIADIC, (ex, a) -> null));
    t.put("or", new Func(1, VARIADIC, (ex, a) -> null));
    t.put("not", new Func(1, 1, (ex, a) -> !Sprig.truthy(a[0])));
    t.put("len", new Func(1, 1, (ex, a) -> length(a[0])));
    t.put("index", new Func(1, VARIADIC, (ex, a) -> index(a)));
    t.putIfAbsent("slice", new Func(1, VARIADIC, (ex, a) -> Sprig.slice(a[0], rest(a))));
    t.put("html", new Func(0, VARIADIC, (ex, a) -> html(evalArgs(a))));
    t.put("js", new Func(0, VARIADIC, (ex, a) -> js(evalArgs(a))));
    t.put("call", new Func(1, VARIADIC, (ex, a) -> {
      throw new RuntimeException("non-function " + (a[0] == null ? "nil" : "of type " + GoFmt.typeName(a[0])));
    }));
    t.put("eq", new Func(1, VARIADIC, (ex, a) -> Compare.eq(a[0], rest(a))));
    t.put("ne", new Func(2, 2, (ex, a) -> !Compare.eq(a[0], rest(a))));
    t.put("lt", new Func(2, 2, (ex, a) -> Compare.lt(a[0], a[1])));
    t.put("le", new Func(2, 2, (ex, a) -> Compare.lt(a[0], a[1]) || Compare.eq(a[0], rest(a))));
    t.put("gt", new Func(2, 2, (ex, a) -> !(Compare.lt(a[0], a[1]) || Compare.eq(a[0], rest(a)))));
    t.put("ge", new Func(2, 2, (ex, a) -> !Compare.lt(a[0], a[1])));
    t.putIfAbsent("print", new Func(0, VARIADIC, (ex, a) -> GoFmt.sprint(a)));
    // Helm's engine functions.
    t.put("include", new Func(2, 2, Functions::include));
    t.put("tpl", new Func(2, 2, Functions::tpl));
    t.put("required", new Func(2, 2, (ex, a) -> {
      Object v = a[1];
      if (v == null || "".equals(v)) {
        throw new RuntimeException(WARN_START + Sprig.toStringValue(a[0]) + WARN_END);
      }
      return v;
    }));
    t.put("fail", new Func(1, 1, (ex, a) -> {
      throw new RuntimeException(WARN_START + string(a[0], "fail") + WARN_END);
    }));
    t.put("lookup", new Func(4, 4, (ex, a) -> {
      Map<String, Object> found = ex.ctx.lookup.lookup(string(a[0], "lookup"), string(a[1], "lookup"),
          string(a[2], "lookup"), string(a[3], "lookup"));
      return found == null ? new LinkedHashMap<>() : found;
    }));
    t.put("toToml", new Func(1, 1, (ex, a) -> Toml.encode(a[0])));
    t.put("getHostByName", new Func(1, 1, (ex, a) -> {
      throw new RuntimeException("getHostByName is disabled; enable DNS lookups to use it");
    }));
    return Map.copyOf(t);
  }

  static String string(Object v, String fn) {
    if (v instanceof String s) {
      return s;
    }
    throw new Exec.RawError("error calling " + fn + ": wrong type for value; expected string; got "
        + GoFmt.typeName(v));
  }

  private static Object[] rest(Object[] a) {
    return java.util.Arrays.copyOfRange(a, 1, a.length);
  }

  private static Object include(Exec ex, Object[] a) {
    String name = string(a[0], "include");
    Object data = a[1];
    Tree tree = ex.ctx.tree(name);
    if (tree == null) {
      throw new RuntimeException("template: no template " + GoQuote.quote(name)
          + " associated with template " + GoQuote.quote("gotpl"));
    }
    ex.ctx.enter(ex, name);
    try {
      StringBuilder sb = new StringBuilder();
      new Exec(ex.ctx, tree, sb, data).run(data);
      ex.ctx.charge(sb.length(), ex);
      return sb.toString();
    } catch (Exec.ExecError e) {
      throw new RuntimeException(e.getMessage(), e);
    } finally {
      ex.ctx.leave(name);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object tpl(Exec ex, Object[] a) {
    String text = string(a[0], "tpl");
    Object vals = a[1];
    String name = "gotpl";
    if (vals instanceof Map<?, ?> m && m.get("Template") instanceof Map<?, ?> tm
        && tm.get("Name") instanceof String n) {
      name = n;
    }
    Map<String, Tree> parsed;
    try {
      parsed = ex.ctx.owner.parseTpl(name, text);
    } catch (Parser.ParseError e) {
      throw new RuntimeException("cannot parse template " + GoQuote.quote(text) + ": "
          + e.getMessage(), e);
    }
    Map<String, Tree> overlay = new HashMap<>(ex.ctx.overlay);
    for (Map.Entry<String, Tree> e : parsed.entrySet()) {
      Tree old = ex.ctx.tree(e.getKey());
      if (old == null || !e.getValue().isEmpty() || e.getKey().equals(name)) {
        overlay.put(e.getKey(), e.getValue());
      }
    }
    RenderContext sub = ex.ctx.withOverlay(overlay);
    ex.ctx.enter(ex, name);
    try {
      StringBuilder sb = new StringBuilder();
      new Exec(sub, parsed.get(name), sb, vals).run(vals);
      ex.ctx.charge(sb.length(), ex);
      return sb.toString().replace("<no value>", "");
    } catch (Exec.ExecError e) {
      throw new RuntimeException("error during tpl function execution for " + GoQuote.quote(text)
          + ": " + e.getMessage(), e);
    } finally {
      ex.ctx.leave(name);
    }
  }

  private static Object length(Object v) {
    if (v == null) {
      throw new RuntimeException("len of nil pointer");
    }
    if (v instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8).length;
    }
    if (v instanceof Map<?, ?> m) {
      return m.size();
    }
    if (v instanceof List<?> l) {
      return l.size();
    }
    if (v instanceof byte[] b) {
      return b.length;
    }
    if (v instanceof dev.capstan.internal.template.FilesObject f) {
      return f.names().size();
    }
    throw new RuntimeException("len of type " + GoFmt.typeName(v));
  }

  private static Object index(Object[] a) {
    Object item = a[0];
    if (item == null) {
      throw new RuntimeException("index of untyped nil");
    }
    for (int i = 1; i < a.length; i++) {
      Object k = a[i];
      if (item instanceof Map<?, ?> m) {
        if (!(k instanceof String)) {
          throw new RuntimeException("value has type " + GoFmt.typeName(k) + "; should be string");
        }
        item = m.get(k);
      } else if (item instanceof List<?> l) {
        int x = intIndex(k, l.size());
        item = l.get(x);
      } else if (item instanceof String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        item = (int) b[intIndex(k, b.length)] & 0xff;
      } else if (item instanceof byte[] b) {
        item = (int) b[intIndex(k, b.length)] & 0xff;
      } else if (item == null) {
        throw new RuntimeException("index of untyped nil");
      } else {
        throw new RuntimeException("can't index item of type " + GoFmt.typeName(item));
      }
    }
    return item;
  }

  private static int intIndex(Object k, int len) {
    if (!(k instanceof Integer || k instanceof Long)) {
      throw new RuntimeException("cannot index slice/array with type " + GoFmt.typeName(k));
    }
    long x = ((Number) k).longValue();
    if (x < 0 || x >= len) {
      throw new RuntimeException("index out of range: " + x);
    }
    return (int) x;
  }

  private static String evalArgs(Object[] a) {
    if (a.length == 1 && a[0] instanceof String s) {
      return s;
    }
    Object[] p = new Object[a.length];
    for (int i = 0; i < a.length; i++) {
      p[i] = a[i] == null ? "<no value>" : a[i];
    }
    return GoFmt.sprint(p);
  }

  static String html(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '\'' -> sb.append("&#39;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&#34;");
        case 0 -> sb.append('\uFFFD');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static String js(String s) {
    StringBuilder sb = new StringBuilder();
    final String hex = "0123456789ABCDEF";
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '"' -> sb.append("\\\"");
        case '<' -> sb.append("\\u003C");
        case '>' -> sb.append("\\u003E");
        case '&' -> sb.append("\\u0026");
        case '=' -> sb.append("\\u003D");
        default -> {
          if (c < ' ') {
            sb.append("\\u00").append(hex.charAt(c >> 4)).append(hex.charAt(c & 0xF));
          } else if (c >= 0x80 && (Character.isISOControl(c) || !Character.isDefined(c))) {
            sb.append(String.format("\\u%04X", c));
          } else {
            sb.appendCodePoint(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
