package dev.capstan.storage;

import dev.capstan.release.Release;
import dev.capstan.release.ReleaseStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Helm's release storage (spec §2): the facade over a {@link ReleaseDriver} that owns the key format
 * {@code sh.helm.release.v1.<name>.v<revision>}, the labels written on each object, the history
 * queries ({@code history}, {@code last}, {@code deployed}, {@code deployedAll}) and max-history
 * pruning.
 *
 * <p>A storage works in one namespace. Records are written to the release's own namespace, or to
 * the storage's namespace when the release has none. Reads look in the storage's namespace; a
 * storage made with namespace {@code ""} reads every namespace (Helm's {@code --all-namespaces}).
 *
 * <p>Differences from Helm, on purpose: records returned here carry only their custom labels in
 * {@link Release#labels()} (Helm's {@code List}/{@code Query} hand back the raw labels, which is how
 * its upgrades copy stale {@code modifiedAt} values onto new revisions); the raw labels are on
 * {@link StoredRelease#labels()}. Updates are guarded by the stored object's version, so a
 * concurrent change surfaces as {@link ReleaseConflictException} instead of being overwritten.
 *
 * <p>Immutable and thread-safe; {@link #withMaxHistory} returns a copy.
 */
public final class ReleaseStorage {
  private static final Logger LOG = LoggerFactory.getLogger(ReleaseStorage.class);
  private static final Comparator<Release> BY_REVISION = Comparator.comparingInt(Release::version);

  private final ReleaseDriver driver;
  private final String namespace;
  private final Clock clock;
  private final int maxHistory;

  private ReleaseStorage(ReleaseDriver driver, String namespace, Clock clock, int maxHistory) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxHistory < 0) {
      throw new IllegalArgumentException("maxHistory must be 0 (unlimited) or more, got "
          + maxHistory);
    }
    this.maxHistory = maxHistory;
  }

  /**
   * Returns a storage over {@code driver} for {@code namespace} ({@code ""} = read all namespaces),
   * reading the time for the {@code createdAt}/{@code modifiedAt} labels from {@code clock}, with
   * unlimited history.
   */
  public static ReleaseStorage of(ReleaseDriver driver, String namespace, Clock clock) {
    return new ReleaseStorage(driver, namespace, clock, 0);
  }

  /**
   * Returns a copy that keeps at most {@code maxHistory} revisions per release when it creates one
   * ({@code 0} = unlimited, the library default). Helm sets this only for upgrade and rollback.
   */
  public ReleaseStorage withMaxHistory(int maxHistory) {
    return new ReleaseStorage(driver, namespace, clock, maxHistory);
  }

  /** Returns the history limit, 0 for unlimited. */
  public int maxHistory() {
    return maxHistory;
  }

  /** Returns the namespace this storage reads, {@code ""} for all. */
  public String namespace() {
    return namespace;
  }

  /** Returns the driver. */
  public ReleaseDriver driver() {
    return driver;
  }

  /**
   * Stores a new revision, first pruning old revisions when a history limit is set (spec §2.9).
   * Labels: the custom labels, {@code createdAt} = now, and the system labels.
   *
   * @throws ReleaseExistsException when the revision is already stored
   * @throws ReservedLabelException when a custom label is a system label
   * @throws ReleaseStorageException when pruning could not delete a record (nothing is created)
   */
  public StoredRelease create(Release release) {
    return create(release, Map.of());
  }

  /**
   * Stores a new revision with annotations on its storage object; see {@link #create(Release)}.
   */
  public StoredRelease create(Release release, Map<String, String> annotations) {
    String ns = writeNamespace(release);
    Map<String, String> labels = HelmLabels.forWrite(release, HelmLabels.CREATED_AT, now());
    if (maxHistory > 0) {
      removeLeastRecent(release.name(), maxHistory - 1);
    }
    return driver.create(StoredRelease.of(ns, release, labels).withAnnotations(annotations));
  }

  /**
   * Replaces the stored revision {@code release.version()} with {@code release}. The current object
   * is read first and the write is guarded by its version. Labels: the custom labels,
   * {@code modifiedAt} = now, and the system labels (like Helm, {@code createdAt} is not kept).
   *
   * @throws ReleaseNotFoundException when the revision is not stored
   * @throws ReleaseConflictException when another writer changed it between the read and the write
   */
  public StoredRelease update(Release release) {
    String ns = writeNamespace(release);
    Map<String, String> labels = HelmLabels.forWrite(release, HelmLabels.MODIFIED_AT, now());
    StoredRelease current = driver.get(ns, ReleaseKey.of(release.name(), release.version()));
    return driver.update(current.withContent(release, labels));
  }

  /**
   * As {@link #update(Release)}, replacing the storage object's annotations with {@code
   * annotations} (the update keeps them otherwise).
   */
  public StoredRelease update(Release release, Map<String, String> annotations) {
    String ns = writeNamespace(release);
    Map<String, String> labels = HelmLabels.forWrite(release, HelmLabels.MODIFIED_AT, now());
    StoredRelease current = driver.get(ns, ReleaseKey.of(release.name(), release.version()));
    return driver.update(current.withContent(release, labels).withAnnotations(annotations));
  }

  /**
   * Replaces a record the caller read before with {@code release}, failing if it changed since.
   *
   * @throws ReleaseConflictException when the stored object is no longer at
   *     {@code basis.resourceVersion()}
   * @throws IllegalArgumentException when {@code release} is another release or revision
   */
  public StoredRelease update(StoredRelease basis, Release release) {
    if (!basis.key().equals(ReleaseKey.of(release.name(), release.version()))) {
      throw new IllegalArgumentException("update of " + basis.key() + " with release "
          + ReleaseKey.of(release.name(), release.version()));
    }
    Map<String, String> labels = HelmLabels.forWrite(release, HelmLabels.MODIFIED_AT, now());
    return driver.update(basis.withContent(release, labels));
  }

  /**
   * Deletes revision {@code revision} of {@code name}, by its key (an unreadable record too, which
   * Helm would refuse to delete).
   *
   * @return the deleted release
   * @throws ReleaseNotFoundException when it is not stored
   * @throws UnreadableRecordDeletedException when the object could not be read as a release; it
   *     has been deleted and the exception says which object that was
   */
  public Release delete(String name, int revision) {
    String key = ReleaseKey.of(name, revision);
    if (!namespace.isEmpty()) {
      // By key: an unreadable record is deleted too (the driver then says so).
      return driver.delete(namespace, key).release();
    }
    ReleaseListing found = driver.query("", Map.of(HelmLabels.NAME, name,
        HelmLabels.OWNER, HelmLabels.OWNER_HELM, HelmLabels.VERSION, Integer.toString(revision)));
    List<String> namespaces = new ArrayList<>();
    found.releases().forEach(r -> namespaces.add(r.namespace()));
    found.skipped().stream().filter(k -> k.key().equals(key))
        .forEach(k -> namespaces.add(k.namespace()));
    if (namespaces.isEmpty()) {
      throw new ReleaseNotFoundException(key + " in any namespace");
    }
    if (namespaces.size() > 1) {
      throw new ReleaseStorageException("release " + key + " is stored in several namespaces ("
          + namespaces.stream().sorted().toList() + "); use a storage for one namespace");
    }
    return driver.delete(namespaces.get(0), key).release();
  }

  /**
   * Returns revision {@code revision} of {@code name}.
   *
   * @throws ReleaseNotFoundException when it is not stored
   */
  public Release get(String name, int revision) {
    return getStored(name, revision).release();
  }

  /**
   * Returns the stored record of revision {@code revision} of {@code name}, with its labels and
   * version. In an all-namespaces storage the revision is looked up by its labels and must be
   * unique.
   *
   * @throws ReleaseNotFoundException when it is not stored
   */
  public StoredRelease getStored(String name, int revision) {
    String key = ReleaseKey.of(name, revision);
    if (!namespace.isEmpty()) {
      return driver.get(namespace, key);
    }
    List<StoredRelease> found = driver.query("", Map.of(HelmLabels.NAME, name,
        HelmLabels.OWNER, HelmLabels.OWNER_HELM, HelmLabels.VERSION, Integer.toString(revision)))
        .releases();
    if (found.isEmpty()) {
      throw new ReleaseNotFoundException(key + " in any namespace");
    }
    if (found.size() > 1) {
      throw new ReleaseStorageException("release " + key + " is stored in several namespaces ("
          + found.stream().map(StoredRelease::namespace).sorted().toList()
          + "); use a storage for one namespace");
    }
    return found.get(0);
  }

  /**
   * Returns every revision of {@code name}, ascending by revision.
   *
   * @throws ReleaseNotFoundException when there is none
   */
  public List<Release> history(String name) {
    List<Release> all = query(Map.of(HelmLabels.NAME, name, HelmLabels.OWNER, HelmLabels.OWNER_HELM));
    if (all.isEmpty()) {
      throw new ReleaseNotFoundException("no revisions of release \"" + name + "\"");
    }
    return all;
  }

  /**
   * Returns the highest revision of {@code name}, whatever its status.
   *
   * @throws ReleaseNotFoundException when there is none
   */
  public Release last(String name) {
    List<Release> h = history(name);
    return h.get(h.size() - 1);
  }

  /**
   * Returns every revision of {@code name} whose status is {@code deployed}, ascending by revision
   * (normally one; failures can leave several).
   *
   * @throws NoDeployedReleasesException when there is none
   */
  public List<Release> deployedAll(String name) {
    List<Release> all = query(Map.of(HelmLabels.NAME, name, HelmLabels.OWNER, HelmLabels.OWNER_HELM,
        HelmLabels.STATUS, ReleaseStatus.DEPLOYED.wireName()));
    if (all.isEmpty()) {
      throw new NoDeployedReleasesException(name);
    }
    return all;
  }

  /**
   * Returns the highest {@code deployed} revision of {@code name}.
   *
   * @throws NoDeployedReleasesException when there is none
   */
  public Release deployed(String name) {
    List<Release> all = deployedAll(name);
    return all.get(all.size() - 1);
  }

  /**
   * Returns every Helm record in this storage's namespace that {@code filter} accepts, with the
   * objects that could not be read.
   */
  public ReleaseListing list(Predicate<StoredRelease> filter) {
    return driver.list(namespace, filter);
  }

  /**
   * Returns the highest readable revision of every release in this storage's namespace (all
   * namespaces for {@code ""}), one per namespace and name, with the objects that could not be
   * read. This is what {@code helm list} starts from.
   */
  public ReleaseListing latest() {
    return driver.listLatest(namespace);
  }

  private List<Release> query(Map<String, String> labels) {
    List<Release> out = new ArrayList<>();
    for (StoredRelease r : driver.query(namespace, labels).releases()) {
      out.add(r.release());
    }
    out.sort(BY_REVISION);
    return out;
  }

  /**
   * Helm's {@code removeLeastRecent}: deletes the oldest revisions until at most {@code max} remain,
   * never the latest deployed one.
   */
  private void removeLeastRecent(String name, int max) {
    List<Release> h = query(Map.of(HelmLabels.NAME, name, HelmLabels.OWNER, HelmLabels.OWNER_HELM));
    if (h.size() <= max) {
      return;
    }
    Release lastDeployed;
    try {
      lastDeployed = deployed(name);
    } catch (NoDeployedReleasesException e) {
      lastDeployed = null;
    }
    List<Release> toDelete = new ArrayList<>();
    for (Release r : h) {
      if (h.size() - toDelete.size() == max) {
        break;
      }
      if (lastDeployed == null || r.version() != lastDeployed.version()) {
        toDelete.add(r);
      }
    }
    List<RuntimeException> errors = new ArrayList<>();
    for (Release r : toDelete) {
      try {
        delete(name, r.version());
        LOG.debug("pruned {} (history limit {})", ReleaseKey.of(name, r.version()), maxHistory);
      } catch (RuntimeException e) {
        errors.add(e);
      }
    }
    if (!errors.isEmpty()) {
      throw new ReleaseStorageException("encountered " + errors.size()
          + " deletion errors. First is: " + errors.get(0).getMessage(), errors.get(0));
    }
  }

  private String writeNamespace(Release release) {
    String ns = release.namespace().isEmpty() ? namespace : release.namespace();
    if (ns.isEmpty()) {
      throw new IllegalArgumentException("release " + release.name() + " has no namespace and the"
          + " storage reads all namespaces: set the release's namespace");
    }
    return ns;
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }
}
