package dev.capstan.diff;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces the values of a Secret with markers that say only whether a value changed. The two
 * states are compared value by value, so no marker is derived from a value: nothing in the output
 * can be turned back into a secret, not even by guessing.
 */
final class SecretRedactor {
  static final String REDACTED = "REDACTED";
  static final String OLD = "REDACTED (old value)";
  static final String NEW = "REDACTED (new value)";

  private SecretRedactor() {}

  /** Whether an object of this {@code apiVersion} and {@code kind} is a core-group Secret. */
  static boolean isSecret(String apiVersion, String kind) {
    return "Secret".equals(kind) && ObjectKey.groupOf(apiVersion).isEmpty();
  }

  /**
   * Redacts {@code data}, {@code stringData} and the last-applied annotation of both sides of one
   * Secret, in place. Either side may be {@code null} (an added or removed Secret).
   */
  static void redact(Map<String, Object> from, Map<String, Object> to) {
    redactField(from, to, "data");
    redactField(from, to, "stringData");
    redactEntry(annotations(from), annotations(to), Normalizer.LAST_APPLIED);
  }

  /** A map field is redacted key by key; any other value as a whole. */
  @SuppressWarnings("unchecked")
  private static void redactField(Map<String, Object> from, Map<String, Object> to, String field) {
    Object a = from == null ? null : from.get(field);
    Object b = to == null ? null : to.get(field);
    boolean aMap = a instanceof Map || a == null;
    boolean bMap = b instanceof Map || b == null;
    if (aMap && bMap) {
      Map<String, Object> am = (Map<String, Object>) a;
      Map<String, Object> bm = (Map<String, Object>) b;
      Set<String> keys = new LinkedHashSet<>();
      if (am != null) {
        keys.addAll(am.keySet());
      }
      if (bm != null) {
        keys.addAll(bm.keySet());
      }
      for (String key : keys) {
        redactEntry(am, bm, key);
      }
    } else {
      redactEntry(from, to, field);
    }
  }

  /** Replaces {@code key}'s value in each map that has it: unchanged, old or new marker. */
  private static void redactEntry(Map<String, Object> from, Map<String, Object> to, String key) {
    boolean inFrom = from != null && from.containsKey(key);
    boolean inTo = to != null && to.containsKey(key);
    boolean same = !inFrom || !inTo || Objects.equals(from.get(key), to.get(key));
    if (inFrom) {
      from.put(key, same ? REDACTED : OLD);
    }
    if (inTo) {
      to.put(key, same ? REDACTED : NEW);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> annotations(Map<String, Object> object) {
    if (object != null && object.get("metadata") instanceof Map<?, ?> md
        && md.get("annotations") instanceof Map<?, ?> a) {
      return (Map<String, Object>) a;
    }
    return null;
  }
}
