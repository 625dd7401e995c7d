package dev.capstan.semver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Orderings of version strings as Helm's repository index uses them (§8.1): highest SemVer
 * precedence first, text that is not a version (leniently parsed) last.
 */
public final class Versions {
  private static final Comparator<Optional<Version>> PARSED_DESCENDING = (a, b) -> {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isEmpty(), b.isEmpty());
    }
    return b.get().compareTo(a.get());
  };

  private static final Comparator<String> DESCENDING =
      Comparator.comparing(Version::tryParse, PARSED_DESCENDING);

  private Versions() {
  }

  /**
   * A comparator of version strings, highest first: versions by SemVer precedence (build
   * metadata ignored, so {@code 1.0.0} and {@code v1.0.0+b} tie), then every string that is not a
   * version, all tied with each other. Sorting with it (a stable sort) keeps ties in their input
   * order, where Helm's unstable sort leaves them in no particular order.
   */
  public static Comparator<String> descending() {
    return DESCENDING;
  }

  /**
   * Returns {@code versions} sorted by {@link #descending()}, as Helm sorts each chart's entries in
   * {@code index.yaml}.
   */
  public static List<String> sortDescending(Collection<String> versions) {
    return sortDescending(versions, Function.identity());
  }

  /**
   * Returns {@code items} sorted by {@link #descending()} applied to each item's version string,
   * for example chart entries of a repository index. Each version is parsed once; items must not
   * be {@code null}.
   */
  public static <T> List<T> sortDescending(Collection<T> items,
      Function<? super T, String> versionOf) {
    Objects.requireNonNull(versionOf, "versionOf");
    List<Keyed<T>> keyed = new ArrayList<>(items.size());
    for (T item : items) {
      keyed.add(new Keyed<>(item, Version.tryParse(versionOf.apply(item))));
    }
    keyed.sort(Comparator.comparing(Keyed::version, PARSED_DESCENDING));
    List<T> sorted = new ArrayList<>(keyed.size());
    for (Keyed<T> k : keyed) {
      sorted.add(k.item());
    }
    return List.copyOf(sorted);
  }

  private record Keyed<T>(T item, Optional<Version> version) {
  }
}
