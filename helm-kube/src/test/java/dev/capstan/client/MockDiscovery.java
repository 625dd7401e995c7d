package dev.capstan.client;

import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

/**
 * What fabric8's CRUD mock does not serve but Helm's actions ask first: the server version and
 * API discovery for the core group, apps and batch (as a real API server answers them).
 */
final class MockDiscovery {
  private MockDiscovery() {}

  static void serve(KubernetesMockServer server) {
    server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor("35")
        .withGitVersion("v1.35.0").build());
    server.expect().get().withPath("/api/v1").andReturn(200, "{\"kind\":\"APIResourceList\","
        + "\"groupVersion\":\"v1\",\"resources\":["
        + resource("configmaps", "ConfigMap", true) + "," + resource("pods", "Pod", true) + ","
        + resource("services", "Service", true) + "," + resource("secrets", "Secret", true) + ","
        + resource("namespaces", "Namespace", false) + "]}").always();
    server.expect().get().withPath("/apis").andReturn(200, "{\"kind\":\"APIGroupList\","
        + "\"groups\":[" + group("apps") + "," + group("batch") + "]}").always();
    server.expect().get().withPath("/apis/apps/v1").andReturn(200, "{\"kind\":\"APIResourceList\","
        + "\"groupVersion\":\"apps/v1\",\"resources\":["
        + resource("deployments", "Deployment", true) + "]}").always();
    server.expect().get().withPath("/apis/batch/v1").andReturn(200, "{\"kind\":\"APIResourceList\","
        + "\"groupVersion\":\"batch/v1\",\"resources\":[" + resource("jobs", "Job", true) + "]}")
        .always();
  }

  private static String resource(String plural, String kind, boolean namespaced) {
    return "{\"name\":\"" + plural + "\",\"kind\":\"" + kind + "\",\"namespaced\":" + namespaced
        + ",\"verbs\":[\"get\",\"list\",\"create\",\"update\",\"patch\",\"delete\"]}";
  }

  private static String group(String name) {
    return "{\"name\":\"" + name + "\",\"versions\":[{\"groupVersion\":\"" + name
        + "/v1\",\"version\":\"v1\"}],\"preferredVersion\":{\"groupVersion\":\"" + name
        + "/v1\",\"version\":\"v1\"}}";
  }
}
