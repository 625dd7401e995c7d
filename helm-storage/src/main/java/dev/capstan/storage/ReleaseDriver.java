package dev.capstan.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where release records are kept: Helm's storage driver (spec §2), one object per revision.
 *
 * <p>A driver stores what it is given: the key, namespace, labels and release of a
 * {@link StoredRelease}. It does not compute labels; {@link ReleaseStorage} does. Every record a
 * driver returns carries the object's raw labels and a {@code resourceVersion}, and its
 * {@code release().labels()} are the object labels minus Helm's system labels.
 *
 * <p>Outcomes that are part of the contract (checked by helm-testkit's
 * {@code ReleaseDriverContract}):
 * <ul>
 *   <li>{@code create} of a key that exists throws {@link ReleaseExistsException}; of any number of
 *       concurrent creates of one key exactly one succeeds.</li>
 *   <li>{@code get}, {@code update} and {@code delete} of a missing key throw
 *       {@link ReleaseNotFoundException}.</li>
 *   <li>{@code update} of a record whose {@code resourceVersion} is not the stored one throws
 *       {@link ReleaseConflictException}; a {@code null} version overwrites unconditionally, as
 *       Helm's drivers do.</li>
 *   <li>{@code list} and {@code query} never fail because of one unreadable object: it is left out
 *       and reported in {@link ReleaseListing#skipped()}. No match is an empty listing.</li>
 *   <li>A namespace of {@code ""} in {@code list} and {@code query} means every namespace.</li>
 * </ul>
 * Implementations must be safe for use by several threads.
 */
public interface ReleaseDriver {

  /** Returns a short name for messages, e.g. {@code Secret}. */
  String name();

  /**
   * Stores a new record, claiming its key atomically.
   *
   * @return the stored record with its {@code resourceVersion}
   * @throws ReleaseExistsException when the key is already stored in that namespace
   */
  StoredRelease create(StoredRelease record);

  /**
   * Replaces a stored record (labels and release).
   *
   * @return the stored record with its new {@code resourceVersion}
   * @throws ReleaseNotFoundException when the key is not stored
   * @throws ReleaseConflictException when {@code record.resourceVersion()} is set and stale
   */
  StoredRelease update(StoredRelease record);

  /**
   * Removes a record by its key.
   *
   * @return the record as it was stored
   * @throws ReleaseNotFoundException when the key is not stored
   * @throws UnreadableRecordDeletedException when the object existed but could not be read as a
   *     release: it has been deleted, and the exception names it and says why it was unreadable
   */
  StoredRelease delete(String namespace, String key);

  /**
   * Reads one record.
   *
   * @throws ReleaseNotFoundException when the key is not stored
   * @throws dev.capstan.release.ReleaseRecordException when the object exists but is unreadable
   */
  StoredRelease get(String namespace, String key);

  /**
   * Returns every Helm record ({@code owner=helm}) in {@code namespace} ({@code ""} = all) that
   * {@code filter} accepts.
   */
  ReleaseListing list(String namespace, Predicate<StoredRelease> filter);

  /**
   * Returns the records in {@code namespace} ({@code ""} = all) whose labels include every entry
   * of {@code labels} (equality match on the object labels, system and custom).
   *
   * @throws InvalidLabelValueException from drivers that, like Helm's Secret and ConfigMap drivers,
   *     refuse a value that is not a valid Kubernetes label value
   */
  ReleaseListing query(String namespace, Map<String, String> labels);

  /**
   * Returns the highest readable revision of every release in {@code namespace} ({@code ""} = all),
   * one record per namespace and release name, as {@code helm list} shows them.
   *
   * <p>The default lists and decodes every record. Drivers that store encoded records should
   * override it to choose by labels first and decode one record per release (falling back to the
   * next lower revision when the highest cannot be read).
   */
  default ReleaseListing listLatest(String namespace) {
    ReleaseListing all = list(namespace, r -> true);
    Map<List<String>, StoredRelease> latest = new LinkedHashMap<>();
    for (StoredRelease r : all.releases()) {
      latest.merge(List.of(r.namespace(), r.release().name()), r,
          (a, b) -> a.release().version() >= b.release().version() ? a : b);
    }
    return new ReleaseListing(List.copyOf(latest.values()), all.skipped());
  }
}
