package dev.capstan.internal.gotemplate;

import dev.capstan.internal.template.SprigTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine-neutral {@link SprigTable} as Go templates call it: an argument of the wrong type is
 * an execution error with Go's text.
 */
final class GoFunctions {
  record Entry(String name, int minArgs, int maxArgs, Fn fn) {}

  /** A function over evaluated arguments. */
  interface Fn {
    Object call(Object[] args, Call call);
  }

  /** The function being called, for Go's argument type errors. */
  record Call(String function) {
    Exec.RawError error(String problem) {
      return new Exec.RawError(problem);
    }
  }

  private GoFunctions() {}

  static List<Entry> all() {
    List<Entry> t = new ArrayList<>();
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
}
