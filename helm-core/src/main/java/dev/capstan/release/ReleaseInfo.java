package dev.capstan.release;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code info} object of a release record (spec §1.2). Times keep their offset and nanoseconds;
 * {@code null} stands for Go's zero time. {@code unknownFields} holds JSON keys this version does not
 * model (e.g. {@code resources}), as decoded JSON trees, so that a re-written record keeps them.
 *
 * @param firstDeployed when the release was first installed, or {@code null}
 * @param lastDeployed when this revision was made, or {@code null}
 * @param deleted when the uninstall started, or {@code null}
 * @param description the description, {@code ""} for none
 * @param status the status, or {@code null} when absent
 * @param rollbackRevision the revision a rollback targeted, 0 for none
 * @param notes the rendered NOTES.txt, {@code ""} for none
 * @param unknownFields keys not modelled, in the order read
 */
public record ReleaseInfo(
    OffsetDateTime firstDeployed,
    OffsetDateTime lastDeployed,
    OffsetDateTime deleted,
    String description,
    ReleaseStatus status,
    int rollbackRevision,
    String notes,
    Map<String, Object> unknownFields) {

  /** Normalises null strings to empty and freezes {@code unknownFields}. */
  public ReleaseInfo {
    description = description == null ? "" : description;
    notes = notes == null ? "" : notes;
    unknownFields = JsonTrees.freezeMap(unknownFields);
  }

  /** Returns an info with the given times, description and status and nothing else set. */
  public static ReleaseInfo of(OffsetDateTime firstDeployed, OffsetDateTime lastDeployed,
      String description, ReleaseStatus status) {
    return new ReleaseInfo(firstDeployed, lastDeployed, null, description, status, 0, "", Map.of());
  }

  /** Returns the status, or empty when the record had none. */
  public Optional<ReleaseStatus> statusIfSet() {
    return Optional.ofNullable(status);
  }

  /** Returns a copy with {@code status} replaced. */
  public ReleaseInfo withStatus(ReleaseStatus newStatus) {
    return new ReleaseInfo(firstDeployed, lastDeployed, deleted, description, newStatus,
        rollbackRevision, notes, unknownFields);
  }

  /** Returns a copy with {@code description} replaced. */
  public ReleaseInfo withDescription(String newDescription) {
    return new ReleaseInfo(firstDeployed, lastDeployed, deleted, newDescription, status,
        rollbackRevision, notes, unknownFields);
  }

  /** Returns a copy with {@code deleted} replaced. */
  public ReleaseInfo withDeleted(OffsetDateTime newDeleted) {
    return new ReleaseInfo(firstDeployed, lastDeployed, newDeleted, description, status,
        rollbackRevision, notes, unknownFields);
  }

  /** Returns a copy with {@code lastDeployed} replaced. */
  public ReleaseInfo withLastDeployed(OffsetDateTime newLastDeployed) {
    return new ReleaseInfo(firstDeployed, newLastDeployed, deleted, description, status,
        rollbackRevision, notes, unknownFields);
  }

  /** Returns a copy with {@code notes} replaced. */
  public ReleaseInfo withNotes(String newNotes) {
    return new ReleaseInfo(firstDeployed, lastDeployed, deleted, description, status,
        rollbackRevision, newNotes, unknownFields);
  }

  /** Returns a copy with {@code rollbackRevision} replaced. */
  public ReleaseInfo withRollbackRevision(int newRollbackRevision) {
    return new ReleaseInfo(firstDeployed, lastDeployed, deleted, description, status,
        newRollbackRevision, notes, unknownFields);
  }
}
