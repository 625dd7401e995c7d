package dev.capstan.kube.readiness;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/** Small null-safe helpers over fabric8 model objects. */
final class Objs {

  private Objs() {}

  /** Returns {@code "<Kind> <namespace>/<name>"}, or {@code "<Kind> <name>"} without namespace. */
  static String describe(HasMetadata o) {
    return o.getKind() + " " + path(o);
  }

  /** Returns {@code "<namespace>/<name>"}, or the name alone when there is no namespace. */
  static String path(HasMetadata o) {
    String ns = namespace(o);
    return ns.isEmpty() ? name(o) : ns + "/" + name(o);
  }

  static String name(HasMetadata o) {
    ObjectMeta m = o.getMetadata();
    return m == null || m.getName() == null ? "" : m.getName();
  }

  static String namespace(HasMetadata o) {
    ObjectMeta m = o.getMetadata();
    return m == null || m.getNamespace() == null ? "" : m.getNamespace();
  }

  /** Returns {@code metadata.generation}, 0 when absent (Go's zero value). */
  static long generation(HasMetadata o) {
    ObjectMeta m = o.getMetadata();
    return m == null || m.getGeneration() == null ? 0 : m.getGeneration();
  }

  static long orZero(Long v) {
    return v == null ? 0 : v;
  }

  static int orZero(Integer v) {
    return v == null ? 0 : v;
  }

  static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** Returns the API group of an {@code apiVersion}: {@code "apps/v1"} gives {@code "apps"}. */
  static String group(String apiVersion) {
    if (apiVersion == null) {
      return "";
    }
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** Returns {@code "s"} unless {@code n} is 1, for plain English counts. */
  static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
