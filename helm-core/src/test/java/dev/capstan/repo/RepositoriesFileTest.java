package dev.capstan.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Helm's {@code repositories.yaml}, read and written in Helm's own format. */
class RepositoriesFileTest {
  /** What real Helm 4.1.4 wrote after {@code helm repo add} of two repositories. */
  private static final String HELM_WRITTEN = """
      apiVersion: ""
      generated: "0001-01-01T00:00:00Z"
      repositories:
      - caFile: ""
        certFile: ""
        insecure_skip_tls_verify: false
        keyFile: ""
        name: fixtures
        pass_credentials_all: false
        password: p
        url: http://127.0.0.1:18377
        username: u
      - caFile: ""
        certFile: ""
        insecure_skip_tls_verify: false
        keyFile: ""
        name: second
        pass_credentials_all: false
        password: ""
        url: http://127.0.0.1:18377/
        username: ""
      """;

  @TempDir
  Path dir;

  @Test
  @DisplayName("a file Helm wrote reads into entries and writes back byte for byte")
  void roundTripsHelmsFile() throws IOException {
    // Given the file real Helm wrote
    Path file = Files.writeString(dir.resolve("repositories.yaml"), HELM_WRITTEN);

    // When it is read and written again
    RepositoriesFile read = RepositoriesFile.read(file);
    Path out = dir.resolve("sub/repositories.yaml");
    read.write(out);

    // Then the entries are Helm's and the text is unchanged
    assertThat(read.repositories()).extracting(RepositoryEntry::name)
        .containsExactly("fixtures", "second");
    assertThat(read.get("fixtures")).get().satisfies(e -> {
      assertThat(e.username()).isEqualTo("u");
      assertThat(e.password()).isEqualTo("p");
      assertThat(e.url()).isEqualTo("http://127.0.0.1:18377");
      assertThat(e.toString()).doesNotContain("p]").contains("<redacted>");
    });
    assertThat(read.generated()).isEqualTo(RepositoriesFile.ZERO_TIME);
    assertThat(out).hasContent(HELM_WRITTEN.stripTrailing());
    assertThat(Files.readString(out)).isEqualTo(HELM_WRITTEN);
  }

  @Test
  @DisplayName("adding replaces an entry of the same name in place; removing drops it; a new file is Helm's empty one")
  void addAndRemove() {
    RepositoriesFile f = RepositoriesFile.read(dir.resolve("missing.yaml"))
        .with(RepositoryEntry.of("a", "https://a.example"))
        .with(RepositoryEntry.of("b", "https://b.example"))
        .with(RepositoryEntry.of("a", "https://a2.example").withCaFile("/ca.pem"));
    assertThat(f.repositories()).extracting(RepositoryEntry::url)
        .containsExactly("https://a2.example", "https://b.example");
    assertThat(f.get("a").get().caFile()).isEqualTo("/ca.pem");
    assertThat(f.without("a").repositories()).extracting(RepositoryEntry::name)
        .containsExactly("b");
    assertThat(f.without("zzz").repositories()).hasSize(2);
    assertThat(RepositoriesFile.empty().toYaml())
        .isEqualTo("apiVersion: \"\"\ngenerated: \"0001-01-01T00:00:00Z\"\nrepositories: []\n");
  }

  @Test
  @DisplayName("generated keeps its nanoseconds as Go's RFC3339Nano writes them")
  void generatedNanos() {
    RepositoriesFile f = RepositoriesFile.parse(
        "apiVersion: v1\ngenerated: \"2026-11-23T20:31:57.0277Z\"\nrepositories: []\n", "r.yaml");
    assertThat(f.generated()).isEqualTo(Instant.parse("2026-11-23T20:31:57.0277Z"));
    assertThat(f.toYaml()).contains("generated: \"2026-11-23T20:31:57.0277Z\"");
  }

  @Test
  @DisplayName("malformed files fail naming the file, the line or the entry")
  void malformed() {
    assertThatThrownBy(() -> RepositoriesFile.parse("repositories:\n- name: x\n", "r.yaml"))
        .isInstanceOf(RepositoryException.class)
        .hasMessage("r.yaml: repositories[0] needs a name and a url");
    assertThatThrownBy(() -> RepositoriesFile.parse("repositories: [\n", "r.yaml"))
        .hasMessageStartingWith("r.yaml:");
    assertThatThrownBy(() -> RepositoriesFile.parse("repositories: 3\n", "r.yaml"))
        .hasMessage("r.yaml: repositories is not a list");
  }
}
