package dev.capstan.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.kube.FakeClusters;
import dev.capstan.release.Release;
import dev.capstan.release.ReleaseCodec;
import dev.capstan.release.ReleaseStatus;
import dev.capstan.storage.MemoryDriver;
import dev.capstan.storage.ReleaseStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client reading releases that real Helm 3.21.0 and 4.1.4 wrote (fixtures {@code
 * helm-records/*}): history, values and list answer what the {@code helm} commands printed.
 */
class HelmRecordsClientTest {
  private static final Path RECORDS = Path.of("../../shared/fixtures/helm-records");

  private static ReleaseClient clientWith(String folder) throws IOException {
    MemoryDriver driver = new MemoryDriver();
    ReleaseStorage storage = ReleaseStorage.of(driver, "default", Clock.systemUTC());
    try (Stream<Path> files = Files.list(RECORDS.resolve(folder))) {
      for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".raw.json")).sorted()
          .toList()) {
        String key = p.getFileName().toString().replace(".raw.json", "");
        storage.create(ReleaseCodec.fromJson(Files.readString(p, StandardCharsets.UTF_8), key));
      }
    }
    return ReleaseClient.builder().cluster(FakeClusters.unreachable()).storage(driver)
        .namespace("default").build();
  }

  private static String text(String folder, String file) throws IOException {
    return Files.readString(RECORDS.resolve(folder).resolve(file), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"helm4-secret-driver", "helm4-configmap-driver", "helm3-secret-driver"})
  @DisplayName("get values of revision 1, and --all of the last, print what helm get values printed")
  void values(String folder) throws IOException {
    ReleaseClient helm = clientWith(folder);

    // The Helm 4 CLI prints a header line; Helm 3 through helm-java printed the values alone
    assertThat(withoutHeader(text(folder, "get-values-web-revision-1.txt")))
        .isEqualTo(helm.values("web", 1, false).toYaml());
    assertThat(withoutHeader(text(folder, "get-values-web-all.txt")))
        .isEqualTo(helm.values("web", 0, true).toYaml());
  }

  private static String withoutHeader(String printed) {
    return printed.startsWith("USER-SUPPLIED VALUES:\n") || printed.startsWith("COMPUTED VALUES:\n")
        ? printed.substring(printed.indexOf('\n') + 1) : printed;
  }

  @ParameterizedTest
  @ValueSource(strings = {"helm4-secret-driver", "helm4-configmap-driver"})
  @DisplayName("history tells the story helm history told: four revisions of web, the last deployed by 'Rollback to 1'")
  void history(String folder) throws IOException {
    List<Release> h = clientWith(folder).history("web");

    assertThat(h).extracting(Release::version).containsExactly(1, 2, 3, 4);
    assertThat(h.get(3).info().description()).isEqualTo("Rollback to 1");
    assertThat(h.get(3).info().status()).isEqualTo(ReleaseStatus.DEPLOYED);
    assertThat(h.get(2).info().status()).isEqualTo(ReleaseStatus.FAILED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"helm4-secret-driver"})
  @DisplayName("list shows the latest revision of each release, every state by default (Helm 4), filters by state")
  void list(String folder) throws IOException {
    ReleaseClient helm = clientWith(folder);

    assertThat(helm.list(l -> { })).extracting(r -> r.name() + "/" + r.version() + "/"
        + r.info().status().wireName()).containsExactly("gone/1/uninstalled", "web/4/deployed");
    assertThat(helm.list(l -> l.states(ReleaseStatus.DEPLOYED))).extracting(Release::name)
        .containsExactly("web");
    assertThat(helm.list(l -> l.filter("^we"))).extracting(Release::name).containsExactly("web");
    assertThat(helm.list(l -> l.reverse())).extracting(Release::name).containsExactly("web", "gone");
    assertThat(helm.list(l -> l.states(ReleaseStatus.SUPERSEDED))).extracting(Release::version)
        .containsExactlyInAnyOrder(1, 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"helm4-secret-driver", "helm4-configmap-driver"})
  @DisplayName("the history table is what helm history printed, byte for byte")
  void historyTable(String folder) throws IOException {
    ReleaseClient helm = clientWith(folder);

    assertThat(HistoryTable.format(helm.history("web"), HistoryTable.DEFAULT_MAX,
        java.time.ZoneOffset.UTC)).isEqualTo(text(folder, "history-web.txt"));
    assertThat(HistoryTable.format(helm.history("gone"), HistoryTable.DEFAULT_MAX,
        java.time.ZoneOffset.UTC)).isEqualTo(text(folder, "history-gone.txt"));
    // --max 2 keeps the newest two, still printed oldest first
    assertThat(HistoryTable.format(helm.history("web"), 2, java.time.ZoneOffset.UTC).lines()
        .skip(1).map(l -> l.substring(0, 1)).toList()).containsExactly("3", "4");
  }
}
