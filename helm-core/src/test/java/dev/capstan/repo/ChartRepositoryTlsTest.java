package dev.capstan.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS with a custom CA: a self-signed certificate (made with the JDK's keytool) is trusted
 * through {@code caFile} and refused without it.
 */
class ChartRepositoryTlsTest {
  @TempDir
  Path dir;

  private void keytool(String... args) throws Exception {
    Path tool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    assumeTrue(Files.isExecutable(tool), "the JDK has no keytool");
    List<String> cmd = new java.util.ArrayList<>(List.of(tool.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }

  @Test
  @DisplayName("a repository with a self-signed certificate works with its CA file and fails without")
  void customCa() throws Exception {
    // Given an HTTPS repository whose certificate is self-signed for 127.0.0.1
    Path p12 = dir.resolve("server.p12");
    Path pem = dir.resolve("ca.pem");
    keytool("-genkeypair", "-alias", "repo", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "changeit",
        "-keypass", "changeit");
    keytool("-exportcert", "-rfc", "-alias", "repo", "-keystore", p12.toString(),
        "-storepass", "changeit", "-file", pem.toString());
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    byte[] index = Files.readAllBytes(FakeRepositoryServer.REPO.resolve("index.yaml"));
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    server.createContext("/index.yaml", ex -> {
      try (ex; OutputStream out = ex.getResponseBody()) {
        ex.sendResponseHeaders(200, index.length);
        out.write(index);
      }
    });
    server.start();
    try {
      String url = "https://127.0.0.1:" + server.getAddress().getPort();

      // When the repository trusts the CA file, the index is read
      ChartRepository trusted = ChartRepository.builder(RepositoryEntry.of("tls", url)
          .withCaFile(pem.toString())).build();
      assertThat(trusted.update().index().versions("mychart")).hasSize(2);

      // And without it the TLS handshake is refused, with the URL in the message
      ChartRepository untrusted = ChartRepository.builder("tls", url).build();
      assertThatThrownBy(untrusted::update).isInstanceOf(RepositoryException.class)
          .hasMessageStartingWith("repository \"tls\": failed to fetch " + url + "/index.yaml: ");
    } finally {
      server.stop(0);
    }
  }

  @Test
  @DisplayName("an unreadable CA file is refused naming it")
  void missingCaFile() throws IOException {
    Path missing = dir.resolve("nope.pem");
    assertThatThrownBy(() -> ChartRepository.builder("tls", "https://127.0.0.1:1")
        .caFile(missing).build()).hasMessageStartingWith(missing + ": cannot read the CA file");
  }
}
