package dev.capstan.samples.cli;

import dev.capstan.chart.Chart;
import dev.capstan.repo.ChartReference;
import dev.capstan.repo.ChartRepositories;
import dev.capstan.repo.ChartSearch;
import dev.capstan.repo.RepositoriesFile;
import dev.capstan.repo.RepositoryEntry;
import dev.capstan.repo.SearchResults;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code repo add/list/update/remove}, {@code search repo} and charts named {@code REPO/CHART},
 * on Capstan's repository library, with Helm's files: {@code repositories.yaml} and the index
 * cache where Helm's helmpath puts them.
 */
final class RepoCommands {
  private final Environment env;
  private final Clock clock;

  RepoCommands(Environment env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  /** {@code HELM_REPOSITORY_CONFIG}, else {@code <config home>/helm/repositories.yaml}. */
  Path repositoryConfig() {
    return env.get("HELM_REPOSITORY_CONFIG").map(env::resolve)
        .orElseGet(() -> home("HELM_CONFIG_HOME", "XDG_CONFIG_HOME", ".config")
            .resolve("repositories.yaml"));
  }

  /** {@code HELM_REPOSITORY_CACHE}, else {@code <cache home>/helm/repository}. */
  Path repositoryCache() {
    return env.get("HELM_REPOSITORY_CACHE").map(env::resolve)
        .orElseGet(() -> home("HELM_CACHE_HOME", "XDG_CACHE_HOME", ".cache")
            .resolve("repository"));
  }

  private Path home(String helmVar, String xdgVar, String underHome) {
    return env.get(helmVar).map(env::resolve)
        .or(() -> env.get(xdgVar).map(x -> env.resolve(x).resolve("helm")))
        .orElseGet(() -> Path.of(env.get("HOME").orElseThrow(
            () -> new CliException("HOME is not set: set HELM_REPOSITORY_CONFIG and"
                + " HELM_REPOSITORY_CACHE")), underHome, "helm"));
  }

  private RepositoriesFile file() {
    return RepositoriesFile.read(repositoryConfig());
  }

  private ChartRepositories repositories() {
    return ChartRepositories.of(file(), repositoryCache(), clock);
  }

  /** A chart named {@code REPO/CHART} in a configured repository, if {@code ref} is one. */
  Optional<Chart> chart(String ref, String version) {
    int slash = ref.indexOf('/');
    if (slash <= 0 || file().get(ref.substring(0, slash)).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(repositories().fetch(ChartReference.parse(ref, version)).chart());
  }

  List<String> add(String name, String url, boolean forceUpdate) {
    RepositoriesFile f = file();
    RepositoryEntry entry = RepositoryEntry.of(name, url);
    Optional<RepositoryEntry> existing = f.get(name);
    if (existing.isPresent() && !forceUpdate) {
      if (existing.get().equals(entry)) {
        return List.of("\"" + name + "\" already exists with the same configuration, skipping");
      }
      throw new CliException("repository name (" + name + ") already exists, please specify a"
          + " different name");
    }
    RepositoriesFile updated = f.with(entry);
    // Helm checks the repository by downloading its index before recording it
    ChartRepositories.of(updated, repositoryCache(), clock).repository(name).update();
    updated.write(repositoryConfig());
    return List.of("\"" + name + "\" has been added to your repositories");
  }

  List<String> update(List<String> names) {
    ChartRepositories repos = repositories();
    if (repos.file().repositories().isEmpty()) {
      throw new CliException("no repositories found. You must add one before updating");
    }
    List<String> lines = new ArrayList<>();
    lines.add("Hang tight while we grab the latest from your chart repositories...");
    for (RepositoryEntry e : repos.file().repositories()) {
      if (!names.isEmpty() && !names.contains(e.name())) {
        continue;
      }
      repos.repository(e.name()).update();
      lines.add("...Successfully got an update from the \"" + e.name() + "\" chart repository");
    }
    for (String n : names) {
      if (repos.file().get(n).isEmpty()) {
        throw new CliException("no repositories found matching '" + n + "'.  Nothing will be"
            + " updated");
      }
    }
    lines.add("Update Complete. ⎈Happy Helming!⎈");
    return lines;
  }

  String list() {
    List<RepositoryEntry> entries = file().repositories();
    if (entries.isEmpty()) {
      throw new CliException("no repositories to show");
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("NAME", "URL"));
    entries.forEach(e -> rows.add(List.of(e.name(), e.url())));
    return Printers.table(rows);
  }

  List<String> remove(List<String> names) {
    RepositoriesFile f = file();
    List<String> lines = new ArrayList<>();
    for (String n : names) {
      if (f.get(n).isEmpty()) {
        throw new CliException("no repo named \"" + n + "\" found");
      }
      f = f.without(n);
      lines.add("\"" + n + "\" has been removed from your repositories");
    }
    f.write(repositoryConfig());
    return lines;
  }

  SearchResults search(List<String> keywords, boolean versions, String version, boolean devel,
      boolean regexp) {
    ChartSearch s = keywords.isEmpty() ? ChartSearch.all()
        : ChartSearch.keyword(String.join(" ", keywords));
    if (regexp) {
      s = s.regexp();
    }
    if (versions) {
      s = s.allVersions();
    }
    if (!version.isEmpty()) {
      s = s.version(version);
    }
    if (devel) {
      s = s.devel();
    }
    return repositories().search(s);
  }
}
