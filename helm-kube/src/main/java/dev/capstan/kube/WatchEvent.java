package dev.capstan.kube;

import java.util.Map;
import java.util.Objects;

/**
 * A change to a watched object.
 *
 * @param type what happened
 * @param object the object after the change (for {@link Type#DELETED}, its last state)
 */
public record WatchEvent(Type type, Map<String, Object> object) {
  /** What happened to the object. */
  public enum Type {
    /** The object appeared (or was listed when the watch started). */
    ADDED,
    /** The object changed. */
    MODIFIED,
    /** The object is gone. */
    DELETED
  }

  /** Checks the parts. */
  public WatchEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(object, "object");
  }
}
