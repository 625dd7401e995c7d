package dev.capstan.values;

import dev.capstan.CapstanException;
import dev.capstan.chart.Chart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Helm's value coalescing (§4.1): how user-supplied values, a chart's defaults, its subcharts'
 * defaults and {@code global} values combine into the values that templates see.
 *
 * <p>The rules, as Helm's {@code CoalesceValues} applies them:
 *
 * <ul>
 *   <li>user values win over chart defaults; maps merge key by key, lists and scalars replace;
 *   <li>a user {@code null} deletes the key and its default;
 *   <li>each subchart's values live in a table named after the subchart (its alias, once
 *       dependencies are processed), created when missing; the parent's {@code global} table is
 *       copied down into it, the parent winning, and the subchart's defaults are coalesced beneath;
 *   <li>a chart default that is {@code null}, or holds {@code null}s, is copied as it is when the
 *       user lacks the key, and a default {@code null} under a user map stays {@code null}: Helm
 *       4.1.4 keeps such nulls (templates see the key, {@code toYaml} prints {@code null}); only a
 *       user {@code null} over a non-null default deletes. (Helm 4.2 drops default nulls; Capstan
 *       follows 4.1.4.) The nulls of a subchart's top-level defaults still vanish in a chart with
 *       dependencies, because Helm coalesces twice (see {@link ChartValues#compute}).
 * </ul>
 *
 * <p>Conflicts that Helm only logs (a table against a scalar) are logged as SLF4J warnings with
 * Helm's text. All methods are pure: the arguments are not changed.
 */
public final class Coalescing {
  private static final Logger LOG = LoggerFactory.getLogger(Coalescing.class);
  private static final String GLOBAL = "global";

  private Coalescing() {}

  /**
   * Coalesces {@code user} values with the defaults of {@code chart} and of all its subcharts, as
   * Helm's {@code CoalesceValues}. Pass a chart whose dependencies were processed (see {@link
   * Dependencies#process}) to get exactly what Helm renders with.
   *
   * @throws CapstanException {@code type mismatch on <subchart>: ...} when the user value for a
   *     subchart's table is not a map
   */
  public static Values coalesce(Chart chart, Values user) {
    Objects.requireNonNull(chart, "chart");
    Objects.requireNonNull(user, "user");
    return Values.of(coalesceMutable(chart, user.toMutableMap(), LOG::warn));
  }

  /**
   * Merges {@code src} beneath {@code dst}, as Helm's {@code CoalesceTables}: {@code dst} wins,
   * maps merge recursively, and a {@code null} in {@code dst} removes a key that {@code src} sets.
   * This is how {@code --reuse-values} lays new flag values over the previous release's values (§4.2).
   */
  public static Values coalesceTables(Values dst, Values src) {
    Objects.requireNonNull(dst, "dst");
    Objects.requireNonNull(src, "src");
    return Values.of(
        coalesceTablesFullKey(LOG::warn, dst.toMutableMap(), src.toMutableMap(), "", false));
  }

  /**
   * Merges two values files, as Helm's {@code MergeMaps} does for {@code -f a.yaml -f b.yaml} and
   * for the documents of one multi-document file: {@code override} wins, maps merge recursively,
   * lists and scalars (and {@code null}s) replace.
   */
  public static Values mergeValuesFiles(Values base, Values override) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(override, "override");
    return Values.of(mergeMaps(base.asMap(), override.asMap()));
  }

  // --------------------------------------------------------------------------------------------
  // Package-private engine, on mutable maps, shared with Dependencies.

  /**
   * Coalesces {@code dest} (already a private mutable copy) with the chart tree. {@code merge}
   * selects Helm's {@code MergeValues} (nulls kept) instead of {@code CoalesceValues}.
   */
  static Map<String, Object> coalesceMutable(Chart chart, Map<String, Object> dest, boolean merge,
      Consumer<String> warn) {
    return coalesce(warn, chart, dest, "", merge);
  }

  /** As {@link #coalesceMutable} with merge off, reporting Helm's warnings to {@code warn}. */
  static Map<String, Object> coalesceMutable(Chart chart, Map<String, Object> dest,
      Consumer<String> warn) {
    return coalesce(warn, chart, dest, "", false);
  }

  /** Helm's {@code MergeTables}: like {@link #coalesceTables} but nulls are kept. Mutates dst. */
  static Map<String, Object> mergeTablesMutable(Map<String, Object> dst, Map<String, Object> src) {
    return coalesceTablesFullKey(LOG::warn, dst, src, "", true);
  }


  private static Map<String, Object> coalesce(Consumer<String> warn, Chart chart,
      Map<String, Object> dest, String prefix, boolean merge) {
    coalesceValues(warn, chart, dest, prefix, merge);
    return coalesceDeps(warn, chart, dest, prefix, merge);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> coalesceDeps(Consumer<String> warn, Chart chart,
      Map<String, Object> dest, String prefix, boolean merge) {
    for (Chart sub : chart.subcharts()) {
      String name = sub.name();
      if (!dest.containsKey(name)) {
        dest.put(name, new LinkedHashMap<String, Object>());
      } else if (!(dest.get(name) instanceof Map)) {
        throw new CapstanException(
            "type mismatch on " + name + ": " + CoalescingFormat.goBoolVerb(dest.get(name)));
      }
      Map<String, Object> dvmap = (Map<String, Object>) dest.get(name);
      String subPrefix = concatPrefix(prefix, chart.name());
      coalesceGlobals(warn, dvmap, dest, subPrefix);
      dest.put(name, coalesce(warn, sub, dvmap, subPrefix, merge));
    }
    return dest;
  }

  /** Copies the globals of {@code src} into {@code dest}'s {@code global}, src winning. */
  @SuppressWarnings("unchecked")
  private static void coalesceGlobals(Consumer<String> warn, Map<String, Object> dest,
      Map<String, Object> src, String prefix) {
    Map<String, Object> dg;
    Map<String, Object> sg;
    if (!dest.containsKey(GLOBAL)) {
      dg = new LinkedHashMap<>();
    } else if (dest.get(GLOBAL) instanceof Map<?, ?> m) {
      dg = (Map<String, Object>) m;
    } else {
      warn.accept("warning: skipping globals because destination " + GLOBAL + " is not a table.");
      return;
    }
    if (!src.containsKey(GLOBAL)) {
      sg = new LinkedHashMap<>();
    } else if (src.get(GLOBAL) instanceof Map<?, ?> m) {
      sg = (Map<String, Object>) m;
    } else {
      warn.accept("warning: skipping globals because source " + GLOBAL + " is not a table.");
      return;
    }
    for (Map.Entry<String, Object> e : new ArrayList<>(sg.entrySet())) {
      String key = e.getKey();
      Object val = e.getValue();
      if (val instanceof Map<?, ?> valMap) {
        // A shallow copy, as Helm makes: nested tables stay shared with the parent's globals.
        Map<String, Object> vv = new LinkedHashMap<>((Map<String, Object>) valMap);
        if (!dg.containsKey(key)) {
          dg.put(key, vv);
        } else if (dg.get(key) instanceof Map<?, ?> destvmap) {
          coalesceTablesFullKey(warn, vv, (Map<String, Object>) destvmap,
              concatPrefix(prefix, key), true);
          dg.put(key, vv);
        } else {
          warn.accept("Conflict: cannot merge map onto non-map for \"" + key + "\". Skipping.");
        }
      } else if (dg.get(key) instanceof Map) {
        warn.accept("key " + key + " is table. Skipping");
      } else {
        dg.put(key, val);
      }
    }
    dest.put(GLOBAL, dg);
  }

  /** Coalesces the chart's own defaults beneath {@code v}. */
  @SuppressWarnings("unchecked")
  private static void coalesceValues(Consumer<String> warn, Chart chart,
      Map<String, Object> v, String prefix, boolean merge) {
    String subPrefix = concatPrefix(prefix, chart.name());
    Map<String, Object> vc = chart.values().toMutableMap();
    for (Map.Entry<String, Object> e : vc.entrySet()) {
      String key = e.getKey();
      Object val = e.getValue();
      if (v.containsKey(key)) {
        Object value = v.get(key);
        if (value == null && !merge) {
          v.remove(key);
        } else if (value instanceof Map<?, ?> dest) {
          if (!(val instanceof Map<?, ?> src)) {
            if (val != null) {
              warn.accept("warning: skipped value for " + subPrefix + "." + key + ": Not a table.");
            }
          } else {
            boolean childMerge = isSubchartName(chart, key) || merge;
            coalesceTablesFullKey(warn, (Map<String, Object>) dest, (Map<String, Object>) src,
                concatPrefix(subPrefix, key), childMerge);
          }
        }
      } else {
        // Helm 4.1.4 copies the default as it is, nulls included (4.2 drops them).
        v.put(key, val);
      }
    }
  }

  private static boolean isSubchartName(Chart chart, String key) {
    for (Chart sub : chart.subcharts()) {
      if (sub.name().equals(key)) {
        return true;
      }
    }
    return false;
  }

  /** Helm's {@code coalesceTablesFullKey}: merges src into dst, dst authoritative. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> coalesceTablesFullKey(Consumer<String> warn,
      Map<String, Object> dst,
      Map<String, Object> src, String prefix, boolean merge) {
    if (src == null) {
      return dst;
    }
    if (dst == null) {
      return src;
    }
    java.util.Set<String> srcOriginalNonNil = new java.util.HashSet<>();
    for (Map.Entry<String, Object> e : src.entrySet()) {
      if (e.getValue() != null) {
        srcOriginalNonNil.add(e.getKey());
      }
    }
    for (Map.Entry<String, Object> e : dst.entrySet()) {
      if (e.getValue() == null) {
        src.put(e.getKey(), null);
      }
    }
    for (Map.Entry<String, Object> e : new ArrayList<>(src.entrySet())) {
      String key = e.getKey();
      Object val = e.getValue();
      String fullkey = concatPrefix(prefix, key);
      boolean ok = dst.containsKey(key);
      Object dv = dst.get(key);
      if (ok && !merge && dv == null && srcOriginalNonNil.contains(key)) {
        dst.remove(key);
      } else if (!ok) {
        dst.put(key, val);
      } else if (val instanceof Map<?, ?> valMap) {
        if (dv instanceof Map<?, ?> dvMap) {
          coalesceTablesFullKey(warn, (Map<String, Object>) dvMap,
              (Map<String, Object>) valMap, fullkey, merge);
        } else {
          warn.accept("warning: cannot overwrite table with non table for " + fullkey + " ("
              + CoalescingFormat.goValue(val) + ")");
        }
      } else if (dv instanceof Map && val != null) {
        warn.accept("warning: destination for " + fullkey
            + " is a table. Ignoring non-table value (" + CoalescingFormat.goValue(val) + ")");
      }
    }
    return dst;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mergeMaps(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> out = new LinkedHashMap<>(a);
    for (Map.Entry<String, Object> e : b.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Map<?, ?> vm && out.get(e.getKey()) instanceof Map<?, ?> bv) {
        out.put(e.getKey(), mergeMaps((Map<String, Object>) bv, (Map<String, Object>) vm));
      } else {
        out.put(e.getKey(), v);
      }
    }
    return out;
  }

  static String concatPrefix(String a, String b) {
    return a.isEmpty() ? b : a + "." + b;
  }
}
