package dev.capstan.release;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartFile;
import dev.capstan.chart.ChartLock;
import dev.capstan.chart.ChartMetadata;
import dev.capstan.chart.Dependency;
import dev.capstan.chart.Maintainer;
import dev.capstan.internal.json.GoJson;
import dev.capstan.values.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a {@link Chart} into the {@code chart} object of a release record as Helm's
 * {@code json.Marshal} of its {@code chart.Chart} struct writes it (§1.4): Go struct order, Go's
 * {@code omitempty} rules, map keys sorted, numbers as {@code float64}.
 */
final class StoredChartMapper {
  private StoredChartMapper() {}

  /**
   * Maps {@code chart}; mod times are written at {@code zone}'s offset (Helm writes the machine's
   * local offset, so the instant is what counts).
   */
  static ReleaseChart map(Chart chart, ZoneId zone) {
    return new ReleaseChart(metadata(chart.metadata()),
        chart.lock().map(StoredChartMapper::lock).orElse(null),
        files(chart.templates(), zone), values(chart), chart.schema().orElse(null),
        time(chart.schemaModTime(), zone), files(chart.files(), zone),
        time(chart.modTime(), zone), Map.of());
  }

  private static OffsetDateTime time(Optional<Instant> t, ZoneId zone) {
    return t.map(i -> OffsetDateTime.ofInstant(i, zone)).orElse(null);
  }

  /** Helm's {@code Metadata}: every field {@code omitempty}, in struct order. */
  static Map<String, Object> metadata(ChartMetadata md) {
    Map<String, Object> m = new LinkedHashMap<>();
    putString(m, "name", md.name());
    putString(m, "home", md.home());
    putStrings(m, "sources", md.sources());
    putString(m, "version", md.version());
    putString(m, "description", md.description());
    putStrings(m, "keywords", md.keywords());
    if (!md.maintainers().isEmpty()) {
      List<Object> maintainers = new ArrayList<>(md.maintainers().size());
      for (Maintainer mt : md.maintainers()) {
        Map<String, Object> e = new LinkedHashMap<>();
        putString(e, "name", mt.name());
        putString(e, "email", mt.email());
        putString(e, "url", mt.url());
        maintainers.add(e);
      }
      m.put("maintainers", maintainers);
    }
    putString(m, "icon", md.icon());
    putString(m, "apiVersion", md.apiVersion());
    putString(m, "condition", md.condition());
    putString(m, "tags", md.tags());
    putString(m, "appVersion", md.appVersion());
    if (md.deprecated()) {
      m.put("deprecated", Boolean.TRUE);
    }
    if (!md.annotations().isEmpty()) {
      m.put("annotations", sorted(md.annotations()));
    }
    putString(m, "kubeVersion", md.kubeVersion());
    if (!md.dependencies().isEmpty()) {
      m.put("dependencies", dependencies(md.dependencies()));
    }
    if (md.typeDeclared()) {
      m.put("type", md.type().wireName());
    }
    return m;
  }

  /** Helm's {@code Lock}: no field is {@code omitempty}; {@code generated} is a Go time. */
  static Map<String, Object> lock(ChartLock lock) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("generated", generated(lock.generated()));
    m.put("digest", lock.digest() == null ? "" : lock.digest());
    m.put("dependencies", dependencies(lock.dependencies()));
    return m;
  }

  /** Helm's {@code Dependency}: {@code name} and {@code repository} always, the rest omitempty. */
  private static List<Object> dependencies(List<Dependency> deps) {
    List<Object> out = new ArrayList<>(deps.size());
    for (Dependency d : deps) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", d.name());
      putString(e, "version", d.version());
      e.put("repository", d.repository() == null ? "" : d.repository());
      putString(e, "condition", d.condition());
      putStrings(e, "tags", d.tags());
      if (d.enabled()) {
        e.put("enabled", Boolean.TRUE);
      }
      if (!d.importValues().isEmpty()) {
        List<Object> iv = new ArrayList<>(d.importValues().size());
        for (Object o : d.importValues()) {
          iv.add(jsonValue(o));
        }
        e.put("import-values", iv);
      }
      putString(e, "alias", d.alias());
      out.add(e);
    }
    return out;
  }

  private static String generated(String text) {
    if (text == null || text.isEmpty()) {
      return "0001-01-01T00:00:00Z";
    }
    try {
      return ReleaseJson.formatTime(
          OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("chart lock: generated " + GoJson.goQuote(text)
          + " is not an RFC 3339 time, which Helm could not read back", e);
    }
  }

  /**
   * Go's {@code map[string]interface{}}: {@code null} only when the chart had no
   * {@code values.yaml} and no enabled dependency (whose processing always sets the values);
   * {@code {}} for an empty {@code values.yaml}.
   */
  private static Values values(Chart chart) {
    Values v = chart.values();
    if (!v.isEmpty() || chart.rawValues().isPresent()
        || !chart.metadata().dependencies().isEmpty()) {
      return v;
    }
    return null;
  }

  /** Go's {@code []*File}: a chart without any is {@code null}, not {@code []}. */
  private static List<StoredFile> files(List<ChartFile> files, ZoneId zone) {
    if (files.isEmpty()) {
      return null;
    }
    List<StoredFile> out = new ArrayList<>(files.size());
    for (ChartFile f : files) {
      out.add(new StoredFile(f.name(), f.data(), time(f.modTime(), zone), Map.of()));
    }
    return out;
  }

  /**
   * A decoded YAML value as Go holds it after sigs.k8s.io/yaml: maps with keys in byte order,
   * numbers as {@code Double}.
   */
  private static Object jsonValue(Object o) {
    if (o instanceof Map<?, ?> map) {
      Map<String, Object> out = new TreeMap<>(GoJson.KEY_ORDER);
      map.forEach((k, v) -> out.put(String.valueOf(k), jsonValue(v)));
      return new LinkedHashMap<>(out);
    }
    if (o instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(jsonValue(v)));
      return out;
    }
    if (o instanceof BigInteger b) {
      return b.doubleValue();
    }
    if (o instanceof BigDecimal b) {
      return b.doubleValue();
    }
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    return o;
  }

  private static Map<String, Object> sorted(Map<String, String> m) {
    Map<String, Object> out = new TreeMap<>(GoJson.KEY_ORDER);
    out.putAll(m);
    return new LinkedHashMap<>(out);
  }

  private static void putString(Map<String, Object> m, String key, String value) {
    if (value != null && !value.isEmpty()) {
      m.put(key, value);
    }
  }

  private static void putStrings(Map<String, Object> m, String key, List<String> value) {
    if (!value.isEmpty()) {
      m.put(key, new ArrayList<>(value));
    }
  }
}
