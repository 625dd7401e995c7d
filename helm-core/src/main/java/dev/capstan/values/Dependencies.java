package dev.capstan.values;

import dev.capstan.CapstanException;
import dev.capstan.chart.Chart;
import dev.capstan.chart.Dependency;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Helm's dependency processing (§4.1, {@code ProcessDependencies}): decides which subcharts are
 * enabled, applies aliases, and imports values from subcharts into their parents.
 *
 * <ul>
 *   <li>Each {@code Chart.yaml} dependency is matched to a subchart by name and version range; with
 *       an {@code alias}, a copy of the subchart renamed to the alias is used. Subcharts under
 *       {@code charts/} that no dependency names stay, always enabled.
 *   <li>Enablement is computed on the coalesced values: {@code tags.<tag>} first (any true tag
 *       enables, all-false disables, none set leaves enabled), then {@code condition}, whose first
 *       path that holds a boolean decides and overrides the tags. Paths are relative to the top
 *       chart, prefixed with the subchart path for nested charts. Disabled subcharts are removed
 *       from the chart and from {@code metadata.dependencies}.
 *   <li>{@code import-values} are applied deepest first; a parent's own values win over imported
 *       ones.
 * </ul>
 *
 * <p>The processed chart's {@code metadata.dependencies} is what a release record stores (§1.4):
 * only enabled entries, the alias in place of the name, {@code enabled: true}, and import-values as
 * {@code {child, parent}} maps. Its {@code values} are Helm's merged values of the chart and its
 * subcharts with the imports applied.
 */
public final class Dependencies {
  private static final Logger LOG = LoggerFactory.getLogger(Dependencies.class);

  private Dependencies() {}

  /**
   * Processes the dependencies of {@code chart} against the {@code user} values, as Helm's install
   * and upgrade do before rendering, and returns the processed chart.
   *
   * @throws CapstanException {@code type mismatch on <subchart>: ...} when values for a subchart
   *     are not a map
   */
  public static Chart process(Chart chart, Values user) {
    Objects.requireNonNull(chart, "chart");
    Objects.requireNonNull(user, "user");
    return process(chart, user, LOG::warn);
  }

  /** As {@link #process(Chart, Values)}, reporting Helm's warnings to {@code warn}. */
  static Chart process(Chart chart, Values user, Consumer<String> warn) {
    Chart enabled = processEnabled(chart, user.toMutableMap(), "", warn);
    return processImportValues(enabled, warn);
  }

