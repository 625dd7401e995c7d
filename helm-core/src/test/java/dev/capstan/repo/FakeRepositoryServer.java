package dev.capstan.repo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A chart repository on 127.0.0.1 serving real Helm's fixture repository: {@code index.yaml} and
 * the two {@code .tgz} files of {@code ../shared/fixtures/packaging/repo}. It also answers as an
 * HTTP proxy, so the index's absolute URLs ({@code http://charts.example.test/...}) reach it
 * through {@link #proxy()}. Records every request; paths can be made to fail, hang or need auth.
 */
final class FakeRepositoryServer implements AutoCloseable {
  static final Path REPO = Path.of("../../shared/fixtures/packaging/repo");

  record Request(String method, URI uri, Map<String, List<String>> headers) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile String hangPath;
  private volatile String requiredAuth;
  private volatile String etag;
  private volatile String lastModified;

  FakeRepositoryServer() {
    try {
      for (String f : List.of("index.yaml", "mychart-0.1.0.tgz", "mychart-0.2.0.tgz")) {
        files.put("/" + f, Files.readAllBytes(REPO.resolve(f)));
      }
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  ProxySelector proxy() {
    return ProxySelector.of(server.getAddress());
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  FakeRepositoryServer serve(String path, byte[] body) {
    files.put(path, body);
    return this;
  }

  FakeRepositoryServer status(String path, int status) {
    statuses.put(path, status);
    return this;
  }

  FakeRepositoryServer hang(String path) {
    hangPath = path;
    return this;
  }

  FakeRepositoryServer requireBasicAuth(String authorizationHeader) {
    requiredAuth = authorizationHeader;
    return this;
  }

  FakeRepositoryServer validators(String newEtag, String newLastModified) {
    etag = newEtag;
    lastModified = newLastModified;
    return this;
  }

  byte[] file(String path) {
    return files.get(path);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI(),
          Map.copyOf(ex.getRequestHeaders())));
      String path = ex.getRequestURI().getPath();
      if (path.equals(hangPath)) {
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      if (requiredAuth != null
          && !requiredAuth.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        reply(ex, 401, new byte[0]);
        return;
      }
      Integer status = statuses.get(path);
      if (status != null) {
        reply(ex, status, new byte[0]);
        return;
      }
      byte[] body = files.get(path);
      if (body == null) {
        reply(ex, 404, "404 page not found\n".getBytes());
        return;
      }
      if (path.endsWith("index.yaml")) {
        boolean notModified = etag != null && etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))
            || etag == null && lastModified != null
            && lastModified.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"));
        if (etag != null) {
          ex.getResponseHeaders().add("ETag", etag);
        }
        if (lastModified != null) {
          ex.getResponseHeaders().add("Last-Modified", lastModified);
        }
        if (notModified) {
          ex.sendResponseHeaders(304, -1);
          return;
        }
      }
      reply(ex, 200, body);
    }
  }

  private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
