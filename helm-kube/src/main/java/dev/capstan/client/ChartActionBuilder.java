package dev.capstan.client;

import dev.capstan.values.Values;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The options that install and upgrade share on top of {@link ActionBuilder}: the user values
 * (Helm's {@code -f} and {@code --set} family), labels and description. Not for subclassing
 * outside this package.
 *
 * @param <B> the concrete builder, returned by every method for chaining
 */
public abstract class ChartActionBuilder<B extends ChartActionBuilder<B>> extends ActionBuilder<B> {
  final ValuesInput values = new ValuesInput();
  final Map<String, String> labels = new LinkedHashMap<>();
  String description;
  boolean takeOwnership;
  DryRun dryRun = DryRun.NONE;

  ChartActionBuilder() {}

  /** User values, as if from a first values file. */
  public B values(Values userValues) {
    values.values(userValues);
    return self();
  }

  /** A values file ({@code -f}), over the values given before. */
  public B valuesFile(Path file) {
    values.valuesFile(file);
    return self();
  }

  /** A {@code --set} expression such as {@code replicaCount=3,image.tag=1.27}. */
  public B set(String expression) {
    values.set(expression);
    return self();
  }

  /** A {@code --set-string} expression. */
  public B setString(String expression) {
    values.setString(expression);
    return self();
  }

  /** A {@code --set-json} expression. */
  public B setJson(String expression) {
    values.setJson(expression);
    return self();
  }

  /**
   * A custom label on the release's storage objects ({@code --labels}); on upgrade the value
   * {@code null} (the text) removes a label the release had.
   */
  public B label(String key, String value) {
    labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return self();
  }

  /** The description of the deployed revision instead of Helm's ({@code --description}). */
  public B description(String text) {
    this.description = Objects.requireNonNull(text, "description");
    return self();
  }

  /**
   * Only computes the revision that would be recorded, writing nothing ({@code --dry-run=client}
   * or {@code server}); the returned release says {@code Dry run complete}.
   */
  public B dryRun(DryRun mode) {
    this.dryRun = Objects.requireNonNull(mode, "dryRun");
    return self();
  }

  /** Adopts existing objects whatever their ownership says ({@code --take-ownership}). */
  public B takeOwnership() {
    this.takeOwnership = true;
    return self();
  }
}
