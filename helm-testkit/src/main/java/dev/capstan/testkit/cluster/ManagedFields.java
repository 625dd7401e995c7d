package dev.capstan.testkit.cluster;

import dev.capstan.internal.json.GoJson;
import dev.capstan.testkit.cluster.Fields.Comparison;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who owns which fields of one object, as {@code metadata.managedFields} records it: one entry per
 * applier ({@code Apply}, whatever apiVersion it used last) and one per updater and apiVersion
 * ({@code Update}). Immutable; each write returns the next state, following the API server's field
 * manager:
 *
 * <ul>
 *   <li>an update (create, replace, patch) gives its manager every field it added or changed and
 *       takes those fields, and every field it removed, from all others; its time is set when it
 *       changed anything;
 *   <li>an apply makes the applied fields its manager's set; it conflicts when it adds or changes
 *       a field another entry owns, unless forced, in which case the field moves to it; fields it
 *       removed leave every entry.
 * </ul>
 */
final class ManagedFields {
  static final String APPLY = "Apply";
  static final String UPDATE = "Update";
  static final ManagedFields NONE = new ManagedFields(List.of());

  /**
   * One manager's entry.
   *
   * @param manager the field manager's name
   * @param operation {@code Apply} or {@code Update}
   * @param apiVersion the apiVersion of its last write
   * @param time when it last changed the object (RFC 3339), or {@code ""}
   * @param subresource the subresource it wrote through, or {@code ""}
   * @param fields the fields it owns
   */
  record Entry(String manager, String operation, String apiVersion, String time,
      String subresource, FieldSet fields) {
    Entry {
      Objects.requireNonNull(fields, "fields");
    }

    /** The API server's identifier of the manager: what tells two entries apart. */
    String identity() {
      StringBuilder sb = new StringBuilder("{");
      boolean first = true;
      first = member(sb, first, "manager", manager);
      first = member(sb, first, "operation", operation);
      first = member(sb, first, "apiVersion", APPLY.equals(operation) ? "" : apiVersion);
      member(sb, first, "subresource", subresource);
      return sb.append('}').toString();
    }

    private static boolean member(StringBuilder sb, boolean first, String name, String value) {
      if (value.isEmpty()) {
        return first;
      }
      if (!first) {
        sb.append(',');
      }
      GoJson.quote(sb, name);
      sb.append(':');
      GoJson.quote(sb, value);
      return false;
    }

    /** The manager as conflict messages name it. */
    String describe() {
      String s = GoJson.goQuote(manager);
      if (!subresource.isEmpty()) {
        s += " with subresource " + GoJson.goQuote(subresource);
      }
      return UPDATE.equals(operation) ? s + " using " + apiVersion : s;
    }

    Entry withFields(FieldSet newFields) {
      return new Entry(manager, operation, apiVersion, time, subresource, newFields);
    }
  }

