package dev.capstan.internal.pebble;

import dev.capstan.internal.template.SprigTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of Helm template functions offered to Pebble templates: Helm's engine functions and
 * the engine-neutral {@link SprigTable}, whose argument errors become Pebble errors at the call's
 * line. Arguments are in Go's order; as a filter, the input is the last argument.
 */
final class HelmFunctions {
  record Entry(String name, int minArgs, int maxArgs, GoFunction fn) {}

  private HelmFunctions() {}

  static List<Entry> all() {
    List<Entry> t = new ArrayList<>();
    // Helm's engine functions: they render, fail or reach the cluster.
    t.add(new Entry("include", 1, 2, Engine::include));
    t.add(new Entry("tpl", 2, 2, Engine::tpl));
    t.add(new Entry("required", 2, 2, Engine::required));
    t.add(new Entry("fail", 1, 1, Engine::fail));
    t.add(new Entry("lookup", 4, 4, Engine::lookup));
    for (SprigTable.Entry e : SprigTable.all()) {
      t.add(new Entry(e.name(), e.minArgs(), e.maxArgs(), (a, c) -> {
        try {
          return e.fn().call(a, e.name());
        } catch (SprigTable.ArgumentException x) {
          throw c.error(x.getMessage());
        }
      }));
    }
    return t;
  }

  static String string(Object v, GoFunction.Call c) {
    try {
      return SprigTable.string(v, c.function());
    } catch (SprigTable.ArgumentException x) {
      throw c.error(x.getMessage());
    }
  }
}
