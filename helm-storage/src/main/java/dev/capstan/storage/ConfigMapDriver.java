package dev.capstan.storage;

import dev.capstan.release.ReleaseRecordException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Objects;

/**
 * Helm's ConfigMap driver (spec §2.3): like {@link SecretDriver}, but each record is a ConfigMap
 * whose data key {@code release} holds the body {@code base64(gzip(json))} as is.
 *
 * <p>Same guarantees as {@link SecretDriver}: atomic create, updates guarded by resource version, a
 * size check before writing, unreadable objects skipped and reported. The client is the caller's.
 */
public final class ConfigMapDriver extends KubeObjectDriver<ConfigMap, ConfigMapList> {

  /** Creates a driver that stores records as ConfigMaps through {@code client}. */
  public ConfigMapDriver(KubernetesClient client) {
    super(Objects.requireNonNull(client, "client").configMaps(), "ConfigMap");
  }

  @Override
  ConfigMap toObject(ObjectMeta meta, String body) {
    ConfigMap c = new ConfigMap();
    c.setMetadata(meta);
    c.setData(Map.of(DATA_KEY, body));
    return c;
  }

  @Override
  String bodyOf(ConfigMap c) {
    String data = c.getData() == null ? null : c.getData().get(DATA_KEY);
    if (data == null) {
      throw new ReleaseRecordException("ConfigMap " + c.getMetadata().getName() + " in namespace "
          + c.getMetadata().getNamespace() + " has no data key " + DATA_KEY);
    }
    return data;
  }
}
