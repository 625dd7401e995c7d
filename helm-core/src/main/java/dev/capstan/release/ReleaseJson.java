package dev.capstan.release;

import dev.capstan.internal.json.GoJson;
import dev.capstan.internal.json.GoJsonUtf8;
import dev.capstan.values.Values;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and writes the release JSON with Go's struct order and omitempty rules (spec §1.1–§1.4). */
final class ReleaseJson {
  private static final Set<String> TOP_KEYS = Set.of("name", "info", "chart", "config", "manifest",
      "hooks", "version", "namespace", "apply_method");
  private static final Set<String> INFO_KEYS = Set.of("first_deployed", "last_deployed", "deleted",
      "description", "status", "rollback_revision", "notes");
  private static final Set<String> CHART_KEYS = Set.of("metadata", "lock", "templates", "values",
      "schema", "schemamodtime", "files", "modtime");
  private static final Set<String> FILE_KEYS = Set.of("name", "data", "modtime");
  private static final Set<String> HOOK_KEYS = Set.of("name", "kind", "path", "manifest", "events",
      "last_run", "weight", "delete_policies", "output_log_policies");
  private static final Set<String> RUN_KEYS = Set.of("started_at", "completed_at", "phase");
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private ReleaseJson() {}

  // ------------------------------------------------------------------------------------------
  // Writing

  static String write(Release r) {
    return writeUtf8(r).toString();
  }

  /** Writes the record's JSON as UTF-8 bytes. */
  static GoJsonUtf8.Writer writeUtf8(Release r) {
    GoJsonUtf8.Writer sb = new GoJsonUtf8.Writer(estimateLength(r));
    Obj o = new Obj(sb);
    if (!r.name().isEmpty()) {
      o.key("name");
      sb.quote(r.name());
    }
    if (r.info() != null) {
      o.key("info");
      writeInfo(sb, r.info());
    }
    if (r.chart() != null) {
      o.key("chart");
      writeChart(sb, r.chart());
    }
    if (!r.config().isEmpty()) {
      o.key("config");
      sb.tree(r.config().asMap());
    }
    if (!r.manifest().isEmpty()) {
      o.key("manifest");
      sb.quote(r.manifest());
    }
    if (!r.hooks().isEmpty()) {
      o.key("hooks");
      sb.ascii('[');
      for (int i = 0; i < r.hooks().size(); i++) {
        if (i > 0) {
          sb.ascii(',');
        }
        Map<String, Object> extra =
            r.hookUnknownFields().isEmpty() ? Map.of() : r.hookUnknownFields().get(i);
        writeHook(sb, r.hooks().get(i), extra);
      }
      sb.ascii(']');
    }
    if (r.version() != 0) {
      o.key("version");
      sb.ascii(Integer.toString(r.version()));
    }
    if (!r.namespace().isEmpty()) {
      o.key("namespace");
      sb.quote(r.namespace());
    }
    if (r.applyMethod() != null) {
      o.key("apply_method");
      sb.quote(r.applyMethod().wireName());
    }
    o.extra(r.unknownFields());
    o.close();
    return sb;
  }

  /**
   * A close guess of the JSON length, so that the builder rarely grows: the big parts are the
   * manifests (text with a few escapes) and the chart files (base64, 4/3 of their bytes).
   */
  private static int estimateLength(Release r) {
    long n = 8192 + r.manifest().length() * 9L / 8;
    for (Hook h : r.hooks()) {
      n += 256 + h.manifest().length() * 9L / 8;
    }
    if (r.chart() != null) {
      n += fileBytes(r.chart().templates()) + fileBytes(r.chart().files());
      byte[] schema = r.chart().schemaUnsafe();
      n += schema == null ? 0 : schema.length * 4L / 3 + 4;
    }
    return (int) Math.min(n, Integer.MAX_VALUE - 16);
  }

  private static long fileBytes(List<StoredFile> files) {
    long n = 0;
    if (files != null) {
      for (StoredFile f : files) {
        byte[] d = f.dataUnsafe();
        n += 96 + f.name().length() + (d == null ? 0 : d.length * 4L / 3 + 4);
      }
    }
    return n;
  }

