package dev.capstan.repo;

import java.util.Objects;

/**
 * One repository of Helm's {@code repositories.yaml}: its name, URL and connection settings.
 * Empty strings mean "not set", as in Helm's file.
 *
 * @param name the repository's name ({@code helm repo add NAME URL})
 * @param url the repository's URL
 * @param username basic-auth user name, or {@code ""}
 * @param password basic-auth password, or {@code ""}
 * @param certFile a client certificate (PEM), or {@code ""}
 * @param keyFile the client certificate's key (PEM), or {@code ""}
 * @param caFile CA certificates (PEM) to trust, or {@code ""}
 * @param insecureSkipTlsVerify skip TLS certificate checks
 * @param passCredentialsAll send credentials to chart URLs on other hosts too
 */
public record RepositoryEntry(String name, String url, String username, String password,
    String certFile, String keyFile, String caFile, boolean insecureSkipTlsVerify,
    boolean passCredentialsAll) {

  /** Replaces {@code null} strings with {@code ""} and checks the name and URL. */
  public RepositoryEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    certFile = certFile == null ? "" : certFile;
    keyFile = keyFile == null ? "" : keyFile;
    caFile = caFile == null ? "" : caFile;
  }

  /** A repository with a name and URL and no other settings. */
  public static RepositoryEntry of(String name, String url) {
    return new RepositoryEntry(name, url, "", "", "", "", "", false, false);
  }

  /** A copy with basic-auth credentials. */
  public RepositoryEntry withCredentials(String newUsername, String newPassword) {
    return new RepositoryEntry(name, url, newUsername, newPassword, certFile, keyFile, caFile,
        insecureSkipTlsVerify, passCredentialsAll);
  }

  /** A copy trusting the CA certificates of a PEM file. */
  public RepositoryEntry withCaFile(String newCaFile) {
    return new RepositoryEntry(name, url, username, password, certFile, keyFile, newCaFile,
        insecureSkipTlsVerify, passCredentialsAll);
  }

  /** The password is never printed. */
  @Override
  public String toString() {
    return "RepositoryEntry[name=" + name + ", url=" + url + ", username=" + username
        + (password.isEmpty() ? "" : ", password=<redacted>") + "]";
  }
}
