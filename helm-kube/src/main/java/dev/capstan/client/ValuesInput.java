package dev.capstan.client;

import dev.capstan.values.Coalescing;
import dev.capstan.values.ValueSources;
import dev.capstan.values.Values;
import java.nio.file.Path;
import java.util.Objects;

/** The user values an options builder collects: a base map and Helm's value flags over it. */
final class ValuesInput {
  private Values base = Values.empty();
  private final ValueSources.Builder sources = ValueSources.builder();

  void values(Values values) {
    base = Objects.requireNonNull(values, "values");
  }

  void valuesFile(Path file) {
    sources.valuesFile(file);
  }

  void set(String expression) {
    sources.set(expression);
  }

  void setString(String expression) {
    sources.setString(expression);
  }

  void setJson(String expression) {
    sources.setJson(expression);
  }

  /**
   * The merged user values: the base, then the files and flags in Helm's order over it.
   *
   * @throws dev.capstan.CapstanException naming the file or flag that is wrong
   */
  Values merge() {
    ValueSources built = sources.build();
    return built.isEmpty() ? base : Coalescing.mergeValuesFiles(base, built.merge());
  }
}
