package dev.capstan.render.corpus;

import dev.capstan.internal.glob.GoGlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of non-deterministic corpus outputs that are compared masked, read from
 * {@code corpus-masks.txt}: one mask a line, {@code <chart> <variant globs> <key> [<source glob>]}
 * (variant globs separated by commas),
 * each preceded by a comment that says why the field differs from run to run.
 *
 * <p>A mask replaces the value of every mapping entry named {@code key}, at any depth, in the
 * documents whose {@code # Source:} matches the source glob (every document when absent), on both
 * sides of the comparison; a key present on one side only is still a difference.
 */
final class Masks {
  /** The placeholder masked values become. */
  static final String MASKED = "<masked>";

  record Mask(String chart, List<GoGlob> variants, String key, Optional<GoGlob> source, String line) {}

  private final List<Mask> masks;

  private Masks(List<Mask> masks) {
    this.masks = List.copyOf(masks);
  }

  static Masks load(String resource) {
    try (InputStream in = Masks.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Masks parse(String text, String name) {
    List<Mask> out = new ArrayList<>();
    boolean commented = false;
    int n = 0;
    for (String raw : text.split("\n", -1)) {
      n++;
      String line = raw.strip();
      if (line.isEmpty()) {
        commented = false;
        continue;
      }
      if (line.startsWith("#")) {
        commented = true;
        continue;
      }
      String[] f = line.split("\\s+");
      if (f.length < 3 || f.length > 4) {
        throw new IllegalArgumentException(name + ":" + n
            + ": expected <chart> <variant glob> <key> [<source glob>]: " + line);
      }
      if (!commented) {
        throw new IllegalArgumentException(name + ":" + n
            + ": every mask needs a comment above it saying why: " + line);
      }
      List<GoGlob> variants = new ArrayList<>();
      for (String g : f[1].split(",")) {
        variants.add(glob(g, name, n));
      }
      out.add(new Mask(f[0], List.copyOf(variants), f[2],
          f.length == 4 ? Optional.of(glob(f[3], name, n)) : Optional.empty(), line));
    }
    return new Masks(out);
  }

  private static GoGlob glob(String pattern, String name, int line) {
    return GoGlob.compile(pattern).orElseThrow(
        () -> new IllegalArgumentException(name + ":" + line + ": bad glob " + pattern));
  }

  /** The masks that apply to one variant. */
  List<Mask> forVariant(String chart, String variant) {
    List<Mask> r = new ArrayList<>();
    for (Mask m : masks) {
      if (m.chart().equals(chart) && m.variants().stream().anyMatch(g -> g.matches(variant))) {
        r.add(m);
      }
    }
    return r;
  }

  /** {@code doc} with the values of masked keys replaced; {@code doc} is not changed. */
  static Object apply(Object doc, String source, List<Mask> masks) {
    List<String> keys = new ArrayList<>();
    for (Mask m : masks) {
      if (m.source().isEmpty() || m.source().get().matches(source)) {
        keys.add(m.key());
      }
    }
    return keys.isEmpty() ? doc : mask(doc, keys);
  }

  private static Object mask(Object node, List<String> keys) {
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        boolean hit = keys.contains(String.valueOf(e.getKey()));
        copy.put(e.getKey(), hit ? MASKED : mask(e.getValue(), keys));
      }
      return copy;
    }
    if (node instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      for (Object o : list) {
        copy.add(mask(o, keys));
      }
      return copy;
    }
    return node;
  }
}