  private static void writeInfo(GoJsonUtf8.Writer sb, ReleaseInfo info) {
    Obj o = new Obj(sb);
    o.time("first_deployed", info.firstDeployed());
    o.time("last_deployed", info.lastDeployed());
    o.time("deleted", info.deleted());
    o.string("description", info.description());
    if (info.status() != null) {
      o.key("status");
      sb.quote(info.status().wireName());
    }
    if (info.rollbackRevision() != 0) {
      o.key("rollback_revision");
      sb.ascii(Integer.toString(info.rollbackRevision()));
    }
    o.string("notes", info.notes());
    o.extra(info.unknownFields());
    o.close();
  }

  private static void writeChart(GoJsonUtf8.Writer sb, ReleaseChart c) {
    Obj o = new Obj(sb);
    o.key("metadata");
    writeOrdered(sb, c.metadata());
    o.key("lock");
    writeOrdered(sb, c.lock());
    o.key("templates");
    writeFiles(sb, c.templates());
    o.key("values");
    if (c.values() == null) {
      sb.ascii("null");
    } else {
      sb.tree(c.values().asMap());
    }
    o.key("schema");
    writeBytes(sb, c.schemaUnsafe());
    o.key("schemamodtime");
    sb.ascii('"').ascii(c.schemaModTime() == null ? ZERO_TIME : formatTime(c.schemaModTime()))
        .ascii('"');
    o.key("files");
    writeFiles(sb, c.files());
    o.time("modtime", c.modTime());
    o.extra(c.unknownFields());
    o.close();
  }

  private static void writeFiles(GoJsonUtf8.Writer sb, List<StoredFile> files) {
    if (files == null) {
      sb.ascii("null");
      return;
    }
    sb.ascii('[');
    for (int i = 0; i < files.size(); i++) {
      if (i > 0) {
        sb.ascii(',');
      }
      StoredFile f = files.get(i);
      Obj o = new Obj(sb);
      o.key("name");
      sb.quote(f.name());
      o.key("data");
      writeBytes(sb, f.dataUnsafe());
      o.time("modtime", f.modTime());
      o.extra(f.unknownFields());
      o.close();
    }
    sb.ascii(']');
  }

  private static void writeHook(GoJsonUtf8.Writer sb, Hook h, Map<String, Object> extra) {
    Obj o = new Obj(sb);
    o.key("name");
    sb.quote(h.name());
    o.key("kind");
    sb.quote(h.kind());
    o.key("path");
    sb.quote(h.path());
    o.key("manifest");
    sb.quote(h.manifest());
    o.key("events");
    sb.ascii('[');
    for (int i = 0; i < h.events().size(); i++) {
      if (i > 0) {
        sb.ascii(',');
      }
      sb.quote(h.events().get(i).wireName());
    }
    sb.ascii(']');
    o.key("last_run");
    HookExecution run = h.lastRun();
    Obj r = new Obj(sb);
    r.time("started_at", run.startedAt());
    r.time("completed_at", run.completedAt());
    r.key("phase");
    sb.quote(run.phase() == null ? "" : run.phase().wireName());
    Map<String, Object> hookExtra = new LinkedHashMap<>(extra);
    Object runExtra = hookExtra.remove("last_run");
    if (runExtra instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> mm = (Map<String, Object>) m;
      r.extra(mm);
    }
    r.close();
    if (h.weight() != 0) {
      o.key("weight");
      sb.ascii(Integer.toString(h.weight()));
    }
    o.strings("delete_policies", h.deletePolicies());
    o.strings("output_log_policies", h.outputLogPolicies());
    o.extra(hookExtra);
    o.close();
  }

  private static void writeBytes(GoJsonUtf8.Writer sb, byte[] data) {
    if (data == null) {
      sb.ascii("null");
    } else {
      sb.ascii('"').ascii(Base64.getEncoder().encode(data)).ascii('"');
    }
  }

  /** Writes a decoded tree keeping the order of map keys (Go struct order as read). */
  private static void writeOrdered(GoJsonUtf8.Writer sb, Object tree) {
    sb.ordered(tree);
  }

