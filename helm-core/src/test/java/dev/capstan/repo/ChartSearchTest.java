package dev.capstan.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code helm search repo} (§8.2): matching, ordering, constraints and the printed output. */
class ChartSearchTest {
  static final Path PACKAGING = Path.of("../../shared/fixtures/packaging");

  private static final Map<String, RepositoryIndex> FIXTURES =
      Map.of("fixtures", RepositoryIndex.read(FakeRepositoryServer.REPO.resolve("index.yaml")));

  static String fixture(String name) throws IOException {
    return Files.readString(PACKAGING.resolve(name), StandardCharsets.UTF_8);
  }

  private static RepositoryIndex index(String text) {
    return RepositoryIndex.parse(text.getBytes(StandardCharsets.UTF_8), "index.yaml");
  }

  @Test
  @DisplayName("`helm search repo mychart` prints real Helm's table byte for byte")
  void latestOnlyTable() throws IOException {
    assertThat(ChartSearch.keyword("mychart").search(FIXTURES).table())
        .isEqualTo(fixture("search-repo-mychart.txt"));
  }

  @Test
  @DisplayName("`helm search repo mychart --versions` prints every version, highest first")
  void allVersionsTable() throws IOException {
    assertThat(ChartSearch.keyword("mychart").allVersions().search(FIXTURES).table())
        .isEqualTo(fixture("search-repo-mychart--versions.txt"));
  }

  @Test
  @DisplayName("`helm search repo fixtures/mychart --version 0.1.0 -o json` prints real Helm's JSON")
  void versionConstraintJson() throws IOException {
    assertThat(ChartSearch.keyword("fixtures/mychart").version("0.1.0").search(FIXTURES).json())
        .isEqualTo(fixture("search-repo-mychart--version-0.1.0-o-json.txt"));
  }

  @Test
  @DisplayName("no match prints `No results found`; JSON prints an empty list")
  void noResults() {
    SearchResults none = ChartSearch.keyword("postgres").search(FIXTURES);
    assertThat(none.isEmpty()).isTrue();
    assertThat(none.table()).isEqualTo("No results found\n");
    assertThat(none.json()).isEqualTo("[]\n");
    assertThat(ChartSearch.keyword("mychart").version("^9").search(FIXTURES).isEmpty()).isTrue();
  }

  @Test
  @DisplayName("results sort by where the keyword matched, then by name; pre-releases only with --devel")
  void scoreNameAndDevel() {
    // Given charts where "db" is in the name of one, the description of another, a keyword of a third
    RepositoryIndex idx = index("""
        apiVersion: v1
        entries:
          zdb:
          - {name: zdb, version: 1.0.0, description: store}
          - {name: zdb, version: 2.0.0-rc.1, description: store}
          alpha:
          - {name: alpha, version: 1.0.0, description: a DB front end}
          beta:
          - {name: beta, version: 1.0.0, description: other, keywords: [db, sql]}
          gamma:
          - {name: gamma, version: 1.0.0, description: nothing}
        """);
    Map<String, RepositoryIndex> repos = Map.of("r", idx);

    // When searching for "db"
    SearchResults results = ChartSearch.keyword("DB").search(repos);

    // Then the name match comes first, then the description, then the keyword; gamma is out
    assertThat(results.results()).extracting(SearchResult::name)
        .containsExactly("r/zdb", "r/alpha", "r/beta");
    assertThat(results.results()).extracting(SearchResult::score).containsExactly(0, 2, 3);
    assertThat(results.results().get(0).chart().version()).isEqualTo("1.0.0");
    assertThat(ChartSearch.keyword("zdb").devel().search(repos).results().get(0).chart()
        .version()).isEqualTo("2.0.0-rc.1");
    assertThat(ChartSearch.all().search(repos).results()).extracting(SearchResult::name)
        .containsExactly("r/alpha", "r/beta", "r/gamma", "r/zdb");
  }

  @Test
  @DisplayName("cells wider than --max-col-width are cut with ...; an empty app version prints empty")
  void truncatesLongCells() {
    RepositoryIndex idx = index("""
        apiVersion: v1
        entries:
          c:
          - {name: c, version: 1.0.0, description: "%s"}
        """.formatted("d".repeat(60)));
    String table = ChartSearch.all().search(Map.of("r", idx)).table();
    assertThat(table).isEqualTo("NAME\tCHART VERSION\tAPP VERSION\tDESCRIPTION"
        + " ".repeat(50 - 11) + "\n"
        + "r/c \t1.0.0        \t           \t" + "d".repeat(47) + "...\n");
  }

  @Test
  @DisplayName("a regular expression is matched case-sensitively; a bad one or bad constraint fails")
  void regexpAndErrors() {
    assertThat(ChartSearch.keyword("^my.*t$").regexp().search(FIXTURES).isEmpty()).isTrue();
    assertThat(ChartSearch.keyword("my[a-z]+").regexp().search(FIXTURES).results())
        .extracting(SearchResult::name).containsExactly("fixtures/mychart");
    assertThatThrownBy(() -> ChartSearch.keyword("(").regexp().search(FIXTURES))
        .isInstanceOf(RepositoryException.class).hasMessageStartingWith("invalid regular expression");
    assertThatThrownBy(() -> ChartSearch.all().version(">= bar").search(FIXTURES))
        .hasMessageStartingWith("an invalid version/constraint format: ");
  }
}
