package dev.capstan.storage;

import static dev.capstan.release.ReleaseStatus.DEPLOYED;
import static dev.capstan.release.ReleaseStatus.FAILED;
import static dev.capstan.release.ReleaseStatus.PENDING_UPGRADE;
import static dev.capstan.release.ReleaseStatus.SUPERSEDED;
import static dev.capstan.release.ReleaseStatus.UNINSTALLED;
import static dev.capstan.storage.TestReleases.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.release.Release;
import dev.capstan.release.ReleaseStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReleaseStorageTest {
  private static final Instant NOW = Instant.parse("2026-03-04T05:06:07.891Z");

  private final MemoryDriver driver = new MemoryDriver();
  private final ReleaseStorage storage =
      ReleaseStorage.of(driver, "default", Clock.fixed(NOW, ZoneOffset.UTC));

  private void store(ReleaseStatus... statuses) {
    for (int i = 0; i < statuses.length; i++) {
      storage.create(release("web", i + 1, statuses[i]));
    }
  }

  private List<Integer> revisions() {
    return storage.history("web").stream().map(Release::version).toList();
  }

  @Nested
  class Labels {
    @Test
    @DisplayName("§2.4: create writes custom labels, createdAt from the clock, name, owner, status, version")
    void createLabels() {
      // When
      StoredRelease s = storage.create(release("web", 1, DEPLOYED).withLabels(Map.of("team", "a")));
      // Then
      assertThat(s.key()).isEqualTo("sh.helm.release.v1.web.v1");
      assertThat(s.namespace()).isEqualTo("default");
      assertThat(driver.get("default", s.key()).labels()).containsExactlyInAnyOrderEntriesOf(
          Map.of("team", "a", "createdAt", Long.toString(NOW.getEpochSecond()), "name", "web",
              "owner", "helm", "status", "deployed", "version", "1"));
    }

    @Test
    @DisplayName("§2.4: update writes modifiedAt from the clock and, like Helm, drops createdAt")
    void updateLabels() {
      // Given
      storage.create(release("web", 1, PENDING_UPGRADE));
      ReleaseStorage later = ReleaseStorage.of(driver, "default",
          Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC));
      // When
      later.update(release("web", 1, DEPLOYED));
      // Then
      assertThat(driver.get("default", "sh.helm.release.v1.web.v1").labels())
          .containsEntry("modifiedAt", Long.toString(NOW.getEpochSecond() + 30))
          .containsEntry("status", "deployed").doesNotContainKey("createdAt");
    }

    @Test
    @DisplayName("§2.4: get returns the custom labels only, the stored record keeps all of them")
    void getStripsSystemLabels() {
      storage.create(release("web", 1, DEPLOYED).withLabels(Map.of("team", "a")));
      assertThat(storage.get("web", 1).labels()).isEqualTo(Map.of("team", "a"));
      assertThat(storage.getStored("web", 1).labels()).containsKeys("team", "owner", "status");
    }

    @Test
    @DisplayName("§2.4: a custom label with a reserved key is refused with Helm's message and nothing is written")
    void reservedLabel() {
      Release r = release("web", 1, DEPLOYED).withLabels(Map.of("owner", "me", "status", "x"));
      assertThatThrownBy(() -> storage.create(r)).isInstanceOf(ReservedLabelException.class)
          .hasMessageStartingWith("user supplied labels contains system reserved label name."
              + " System labels: [name owner status version createdAt modifiedAt]")
          .hasMessageContaining("[owner, status]");
      assertThat(driver.list("", x -> true).releases()).isEmpty();
    }
  }

  @Nested
  class Queries {
    @Test
    @DisplayName("§2.5: history is every revision of the release in ascending order, other releases excluded")
    void history() {
      store(SUPERSEDED, SUPERSEDED, DEPLOYED);
      storage.create(release("other", 1, DEPLOYED));
      assertThat(revisions()).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("§2.5: history of an unknown release is release: not found")
    void historyNotFound() {
      assertThatThrownBy(() -> storage.history("nope"))
          .isInstanceOf(ReleaseNotFoundException.class).hasMessageStartingWith("release: not found")
          .hasMessageContaining("nope");
    }

    @Test
    @DisplayName("§2.5: last is the highest revision whatever its status")
    void last() {
      store(SUPERSEDED, DEPLOYED, FAILED);
      assertThat(storage.last("web").version()).isEqualTo(3);
      assertThat(storage.last("web").info().status()).isEqualTo(FAILED);
    }

    @Test
    @DisplayName("§2.5: deployed is the highest deployed revision when several are deployed")
    void deployedHighest() {
      store(DEPLOYED, DEPLOYED, FAILED);
      assertThat(storage.deployed("web").version()).isEqualTo(2);
      assertThat(storage.deployedAll("web")).extracting(Release::version).containsExactly(1, 2);
    }

    @Test
    @DisplayName("§2.5: a release without a deployed revision reports \"<name>\" has no deployed releases")
    void noDeployed() {
      store(SUPERSEDED, FAILED);
      assertThatThrownBy(() -> storage.deployed("web"))
          .isInstanceOf(NoDeployedReleasesException.class)
          .hasMessage("\"web\" has no deployed releases");
    }

    @Test
    @DisplayName("get of a missing revision is release: not found, naming the key")
    void getMissing() {
      store(DEPLOYED);
      assertThatThrownBy(() -> storage.get("web", 2)).isInstanceOf(ReleaseNotFoundException.class)
          .hasMessageContaining("sh.helm.release.v1.web.v2");
    }

    @Test
    @DisplayName("delete removes the revision and returns it")
    void delete() {
      store(SUPERSEDED, DEPLOYED);
      assertThat(storage.delete("web", 1).version()).isEqualTo(1);
      assertThat(revisions()).containsExactly(2);
      assertThatThrownBy(() -> storage.delete("web", 1))
          .isInstanceOf(ReleaseNotFoundException.class);
    }

    @Test
    @DisplayName("§2.1: a storage for one namespace sees only it; one for \"\" sees all")
    void namespaces() {
      storage.create(release("web", "default", 1, DEPLOYED));
      storage.create(release("web", "other", 1, DEPLOYED));
      storage.create(release("web", "other", 2, DEPLOYED));
      ReleaseStorage all = ReleaseStorage.of(driver, "", Clock.systemUTC());
      assertThat(revisions()).containsExactly(1);
      assertThat(all.history("web")).hasSize(3);
      assertThat(all.get("web", 2).namespace()).isEqualTo("other");
      assertThatThrownBy(() -> all.get("web", 1)).isInstanceOf(ReleaseStorageException.class)
          .hasMessageContaining("several namespaces").hasMessageContaining("[default, other]");
    }

    @Test
    @DisplayName("latest returns the highest revision of each release, whatever its status")
    void latest() {
      store(SUPERSEDED, DEPLOYED, FAILED);
      storage.create(release("other", 1, DEPLOYED));
      assertThat(storage.latest().releases()).extracting(StoredRelease::key)
          .containsExactlyInAnyOrder("sh.helm.release.v1.web.v3", "sh.helm.release.v1.other.v1");
    }

    @Test
    @DisplayName("update based on a stale read is a conflict, not a lost update")
    void staleUpdate() {
      storage.create(release("web", 1, PENDING_UPGRADE));
      StoredRelease read = storage.getStored("web", 1);
      storage.update(read, release("web", 1, DEPLOYED));
      assertThatThrownBy(() -> storage.update(read, release("web", 1, FAILED)))
          .isInstanceOf(ReleaseConflictException.class)
          .hasMessageContaining("sh.helm.release.v1.web.v1");
      assertThat(storage.get("web", 1).info().status()).isEqualTo(DEPLOYED);
    }
  }

  @Nested
  class Pruning {
    @Test
    @DisplayName("§2.9: history-max 10 with revisions 1-10 (10 deployed) deletes revision 1 and keeps 10 records")
    void specExample() {
      store(SUPERSEDED, SUPERSEDED, SUPERSEDED, SUPERSEDED, SUPERSEDED, SUPERSEDED, SUPERSEDED,
          SUPERSEDED, SUPERSEDED, DEPLOYED);
      storage.withMaxHistory(10).create(release("web", 11, PENDING_UPGRADE));
      assertThat(revisions()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    @DisplayName("§2.9: the latest deployed revision is never pruned, even when it is the oldest")
    void keepsDeployed() {
      store(DEPLOYED, FAILED, FAILED, FAILED);
      storage.withMaxHistory(2).create(release("web", 5, PENDING_UPGRADE));
      assertThat(revisions()).containsExactly(1, 5);
    }

    @Test
    @DisplayName("§2.9: only the latest deployed is protected; an older deployed revision is pruned like any other")
    void olderDeployedPruned() {
      store(DEPLOYED, DEPLOYED, SUPERSEDED, DEPLOYED);
      storage.withMaxHistory(3).create(release("web", 5, PENDING_UPGRADE));
      assertThat(revisions()).containsExactly(3, 4, 5);
    }

    @Test
    @DisplayName("§2.9: without a deployed revision, oldest go first whatever their status")
    void noDeployedOldestFirst() {
      store(FAILED, UNINSTALLED, SUPERSEDED, PENDING_UPGRADE);
      storage.withMaxHistory(2).create(release("web", 5, PENDING_UPGRADE));
      assertThat(revisions()).containsExactly(4, 5);
    }

    @Test
    @DisplayName("§2.9: history-max 1 keeps only the latest deployed besides the new revision")
    void maxOne() {
      store(SUPERSEDED, DEPLOYED, FAILED);
      storage.withMaxHistory(1).create(release("web", 4, PENDING_UPGRADE));
      assertThat(revisions()).containsExactly(2, 4);
    }

    @Test
    @DisplayName("§2.9: nothing is pruned while the history is within the limit, nor with limit 0")
    void withinLimit() {
      store(SUPERSEDED, DEPLOYED);
      storage.withMaxHistory(3).create(release("web", 3, PENDING_UPGRADE));
      storage.create(release("web", 4, PENDING_UPGRADE));
      assertThat(revisions()).containsExactly(1, 2, 3, 4);
    }

    @Test
    @DisplayName("§2.9: revisions are deleted oldest first")
    void deletionOrder() {
      // Given
      List<String> deleted = new ArrayList<>();
      ReleaseDriver recording = new ForwardingDriver(driver) {
        @Override
        public StoredRelease delete(String namespace, String key) {
          deleted.add(key);
          return super.delete(namespace, key);
        }
      };
      ReleaseStorage s = ReleaseStorage.of(recording, "default", Clock.systemUTC());
      store(SUPERSEDED, FAILED, SUPERSEDED, DEPLOYED, FAILED);
      // When
      s.withMaxHistory(2).create(release("web", 6, PENDING_UPGRADE));
      // Then
      assertThat(deleted).containsExactly("sh.helm.release.v1.web.v1", "sh.helm.release.v1.web.v2",
          "sh.helm.release.v1.web.v3", "sh.helm.release.v1.web.v5");
      assertThat(revisions()).containsExactly(4, 6);
    }

    @Test
    @DisplayName("§2.9: a failed deletion aborts the create with Helm's error; the other deletions still happen")
    void deletionErrorAborts() {
      // Given
      AtomicInteger calls = new AtomicInteger();
      ReleaseDriver failing = new ForwardingDriver(driver) {
        @Override
        public StoredRelease delete(String namespace, String key) {
          if (calls.incrementAndGet() == 1) {
            throw new ReleaseStorageException("boom on " + key);
          }
          return super.delete(namespace, key);
        }
      };
      store(SUPERSEDED, SUPERSEDED, DEPLOYED);
      ReleaseStorage s = ReleaseStorage.of(failing, "default", Clock.systemUTC()).withMaxHistory(2);
      // When / Then
      assertThatThrownBy(() -> s.create(release("web", 4, PENDING_UPGRADE)))
          .isInstanceOf(ReleaseStorageException.class)
          .hasMessage("encountered 1 deletion errors. First is: boom on sh.helm.release.v1.web.v1");
      assertThat(revisions()).containsExactly(1, 3);
    }
  }

  /** Forwards every call to another driver. */
  static class ForwardingDriver implements ReleaseDriver {
    private final ReleaseDriver d;

    ForwardingDriver(ReleaseDriver d) {
      this.d = d;
    }

    @Override
    public String name() {
      return d.name();
    }

    @Override
    public StoredRelease create(StoredRelease record) {
      return d.create(record);
    }

    @Override
    public StoredRelease update(StoredRelease record) {
      return d.update(record);
    }

    @Override
    public StoredRelease delete(String namespace, String key) {
      return d.delete(namespace, key);
    }

    @Override
    public StoredRelease get(String namespace, String key) {
      return d.get(namespace, key);
    }

    @Override
    public ReleaseListing list(String namespace, java.util.function.Predicate<StoredRelease> f) {
      return d.list(namespace, f);
    }

    @Override
    public ReleaseListing query(String namespace, Map<String, String> labels) {
      return d.query(namespace, labels);
    }
  }
}
