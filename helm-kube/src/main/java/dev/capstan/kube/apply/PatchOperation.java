package dev.capstan.kube.apply;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One RFC 6902 JSON Patch operation: what it does ({@link Op}), where ({@code path}, an RFC 6901
 * pointer), with which value (for {@code add}, {@code replace} and {@code test}) and from where (for
 * {@code move} and {@code copy}).
 *
 * <p>The value is held as a deep, unmodifiable copy, so an operation is immutable. A JSON
 * {@code null} value is a Java {@code null}.
 *
 * @param op the operation
 * @param path the target location, an RFC 6901 pointer ({@code ""} or starting with {@code /})
 * @param value the value for {@code add}, {@code replace} and {@code test}; {@code null} otherwise
 * @param from the source location for {@code move} and {@code copy}; {@code null} otherwise
 */
public record PatchOperation(Op op, String path, Object value, String from) {

  /** The six JSON Patch operations, each with its wire name. */
  public enum Op {
    /** Adds a map member or inserts a list element. */
    ADD("add"),
    /** Removes a map member or list element. */
    REMOVE("remove"),
    /** Replaces an existing value. */
    REPLACE("replace"),
    /** Removes the value at {@code from} and adds it at {@code path}. */
    MOVE("move"),
    /** Adds a copy of the value at {@code from} at {@code path}. */
    COPY("copy"),
    /** Fails the whole patch unless the value at {@code path} equals {@code value}. */
    TEST("test");

    private final String wire;

    Op(String wire) {
      this.wire = wire;
    }

    /** The operation's name in a JSON Patch document, for example {@code "add"}. */
    public String wire() {
      return wire;
    }

    boolean hasValue() {
      return this == ADD || this == REPLACE || this == TEST;
    }

    boolean hasFrom() {
      return this == MOVE || this == COPY;
    }
  }

  /** Validates the operation and freezes its value. */
  public PatchOperation {
    Objects.requireNonNull(op, "op");
    Pointers.parse(Objects.requireNonNull(path, "path"));
    if (op.hasFrom()) {
      Pointers.parse(Objects.requireNonNull(from, () -> op.wire() + " needs a from pointer"));
    } else if (from != null) {
      throw new IllegalArgumentException(op.wire() + " takes no from pointer, got " + from);
    }
    if (!op.hasValue() && value != null) {
      throw new IllegalArgumentException(op.wire() + " takes no value (path " + path + ")");
    }
    value = JsonValues.freeze(value);
  }

  /** An {@code add} of {@code value} at {@code path}. */
  public static PatchOperation add(String path, Object value) {
    return new PatchOperation(Op.ADD, path, value, null);
  }

  /** A {@code remove} of the value at {@code path}. */
  public static PatchOperation remove(String path) {
    return new PatchOperation(Op.REMOVE, path, null, null);
  }

  /** A {@code replace} of the value at {@code path} by {@code value}. */
  public static PatchOperation replace(String path, Object value) {
    return new PatchOperation(Op.REPLACE, path, value, null);
  }

  /** A {@code move} of the value at {@code from} to {@code path}. */
  public static PatchOperation move(String from, String path) {
    return new PatchOperation(Op.MOVE, path, null, from);
  }

  /** A {@code copy} of the value at {@code from} to {@code path}. */
  public static PatchOperation copy(String from, String path) {
    return new PatchOperation(Op.COPY, path, null, from);
  }

  /** A {@code test} that the value at {@code path} equals {@code value}. */
  public static PatchOperation test(String path, Object value) {
    return new PatchOperation(Op.TEST, path, value, null);
  }

  /**
   * This operation as a JSON object in the value model ({@code op}, {@code path}, then
   * {@code value} or {@code from} where the operation has one), ready for a JSON writer.
   */
  public Map<String, Object> toJsonValue() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("op", op.wire());
    json.put("path", path);
    if (op.hasValue()) {
      json.put("value", value);
    }
    if (op.hasFrom()) {
      json.put("from", from);
    }
    return json;
  }
}
