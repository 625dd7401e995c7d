package dev.capstan.client;

import dev.capstan.kube.ServerSide;
import dev.capstan.values.Values;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of {@link ReleaseClient#install} (§3.1), validated when built: conflicting options
 * are refused with both named, never silently changed.
 */
public final class InstallOptions {
  private final Values values;
  private final String namespace;
  private final WaitOptions wait;
  private final boolean atomic;
  private final Duration rollbackTimeout;
  private final boolean replace;
  private final boolean createNamespace;
  private final boolean takeOwnership;
  private final boolean skipCrds;
  private final boolean noHooks;
  private final ServerSide serverSide;
  private final boolean forceConflicts;
  private final Map<String, String> labels;
  private final String description;
  private final DryRun dryRun;

  private InstallOptions(Builder b) {
    this.values = b.values.merge();
    this.namespace = b.namespace;
    this.wait = WaitOptions.of(b.waitMode, b.atomic, b.waitForJobs, b.timeout);
    this.atomic = b.atomic;
    this.rollbackTimeout = b.rollbackTimeout;
    this.replace = b.replace;
    this.createNamespace = b.createNamespace;
    this.takeOwnership = b.takeOwnership;
    this.skipCrds = b.skipCrds;
    this.noHooks = b.noHooks;
    this.serverSide = b.serverSide;
    this.forceConflicts = b.forceConflicts;
    this.labels = Map.copyOf(b.labels);
    this.description = b.description;
    this.dryRun = b.dryRun;
    if (dryRun != DryRun.NONE && (atomic || createNamespace)) {
      throw new IllegalArgumentException("a dry run cannot be combined with "
          + (atomic ? "atomic" : "createNamespace") + ": it changes nothing to undo or create");
    }
    if (rollbackTimeout != null && !atomic) {
      throw new IllegalArgumentException("a rollback timeout was given without atomic");
    }
  }

  /** A builder with Helm's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The user-supplied values, merged. */
  public Values values() {
    return values;
  }

  /** The namespace to install into, if not the client's. */
  public Optional<String> namespace() {
    return Optional.ofNullable(namespace);
  }

  WaitOptions waitOptions() {
    return wait;
  }

  /** What is waited for after applying. */
  public WaitMode waitMode() {
    return wait.mode();
  }

  /** Whether a failed install is uninstalled ({@code --atomic}, Helm 4's {@code --rollback-on-failure}). */
  public boolean atomic() {
    return atomic;
  }

  Optional<Duration> rollbackTimeout() {
    return Optional.ofNullable(rollbackTimeout);
  }

  boolean replace() {
    return replace;
  }

  boolean createNamespace() {
    return createNamespace;
  }

  boolean takeOwnership() {
    return takeOwnership;
  }

  boolean skipCrds() {
    return skipCrds;
  }

  boolean noHooks() {
    return noHooks;
  }

  ServerSide serverSide() {
    return serverSide;
  }

  boolean forceConflicts() {
    return forceConflicts;
  }

  Map<String, String> labels() {
    return labels;
  }

  /** Whether this is a dry run, and which. */
  public DryRun dryRun() {
    return dryRun;
  }

  Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** Collects install options; every one has Helm's default. */
  public static final class Builder extends ChartActionBuilder<Builder> {
    private String namespace;
    private boolean atomic;
    private Duration rollbackTimeout;
    private boolean replace;
    private boolean createNamespace;
    private boolean skipCrds;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** The namespace to install into instead of the client's ({@code -n}). */
    public Builder namespace(String ns) {
      this.namespace = Objects.requireNonNull(ns, "namespace");
      return this;
    }

    /** Uninstalls the release if the install fails ({@code --atomic}); waits for readiness. */
    public Builder atomic() {
      this.atomic = true;
      return this;
    }

    /** As {@link #atomic()}, with its own time budget for the uninstall. */
    public Builder atomic(Duration uninstallTimeout) {
      this.atomic = true;
      this.rollbackTimeout = Objects.requireNonNull(uninstallTimeout, "uninstallTimeout");
      return this;
    }

    /** Reuses the name of a release whose last revision failed or was uninstalled ({@code --replace}). */
    public Builder replace() {
      this.replace = true;
      return this;
    }

    /** Creates the namespace if it does not exist ({@code --create-namespace}). */
    public Builder createNamespace() {
      this.createNamespace = true;
      return this;
    }

    /** Does not create the chart's CRDs ({@code --skip-crds}). */
    public Builder skipCrds() {
      this.skipCrds = true;
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException when options conflict, naming them
     */
    public InstallOptions build() {
      checkForceConflicts();
      return new InstallOptions(this);
    }
  }
}
