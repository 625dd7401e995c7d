package dev.capstan.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing {@code index.yaml} as Helm's {@code LoadIndexFile} does (§8.1). */
class RepositoryIndexTest {
  private static final Path INDEX = FakeRepositoryServer.REPO.resolve("index.yaml");

  private static RepositoryIndex parse(String text) {
    return RepositoryIndex.parse(text.getBytes(StandardCharsets.UTF_8), "index.yaml");
  }

  @Test
  @DisplayName("real Helm's index: entries, metadata, URLs, digests and times")
  void readsRealHelmIndex() {
    // Given the index `helm repo index` wrote for the fixture repository
    // When it is read
    RepositoryIndex index = RepositoryIndex.read(INDEX);

    // Then both versions are there, highest first, with their digests
    assertThat(index.apiVersion()).isEqualTo("v1");
    assertThat(index.generated()).contains(Instant.parse("2026-11-23T20:31:57.027701058Z"));
    assertThat(index.entries()).containsOnlyKeys("mychart");
    assertThat(index.versions("mychart")).extracting(ChartVersion::version)
        .containsExactly("0.2.0", "0.1.0");
    ChartVersion latest = index.versions("mychart").get(0);
    assertThat(latest.digest())
        .isEqualTo("f081d2cc96ee19f352166546b25ef000f708cade993aa3accfcdfea7e22c47ca");
    assertThat(latest.urls()).containsExactly("http://charts.example.test/mychart-0.2.0.tgz");
    assertThat(latest.appVersion()).isEqualTo("1.16.0");
    assertThat(latest.metadata().apiVersion()).isEqualTo("v2");
    assertThat(latest.created()).isEqualTo(Instant.parse("2026-11-23T20:31:57.028944265Z"));
    assertThat(index.skipped()).isEmpty();
  }

  @Test
  @DisplayName("versions are sorted by semantic version, highest first, unparseable ones last")
  void sortsBySemverDescending() {
    RepositoryIndex index = parse("""
        apiVersion: v1
        entries:
          a:
          - {name: a, version: 1.2.0}
          - {name: a, version: 1.10.0}
          - {name: a, version: 1.10.0-rc.1}
          - {name: a, version: 0.9.0}
          - {name: a, version: 2.0.0-alpha}
        """);
    assertThat(index.versions("a")).extracting(ChartVersion::version)
        .containsExactly("2.0.0-alpha", "1.10.0", "1.10.0-rc.1", "1.2.0", "0.9.0");
  }

  @Test
  @DisplayName("null and invalid entries are skipped and reported with the reason; apiVersion defaults to v1")
  void skipsAndReportsInvalidEntries() {
    // Given an index with a null entry, one without a version and one with a bad name
    RepositoryIndex index = parse("""
        apiVersion: v1
        entries:
          good:
          - name: good
            version: 1.0.0
          - null
          - name: good
          - name: "bad/name"
            version: 1.0.1
        """);

    // Then only the valid entry is kept, and each other one is reported
    assertThat(index.versions("good")).hasSize(1);
    assertThat(index.versions("good").get(0).metadata().apiVersion()).isEqualTo("v1");
    assertThat(index.skipped()).extracting(SkippedEntry::position).containsExactly(1, 2, 3);
    assertThat(index.skipped().get(0).reason()).isEqualTo("empty entry");
    assertThat(index.skipped().get(1).reason()).contains("chart.metadata.version is required");
    assertThat(index.skipped().get(2).reason()).contains("bad/name");
    assertThat(index.skipped().get(2).toString()).startsWith("entries.good[3] (version 1.0.1): ");
  }

  @Test
  @DisplayName("the JSON form of an index is read as JSON")
  void readsJson() {
    RepositoryIndex index = parse("""
        {"apiVersion":"v1","entries":{"x":[{"name":"x","version":"0.1.0","urls":["x-0.1.0.tgz"],
        "digest":"abc","description":"JSON <ok>"}]}}
        """);
    assertThat(index.versions("x").get(0).description()).isEqualTo("JSON <ok>");
    assertThat(index.versions("x").get(0).urls()).containsExactly("x-0.1.0.tgz");
  }

  @Test
  @DisplayName("an empty file, a missing apiVersion and malformed YAML fail with Helm's texts and the line")
  void malformedIndexes() {
    assertThatThrownBy(() -> parse("")).isInstanceOf(RepositoryException.class)
        .hasMessage("index.yaml: empty index.yaml file");
    assertThatThrownBy(() -> parse("entries: {}\n"))
        .hasMessage("index.yaml: no API version specified");
    assertThatThrownBy(() -> parse("apiVersion: v1\nentries:\n  a: [\n  - b: }\n"))
        .isInstanceOf(RepositoryException.class)
        .hasMessageStartingWith("malformed repository index: index.yaml:4:");
    assertThatThrownBy(() -> parse("apiVersion: v1\nentries: [1]\n"))
        .hasMessage("index.yaml: malformed repository index: entries is not a map");
  }

  @Test
  @DisplayName("an index over the size limit is refused with its size and the limit")
  void oversizedIndex() {
    byte[] bytes = "apiVersion: v1\nentries: {}\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> RepositoryIndex.parse(bytes, "big/index.yaml", 10))
        .isInstanceOf(RepositoryException.class)
        .hasMessage("big/index.yaml: the repository index is 27 bytes, more than the limit of 10"
            + " bytes");
  }

  @ParameterizedTest(name = "\"{0}\" resolves to {1}")
  @DisplayName("§8.2 IndexFile.Get: exact string first, else the highest version satisfying the constraint")
  @CsvSource(delimiter = ';', nullValues = "NONE", textBlock = """
      '' ; 1.10.0
      '*' ; 1.10.0
      '^1.2' ; 1.10.0
      '~1.2' ; 1.2.0
      '1.3' ; 1.3
      '1.3.0' ; 1.3
      '1.2.0' ; 1.2.0
      '<1.2.0' ; 0.9.0
      '2.0.0-beta.1' ; 2.0.0-beta.1
      '>=2.0.0-0' ; 2.0.0-beta.1
      '>1.0 <1.5 || >=1.9' ; 1.10.0
      """)
  void resolves(String constraint, String expected) {
    RepositoryIndex index = parse("""
        apiVersion: v1
        entries:
          a:
          - {name: a, version: 0.9.0}
          - {name: a, version: "1.3"}
          - {name: a, version: 1.2.0}
          - {name: a, version: 1.10.0}
          - {name: a, version: 2.0.0-beta.1}
        """);
    assertThat(index.resolve("a", constraint).version()).isEqualTo(expected);
  }

  @Test
  @DisplayName("an unknown chart, an unsatisfiable constraint and a bad constraint fail clearly")
  void resolveFailures() {
    RepositoryIndex index = RepositoryIndex.read(INDEX);
    assertThatThrownBy(() -> index.resolve("nope", ""))
        .hasMessage("no chart name found: \"nope\"");
    assertThatThrownBy(() -> index.resolve("mychart", "^1"))
        .hasMessage("no chart version found for mychart-^1");
    assertThatThrownBy(() -> index.resolve("mychart", ">= bar"))
        .hasMessageStartingWith("invalid version or constraint \">= bar\" for chart mychart: ");
  }
}
