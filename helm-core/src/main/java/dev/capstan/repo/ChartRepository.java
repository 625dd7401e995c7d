package dev.capstan.repo;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoadException;
import dev.capstan.chart.Charts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A chart repository over HTTP(S): fetches and caches its {@code index.yaml}, resolves chart
 * versions and downloads charts, verifying each archive's sha256 against the index.
 *
 * <p>Nothing here talks to the network until the caller calls {@link #update()},
 * {@link #index()} or {@link #fetch}. The cache (Helm's layout: {@code <cache>/<name>-index.yaml}
 * and {@code <name>-charts.txt}, plus Capstan's {@code <name>-index.yaml.etag} for conditional
 * requests and {@code charts/<name>/} for downloaded archives) lives in a directory the caller
 * chooses; without one, the index is kept in memory only.
 *
 * <pre>{@code
 * ChartRepository repo = ChartRepository.builder("myrepo", "https://charts.example.com")
 *     .cacheDirectory(cacheDir)
 *     .build();
 * Chart chart = repo.fetch("mychart", "^0.1").chart();
 * }</pre>
 *
 * <p>Thread-safe: the index read last is shared, replaced as a whole by each update. Every failure
 * is a {@link RepositoryException} naming the repository and the URL.
 */
public final class ChartRepository {
  /** The largest chart archive downloaded: 100 MiB, Helm's limit on a loaded chart. */
  public static final int MAX_ARCHIVE_BYTES = 100 * 1024 * 1024;

  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
      Map.entry(408, "Request Timeout"), Map.entry(410, "Gone"),
      Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
      Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
      Map.entry(504, "Gateway Timeout"));

  private final String name;
  private final URI url;
  private final HttpClient http;
  private final String authorization;
  private final boolean passCredentialsAll;
  private final Duration requestTimeout;
  private final Path cacheDirectory;
  private final int maxIndexBytes;
  private final Clock clock;
  private final AtomicReference<Cached> cached = new AtomicReference<>();

  private record Cached(RepositoryIndex index, String etag, String lastModified) {}

  private ChartRepository(Builder b, HttpClient http) {
    this.name = b.name;
    this.url = b.url;
    this.http = http;
    this.authorization = b.username == null ? null : "Basic " + Base64.getEncoder()
        .encodeToString((b.username + ":" + b.password).getBytes(StandardCharsets.UTF_8));
    this.passCredentialsAll = b.passCredentialsAll;
    this.requestTimeout = b.requestTimeout;
    this.cacheDirectory = b.cacheDirectory;
    this.maxIndexBytes = b.maxIndexBytes;
    this.clock = b.clock;
  }

  /**
   * Starts a repository of a name (used in messages and cache file names) and URL.
   *
   * @throws IllegalArgumentException when the URL is not an absolute http(s) URL
   */
  public static Builder builder(String name, String url) {
    return new Builder(name, url);
  }

  /**
   * Starts a repository from an entry of {@code repositories.yaml}: its URL, credentials, CA file
   * and {@code pass_credentials_all}.
   *
   * @throws RepositoryException when the entry asks for what Capstan does not support yet
   *     (client certificates, {@code insecure_skip_tls_verify})
   */
  public static Builder builder(RepositoryEntry entry) {
    Objects.requireNonNull(entry, "entry");
    if (!entry.certFile().isEmpty() || !entry.keyFile().isEmpty()) {
      throw new RepositoryException("repository \"" + entry.name()
          + "\": client certificates (certFile, keyFile) are not supported yet");
    }
    if (entry.insecureSkipTlsVerify()) {
      throw new RepositoryException("repository \"" + entry.name()
          + "\": insecure_skip_tls_verify is not supported");
    }
    Builder b = new Builder(entry.name(), entry.url());
    if (!entry.username().isEmpty() || !entry.password().isEmpty()) {
      b.basicAuth(entry.username(), entry.password());
    }
    if (!entry.caFile().isEmpty()) {
      b.caFile(Path.of(entry.caFile()));
    }
    return b.passCredentialsAll(entry.passCredentialsAll());
  }

  /** The repository's name. */
  public String name() {
    return name;
  }

  /** The repository's URL. */
  public URI url() {
    return url;
  }

  /** The URL of {@code index.yaml}: the repository URL with {@code /index.yaml} appended. */
  public URI indexUrl() {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    path = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/index.yaml";
    try {
      return new URI(url.getScheme(), url.getRawAuthority(), null, null, null)
          .resolve(path + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The cached index file, {@code <cache>/<name>-index.yaml}, when there is a cache. */
  public Optional<Path> indexCacheFile() {
    return Optional.ofNullable(cacheDirectory).map(d -> d.resolve(name + "-index.yaml"));
  }

  /**
   * Downloads the index ({@code helm repo update}), conditionally when an ETag or Last-Modified
   * of the cached index is known: {@code 304 Not Modified} keeps the cached index. The index is
   * parsed before the cache is written, so a malformed download never replaces a good cache.
   *
   * @throws RepositoryException for HTTP errors, timeouts, refused connections and malformed or
   *     oversized indexes
   */
  public IndexUpdate update() {
    Cached current = cached.get();
    if (current == null) {
      current = readCache().orElse(null);
    }
    URI indexUrl = indexUrl();
    HttpRequest.Builder req = request(indexUrl, true);
    if (current != null && current.etag() != null) {
      req.header("If-None-Match", current.etag());
    }
    if (current != null && current.lastModified() != null) {
      req.header("If-Modified-Since", current.lastModified());
    }
    HttpResponse<InputStream> resp = send(req.build(), indexUrl);
    if (resp.statusCode() == 304 && current != null) {
      close(resp);
      cached.set(current);
      return new IndexUpdate(current.index(), false, clock.instant());
    }
    byte[] body = body(resp, indexUrl, maxIndexBytes, "the repository index");
    RepositoryIndex index = RepositoryIndex.parse(body, indexUrl.toString(), maxIndexBytes);
    Cached fresh = new Cached(index, resp.headers().firstValue("ETag").orElse(null),
        resp.headers().firstValue("Last-Modified").orElse(null));
    writeCache(body, fresh);
    cached.set(fresh);
    return new IndexUpdate(index, true, clock.instant());
  }

  /**
   * The index: the one read last, else the cached file, else a download ({@link #update()}).
   *
   * @throws RepositoryException as {@link #update()} does, or for a malformed cache file
   */
  public RepositoryIndex index() {
    Cached c = cached.get();
    if (c != null) {
      return c.index();
    }
    Optional<Cached> fromDisk = readCache();
    if (fromDisk.isPresent()) {
      cached.compareAndSet(null, fromDisk.get());
      return fromDisk.get().index();
    }
    return update().index();
  }

  /**
   * The cached index only, without any network access: what {@code helm search repo} reads.
   *
   * @throws RepositoryException for a malformed cache file
   */
  public Optional<RepositoryIndex> cachedIndex() {
    Cached c = cached.get();
    if (c != null) {
      return Optional.of(c.index());
    }
    return readCache().map(Cached::index);
  }

  /**
   * Resolves, downloads, verifies and loads a chart; see {@link #fetch(String, String)}.
   *
   * @throws IllegalArgumentException when the reference names another repository
   */
  public FetchedChart fetch(ChartReference reference) {
    Objects.requireNonNull(reference, "reference");
    if (!reference.repository().equals(name)) {
      throw new IllegalArgumentException("the reference " + reference
          + " names another repository than \"" + name + "\"");
    }
    return fetch(reference.chart(), reference.version());
  }

  /**
   * Resolves a chart version in the index (exact version first, else the highest satisfying the
   * constraint; {@code ""} is the latest stable), downloads its archive (or takes it from the
   * cache), checks its sha256 against the index's digest and loads it with
   * {@link Charts#load(InputStream, String)}.
   *
   * @throws RepositoryException when the chart or version is not in the index, the download
   *     fails (URL and status), the digest differs (chart, URL, both digests) or the archive is
   *     not a valid chart
   */
  public FetchedChart fetch(String chart, String version) {
    RepositoryIndex index = index();
    ChartVersion entry;
    try {
      entry = index.resolve(chart, version);
    } catch (RepositoryException e) {
      throw new RepositoryException("repository \"" + name + "\" (" + url + "): chart \"" + chart
          + "\"" + (version == null || version.isEmpty() ? "" : " version \"" + version + "\"")
          + " not found: " + e.getMessage(), e);
    }
    if (entry.urls().isEmpty()) {
      throw new RepositoryException("repository \"" + name + "\": chart " + entry.name() + " "
          + entry.version() + " has no download URL in the index");
    }
    URI chartUrl = resolveReference(entry.urls().get(0));
    String fileName = entry.name() + "-" + entry.version() + ".tgz";
    Path cachedArchive = cacheDirectory == null ? null
        : cacheDirectory.resolve("charts").resolve(name).resolve(fileName);
    byte[] bytes = null;
    if (cachedArchive != null && Files.isRegularFile(cachedArchive) && entry.digest() != null) {
      try {
        byte[] onDisk = Files.readAllBytes(cachedArchive);
        if (sha256(onDisk).equalsIgnoreCase(entry.digest())) {
          bytes = onDisk;
        }
      } catch (IOException e) {
        bytes = null; // download it again
      }
    }
    if (bytes == null) {
      HttpRequest req = request(chartUrl, sameHost(chartUrl) || passCredentialsAll).build();
      bytes = body(send(req, chartUrl), chartUrl, MAX_ARCHIVE_BYTES, "the chart archive");
    }
    String actual = sha256(bytes);
    if (entry.digest() != null && !entry.digest().isEmpty()
        && !actual.equalsIgnoreCase(entry.digest())) {
      throw new RepositoryException("repository \"" + name + "\": digest mismatch for chart "
          + entry.name() + " " + entry.version() + " from " + chartUrl + ": the index gives sha256 "
          + entry.digest() + ", the download has sha256 " + actual);
    }
    Chart loaded;
    try {
      loaded = Charts.load(new ByteArrayInputStream(bytes), fileName);
    } catch (ChartLoadException e) {
      throw new RepositoryException("repository \"" + name + "\": " + chartUrl
          + " is not a valid chart: " + e.getMessage(), e);
    }
    if (cachedArchive != null) {
      writeAtomically(cachedArchive, bytes);
    }
    return new FetchedChart(loaded, entry, chartUrl.toString(), actual, cachedArchive);
  }

  /** Resolves an index URL against the repository URL as Helm's {@code ResolveReferenceURL}. */
  URI resolveReference(String ref) {
    URI refUri;
    try {
      refUri = new URI(ref);
    } catch (URISyntaxException e) {
      throw new RepositoryException("repository \"" + name + "\": invalid chart URL \"" + ref
          + "\" in the index: " + e.getMessage(), e);
    }
    if (refUri.isAbsolute()) {
      return refUri;
    }
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    if (!path.endsWith("/")) {
      path = path + "/";
    }
    try {
      URI base = new URI(url.getScheme() + "://" + url.getRawAuthority() + path);
      URI resolved = base.resolve(refUri);
      if (url.getRawQuery() != null) {
        resolved = new URI(resolved.getScheme() + "://" + resolved.getRawAuthority()
            + resolved.getRawPath() + "?" + url.getRawQuery());
      }
      return resolved;
    } catch (URISyntaxException e) {
      throw new RepositoryException("repository \"" + name + "\": cannot resolve chart URL \""
          + ref + "\" against " + url + ": " + e.getMessage(), e);
    }
  }

  private boolean sameHost(URI other) {
    return Objects.equals(url.getScheme(), other.getScheme())
        && Objects.equals(url.getHost(), other.getHost()) && url.getPort() == other.getPort();
  }

  private HttpRequest.Builder request(URI target, boolean withCredentials) {
    HttpRequest.Builder b = HttpRequest.newBuilder(target).GET().timeout(requestTimeout)
        .header("User-Agent", "Capstan (Helm-compatible)");
    if (withCredentials && authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private HttpResponse<InputStream> send(HttpRequest req, URI target) {
    HttpResponse<InputStream> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new RepositoryException("repository \"" + name + "\": timed out fetching " + target
          + " (" + e.getMessage() + ")", e);
    } catch (ConnectException e) {
      throw new RepositoryException("repository \"" + name + "\": cannot connect to " + target
          + ": connection refused", e);
    } catch (IOException e) {
      throw new RepositoryException("repository \"" + name + "\": failed to fetch " + target
          + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RepositoryException("repository \"" + name + "\": interrupted fetching " + target,
          e);
    }
    int status = resp.statusCode();
    if (status != 200 && status != 304) {
      close(resp);
      String reason = REASONS.getOrDefault(status, "");
      String hint = status == 401 ? " (the repository needs credentials, or they were refused)"
          : "";
      throw new RepositoryException("repository \"" + name + "\": failed to fetch " + target
          + " : " + status + (reason.isEmpty() ? "" : " " + reason) + hint);
    }
    return resp;
  }

  private byte[] body(HttpResponse<InputStream> resp, URI target, int max, String what) {
    if (resp.statusCode() != 200) {
      close(resp);
      throw new RepositoryException("repository \"" + name + "\": " + target + " answered "
          + resp.statusCode() + " without a cached copy to keep");
    }
    try (InputStream in = resp.body()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > max) {
          throw new RepositoryException("repository \"" + name + "\": " + target + ": " + what
              + " is larger than the limit of " + max + " bytes");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (HttpTimeoutException e) {
      throw new RepositoryException("repository \"" + name + "\": timed out reading " + target
          + " (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new RepositoryException("repository \"" + name + "\": failed to read " + target + ": "
          + e, e);
    }
  }

  private static void close(HttpResponse<InputStream> resp) {
    try {
      resp.body().close();
    } catch (IOException ignored) {
      // nothing more to read
    }
  }

  private Optional<Cached> readCache() {
    Optional<Path> file = indexCacheFile();
    if (file.isEmpty() || !Files.isRegularFile(file.get())) {
      return Optional.empty();
    }
    Path f = file.get();
    byte[] bytes;
    try {
      long size = Files.size(f);
      if (size > maxIndexBytes) {
        throw new RepositoryException(f + ": the repository index is " + size
            + " bytes, more than the limit of " + maxIndexBytes + " bytes");
      }
      bytes = Files.readAllBytes(f);
    } catch (IOException e) {
      throw new RepositoryException(f + ": cannot read the cached index: " + e, e);
    }
    RepositoryIndex index = RepositoryIndex.parse(bytes, f.toString(), maxIndexBytes);
    String etag = null;
    String lastModified = null;
    Path meta = f.resolveSibling(name + "-index.yaml.etag");
    if (Files.isRegularFile(meta)) {
      try {
        for (String line : Files.readAllLines(meta, StandardCharsets.UTF_8)) {
          if (line.startsWith("ETag: ")) {
            etag = line.substring(6);
          } else if (line.startsWith("Last-Modified: ")) {
            lastModified = line.substring(15);
          }
        }
      } catch (IOException e) {
        etag = null; // an unreadable side file only costs a full download
      }
    }
    return Optional.of(new Cached(index, etag, lastModified));
  }

  private void writeCache(byte[] body, Cached fresh) {
    if (cacheDirectory == null) {
      return;
    }
    writeAtomically(cacheDirectory.resolve(name + "-index.yaml"), body);
    StringBuilder charts = new StringBuilder();
    for (String chart : fresh.index().entries().keySet()) {
      charts.append(chart).append('\n');
    }
    writeAtomically(cacheDirectory.resolve(name + "-charts.txt"),
        charts.toString().getBytes(StandardCharsets.UTF_8));
    StringBuilder meta = new StringBuilder();
    if (fresh.etag() != null) {
      meta.append("ETag: ").append(fresh.etag()).append('\n');
    }
    if (fresh.lastModified() != null) {
      meta.append("Last-Modified: ").append(fresh.lastModified()).append('\n');
    }
    writeAtomically(cacheDirectory.resolve(name + "-index.yaml.etag"),
        meta.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void writeAtomically(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".capstan", ".tmp");
      try {
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new RepositoryException(file + ": cannot write the repository cache: " + e, e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Builds a {@link ChartRepository}; settings are checked by {@link #build()}. */
  public static final class Builder {
    private final String name;
    private final URI url;
    private HttpClient httpClient;
    private String username;
    private String password;
    private boolean passCredentialsAll;
    private Path caFile;
    private KeyStore trustStore;
    private ProxySelector proxy;
    private Duration connectTimeout = Duration.ofSeconds(30);
    private boolean connectTimeoutSet;
    private Duration requestTimeout = Duration.ofSeconds(120);
    private Path cacheDirectory;
    private int maxIndexBytes = RepositoryIndex.DEFAULT_MAX_BYTES;
    private Clock clock = Clock.systemUTC();

    private Builder(String name, String url) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(url, "url");
      if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
        throw new IllegalArgumentException("invalid repository name \"" + name
            + "\": it must be non-empty and contain no path separator");
      }
      URI u;
      try {
        u = new URI(url);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("invalid repository URL \"" + url + "\": "
            + e.getMessage(), e);
      }
      if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http")
          || u.getScheme().equalsIgnoreCase("https")) || u.getHost() == null) {
        throw new IllegalArgumentException("invalid repository URL \"" + url
            + "\": an absolute http or https URL is needed (OCI registries are not supported)");
      }
      this.name = name;
      this.url = u;
    }

    /**
     * The HTTP client to use, such as the application's own; it then owns TLS, proxy and
     * connect-timeout settings, which cannot also be set here.
     */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /** Basic-auth credentials, sent to the repository's host (and others with
     * {@link #passCredentialsAll(boolean)}). */
    public Builder basicAuth(String user, String pass) {
      this.username = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(pass, "pass");
      return this;
    }

    /** Whether credentials also go to chart URLs on other hosts (Helm's
     * {@code --pass-credentials}). */
    public Builder passCredentialsAll(boolean pass) {
      this.passCredentialsAll = pass;
      return this;
    }

    /** Trust the CA certificates of a PEM file (Helm's {@code --ca-file}). */
    public Builder caFile(Path pem) {
      this.caFile = Objects.requireNonNull(pem, "pem");
      return this;
    }

    /** Trust the certificates of a key store. */
    public Builder trustStore(KeyStore store) {
      this.trustStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /** A proxy selector for the built-in client. */
    public Builder proxy(ProxySelector selector) {
      this.proxy = Objects.requireNonNull(selector, "selector");
      return this;
    }

    /** How long connecting may take (default 30 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      this.connectTimeoutSet = true;
      return this;
    }

    /** How long each request may take until its response starts (default 120 s, Helm's). */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /** The cache directory (Helm's is {@code ~/.cache/helm/repository}); none by default. */
    public Builder cacheDirectory(Path dir) {
      this.cacheDirectory = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** The largest index accepted (default {@link RepositoryIndex#DEFAULT_MAX_BYTES}). */
    public Builder maxIndexBytes(int max) {
      if (max <= 0) {
        throw new IllegalArgumentException("maxIndexBytes must be positive, got " + max);
      }
      this.maxIndexBytes = max;
      return this;
    }

    /** The clock that stamps updates. */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, got " + d);
      }
      return d;
    }

    /**
     * Builds the repository.
     *
     * @throws IllegalStateException when an HTTP client is combined with a CA file, trust store,
     *     proxy or connect timeout
     * @throws RepositoryException when the CA file cannot be read
     */
    public ChartRepository build() {
      if (httpClient != null) {
        String conflict = caFile != null ? "caFile" : trustStore != null ? "trustStore"
            : proxy != null ? "proxy" : connectTimeoutSet ? "connectTimeout" : null;
        if (conflict != null) {
          throw new IllegalStateException("httpClient cannot be combined with " + conflict
              + ": configure it on the client");
        }
        return new ChartRepository(this, httpClient);
      }
      if (caFile != null && trustStore != null) {
        throw new IllegalStateException("caFile cannot be combined with trustStore");
      }
      HttpClient.Builder b = HttpClient.newBuilder()
          .connectTimeout(connectTimeout)
          .followRedirects(HttpClient.Redirect.NORMAL);
      if (proxy != null) {
        b.proxy(proxy);
      }
      KeyStore store = trustStore;
      if (caFile != null) {
        store = pemTrustStore(caFile);
      }
      if (store != null) {
        try {
          TrustManagerFactory tmf =
              TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
          tmf.init(store);
          SSLContext ssl = SSLContext.getInstance("TLS");
          ssl.init(null, tmf.getTrustManagers(), null);
          b.sslContext(ssl);
        } catch (GeneralSecurityException e) {
          throw new RepositoryException("repository \"" + name + "\": cannot set up TLS: " + e, e);
        }
      }
      return new ChartRepository(this, b.build());
    }

    private KeyStore pemTrustStore(Path pem) {
      try (InputStream in = Files.newInputStream(pem)) {
        List<? extends Certificate> certs =
            List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
        if (certs.isEmpty()) {
          throw new RepositoryException(pem + ": no certificate in the CA file");
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        for (int i = 0; i < certs.size(); i++) {
          ks.setCertificateEntry("ca-" + i, certs.get(i));
        }
        return ks;
      } catch (IOException | GeneralSecurityException e) {
        throw new RepositoryException(pem + ": cannot read the CA file: " + e.getMessage(), e);
      }
    }
  }
}
