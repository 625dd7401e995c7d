package dev.capstan.testkit.assertj;

import dev.capstan.kube.Ownership;
import dev.capstan.kube.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one object of a cluster, as a map in manifest form. */
public final class ObjectAssert extends AbstractAssert<ObjectAssert, Map<String, Object>> {
  private final ResourceRef ref;

  ObjectAssert(ResourceRef ref, Map<String, Object> actual) {
    super(actual, ObjectAssert.class);
    this.ref = ref;
  }

  /**
   * Some container of the pod template ({@code spec.template.spec.containers}, or a Pod's {@code
   * spec.containers}) runs {@code image}.
   */
  public ObjectAssert hasImage(String image) {
    List<String> images = images();
    if (!images.contains(image)) {
      failWithMessage("Expected %s to run image <%s> but its containers run %s", ref, image,
          images);
    }
    return this;
  }

  /** {@code spec.replicas} is {@code expected}. */
  public ObjectAssert hasReplicas(int expected) {
    return hasField("spec.replicas", expected);
  }

  /** The label {@code key} is {@code value}. */
  public ObjectAssert hasLabel(String key, String value) {
    return hasField("metadata.labels." + key, value);
  }

  /** The annotation {@code key} is {@code value}. */
  public ObjectAssert hasAnnotation(String key, String value) {
    return hasField("metadata.annotations." + key, value);
  }

  /** The object carries Helm's ownership metadata for release {@code name} in {@code namespace}. */
  public ObjectAssert isOwnedBy(String name, String namespace) {
    Ownership.problem(actual, name, namespace).ifPresent(p -> failWithMessage(
        "Expected %s to belong to release %s/%s but %s", ref, namespace, name, p));
    return this;
  }

  /**
   * The field at the dotted {@code path} (map keys only, e.g. {@code spec.template.metadata.labels})
   * equals {@code expected}; numbers compare by value.
   */
  public ObjectAssert hasField(String path, Object expected) {
    Object value = field(path);
    if (!Values.same(value, expected)) {
      failWithMessage("Expected %s to have %s = <%s> but was <%s>", ref, path, expected, value);
    }
    return this;
  }

  private Object field(String path) {
    Object current = actual;
    for (String part : splitPath(path)) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(part);
    }
    return current;
  }

  /** Dotted path parts; a label key such as {@code app.kubernetes.io/name} after labels stays whole. */
  private static List<String> splitPath(String path) {
    List<String> out = new ArrayList<>();
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length; i++) {
      out.add(parts[i]);
      if ((parts[i].equals("labels") || parts[i].equals("annotations") || parts[i].equals("data"))
          && i + 1 < parts.length) {
        out.add(String.join(".", java.util.Arrays.copyOfRange(parts, i + 1, parts.length)));
        break;
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<String> images() {
    Object spec = actual.get("spec");
    if (spec instanceof Map<?, ?> s && s.get("template") instanceof Map<?, ?> t
        && t.get("spec") instanceof Map<?, ?> podSpec) {
      spec = podSpec;
    }
    List<String> out = new ArrayList<>();
    if (spec instanceof Map<?, ?> podSpec && podSpec.get("containers") instanceof List<?> cs) {
      for (Object c : cs) {
        if (c instanceof Map<?, ?> container && container.get("image") instanceof String image) {
          out.add(image);
        }
      }
    }
    return out;
  }
}
