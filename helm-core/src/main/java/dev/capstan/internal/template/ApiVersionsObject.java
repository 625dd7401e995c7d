package dev.capstan.internal.template;

import java.util.AbstractList;
import java.util.List;

/**
 * {@code .Capabilities.APIVersions}: a list of API versions with Helm's {@code Has} method.
 */
public final class ApiVersionsObject extends AbstractList<String> {
  private final List<String> versions;

  /** Wraps an immutable list. */
  public ApiVersionsObject(List<String> versions) {
    this.versions = List.copyOf(versions);
  }

  /** Helm's {@code .Capabilities.APIVersions.Has}: whether the version (or version/Kind) is served. */
  public boolean Has(String version) {
    return versions.contains(version);
  }

  /** Same as {@link #Has}. */
  public boolean has(String version) {
    return Has(version);
  }

  @Override
  public String get(int index) {
    return versions.get(index);
  }

  @Override
  public int size() {
    return versions.size();
  }
}