  /** Formats a time as Go's {@code time.RFC3339Nano}: trailing fraction zeros trimmed, offset kept. */
  static String formatTime(OffsetDateTime t) {
    StringBuilder sb = new StringBuilder(35);
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      throw new IllegalArgumentException("Time.MarshalJSON: year outside of range [0,9999]: " + t);
    }
    pad(sb, year, 4).append('-');
    pad(sb, t.getMonthValue(), 2).append('-');
    pad(sb, t.getDayOfMonth(), 2).append('T');
    pad(sb, t.getHour(), 2).append(':');
    pad(sb, t.getMinute(), 2).append(':');
    pad(sb, t.getSecond(), 2);
    int nanos = t.getNano();
    if (nanos != 0) {
      StringBuilder frac = new StringBuilder(9);
      pad(frac, nanos, 9);
      int end = frac.length();
      while (frac.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(frac, 0, end);
    }
    int off = t.getOffset().getTotalSeconds();
    if (off == 0) {
      sb.append('Z');
    } else {
      sb.append(off < 0 ? '-' : '+');
      int a = Math.abs(off) / 60;
      pad(sb, a / 60, 2).append(':');
      pad(sb, a % 60, 2);
    }
    return sb.toString();
  }

  private static StringBuilder pad(StringBuilder sb, int v, int width) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(s);
  }

  /** Writes object members with commas. */
  private static final class Obj {
    private final GoJsonUtf8.Writer sb;
    private boolean first = true;

    Obj(GoJsonUtf8.Writer sb) {
      this.sb = sb;
      sb.ascii('{');
    }

    void key(String k) {
      if (!first) {
        sb.ascii(',');
      }
      first = false;
      sb.ascii('"').ascii(k).ascii("\":");
    }

    void time(String k, OffsetDateTime t) {
      if (t != null) {
        key(k);
        sb.ascii('"').ascii(formatTime(t)).ascii('"');
      }
    }

    void string(String k, String v) {
      if (!v.isEmpty()) {
        key(k);
        sb.quote(v);
      }
    }

    void strings(String k, List<String> v) {
      if (!v.isEmpty()) {
        key(k);
        sb.tree(v);
      }
    }

    void extra(Map<String, Object> m) {
      for (Map.Entry<String, Object> e : m.entrySet()) {
        if (!first) {
          sb.ascii(',');
        }
        first = false;
        sb.quote(e.getKey());
        sb.ascii(':');
        writeOrdered(sb, e.getValue());
      }
    }

    void close() {
      sb.ascii('}');
    }
  }

  // ------------------------------------------------------------------------------------------
  // Reading

  static Release read(String json, String record) {
    Object tree;
    try {
      tree = GoJson.decodeWhole(json);
    } catch (GoJson.DecodeException e) {
      throw new ReleaseRecordException(
          "release record " + record + ": invalid JSON: " + e.getMessage(), e);
    }
    return read(tree, record);
  }

  /** Reads the record from the first {@code length} bytes of {@code utf8}. */
  static Release read(byte[] utf8, int length, String record) {
    Object tree;
    try {
      tree = GoJsonUtf8.decodeWhole(utf8, length);
    } catch (GoJson.DecodeException e) {
      throw new ReleaseRecordException(
          "release record " + record + ": invalid JSON: " + e.getMessage(), e);
    }
    return read(tree, record);
  }

  private static Release read(Object tree, String record) {
    Reader rd = new Reader(record);
    Map<String, Object> top = rd.object(tree, "");
    if (top == null) {
      throw new ReleaseRecordException("release record " + record + ": JSON is null, not an object");
    }
    String name = rd.string(top, "name", "");
    Map<String, Object> infoObj = rd.object(top.get("info"), "info");
    ReleaseInfo info = infoObj == null ? null : rd.info(infoObj);
    Map<String, Object> chartObj = rd.object(top.get("chart"), "chart");
    ReleaseChart chart = chartObj == null ? null : rd.chart(chartObj);
    Map<String, Object> configObj = rd.object(top.get("config"), "config");
    Values config = configObj == null ? Values.empty() : Values.of(configObj);
    String manifest = rd.string(top, "manifest", "");
    List<Hook> hooks = new ArrayList<>();
    List<Map<String, Object>> hookExtra = new ArrayList<>();
    boolean anyHookExtra = false;
    List<Object> hookList = rd.list(top.get("hooks"), "hooks");
    if (hookList != null) {
      for (int i = 0; i < hookList.size(); i++) {
        Map<String, Object> extra = new LinkedHashMap<>();
        Map<String, Object> h = rd.object(hookList.get(i), "hooks[" + i + "]");
        if (h == null) {
          throw rd.error("hooks[" + i + "]", "is null; Helm cannot store a null hook");
        }
        hooks.add(rd.hook(h, "hooks[" + i + "]", extra));
        anyHookExtra |= !extra.isEmpty();
        hookExtra.add(extra);
      }
    }
    int version = rd.integer(top, "version", "");
    String namespace = rd.string(top, "namespace", "");
    String am = rd.string(top, "apply_method", "");
    ApplyMethod applyMethod = null;
    if (!am.isEmpty()) {
      applyMethod = ApplyMethod.fromWireName(am).orElseThrow(() -> rd.error("apply_method",
          "has unknown value " + GoJson.goQuote(am) + " (want \"csa\" or \"ssa\")"));
    }
    return new Release(name, info, chart, config, manifest, hooks, version, namespace, applyMethod,
        Map.of(), unknown(top, TOP_KEYS), anyHookExtra ? hookExtra : List.of());
  }

  private static Map<String, Object> unknown(Map<String, Object> obj, Set<String> known) {
    Map<String, Object> out = new LinkedHashMap<>();
    obj.forEach((k, v) -> {
      if (!known.contains(k)) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** Typed access to a decoded tree with errors that name the record and the path. */
  private static final class Reader {
    private final String record;

    Reader(String record) {
      this.record = record;
    }

    ReleaseRecordException error(String path, String what) {
      return new ReleaseRecordException("release record " + record + ": field " + path + " " + what);
    }

    private static String join(String prefix, String key) {
      return prefix.isEmpty() ? key : prefix + "." + key;
    }

    private static String typeOf(Object v) {
      if (v instanceof String) {
        return "a string";
      } else if (v instanceof Double) {
        return "a number";
      } else if (v instanceof Boolean) {
        return "a boolean";
      } else if (v instanceof List) {
        return "an array";
      } else {
        return "an object";
      }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(Object v, String path) {
      if (v == null) {
        return null;
      }
      if (v instanceof Map<?, ?> m) {
        return (Map<String, Object>) m;
      }
      throw error(path.isEmpty() ? "(top level)" : path, "is " + typeOf(v) + ", want an object");
    }

    @SuppressWarnings("unchecked")
    List<Object> list(Object v, String path) {
      if (v == null) {
        return null;
      }
      if (v instanceof List<?> l) {
        return (List<Object>) l;
      }
      throw error(path, "is " + typeOf(v) + ", want an array");
    }

    String string(Map<String, Object> obj, String key, String prefix) {
      Object v = obj.get(key);
      if (v == null) {
        return "";
      }
      if (v instanceof String s) {
        return s;
      }
      throw error(join(prefix, key), "is " + typeOf(v) + ", want a string");
    }

    int integer(Map<String, Object> obj, String key, String prefix) {
      Object v = obj.get(key);
      if (v == null) {
        return 0;
      }
      if (v instanceof Double d) {
        if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
          return d.intValue();
        }
        throw error(join(prefix, key), "is " + GoJson.number(d) + ", want an integer");
      }
      throw error(join(prefix, key), "is " + typeOf(v) + ", want an integer");
    }

    OffsetDateTime time(Map<String, Object> obj, String key, String prefix) {
      Object v = obj.get(key);
      if (v == null || "".equals(v)) {
        return null;
      }
      if (!(v instanceof String s)) {
        throw error(join(prefix, key), "is " + typeOf(v) + ", want an RFC 3339 time string");
      }
      try {
        OffsetDateTime t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        if (t.getYear() == 1 && t.getMonthValue() == 1 && t.getDayOfMonth() == 1
            && t.toLocalTime().toNanoOfDay() == 0 && t.getOffset().equals(ZoneOffset.UTC)) {
          return null;
        }
        return t;
      } catch (DateTimeException e) {
        throw error(join(prefix, key), "is not an RFC 3339 time: " + GoJson.goQuote(s));
      }
    }

    byte[] bytes(Map<String, Object> obj, String key, String prefix) {
      Object v = obj.get(key);
      if (v == null) {
        return null;
      }
      if (!(v instanceof String s)) {
        throw error(join(prefix, key), "is " + typeOf(v) + ", want a base64 string");
      }
      try {
        return Base64.getDecoder().decode(s.replace("\r", "").replace("\n", ""));
      } catch (IllegalArgumentException e) {
        throw error(join(prefix, key), "is not valid base64: " + e.getMessage());
      }
    }

    List<String> strings(Map<String, Object> obj, String key, String prefix) {
      List<Object> l = list(obj.get(key), join(prefix, key));
      if (l == null) {
        return List.of();
      }
      List<String> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        if (!(l.get(i) instanceof String s)) {
          throw error(join(prefix, key) + "[" + i + "]", "is "
              + (l.get(i) == null ? "null" : typeOf(l.get(i))) + ", want a string");
        }
        out.add(s);
      }
      return out;
    }

    ReleaseInfo info(Map<String, Object> o) {
      String st = string(o, "status", "info");
      ReleaseStatus status = null;
      if (!st.isEmpty()) {
        status = ReleaseStatus.fromWireName(st).orElseThrow(() -> error("info.status",
            "has unknown status " + GoJson.goQuote(st)));
      }
      return new ReleaseInfo(time(o, "first_deployed", "info"), time(o, "last_deployed", "info"),
          time(o, "deleted", "info"), string(o, "description", "info"), status,
          integer(o, "rollback_revision", "info"), string(o, "notes", "info"),
          unknown(o, INFO_KEYS));
    }

    ReleaseChart chart(Map<String, Object> o) {
      Map<String, Object> values = object(o.get("values"), "chart.values");
      return new ReleaseChart(object(o.get("metadata"), "chart.metadata"),
          object(o.get("lock"), "chart.lock"), files(o, "templates"),
          values == null ? null : Values.of(values), bytes(o, "schema", "chart"),
          time(o, "schemamodtime", "chart"), files(o, "files"), time(o, "modtime", "chart"),
          unknown(o, CHART_KEYS));
    }

    private List<StoredFile> files(Map<String, Object> o, String key) {
      List<Object> l = list(o.get(key), "chart." + key);
      if (l == null) {
        return null;
      }
      List<StoredFile> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        String path = "chart." + key + "[" + i + "]";
        Map<String, Object> f = object(l.get(i), path);
        if (f == null) {
          throw error(path, "is null; want {name, data}");
        }
        out.add(new StoredFile(string(f, "name", path), bytes(f, "data", path),
            time(f, "modtime", path), unknown(f, FILE_KEYS)));
      }
      return out;
    }

    Hook hook(Map<String, Object> h, String path, Map<String, Object> extra) {
      List<HookEvent> events = new ArrayList<>();
      for (String e : strings(h, "events", path)) {
        events.add(HookEvent.fromAnnotation(e).filter(ev -> ev.wireName().equals(e))
            .orElseThrow(() -> error(path + ".events", "has unknown hook event " + GoJson.goQuote(e))));
      }
      Map<String, Object> run = object(h.get("last_run"), path + ".last_run");
      HookExecution exec = HookExecution.never();
      if (run != null) {
        String ph = string(run, "phase", path + ".last_run");
        HookPhase phase = null;
        if (!ph.isEmpty()) {
          phase = HookPhase.fromWireName(ph).orElseThrow(() -> error(path + ".last_run.phase",
              "has unknown hook phase " + GoJson.goQuote(ph)));
        }
        exec = new HookExecution(time(run, "started_at", path + ".last_run"),
            time(run, "completed_at", path + ".last_run"), phase);
        Map<String, Object> runExtra = unknown(run, RUN_KEYS);
        if (!runExtra.isEmpty()) {
          extra.put("last_run", runExtra);
        }
      }
      extra.putAll(unknown(h, HOOK_KEYS));
      return new Hook(string(h, "name", path), string(h, "kind", path), string(h, "path", path),
          string(h, "manifest", path), events, integer(h, "weight", path),
          strings(h, "delete_policies", path), strings(h, "output_log_policies", path), exec);
    }
  }
}
