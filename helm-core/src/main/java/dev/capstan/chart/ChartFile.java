package dev.capstan.chart;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A file of a chart: its path relative to the chart root (always with {@code /} separators, such as
 * {@code templates/deployment.yaml}), its bytes and, when it was loaded from a directory or an
 * archive, its modification time.
 */
public final class ChartFile {
  private final String name;
  private final byte[] data;
  private final Instant modTime;

  private ChartFile(String name, byte[] data, Instant modTime) {
    this.name = name;
    this.data = data;
    this.modTime = modTime;
  }

  /** Returns a file with a copy of {@code data} and no modification time. */
  public static ChartFile of(String name, byte[] data) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
    return new ChartFile(name, data.clone(), null);
  }

  /** Returns a file whose content is {@code text} in UTF-8, with no modification time. */
  public static ChartFile of(String name, String text) {
    Objects.requireNonNull(text, "text");
    return new ChartFile(Objects.requireNonNull(name, "name"),
        text.getBytes(StandardCharsets.UTF_8), null);
  }

  /**
   * Returns this file with the given modification time, or with none for {@code null}. Loading
   * sets it from the file system or the archive entry; Helm 4 stores it in release records
   * ({@code modtime}) and writes it into packaged archives.
   */
  public ChartFile withModTime(Instant newModTime) {
    return Objects.equals(modTime, newModTime) ? this : new ChartFile(name, data, newModTime);
  }

  /** The path relative to the chart root, with {@code /} separators. */
  public String name() {
    return name;
  }

  /** A copy of the file's bytes. */
  public byte[] data() {
    return data.clone();
  }

  /**
   * The file's modification time: from the file system for a chart directory, from the entry's
   * header for an archive; empty for a file made in code.
   */
  public Optional<Instant> modTime() {
    return Optional.ofNullable(modTime);
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
    return o instanceof ChartFile f && name.equals(f.name) && Arrays.equals(data, f.data)
        && Objects.equals(modTime, f.modTime);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + Arrays.hashCode(data)) + Objects.hashCode(modTime);
  }

  @Override
  public String toString() {
    return name + " (" + data.length + " bytes)";
  }
}
