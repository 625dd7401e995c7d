package dev.capstan.storage;

import dev.capstan.release.ReleaseRecordException;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretList;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Helm's Secret driver (spec §2.3): one Secret of type {@code helm.sh/release.v1} per record, named
 * by its key, with Helm's labels and data key {@code release} holding the body
 * {@code base64(gzip(json))} (so the API shows it base64-encoded a second time).
 *
 * <p>Create is an atomic claim (the API server's 409 becomes {@link ReleaseExistsException}); an
 * update sends the resource version it is based on, so a concurrent change becomes
 * {@link ReleaseConflictException}. A record whose body would exceed the API server's 1 MiB limit
 * is refused before anything is written ({@link ReleaseTooLargeException}). Objects that cannot be
 * read are skipped in listings, logged at WARN and reported in {@link ReleaseListing#skipped()}.
 *
 * <p>The client is the caller's: this driver never reads configuration from the environment.
 * Thread-safe as far as the client is.
 */
public final class SecretDriver extends KubeObjectDriver<Secret, SecretList> {
  /** The Secret type Helm uses for release records. */
  public static final String SECRET_TYPE = "helm.sh/release.v1";

  /** Creates a driver that stores records as Secrets through {@code client}. */
  public SecretDriver(KubernetesClient client) {
    super(Objects.requireNonNull(client, "client").secrets(), "Secret");
  }

  @Override
  Secret toObject(ObjectMeta meta, String body) {
    Secret s = new Secret();
    s.setMetadata(meta);
    s.setType(SECRET_TYPE);
    s.setData(Map.of(DATA_KEY,
        Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.US_ASCII))));
    return s;
  }

  @Override
  String bodyOf(Secret s) {
    String where = "Secret " + s.getMetadata().getName() + " in namespace "
        + s.getMetadata().getNamespace();
    if (!SECRET_TYPE.equals(s.getType())) {
      throw new ReleaseRecordException(where + " is not a Helm release record: type "
          + s.getType() + ", expected " + SECRET_TYPE);
    }
    String data = s.getData() == null ? null : s.getData().get(DATA_KEY);
    if (data == null) {
      throw new ReleaseRecordException(where + " has no data key " + DATA_KEY);
    }
    try {
      return new String(Base64.getDecoder().decode(data), StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException e) {
      throw new ReleaseRecordException(where + ": data." + DATA_KEY + " is not valid base64: "
          + e.getMessage(), e);
    }
  }
}
