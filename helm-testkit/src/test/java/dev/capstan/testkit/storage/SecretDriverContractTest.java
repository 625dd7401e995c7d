package dev.capstan.testkit.storage;

import dev.capstan.storage.ReleaseDriver;
import dev.capstan.storage.SecretDriver;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.DisplayName;

@DisplayName("SecretDriver passes the ReleaseDriver contract against fabric8's CRUD mock server")
@EnableKubernetesMockClient(crud = true, https = false)
class SecretDriverContractTest extends ReleaseDriverContract {
  static KubernetesClient client;

  @Override
  protected ReleaseDriver createDriver() {
    return new SecretDriver(client);
  }
}