  /** An apply that would change fields other managers own. */
  static final class ApplyConflicts extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ApplyConflicts(String message) {
      super(message, null, false, false);
    }
  }

  private final List<Entry> entries;
  private List<Object> encoded;

  private ManagedFields(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof ManagedFields m && m.entries.equals(entries));
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  List<Entry> entries() {
    return entries;
  }

  /**
   * The entries a {@code metadata.managedFields} value describes, empty ones included (a list of
   * one empty entry is how clients reset ownership).
   *
   * @throws IllegalArgumentException when it is not a list of valid entries
   */
  static ManagedFields decode(Object value) {
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("metadata.managedFields must be a list");
    }
    List<Entry> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException("a managedFields entry must be an object");
      }
      String fieldsType = text(m.get("fieldsType"));
      if (!fieldsType.isEmpty() && !"FieldsV1".equals(fieldsType)) {
        throw new IllegalArgumentException("unsupported fieldsType " + fieldsType);
      }
      Object fieldsV1 = m.get("fieldsV1");
      FieldSet fields = fieldsV1 == null ? FieldSet.EMPTY : FieldSet.fromFieldsV1(fieldsV1);
      out.add(new Entry(text(m.get("manager")), text(m.get("operation")),
          text(m.get("apiVersion")), text(m.get("time")), text(m.get("subresource")), fields));
    }
    return new ManagedFields(out);
  }

  private static String text(Object o) {
    if (o == null) {
      return "";
    }
    if (!(o instanceof String s)) {
      throw new IllegalArgumentException("expected a string in managedFields, got " + o);
    }
    return s;
  }

  /**
   * The entries as {@code metadata.managedFields}, sorted as the API server sorts them; computed
   * once, so callers must not change it.
   */
  List<Object> encode() {
    if (encoded == null) {
      encoded = write();
    }
    return encoded;
  }

  private List<Object> write() {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::operation)
        .thenComparingLong(e -> seconds(e.time()))
        .thenComparing(Entry::manager)
        .thenComparing(Entry::apiVersion)
        .thenComparing(Entry::subresource));
    List<Object> out = new ArrayList<>(sorted.size());
    for (Entry e : sorted) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("manager", e.manager());
      m.put("operation", e.operation());
      m.put("apiVersion", e.apiVersion());
      if (!e.time().isEmpty()) {
        m.put("time", e.time());
      }
      m.put("fieldsType", "FieldsV1");
      m.put("fieldsV1", e.fields().toFieldsV1());
      if (!e.subresource().isEmpty()) {
        m.put("subresource", e.subresource());
      }
      out.add(m);
    }
    return out;
  }

  private static long seconds(String time) {
    if (time.isEmpty()) {
      return 0;
    }
    try {
      return Instant.parse(time).getEpochSecond();
    } catch (DateTimeParseException e) {
      return 0;
    }
  }

  /** The fields {@code manager} applied last, empty when it never applied. */
  FieldSet applied(String manager) {
    Entry own = find(manager, APPLY, "", "");
    return own == null ? FieldSet.EMPTY : own.fields();
  }

  /** The fields of every entry except {@code manager}'s apply entry. */
  FieldSet ownedByOthers(String manager) {
    FieldSet out = FieldSet.EMPTY;
    for (Entry e : entries) {
      if (!(e.manager().equals(manager) && APPLY.equals(e.operation()))) {
        out = out.union(e.fields());
      }
    }
    return out;
  }

  /** The state after an update by {@code manager} at {@code apiVersion} that made {@code change}. */
  ManagedFields update(Comparison change, String manager, String apiVersion, String now) {
    return update(change, manager, apiVersion, now, "");
  }

  /**
   * The state after an update by {@code manager} at {@code apiVersion} through {@code
   * subresource} ({@code ""} for the main resource, {@code status} for the status subresource)
   * that made {@code change}.
   */
  ManagedFields update(Comparison change, String manager, String apiVersion, String now,
      String subresource) {
    FieldSet changed = change.changed();
    Entry own = find(manager, UPDATE, apiVersion, subresource);
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e != own) {
        out.add(e.withFields(e.fields().minus(changed).minus(change.removed())));
      }
    }
    FieldSet mine = (own == null ? FieldSet.EMPTY : own.fields()).minus(change.removed())
        .union(changed);
    String time = !changed.isEmpty() || own == null ? now : own.time();
    out.add(new Entry(manager, UPDATE, apiVersion, time, subresource, mine));
    return new ManagedFields(out).withoutEmpty();
  }

  /**
   * The state after {@code manager} applied {@code applied} at {@code apiVersion}, which made
   * {@code change}.
   *
   * @throws ApplyConflicts when the change touches fields of other entries and {@code force} is
   *     false
   */
  ManagedFields apply(Comparison change, FieldSet applied, String manager, String apiVersion,
      boolean force, String now, boolean objectChanged) {
    FieldSet changed = change.changed();
    Entry own = find(manager, APPLY, "", "");
    Map<Entry, FieldSet> conflicts = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (e != own) {
        FieldSet theirs = e.fields().intersect(changed);
        if (!theirs.isEmpty()) {
          conflicts.put(e, theirs);
        }
      }
    }
    if (!conflicts.isEmpty() && !force) {
      throw new ApplyConflicts(conflictMessage(conflicts));
    }
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e != own) {
        FieldSet lost = conflicts.getOrDefault(e, FieldSet.EMPTY);
        out.add(e.withFields(e.fields().minus(lost).minus(change.removed())));
      }
    }
    String time = objectChanged || own == null ? now : own.time();
    out.add(new Entry(manager, APPLY, apiVersion, time, "", applied));
    return new ManagedFields(out).withoutEmpty();
  }

  /** The API server's message for apply conflicts. */
  static String conflictMessage(Map<Entry, FieldSet> conflicts) {
    int count = conflicts.values().stream().mapToInt(s -> s.paths().size()).sum();
    if (count == 1) {
      Map.Entry<Entry, FieldSet> only = conflicts.entrySet().iterator().next();
      return "Apply failed with 1 conflict: conflict with " + only.getKey().describe() + ": "
          + only.getValue().sorted().get(0);
    }
    List<Entry> managers = new ArrayList<>(conflicts.keySet());
    managers.sort(Comparator.comparing(Entry::identity));
    List<String> lines = new ArrayList<>();
    for (Entry m : managers) {
      lines.add("conflicts with " + m.describe() + ":");
      for (FieldPath p : conflicts.get(m).sorted()) {
        lines.add("- " + p);
      }
    }
    return "Apply failed with " + count + " conflicts: " + String.join("\n", lines);
  }

  private Entry find(String manager, String operation, String apiVersion, String subresource) {
    for (Entry e : entries) {
      if (e.manager().equals(manager) && e.operation().equals(operation)
          && e.subresource().equals(subresource)
          && (APPLY.equals(operation) || e.apiVersion().equals(apiVersion))) {
        return e;
      }
    }
    return null;
  }

  private ManagedFields withoutEmpty() {
    List<Entry> kept = new ArrayList<>();
    for (Entry e : entries) {
      if (!e.fields().isEmpty()) {
        kept.add(e);
      }
    }
    return kept.size() == entries.size() ? this : new ManagedFields(kept);
  }
}
