package dev.capstan.repo;

import dev.capstan.chart.ChartLoadException;
import dev.capstan.chart.ChartMetadata;
import dev.capstan.internal.json.GoJson;
import dev.capstan.internal.yaml.Yaml;
import dev.capstan.internal.yaml.YamlException;
import dev.capstan.semver.Constraint;
import dev.capstan.semver.InvalidConstraintException;
import dev.capstan.semver.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A chart repository's {@code index.yaml}, parsed as Helm's {@code LoadIndexFile} does (§8.1).
 *
 * <ul>
 *   <li>JSON is read as JSON when the bytes are valid JSON, otherwise as YAML; an empty file is
 *       {@code empty index.yaml file}, a missing {@code apiVersion} is
 *       {@code no API version specified}.
 *   <li>Null entries and entries whose metadata fails Helm's validation are skipped, and listed in
 *       {@link #skipped()} with the reason; an entry without {@code apiVersion} is {@code v1}.
 *   <li>Each chart's versions are sorted by semantic version, highest first; versions that do not
 *       parse sort last.
 * </ul>
 *
 * <p>Instances are immutable.
 */
public final class RepositoryIndex {
  /** The default limit on an index's size: 100 MiB (large public repositories are ~30 MiB). */
  public static final int DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

  private static final Comparator<ChartVersion> HIGHEST_FIRST = (a, b) -> {
    Optional<Version> va = Version.tryParse(a.version());
    Optional<Version> vb = Version.tryParse(b.version());
    if (va.isEmpty() || vb.isEmpty()) {
      return Boolean.compare(va.isEmpty(), vb.isEmpty());
    }
    return vb.get().compareTo(va.get());
  };

  private final String apiVersion;
  private final Instant generated;
  private final Map<String, List<ChartVersion>> entries;
  private final List<SkippedEntry> skipped;

  private RepositoryIndex(String apiVersion, Instant generated,
      Map<String, List<ChartVersion>> entries, List<SkippedEntry> skipped) {
    this.apiVersion = apiVersion;
    this.generated = generated;
    this.entries = entries;
    this.skipped = skipped;
  }

  /**
   * Reads an index file.
   *
   * @throws RepositoryException when the file cannot be read, is larger than
   *     {@link #DEFAULT_MAX_BYTES} or is malformed (with file and line)
   */
  public static RepositoryIndex read(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      long size = Files.size(file);
      if (size > DEFAULT_MAX_BYTES) {
        throw tooLarge(file.toString(), size, DEFAULT_MAX_BYTES);
      }
      return parse(Files.readAllBytes(file), file.toString(), DEFAULT_MAX_BYTES);
    } catch (IOException e) {
      throw new RepositoryException(file + ": cannot read the repository index: " + e, e);
    }
  }

  /** Parses index bytes with the default size limit; see {@link #parse(byte[], String, int)}. */
  public static RepositoryIndex parse(byte[] bytes, String source) {
    return parse(bytes, source, DEFAULT_MAX_BYTES);
  }

  /**
   * Parses index bytes (YAML, or JSON when the bytes are valid JSON).
   *
   * @param source the file name or URL used in messages
   * @param maxBytes the largest index accepted
   * @throws RepositoryException for an oversized, empty or malformed index (with its source and
   *     line) or a missing {@code apiVersion}
   */
  public static RepositoryIndex parse(byte[] bytes, String source, int maxBytes) {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(source, "source");
    if (bytes.length > maxBytes) {
      throw tooLarge(source, bytes.length, maxBytes);
    }
    if (bytes.length == 0) {
      throw new RepositoryException(source + ": empty index.yaml file");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    Object doc = null;
    boolean json = false;
    try {
      doc = GoJson.decodeWhole(text);
      json = true;
    } catch (RuntimeException notJson) {
      // not JSON: read as YAML below, as Helm's jsonOrYamlUnmarshal does
    }
    if (!json) {
      try {
        doc = Yaml.load(text, source, maxBytes);
      } catch (YamlException e) {
        throw new RepositoryException("malformed repository index: " + e.getMessage(), e);
      }
    }
    if (!(doc instanceof Map<?, ?> top)) {
      throw new RepositoryException(source + ": malformed repository index: the top level is "
          + (doc == null ? "empty" : "not a map"));
    }
    Object api = top.get("apiVersion");
    if (api == null || String.valueOf(api).isEmpty()) {
      throw new RepositoryException(source + ": no API version specified");
    }
    Instant generated = instant(top.get("generated"));
    Map<String, List<ChartVersion>> entries = new TreeMap<>();
    List<SkippedEntry> skipped = new ArrayList<>();
    Object rawEntries = top.get("entries");
    if (rawEntries != null && !(rawEntries instanceof Map<?, ?>)) {
      throw new RepositoryException(source + ": malformed repository index: entries is not a map");
    }
    if (rawEntries instanceof Map<?, ?> em) {
      for (Map.Entry<?, ?> e : em.entrySet()) {
        String chart = String.valueOf(e.getKey());
        List<ChartVersion> versions = new ArrayList<>();
        if (e.getValue() instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            try {
              versions.add(entry(item, source + ": entries." + chart + "[" + i + "]"));
            } catch (SkipException | ChartLoadException ex) {
              skipped.add(new SkippedEntry(chart, i, versionOf(item), ex.getMessage()));
            }
          }
        } else if (e.getValue() != null) {
          throw new RepositoryException(source + ": malformed repository index: entries." + chart
              + " is not a list");
        }
        versions.sort(HIGHEST_FIRST);
        entries.put(chart, List.copyOf(versions));
      }
    }
    return new RepositoryIndex(String.valueOf(api), generated,
        Collections.unmodifiableMap(entries), List.copyOf(skipped));
  }

  private static RepositoryException tooLarge(String source, long size, long max) {
    return new RepositoryException(source + ": the repository index is " + size
        + " bytes, more than the limit of " + max + " bytes");
  }

  private static final class SkipException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SkipException(String message) {
      super(message, null, false, false);
    }
  }

  private static String versionOf(Object item) {
    if (item instanceof Map<?, ?> m && m.get("version") != null) {
      return String.valueOf(m.get("version"));
    }
    return "";
  }

  private static ChartVersion entry(Object item, String where) {
    if (item == null) {
      throw new SkipException("empty entry");
    }
    if (!(item instanceof Map<?, ?> m)) {
      throw new SkipException("the entry is not a map");
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    m.forEach((k, v) -> fields.put(String.valueOf(k), v));
    Object api = fields.get("apiVersion");
    if (api == null || String.valueOf(api).isEmpty()) {
      fields.put("apiVersion", ChartMetadata.API_V1);
    }
    ChartMetadata metadata;
    try {
      metadata = ChartMetadata.fromMap(fields, where);
    } catch (ChartLoadException e) {
      String msg = e.getMessage();
      String prefix = where + ": ";
      throw new SkipException(msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg);
    }
    List<String> urls = new ArrayList<>();
    Object rawUrls = fields.get("urls");
    if (rawUrls instanceof List<?> ul) {
      for (Object u : ul) {
        if (u != null) {
          urls.add(String.valueOf(u));
        }
      }
    } else if (rawUrls != null) {
      throw new SkipException("urls is not a list");
    }
    Object digest = fields.get("digest");
    return new ChartVersion(metadata, urls, instant(fields.get("created")),
        Boolean.TRUE.equals(fields.get("removed")), digest == null ? null : String.valueOf(digest));
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(String.valueOf(value)).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The index's {@code apiVersion}. */
  public String apiVersion() {
    return apiVersion;
  }

  /** When the index was generated, if it says. */
  public Optional<Instant> generated() {
    return Optional.ofNullable(generated);
  }

  /** Every chart's versions, highest first, by chart name. */
  public Map<String, List<ChartVersion>> entries() {
    return entries;
  }

  /** The versions of one chart, highest first; empty when the index does not list it. */
  public List<ChartVersion> versions(String chart) {
    return entries.getOrDefault(chart, List.of());
  }

  /** The entries that were skipped, with the reasons. */
  public List<SkippedEntry> skipped() {
    return skipped;
  }

  /**
   * Resolves a chart version as Helm's {@code IndexFile.Get} does (§8.2): an exact string match
   * of the version first, otherwise the highest version satisfying the constraint ({@code ""}
   * means {@code *}, the latest stable version).
   *
   * @throws RepositoryException {@code no chart name found}, {@code no chart version found for
   *     NAME-VERSION} or an invalid constraint
   */
  public ChartVersion resolve(String chart, String version) {
    Objects.requireNonNull(chart, "chart");
    String v = version == null ? "" : version;
    List<ChartVersion> vs = entries.get(chart);
    if (vs == null) {
      throw new RepositoryException("no chart name found: \"" + chart + "\"");
    }
    if (vs.isEmpty()) {
      throw new RepositoryException("no chart version found for " + chart);
    }
    Constraint constraint;
    try {
      constraint = Constraint.parse(v.isEmpty() ? "*" : v);
    } catch (InvalidConstraintException e) {
      throw new RepositoryException("invalid version or constraint \"" + v + "\" for chart "
          + chart + ": " + e.getMessage(), e);
    }
    if (!v.isEmpty()) {
      for (ChartVersion cv : vs) {
        if (cv.version().equals(v)) {
          return cv;
        }
      }
    }
    for (ChartVersion cv : vs) {
      Optional<Version> parsed = Version.tryParse(cv.version());
      if (parsed.isPresent() && constraint.isSatisfiedBy(parsed.get())) {
        return cv;
      }
    }
    throw new RepositoryException("no chart version found for " + chart + "-" + v);
  }
}
