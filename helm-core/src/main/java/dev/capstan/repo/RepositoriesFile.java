package dev.capstan.repo;

import dev.capstan.internal.yaml.Yaml;
import dev.capstan.internal.yaml.YamlException;
import dev.capstan.internal.yaml.YamlWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Helm's {@code repositories.yaml}: the named repositories that {@code helm repo add} records.
 * Read and written in Helm's format (keys sorted, {@code generated} in RFC 3339 with
 * nanoseconds), so Helm and Capstan share one file. The library never guesses where the file is:
 * the caller passes its path (Helm's default is {@code ~/.config/helm/repositories.yaml}).
 *
 * <p>Immutable: {@link #with(RepositoryEntry)} and {@link #without(String)} return new values.
 */
public final class RepositoriesFile {
  private final String apiVersion;
  private final List<RepositoryEntry> repositories;

  private RepositoriesFile(String apiVersion, List<RepositoryEntry> repositories) {
    this.apiVersion = apiVersion;
    this.repositories = List.copyOf(repositories);
  }

  /** A file with no repositories. */
  public static RepositoriesFile empty() {
    return new RepositoriesFile("", List.of());
  }

  /**
   * Reads a {@code repositories.yaml}; a missing file reads as {@link #empty()}.
   *
   * @throws RepositoryException naming the file, and the line for malformed YAML
   */
  public static RepositoriesFile read(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.exists(file)) {
      return empty();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RepositoryException(file + ": cannot be read: " + e, e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses {@code repositories.yaml} text.
   *
   * @param source the file name used in messages
   * @throws RepositoryException for malformed YAML (with line) or entries without name or URL
   */
  public static RepositoriesFile parse(String text, String source) {
    Object doc;
    try {
      doc = Yaml.load(text, source);
    } catch (YamlException e) {
      throw new RepositoryException(e.getMessage(), e);
    }
    if (doc == null) {
      return empty();
    }
    if (!(doc instanceof Map<?, ?> top)) {
      throw new RepositoryException(source + ": the top level is not a map");
    }
    Object api = top.get("apiVersion");
    List<RepositoryEntry> entries = new ArrayList<>();
    Object repos = top.get("repositories");
    if (repos != null && !(repos instanceof List<?>)) {
      throw new RepositoryException(source + ": repositories is not a list");
    }
    if (repos instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof Map<?, ?> m)) {
          throw new RepositoryException(source + ": repositories[" + i + "] is not a map");
        }
        String name = str(m, "name");
        String url = str(m, "url");
        if (name.isEmpty() || url.isEmpty()) {
          throw new RepositoryException(source + ": repositories[" + i + "] needs a name and a url");
        }
        entries.add(new RepositoryEntry(name, url, str(m, "username"), str(m, "password"),
            str(m, "certFile"), str(m, "keyFile"), str(m, "caFile"),
            Boolean.TRUE.equals(m.get("insecure_skip_tls_verify")),
            Boolean.TRUE.equals(m.get("pass_credentials_all"))));
      }
    }
    return new RepositoriesFile(api == null ? "" : String.valueOf(api), entries);
  }

  private static String str(Map<?, ?> m, String key) {
    Object v = m.get(key);
    return v == null ? "" : String.valueOf(v);
  }

  /** The repositories, in file order. */
  public List<RepositoryEntry> repositories() {
    return repositories;
  }

  /** The repository of a name. */
  public Optional<RepositoryEntry> get(String name) {
    return repositories.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** A copy with {@code entry} added, or replacing the entry of the same name in place. */
  public RepositoriesFile with(RepositoryEntry entry) {
    Objects.requireNonNull(entry, "entry");
    List<RepositoryEntry> out = new ArrayList<>(repositories);
    boolean replaced = false;
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).name().equals(entry.name())) {
        out.set(i, entry);
        replaced = true;
      }
    }
    if (!replaced) {
      out.add(entry);
    }
    return new RepositoriesFile(apiVersion, out);
  }

  /** A copy without the repository of a name (unchanged when there is none). */
  public RepositoriesFile without(String name) {
    List<RepositoryEntry> out = new ArrayList<>(repositories);
    out.removeIf(r -> r.name().equals(name));
    return new RepositoriesFile(apiVersion, out);
  }

  /** The file's text as Helm writes it, {@code generated} at the clock's instant. */
  public String toYaml(Clock clock) {
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("apiVersion", apiVersion);
    top.put("generated", rfc3339Nano(clock.instant()));
    List<Object> list = new ArrayList<>();
    for (RepositoryEntry e : repositories) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("caFile", e.caFile());
      m.put("certFile", e.certFile());
      m.put("insecure_skip_tls_verify", e.insecureSkipTlsVerify());
      m.put("keyFile", e.keyFile());
      m.put("name", e.name());
      m.put("pass_credentials_all", e.passCredentialsAll());
      m.put("password", e.password());
      m.put("url", e.url());
      m.put("username", e.username());
      list.add(m);
    }
    top.put("repositories", list);
    return YamlWriter.write(top);
  }

  /**
   * Writes the file (atomically, through a temporary file beside it; mode 0600 where POSIX
   * permissions exist, as Helm does), creating its directory when missing.
   *
   * @throws RepositoryException when it cannot be written
   */
  public void write(Path file, Clock clock) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(clock, "clock");
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".repositories", ".tmp");
      try {
        Files.writeString(tmp, toYaml(clock), StandardCharsets.UTF_8);
        try {
          Files.setPosixFilePermissions(tmp,
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // not a POSIX file system
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new RepositoryException(file + ": cannot be written: " + e, e);
    }
  }

  /** Go's {@code time.RFC3339Nano}: trailing zeros of the fraction dropped. */
  static String rfc3339Nano(Instant instant) {
    return new DateTimeFormatterBuilder()
        .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
        .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
        .appendLiteral('Z')
        .toFormatter()
        .format(instant.atOffset(ZoneOffset.UTC));
  }
}
