package dev.capstan.testkit.cluster;

import dev.capstan.kube.ClusterException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Failures to inject: each rule counts the requests it matches (a verb, and a kind unless it
 * matches any) and fires on the n-th, once. When several rules fire on the same request, the one
 * added first is thrown and the others fire on their next match. Not thread-safe; the cluster
 * guards it with its lock.
 */
final class Faults {
  private static final class Rule {
    final Verb verb;
    final String kind;
    final ClusterException failure;
    int remaining;

    Rule(Verb verb, String kind, int nth, ClusterException failure) {
      this.verb = verb;
      this.kind = kind;
      this.remaining = nth;
      this.failure = failure;
    }
  }

  private final List<Rule> rules = new ArrayList<>();

  void add(Verb verb, String kind, int nth, ClusterException failure) {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(failure, "failure");
    if (nth < 1) {
      throw new IllegalArgumentException("nth counts from 1 (the next matching request), got "
          + nth);
    }
    if (kind != null && kind.isEmpty()) {
      throw new IllegalArgumentException("kind must be null (any kind) or a kind, not empty");
    }
    rules.add(new Rule(verb, kind, nth, failure));
  }

  /** The failure for this request, or null; counts the request against every matching rule. */
  ClusterException match(Verb verb, String kind) {
    ClusterException fired = null;
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule r = it.next();
      if (r.verb != verb || (r.kind != null && !r.kind.equals(kind))) {
        continue;
      }
      r.remaining--;
      if (r.remaining <= 0 && fired == null) {
        fired = r.failure;
        it.remove();
      }
    }
    return fired;
  }

  void clear() {
    rules.clear();
  }
}
