package dev.capstan.repo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named repositories of a {@code repositories.yaml} with their shared cache directory: what
 * {@code helm repo update}, {@code helm search repo} and {@code helm install REPO/CHART} use.
 * Paths are passed in; nothing is read from the environment.
 *
 * <pre>{@code
 * ChartRepositories repos = ChartRepositories.of(RepositoriesFile.read(reposYaml), cacheDir, clock);
 * repos.updateAll();
 * Chart chart = repos.fetch(ChartReference.of("myrepo", "mychart", "^0.1")).chart();
 * }</pre>
 */
public final class ChartRepositories {
  private final RepositoriesFile file;
  private final Path cacheDirectory;
  private final Clock clock;
  private final Duration requestTimeout;
  private final Map<String, ChartRepository> built = new ConcurrentHashMap<>();

  private ChartRepositories(RepositoriesFile file, Path cacheDirectory, Clock clock,
      Duration requestTimeout) {
    this.file = file;
    this.cacheDirectory = cacheDirectory;
    this.clock = clock;
    this.requestTimeout = requestTimeout;
  }

  /** The repositories of a file, caching in {@code cacheDirectory} (Helm's layout). */
  public static ChartRepositories of(RepositoriesFile file, Path cacheDirectory, Clock clock) {
    return new ChartRepositories(Objects.requireNonNull(file, "file"),
        Objects.requireNonNull(cacheDirectory, "cacheDirectory"),
        Objects.requireNonNull(clock, "clock"), Duration.ofSeconds(120));
  }

  /** A copy whose requests time out after {@code timeout} (Helm's {@code --timeout}). */
  public ChartRepositories withRequestTimeout(Duration timeout) {
    return new ChartRepositories(file, cacheDirectory, clock,
        Objects.requireNonNull(timeout, "timeout"));
  }

  /** The file the repositories come from. */
  public RepositoriesFile file() {
    return file;
  }

  /**
   * The repository of a name.
   *
   * @throws RepositoryException {@code repo NAME not found} when the file has none of that name
   */
  public ChartRepository repository(String name) {
    RepositoryEntry entry = file.get(name).orElseThrow(
        () -> new RepositoryException("repo " + name + " not found"));
    return built.computeIfAbsent(name, n -> ChartRepository.builder(entry)
        .cacheDirectory(cacheDirectory).clock(clock).requestTimeout(requestTimeout).build());
  }

  /** Downloads every repository's index, in file order; the first failure is thrown. */
  public Map<String, IndexUpdate> updateAll() {
    Map<String, IndexUpdate> out = new LinkedHashMap<>();
    for (RepositoryEntry e : file.repositories()) {
      out.put(e.name(), repository(e.name()).update());
    }
    return out;
  }

  /** Resolves, downloads, verifies and loads a chart from the repository it names. */
  public FetchedChart fetch(ChartReference reference) {
    return repository(reference.repository()).fetch(reference);
  }

  /**
   * Runs a search over the cached indexes, as {@code helm search repo} does (no network access);
   * repositories without a cached index are left out.
   */
  public SearchResults search(ChartSearch search) {
    Map<String, RepositoryIndex> indexes = new LinkedHashMap<>();
    for (RepositoryEntry e : file.repositories()) {
      Optional<RepositoryIndex> idx = repository(e.name()).cachedIndex();
      idx.ifPresent(i -> indexes.put(e.name(), i));
    }
    return search.search(indexes);
  }
}