  /**
   * Checks that every dependency declared in {@code Chart.yaml} has a subchart of that name, as
   * Helm's {@code CheckDependencies} does before an install.
   *
   * @throws CapstanException {@code found in Chart.yaml, but missing in charts/ directory: a, b}
   */
  public static void checkPresent(Chart chart) {
    Objects.requireNonNull(chart, "chart");
    List<String> missing = new ArrayList<>();
    for (Dependency d : chart.metadata().dependencies()) {
      boolean found = false;
      for (Chart sub : chart.subcharts()) {
        if (sub.name().equals(d.name())) {
          found = true;
          break;
        }
      }
      if (!found) {
        missing.add(d.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new CapstanException("found in Chart.yaml, but missing in charts/ directory: "
          + String.join(", ", missing));
    }
  }

  // --------------------------------------------------------------------------------------------
  // Enablement

  private static Chart processEnabled(Chart c, Map<String, Object> v, String path,
      Consumer<String> warn) {
    List<Dependency> reqs = c.metadata().dependencies();
    if (reqs.isEmpty()) {
      return c;
    }
    List<Chart> chartDependencies = new ArrayList<>();
    outer:
    for (Chart existing : c.subcharts()) {
      for (Dependency req : reqs) {
        if (existing.name().equals(req.name())
            && DependencyVersionRange.isCompatible(req.version(), existing.metadata().version())) {
          continue outer;
        }
      }
      chartDependencies.add(existing);
    }
    List<Dependency> allEnabled = new ArrayList<>(reqs.size());
    for (Dependency req : reqs) {
      Chart match = aliasDependency(c.subcharts(), req);
      if (match != null) {
        chartDependencies.add(match);
      }
      allEnabled.add(new Dependency(req.effectiveName(), req.version(), req.repository(),
          req.condition(), req.tags(), true, req.importValues(), req.alias()));
    }
    Chart staged = c.toBuilder()
        .metadata(c.metadata().withDependencies(allEnabled))
        .subcharts(chartDependencies)
        .build();
    Map<String, Object> cvals = Coalescing.coalesceMutable(staged, Values.mutableCopy(v), warn);

    boolean[] enabled = new boolean[allEnabled.size()];
    java.util.Arrays.fill(enabled, true);
    processTags(allEnabled, cvals, enabled, warn);
    processConditions(allEnabled, cvals, path, enabled, warn);

    Set<String> rm = new HashSet<>();
    List<Dependency> keptMetadata = new ArrayList<>();
    for (int i = 0; i < allEnabled.size(); i++) {
      if (!enabled[i]) {
        rm.add(allEnabled.get(i).name());
      }
    }
    for (Dependency d : allEnabled) {
      if (!rm.contains(d.name())) {
        keptMetadata.add(d);
      }
    }
    List<Chart> kept = new ArrayList<>();
    for (Chart sub : chartDependencies) {
      if (!rm.contains(sub.name())) {
        kept.add(processEnabled(sub, cvals, path + sub.name() + ".", warn));
      }
    }
    return c.toBuilder()
        .metadata(c.metadata().withDependencies(keptMetadata))
        .subcharts(kept)
        .build();
  }

  /** Finds the subchart for {@code dep} by name and version range; renamed to its alias if any. */
  private static Chart aliasDependency(List<Chart> charts, Dependency dep) {
    for (Chart sub : charts) {
      if (!sub.name().equals(dep.name())) {
        continue;
      }
      if (!DependencyVersionRange.isCompatible(dep.version(), sub.metadata().version())) {
        continue;
      }
      if (dep.alias() != null && !dep.alias().isEmpty()) {
        return sub.toBuilder().metadata(sub.metadata().withName(dep.alias())).build();
      }
      return sub;
    }
    return null;
  }

  private static void processTags(List<Dependency> reqs, Map<String, Object> cvals,
      boolean[] enabled, Consumer<String> warn) {
    if (!(cvals.get("tags") instanceof Map<?, ?> vt)) {
      return;
    }
    for (int i = 0; i < reqs.size(); i++) {
      Dependency r = reqs.get(i);
      boolean hasTrue = false;
      boolean hasFalse = false;
      for (String k : r.tags()) {
        if (vt.containsKey(k)) {
          if (vt.get(k) instanceof Boolean b) {
            if (b) {
              hasTrue = true;
            } else {
              hasFalse = true;
            }
          } else {
            warn.accept("returned non-bool value tag=" + k + " chart=" + r.name());
          }
        }
      }
      if (!hasTrue && hasFalse) {
        enabled[i] = false;
      } else {
        enabled[i] = true;
      }
    }
  }

  private static void processConditions(List<Dependency> reqs, Map<String, Object> cvals,
      String cpath, boolean[] enabled, Consumer<String> warn) {
    for (int i = 0; i < reqs.size(); i++) {
      Dependency r = reqs.get(i);
      String condition = r.condition() == null ? "" : r.condition().strip();
      for (String c : condition.split(",", -1)) {
        if (c.isEmpty()) {
          continue;
        }
        PathValue pv = pathValue(cvals, cpath + c);
        if (pv.found()) {
          if (pv.value() instanceof Boolean b) {
            enabled[i] = b;
            break;
          }
          warn.accept("returned non-bool value path=" + c + " chart=" + r.name());
        }
      }
    }
  }

  private record PathValue(boolean found, Object value) {}

  /** Helm's {@code Values.PathValue}: the non-table value at a dotted path. */
  private static PathValue pathValue(Map<String, Object> vals, String path) {
    String[] parts = path.split("\\.", -1);
    Object current = vals;
    for (int i = 0; i < parts.length - 1; i++) {
      if (!(current instanceof Map<?, ?> m) || !(m.get(parts[i]) instanceof Map)) {
        return new PathValue(false, null);
      }
      current = m.get(parts[i]);
    }
    Map<?, ?> table = (Map<?, ?>) current;
    String key = parts[parts.length - 1];
    if (table.containsKey(key) && !(table.get(key) instanceof Map)) {
      return new PathValue(true, table.get(key));
    }
    return new PathValue(false, null);
  }

  // --------------------------------------------------------------------------------------------
  // import-values

  private static Chart processImportValues(Chart c, Consumer<String> warn) {
    List<Chart> subs = new ArrayList<>(c.subcharts().size());
    for (Chart sub : c.subcharts()) {
      subs.add(processImportValues(sub, warn));
    }
    Chart withSubs = c.toBuilder().subcharts(subs).build();
    return ImportValues.apply(withSubs, warn);
  }

  /** Applies one chart's import-values, its subcharts already processed. */
  static final class ImportValues {
    private ImportValues() {}

    @SuppressWarnings("unchecked")
    static Chart apply(Chart c, Consumer<String> warn) {
      List<Dependency> reqs = c.metadata().dependencies();
      if (reqs.isEmpty()) {
        return c;
      }
      Map<String, Object> cvals =
          Coalescing.coalesceMutable(c, new LinkedHashMap<>(), true, warn);
      Map<String, Object> b = new LinkedHashMap<>();
      List<Dependency> normalised = new ArrayList<>(reqs.size());
      for (Dependency r : reqs) {
        List<Object> outiv = new ArrayList<>();
        for (Object riv : r.importValues()) {
          if (riv instanceof Map<?, ?> iv) {
            String child = CoalescingFormat.goValue(iv.get("child"));
            String parent = CoalescingFormat.goValue(iv.get("parent"));
            outiv.add(childParent(child, parent));
            Map<String, Object> vv = table(cvals, r.name() + "." + child);
            if (vv == null) {
              warn.accept("ImportValues missing table from chart chart=" + r.name()
                  + " error=\"\\\"" + lastSegment(r.name() + "." + child, cvals)
                  + "\\\" is not a table\"");
              continue;
            }
            Coalescing.mergeTablesMutable(b, pathToMap(parent, Values.mutableCopy(vv)));
          } else if (riv instanceof String iv) {
            String child = "exports." + iv;
            outiv.add(childParent(child, "."));
            Map<String, Object> vm = table(cvals, r.name() + "." + child);
            if (vm == null) {
              warn.accept("ImportValues missing table error=\"\\\""
                  + lastSegment(r.name() + "." + child, cvals) + "\\\" is not a table\"");
              continue;
            }
            Coalescing.mergeTablesMutable(b, Values.mutableCopy(vm));
          }
        }
        normalised.add(new Dependency(r.name(), r.version(), r.repository(), r.condition(),
            r.tags(), r.enabled(), outiv, r.alias()));
      }
      Map<String, Object> merged =
          Coalescing.mergeTablesMutable(Values.mutableCopy(cvals), b);
      return c.toBuilder()
          .metadata(c.metadata().withDependencies(normalised))
          .values(Values.of(merged))
          .build();
    }

    private static Map<String, Object> childParent(String child, String parent) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("child", child);
      m.put("parent", parent);
      return java.util.Collections.unmodifiableMap(m);
    }

    /** Helm's {@code Values.Table}: the map at a dotted path, or null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> table(Map<String, Object> vals, String path) {
      Object current = vals;
      for (String part : path.split("\\.", -1)) {
        if (!(current instanceof Map<?, ?> m) || !(m.get(part) instanceof Map)) {
          return null;
        }
        current = m.get(part);
      }
      return (Map<String, Object>) current;
    }

    /** The first segment of {@code path} that is not a table, for the warning text. */
    private static String lastSegment(String path, Map<String, Object> vals) {
      Object current = vals;
      for (String part : path.split("\\.", -1)) {
        if (!(current instanceof Map<?, ?> m) || !(m.get(part) instanceof Map)) {
          return part;
        }
        current = m.get(part);
      }
      return path;
    }

    private static Map<String, Object> pathToMap(String path, Map<String, Object> data) {
      if (path.equals(".")) {
        return data;
      }
      String[] parts = path.split("\\.", -1);
      Map<String, Object> cur = data;
      for (int i = parts.length - 1; i >= 0; i--) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(parts[i], cur);
        cur = m;
      }
      return cur;
    }
  }
}
