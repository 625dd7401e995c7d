package dev.capstan.kube;

import java.util.Objects;
import java.util.Optional;

/**
 * How {@link ResourceApplier#apply(java.util.List, java.util.List, ApplyOptions)} brings objects
 * to their new state. Immutable; every {@code with...} method returns a new value and checks that
 * the options fit together.
 */
public final class ApplyOptions {
  private static final ApplyOptions DEFAULTS =
      new ApplyOptions(ResourceApplier.Strategy.THREE_WAY_PATCH, null, null, false, false);

  private final ResourceApplier.Strategy strategy;
  private final String releaseName;
  private final String releaseNamespace;
  private final boolean takeOwnership;
  private final boolean recreateOnImmutableChange;

  private ApplyOptions(ResourceApplier.Strategy strategy, String releaseName,
      String releaseNamespace, boolean takeOwnership, boolean recreateOnImmutableChange) {
    this.strategy = strategy;
    this.releaseName = releaseName;
    this.releaseNamespace = releaseNamespace;
    this.takeOwnership = takeOwnership;
    this.recreateOnImmutableChange = recreateOnImmutableChange;
  }

  /**
   * Client-side three-way patch, no owning release (objects are applied as given and existing
   * objects are not checked), no ownership taken, no recreation.
   */
  public static ApplyOptions defaults() {
    return DEFAULTS;
  }

  /** These options with another strategy for existing objects. */
  public ApplyOptions withStrategy(ResourceApplier.Strategy newStrategy) {
    return new ApplyOptions(Objects.requireNonNull(newStrategy, "strategy"), releaseName,
        releaseNamespace, takeOwnership, recreateOnImmutableChange);
  }

  /**
   * These options applying on behalf of a release (§5.5): every object gets Helm's ownership
   * label and annotations, and an existing object that the previous manifest does not have must
   * already belong to the release, else the apply is refused before anything is written.
   */
  public ApplyOptions withOwner(String name, String namespace) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    if (name.isEmpty() || namespace.isEmpty()) {
      throw new IllegalArgumentException("the owning release needs a name and a namespace, got \""
          + name + "\" in \"" + namespace + "\"");
    }
    return new ApplyOptions(strategy, name, namespace, takeOwnership, recreateOnImmutableChange);
  }

  /**
   * These options adopting existing objects whatever their ownership metadata says (Helm's
   * {@code --take-ownership}).
   *
   * @throws IllegalStateException when no owning release was set: there is nothing to adopt for
   */
  public ApplyOptions withTakeOwnership(boolean take) {
    if (take && releaseName == null) {
      throw new IllegalStateException("takeOwnership needs the owning release: call withOwner first");
    }
    return new ApplyOptions(strategy, releaseName, releaseNamespace, take,
        recreateOnImmutableChange);
  }

  /**
   * These options deleting and creating again an object whose update the API server refused
   * because an immutable field changed (a Job's template, a selector, a Service's clusterIP...);
   * the progress event and the result name the field. Off by default: such an update fails.
   */
  public ApplyOptions withRecreateOnImmutableChange(boolean recreate) {
    return new ApplyOptions(strategy, releaseName, releaseNamespace, takeOwnership, recreate);
  }

  /** The strategy for existing objects. */
  public ResourceApplier.Strategy strategy() {
    return strategy;
  }

  /** The owning release's name, if set. */
  public Optional<String> releaseName() {
    return Optional.ofNullable(releaseName);
  }

  /** The owning release's namespace, if set. */
  public Optional<String> releaseNamespace() {
    return Optional.ofNullable(releaseNamespace);
  }

  /** Whether existing objects are adopted whatever their ownership says. */
  public boolean takeOwnership() {
    return takeOwnership;
  }

  /** Whether objects refused for an immutable field change are deleted and created again. */
  public boolean recreateOnImmutableChange() {
    return recreateOnImmutableChange;
  }

  @Override
  public String toString() {
    return "ApplyOptions{strategy=" + strategy
        + (releaseName == null ? "" : ", owner=" + releaseNamespace + "/" + releaseName)
        + (takeOwnership ? ", takeOwnership" : "")
        + (recreateOnImmutableChange ? ", recreateOnImmutableChange" : "") + "}";
  }
}
