package dev.capstan.release;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One template or file of a stored chart: {@code {name, data, modtime}} (spec §1.4). {@code data} is
 * copied in and out; {@code modTime} ([H4]) is {@code null} when zero or absent.
 *
 * @param name the path relative to the chart, e.g. {@code templates/x.yaml}
 * @param data the bytes ({@code null} when the record held {@code null})
 * @param modTime the modification time, or {@code null}
 * @param unknownFields keys not modelled, in the order read
 */
public record StoredFile(String name, byte[] data, OffsetDateTime modTime,
    Map<String, Object> unknownFields) {

  /** Copies {@code data} and freezes {@code unknownFields}; {@code name} must not be null. */
  public StoredFile {
    Objects.requireNonNull(name, "name");
    data = data == null ? null : data.clone();
    unknownFields = JsonTrees.freezeMap(unknownFields);
  }

  /** Returns a file with no modification time. */
  public static StoredFile of(String name, byte[] data) {
    return new StoredFile(name, data, null, Map.of());
  }

  /** Returns a copy of the bytes, or {@code null}. */
  @Override
  public byte[] data() {
    return data == null ? null : data.clone();
  }

  byte[] dataUnsafe() {
    return data;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredFile f && name.equals(f.name) && Arrays.equals(data, f.data)
        && Objects.equals(modTime, f.modTime) && unknownFields.equals(f.unknownFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(data), modTime, unknownFields);
  }

  @Override
  public String toString() {
    return "StoredFile[" + name + ", " + (data == null ? "null" : data.length + " bytes") + "]";
  }
}
