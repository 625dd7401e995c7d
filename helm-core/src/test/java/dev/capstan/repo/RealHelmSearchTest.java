package dev.capstan.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testing.RealHelm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code helm search repo} of the real Helm 4.1.4 CLI and Capstan over one served repository
 * whose index has scores in every field, pre-releases, long descriptions, an upper-case name and
 * an invalid entry. Skipped when real Helm cannot be fetched.
 */
class RealHelmSearchTest {
  private static final String INDEX = """
      apiVersion: v1
      entries:
        postgresql:
        - {name: postgresql, version: 14.0.0, appVersion: "16.1", description: "PostgreSQL (Postgres) is an open source object-relational database known for reliability"}
        - {name: postgresql, version: 13.4.1, appVersion: "16.0", description: "PostgreSQL database"}
        - {name: postgresql, version: 15.0.0-rc.1, appVersion: "17.0", description: "PostgreSQL database"}
        - {name: postgresql, version: "1.0", description: "old"}
        MyDB:
        - {name: MyDB, version: 0.3.0, description: "Upper-case chart"}
        redis:
        - {name: redis, version: 18.1.0, description: "In-memory data store", keywords: [cache, db, nosql]}
        - {name: redis, version: not-semver, description: "broken"}
        dbadmin:
        - {name: dbadmin, version: 2.0.0-beta.2, description: "admin UI"}
        - {name: dbadmin, version: 1.9.9, description: "admin UI <for> & databases"}
      """;

  @TempDir
  Path scratch;

  @Test
  @DisplayName("search output equals real Helm's for keywords, --versions, --version, --devel, -r, widths and formats")
  void sameAsRealHelm() throws Exception {
    RealHelm helm = RealHelm.fetch(scratch);
    try (FakeRepositoryServer server = new FakeRepositoryServer()) {
      server.serve("/rich/index.yaml", INDEX.getBytes(StandardCharsets.UTF_8));
      String url = server.url() + "/rich";
      helm.helm("repo", "add", "rich", url).requireSuccess();

      ChartRepositories repos = ChartRepositories.of(
          RepositoriesFile.empty().with(RepositoryEntry.of("rich", url)),
          scratch.resolve("capstan-cache"), Clock.systemUTC());
      repos.updateAll();

      List<String[]> cases = List.of(
          new String[] {"db"},
          new String[] {"DB", "--versions"},
          new String[] {"post", "--devel"},
          new String[] {"post", "-l", "--version", ">=1.0.0-0"},
          new String[] {"postgresql", "--version", "~13"},
          new String[] {"--max-col-width", "12"},
          new String[] {"--max-col-width", "0", "-l"},
          new String[] {"-l", "-o", "json"},
          new String[] {"data", "-o", "yaml"},
          new String[] {"-r", "d[a-z]+", "-l"},
          new String[] {"nothing-matches"},
          new String[] {"rich/"});
      List<String> helmOut = new ArrayList<>();
      List<String> ours = new ArrayList<>();
      for (String[] args : cases) {
        List<String> cmd = new ArrayList<>(List.of("search", "repo"));
        cmd.addAll(List.of(args));
        helmOut.add(String.join(" ", args) + "\n" + helm.helm(cmd.toArray(String[]::new))
            .requireSuccess().out());
        ours.add(String.join(" ", args) + "\n" + capstan(repos, args));
      }
      for (int i = 0; i < ours.size(); i++) {
        assertThat(ours.get(i)).isEqualTo(helmOut.get(i));
      }
    }
  }

  /** The CLI flags of these cases, mapped onto the library. */
  private static String capstan(ChartRepositories repos, String[] args) {
    ChartSearch search = ChartSearch.all();
    String keyword = "";
    boolean regexp = false;
    int width = SearchResults.DEFAULT_MAX_COL_WIDTH;
    String format = "table";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--versions", "-l" -> search = search.allVersions();
        case "--devel" -> search = search.devel();
        case "--version" -> search = search.version(args[++i]);
        case "--max-col-width" -> width = Integer.parseInt(args[++i]);
        case "-o" -> format = args[++i];
        case "-r" -> regexp = true;
        default -> keyword = args[i];
      }
    }
    ChartSearch s = search.withKeyword(keyword);
    if (regexp) {
      s = s.regexp();
    }
    SearchResults r = repos.search(s);
    return switch (format) {
      case "json" -> r.json();
      case "yaml" -> r.yaml();
      default -> r.table(width);
    };
  }
}
