package dev.capstan.semver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.internal.yaml.Yaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Ordering version strings as Helm orders repository index entries (§8.1). */
class VersionsTest {
  private static final Path FIXTURES = Path.of("../../shared/fixtures");

  @Test
  @DisplayName("§8.1 versions sort highest first by SemVer precedence, pre-releases below their release")
  void sortsDescendingByPrecedence() {
    // When
    List<String> sorted = Versions.sortDescending(List.of(
        "1.0.0", "1.10.0", "1.2.0", "v2.0.0", "2.0.0-rc.1", "2.0.0-rc.10", "2.0.0-rc.2", "0.9",
        "2.0.0-beta"));

    // Then
    assertThat(sorted).containsExactly(
        "v2.0.0", "2.0.0-rc.10", "2.0.0-rc.2", "2.0.0-rc.1", "2.0.0-beta", "1.10.0", "1.2.0",
        "1.0.0", "0.9");
  }

  @Test
  @DisplayName("§8.1 text that is not a version sorts after every version, keeping its input order")
  void unparseableLast() {
    // When
    List<String> sorted = Versions.sortDescending(List.of(
        "latest", "1.0.0", "zzz", "2.0.0", "1.2.beta", "0.1.0"));

    // Then
    assertThat(sorted).containsExactly("2.0.0", "1.0.0", "0.1.0", "latest", "zzz", "1.2.beta");
  }

  @Test
  @DisplayName("versions of equal precedence (build metadata, v prefix) keep their input order")
  void tiesAreStable() {
    assertThat(Versions.sortDescending(List.of("1.0.0+b", "v1.0.0", "1.0.0+a", "1.0")))
        .containsExactly("1.0.0+b", "v1.0.0", "1.0.0+a", "1.0");
    assertThat(Versions.descending().compare("1.0.0+b", "1.0.0+a")).isZero();
  }

  @Test
  @DisplayName("the comparator orders versions before other text, and higher versions first")
  void comparator() {
    assertThat(Versions.descending().compare("2.0.0", "1.0.0")).isNegative();
    assertThat(Versions.descending().compare("1.0.0", "2.0.0")).isPositive();
    assertThat(Versions.descending().compare("0.0.1", "nightly")).isNegative();
    assertThat(Versions.descending().compare("nightly", "0.0.1")).isPositive();
    assertThat(Versions.descending().compare("nightly", "weekly")).isZero();
  }

  @Test
  @DisplayName("§8.1 items sort by their version, e.g. index entries; the result is a new unmodifiable list")
  void sortsItemsByVersion() {
    // Given
    record Entry(String name, String version) {
    }

    List<Entry> entries = new ArrayList<>(List.of(
        new Entry("a", "0.1.0"), new Entry("b", "bad"), new Entry("c", "0.2.0")));

    // When
    List<Entry> sorted = Versions.sortDescending(entries, Entry::version);

    // Then
    assertThat(sorted).extracting(Entry::name).containsExactly("c", "a", "b");
    assertThat(entries).extracting(Entry::name).containsExactly("a", "b", "c");
    assertThat(sorted).isUnmodifiable();
  }

  @Test
  @DisplayName("§8.1 the fixture repository index, sorted, gives helm search --versions' order")
  void fixtureIndexOrderMatchesHelmSearch() throws IOException {
    // Given: the versions of mychart in index.yaml made by helm repo index (Helm 4.1.4)
    Path index = FIXTURES.resolve("packaging/repo/index.yaml");
    Map<?, ?> root = (Map<?, ?>) Yaml.load(Files.readString(index, StandardCharsets.UTF_8),
        index.toString());
    List<?> entries = (List<?>) ((Map<?, ?>) root.get("entries")).get("mychart");
    List<String> versions = new ArrayList<>();
    for (Object entry : entries) {
      versions.add(String.valueOf(((Map<?, ?>) entry).get("version")));
    }
    List<String> reversed = new ArrayList<>(versions);
    Collections.reverse(reversed);

    // When
    List<String> sorted = Versions.sortDescending(reversed);

    // Then: the CHART VERSION column of helm search repo mychart --versions
    List<String> searched = Files.readAllLines(
            FIXTURES.resolve("packaging/search-repo-mychart--versions.txt")).stream()
        .skip(1)
        .map(line -> line.split("\t")[1].trim())
        .toList();
    assertThat(searched).containsExactly("0.2.0", "0.1.0");
    assertThat(sorted).containsExactlyElementsOf(searched);
  }
}
