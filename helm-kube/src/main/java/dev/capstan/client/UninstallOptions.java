package dev.capstan.client;

import dev.capstan.kube.Cluster;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The options of {@link ReleaseClient#uninstall} (§3.4), validated when built. */
public final class UninstallOptions {
  private final boolean keepHistory;
  private final Cluster.Propagation cascade;
  private final boolean waitForDeletion;
  private final Duration timeout;
  private final boolean noHooks;
  private final boolean ignoreNotFound;
  private final String description;
  private final String namespace;

  private UninstallOptions(Builder b) {
    this.keepHistory = b.keepHistory;
    this.cascade = b.cascade;
    this.waitForDeletion = b.waitForDeletion;
    this.timeout = b.timeout;
    this.noHooks = b.noHooks;
    this.ignoreNotFound = b.ignoreNotFound;
    this.description = b.description;
    this.namespace = b.namespace;
  }

  Optional<String> namespace() {
    return Optional.ofNullable(namespace);
  }

  /** A builder with Helm's defaults: history purged, background deletion, no wait. */
  public static Builder builder() {
    return new Builder();
  }

  boolean keepHistory() {
    return keepHistory;
  }

  Cluster.Propagation cascade() {
    return cascade;
  }

  boolean waitForDeletion() {
    return waitForDeletion;
  }

  Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  boolean noHooks() {
    return noHooks;
  }

  boolean ignoreNotFound() {
    return ignoreNotFound;
  }

  Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** Collects uninstall options. */
  public static final class Builder {
    private boolean keepHistory;
    private Cluster.Propagation cascade = Cluster.Propagation.BACKGROUND;
    private boolean waitForDeletion;
    private Duration timeout;
    private boolean noHooks;
    private boolean ignoreNotFound;
    private String description;
    private String namespace;

    private Builder() {}

    /** The namespace of the release, if not the client's ({@code -n}). */
    public Builder namespace(String ns) {
      this.namespace = Objects.requireNonNull(ns, "namespace");
      return this;
    }

    /** Keeps the revisions, marking the last {@code uninstalled} ({@code --keep-history}). */
    public Builder keepHistory() {
      this.keepHistory = true;
      return this;
    }

    /** How owned objects are deleted ({@code --cascade}; default background). */
    public Builder cascade(Cluster.Propagation propagation) {
      this.cascade = Objects.requireNonNull(propagation, "cascade");
      return this;
    }

    /** Waits until every deleted object is gone ({@code --wait}). */
    public Builder waitForDeletion() {
      this.waitForDeletion = true;
      return this;
    }

    /** The deadline of the whole uninstall; the client's default otherwise. */
    public Builder timeout(Duration d) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("timeout must not be negative, got " + d);
      }
      this.timeout = d;
      return this;
    }

    /** Runs no hooks. */
    public Builder noHooks() {
      this.noHooks = true;
      return this;
    }

    /** Succeeds when the release does not exist ({@code --ignore-not-found}). */
    public Builder ignoreNotFound() {
      this.ignoreNotFound = true;
      return this;
    }

    /** The description of the uninstalled revision instead of {@code Uninstallation complete}. */
    public Builder description(String text) {
      this.description = Objects.requireNonNull(text, "description");
      return this;
    }

    /** The options. */
    public UninstallOptions build() {
      return new UninstallOptions(this);
    }
  }
}
