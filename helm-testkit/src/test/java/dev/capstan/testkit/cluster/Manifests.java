package dev.capstan.testkit.cluster;

import dev.capstan.internal.yaml.Yaml;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Objects for the in-memory cluster's tests, written as YAML. */
final class Manifests {
  /** The instant every test cluster's clock starts at. */
  static final Instant START = Instant.parse("2025-06-01T10:20:30.456Z");

  private Manifests() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(String text) {
    return (Map<String, Object>) Yaml.load(text, "test");
  }

  static Map<String, Object> namespace(String name) {
    return yaml("apiVersion: v1\nkind: Namespace\nmetadata: {name: " + name + "}\n");
  }

  static Map<String, Object> configMap(String namespace, String name, String data) {
    return yaml("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: %s, namespace: %s}
        data: %s
        """.formatted(name, namespace, data));
  }

  static Map<String, Object> deployment(String namespace, String name, int replicas) {
    return yaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %1$s, namespace: %2$s, labels: {app: %1$s}}
        spec:
          replicas: %3$d
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata: {labels: {app: %1$s}}
            spec:
              containers: [{name: app, image: "nginx:1.27"}]
        """.formatted(name, namespace, replicas));
  }

  static Map<String, Object> crd(String scope) {
    return yaml("""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: things.example.com}
        spec:
          group: example.com
          scope: %s
          names: {kind: Thing, plural: things, singular: thing, listKind: ThingList}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      ports:
                        type: array
                        x-kubernetes-list-type: map
                        x-kubernetes-list-map-keys: [port]
                        items: {type: object}
                      tags:
                        type: array
                        items: {type: string}
          - name: v1beta1
            served: true
            storage: false
        """.formatted(scope));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> metadata(Map<String, Object> object) {
    return (Map<String, Object>) object.get("metadata");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> spec(Map<String, Object> object) {
    return (Map<String, Object>) object.get("spec");
  }

  static String resourceVersion(Map<String, Object> object) {
    return (String) metadata(object).get("resourceVersion");
  }

  static String uid(Map<String, Object> object) {
    return (String) metadata(object).get("uid");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> managedFields(Map<String, Object> object) {
    return (List<Map<String, Object>>) metadata(object).get("managedFields");
  }

  /** A clock a test moves by hand. */
  static final class TestClock extends Clock {
    private volatile Instant now = START;

    void advanceSeconds(long seconds) {
      now = now.plusSeconds(seconds);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
