package dev.capstan.chart;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file of a chart: its path relative to the chart root (always with {@code /} separators, such as
 * {@code templates/deployment.yaml}) and its bytes.
 */
public final class ChartFile {
  private final String name;
  private final byte[] data;

  private ChartFile(String name, byte[] data) {
    this.name = name;
    this.data = data;
  }

  /** Returns a file with a copy of {@code data}. */
  public static ChartFile of(String name, byte[] data) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
    return new ChartFile(name, data.clone());
  }

  /** Returns a file whose content is {@code text} in UTF-8. */
  public static ChartFile of(String name, String text) {
    Objects.requireNonNull(text, "text");
    return new ChartFile(Objects.requireNonNull(name, "name"), text.getBytes(StandardCharsets.UTF_8));
  }

  /** The path relative to the chart root, with {@code /} separators. */
  public String name() {
    return name;
  }

  /** A copy of the file's bytes. */
  public byte[] data() {
    return data.clone();
  }

  /** The file's size in bytes. */
  public int size() {
    return data.length;
  }

  /** The file's content decoded as UTF-8. */
  public String text() {
    return new String(data, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChartFile f && name.equals(f.name) && Arrays.equals(data, f.data);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return name + " (" + data.length + " bytes)";
  }
}
