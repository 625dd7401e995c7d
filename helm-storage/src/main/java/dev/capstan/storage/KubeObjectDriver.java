package dev.capstan.storage;

import dev.capstan.release.Release;
import dev.capstan.release.ReleaseCodec;
import dev.capstan.release.ReleaseRecordException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Secret and ConfigMap drivers share: one object per record named by its key, Helm's labels
 * on the object, the body {@code base64(gzip(json))} in data key {@code release}, atomic create,
 * updates guarded by {@code resourceVersion}, a size check before writing, and listings that skip
 * unreadable objects.
 */
abstract class KubeObjectDriver<T extends HasMetadata, L extends KubernetesResourceList<T>>
    implements ReleaseDriver {
  static final String DATA_KEY = "release";
  private static final List<String> REQUIRED_LABELS =
      List.of(HelmLabels.NAME, HelmLabels.OWNER, HelmLabels.STATUS, HelmLabels.VERSION);

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final MixedOperation<T, L, Resource<T>> op;
  private final String kind;
  private final AtomicLong decodes = new AtomicLong();

  KubeObjectDriver(MixedOperation<T, L, Resource<T>> op, String kind) {
    this.op = Objects.requireNonNull(op, "op");
    this.kind = kind;
  }

  /** Builds the object to write: name, namespace, labels, resource version and the body. */
  abstract T toObject(ObjectMeta meta, String body);

  /**
   * Returns the body string of an object, or throws {@link ReleaseRecordException} saying why the
   * object is not a release record (foreign type, no data, bad outer encoding).
   */
  abstract String bodyOf(T object);

  @Override
  public String name() {
    return kind;
  }

  @Override
  public StoredRelease create(StoredRelease record) {
    String body = encode(record);
    T created;
    try {
      created = op.inNamespace(record.namespace()).resource(toObject(meta(record, null), body))
          .create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw new ReleaseExistsException(record.namespace(), record.key());
      }
      throw failure("create", record.namespace(), record.key(), e);
    }
    return stored(record, created);
  }

  @Override
  public StoredRelease update(StoredRelease record) {
    String body = encode(record);
    Resource<T> resource = op.inNamespace(record.namespace()).withName(record.key());
    String basis = record.resourceVersion();
    T updated;
    try {
      T current = resource.get();
      if (current == null) {
        throw new ReleaseNotFoundException(record.key() + " in namespace " + record.namespace());
      }
      String expected = record.resourceVersion();
      String actual = current.getMetadata().getResourceVersion();
      if (expected != null && !expected.equals(actual)) {
        throw new ReleaseConflictException(record.namespace(), record.key(), expected, actual);
      }
      // The write carries the version it is based on, so the API server refuses it (409) when
      // another writer got in between.
      if (basis == null) {
        basis = actual;
      }
      updated = op.inNamespace(record.namespace()).resource(toObject(meta(record, basis), body))
          .update();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw new ReleaseConflictException(record.namespace(), record.key(),
            basis, "newer (the API server refused the write)");
      }
      if (e.getCode() == 404) {
        throw new ReleaseNotFoundException(record.key() + " in namespace " + record.namespace());
      }
      throw failure("update", record.namespace(), record.key(), e);
    }
    return stored(record, updated);
  }

  /**
   * Deletes the object by its key. When it exists but cannot be read as a release, it is deleted all
   * the same and {@link UnreadableRecordDeletedException} says what was deleted (Helm would refuse
   * and keep it; see that exception).
   */
  @Override
  public StoredRelease delete(String namespace, String key) {
    T object = fetch(namespace, key);
    StoredRelease current = null;
    ReleaseRecordException unreadable = null;
    try {
      current = read(object);
    } catch (ReleaseRecordException e) {
      unreadable = e;
    }
    try {
      List<?> deleted = op.inNamespace(namespace).withName(key).delete();
      if (deleted.isEmpty()) {
        throw new ReleaseNotFoundException(key + " in namespace " + namespace);
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        throw new ReleaseNotFoundException(key + " in namespace " + namespace);
      }
      throw failure("delete", namespace, key, e);
    }
    if (unreadable != null) {
      SkippedRecord gone = new SkippedRecord(namespace, key, unreadable.getMessage());
      log.warn("{} driver: deleted {} {} in namespace {}, which could not be read: {}", kind, kind,
          key, namespace, gone.reason());
      throw new UnreadableRecordDeletedException(gone, unreadable);
    }
    return current;
  }

  @Override
  public StoredRelease get(String namespace, String key) {
    return read(fetch(namespace, key));
  }

  private T fetch(String namespace, String key) {
    T object;
    try {
      object = op.inNamespace(namespace).withName(key).get();
    } catch (KubernetesClientException e) {
      throw failure("get", namespace, key, e);
    }
    if (object == null) {
      throw new ReleaseNotFoundException(key + " in namespace " + namespace);
    }
    return object;
  }

  @Override
  public ReleaseListing list(String namespace, Predicate<StoredRelease> filter) {
    Objects.requireNonNull(filter, "filter");
    ReleaseListing all = select(namespace, Map.of(HelmLabels.OWNER, HelmLabels.OWNER_HELM));
    return new ReleaseListing(all.releases().stream().filter(filter).toList(), all.skipped());
  }

  /** Refuses label values Kubernetes cannot hold before listing, as Helm's drivers do. */
  @Override
  public ReleaseListing query(String namespace, Map<String, String> labels) {
    HelmLabels.checkQueryValues(Objects.requireNonNull(labels, "labels"));
    return select(namespace, labels);
  }

  /**
   * Lists the objects, groups them by namespace and {@code name} label, and decodes only the one
   * with the highest {@code version} label of each group (the next one when it is unreadable).
   */
  @Override
  public ReleaseListing listLatest(String namespace) {
    List<T> items = items(namespace, Map.of(HelmLabels.OWNER, HelmLabels.OWNER_HELM));
    Map<List<String>, List<T>> groups = new LinkedHashMap<>();
    List<SkippedRecord> skipped = new ArrayList<>();
    for (T item : items) {
      Map<String, String> labels = item.getMetadata().getLabels();
      String name = labels == null ? null : labels.get(HelmLabels.NAME);
      if (name == null || revisionLabel(item) < 0) {
        skip(item, kind + " " + item.getMetadata().getName() + " in namespace "
            + item.getMetadata().getNamespace() + " is not a Helm release record: label name or"
            + " version missing or not a revision (labels " + labels + ")", skipped);
        continue;
      }
      groups.computeIfAbsent(List.of(item.getMetadata().getNamespace(), name),
          k -> new ArrayList<>()).add(item);
    }
    List<StoredRelease> latest = new ArrayList<>();
    for (List<T> group : groups.values()) {
      group.sort(Comparator.comparingInt(this::revisionLabel).reversed());
      for (T candidate : group) {
        if (readOrSkip(candidate, latest, skipped)) {
          break;
        }
      }
    }
    return new ReleaseListing(latest, skipped);
  }

  /** Returns how many records this driver has decoded; lets tests check what a listing costs. */
  long decodeCount() {
    return decodes.get();
  }

  private int revisionLabel(T item) {
    String v = item.getMetadata().getLabels() == null ? null
        : item.getMetadata().getLabels().get(HelmLabels.VERSION);
    if (v == null || v.isEmpty() || v.length() > 9 || !v.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(v);
  }

  private boolean readOrSkip(T item, List<StoredRelease> into, List<SkippedRecord> skipped) {
    try {
      into.add(read(item));
      return true;
    } catch (ReleaseRecordException e) {
      skip(item, e.getMessage(), skipped);
      return false;
    }
  }

  private void skip(T item, String reason, List<SkippedRecord> skipped) {
    ObjectMeta m = item.getMetadata();
    SkippedRecord s = new SkippedRecord(m.getNamespace(), m.getName(), reason);
    log.warn("{} driver: skipping {} {} in namespace {}: {}", kind, kind, s.key(), s.namespace(),
        s.reason());
    skipped.add(s);
  }

  private ReleaseListing select(String namespace, Map<String, String> labels) {
    List<StoredRelease> releases = new ArrayList<>();
    List<SkippedRecord> skipped = new ArrayList<>();
    for (T item : items(namespace, labels)) {
      readOrSkip(item, releases, skipped);
    }
    return new ReleaseListing(releases, skipped);
  }

  private List<T> items(String namespace, Map<String, String> labels) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(labels, "labels");
    L list;
    try {
      FilterWatchListDeletable<T, L, Resource<T>> selected = namespace.isEmpty()
          ? op.inAnyNamespace().withLabels(labels) : op.inNamespace(namespace).withLabels(labels);
      list = selected.list();
    } catch (KubernetesClientException e) {
      throw new ReleaseStorageException(kind + " driver: listing " + kind + "s with labels "
          + labels + " in " + (namespace.isEmpty() ? "all namespaces" : "namespace " + namespace)
          + " failed: " + e.getMessage(), e);
    }
    return list.getItems();
  }

  /** Reads an object as a record, or throws {@link ReleaseRecordException} saying why not. */
  private StoredRelease read(T object) {
    ObjectMeta m = object.getMetadata();
    String where = kind + " " + m.getName() + " in namespace " + m.getNamespace();
    Map<String, String> labels = m.getLabels() == null ? Map.of() : m.getLabels();
    List<String> missing = REQUIRED_LABELS.stream().filter(k -> !labels.containsKey(k)).toList();
    if (!missing.isEmpty()) {
      throw new ReleaseRecordException(where + " is not a Helm release record: missing labels "
          + missing);
    }
    decodes.incrementAndGet();
    Release release = ReleaseCodec.decode(bodyOf(object), where);
    return new StoredRelease(m.getNamespace(), m.getName(), labels,
        release.withLabels(HelmLabels.customOf(labels)), m.getResourceVersion(),
        m.getAnnotations());
  }

  private String encode(StoredRelease record) {
    String body = ReleaseCodec.encode(record.release());
    RecordSize.check(kind, record, body);
    return body;
  }

  private static ObjectMeta meta(StoredRelease record, String resourceVersion) {
    ObjectMeta meta = new ObjectMeta();
    meta.setName(record.key());
    meta.setNamespace(record.namespace());
    meta.setLabels(new LinkedHashMap<>(record.labels()));
    if (!record.annotations().isEmpty()) {
      meta.setAnnotations(new LinkedHashMap<>(record.annotations()));
    }
    meta.setResourceVersion(resourceVersion);
    return meta;
  }

  private StoredRelease stored(StoredRelease record, T written) {
    return new StoredRelease(record.namespace(), record.key(), record.labels(),
        record.release().withLabels(HelmLabels.customOf(record.labels())),
        written.getMetadata().getResourceVersion(), record.annotations());
  }

  private ReleaseStorageException failure(String what, String namespace, String key,
      KubernetesClientException e) {
    return new ReleaseStorageException(kind + " driver: " + what + " of " + key + " in namespace "
        + namespace + " failed (HTTP " + e.getCode() + "): " + e.getMessage(), e);
  }
}
