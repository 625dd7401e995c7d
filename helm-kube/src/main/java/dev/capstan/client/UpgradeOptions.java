package dev.capstan.client;

import dev.capstan.kube.ServerSide;
import dev.capstan.values.Values;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of {@link ReleaseClient#upgrade} (§3.2, §4.2), validated when built: conflicting
 * options are refused with both named, never silently changed.
 */
public final class UpgradeOptions {
  private final Values values;
  private final ValuesMode valuesMode;
  private final String namespace;
  private final WaitOptions wait;
  private final boolean atomic;
  private final Duration rollbackTimeout;
  private final boolean cleanupOnFail;
  private final Integer historyMax;
  private final boolean installIfMissing;
  private final boolean createNamespace;
  private final boolean takeOwnership;
  private final boolean noHooks;
  private final ServerSide serverSide;
  private final boolean forceReplace;
  private final boolean recreate;
  private final Duration waitForRelease;
  private final boolean forceConflicts;
  private final Map<String, String> labels;
  private final String description;
  private final DryRun dryRun;

  private UpgradeOptions(Builder b) {
    this.values = b.values.merge();
    this.valuesMode = b.valuesMode;
    this.namespace = b.namespace;
    this.wait = WaitOptions.of(b.waitMode, b.atomic, b.waitForJobs, b.timeout);
    this.atomic = b.atomic;
    this.rollbackTimeout = b.rollbackTimeout;
    this.cleanupOnFail = b.cleanupOnFail;
    this.historyMax = b.historyMax;
    this.installIfMissing = b.installIfMissing;
    this.createNamespace = b.createNamespace;
    this.takeOwnership = b.takeOwnership;
    this.noHooks = b.noHooks;
    this.serverSide = b.serverSide;
    this.forceReplace = b.forceReplace;
    this.recreate = b.recreate;
    this.waitForRelease = b.waitForRelease;
    this.forceConflicts = b.forceConflicts;
    this.labels = Map.copyOf(b.labels);
    this.description = b.description;
    this.dryRun = b.dryRun;
    if (dryRun != DryRun.NONE && (atomic || cleanupOnFail)) {
      throw new IllegalArgumentException("a dry run cannot be combined with "
          + (atomic ? "atomic" : "cleanupOnFail") + ": it changes nothing to undo");
    }
    if (rollbackTimeout != null && !atomic) {
      throw new IllegalArgumentException("a rollback timeout was given without atomic");
    }
    if (forceReplace && forceConflicts) {
      throw new IllegalArgumentException("forceReplace and forceConflicts cannot be combined");
    }
    if (forceReplace && serverSide == ServerSide.TRUE) {
      throw new IllegalArgumentException("forceReplace cannot be combined with serverSide TRUE: "
          + "cannot use server-side apply and force replace together");
    }
    if (createNamespace && !installIfMissing) {
      throw new IllegalArgumentException("createNamespace only applies with installIfMissing");
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

  /** How the new values combine with the previous ones. */
  public ValuesMode valuesMode() {
    return valuesMode;
  }

  Optional<String> namespace() {
    return Optional.ofNullable(namespace);
  }

  WaitOptions waitOptions() {
    return wait;
  }

  /** What is waited for after applying. */
  public WaitMode waitMode() {
    return wait.mode();
  }

  /** Whether a failed upgrade is rolled back to the last good revision. */
  public boolean atomic() {
    return atomic;
  }

  Optional<Duration> rollbackTimeout() {
    return Optional.ofNullable(rollbackTimeout);
  }

  boolean cleanupOnFail() {
    return cleanupOnFail;
  }

  Optional<Integer> historyMax() {
    return Optional.ofNullable(historyMax);
  }

  boolean installIfMissing() {
    return installIfMissing;
  }

  boolean createNamespace() {
    return createNamespace;
  }

  boolean takeOwnership() {
    return takeOwnership;
  }

  boolean noHooks() {
    return noHooks;
  }

  ServerSide serverSide() {
    return serverSide;
  }

  boolean forceReplace() {
    return forceReplace;
  }

  Optional<Duration> waitForRelease() {
    return Optional.ofNullable(waitForRelease);
  }

  boolean recreateOnImmutableChange() {
    return recreate;
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

  /** Collects upgrade options; every one has Helm's default. */
  public static final class Builder extends ChartActionBuilder<Builder> {
    private ValuesMode valuesMode = ValuesMode.DEFAULT;
    private String namespace;
    private boolean atomic;
    private Duration rollbackTimeout;
    private boolean cleanupOnFail;
    private Integer historyMax;
    private boolean installIfMissing;
    private boolean createNamespace;
    private boolean forceReplace;
    private boolean recreate;
    private Duration waitForRelease;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** How the new values combine with the previous ones (default {@link ValuesMode#DEFAULT}). */
    public Builder valuesMode(ValuesMode mode) {
      this.valuesMode = Objects.requireNonNull(mode, "valuesMode");
      return this;
    }

    /** {@code --reuse-values}. */
    public Builder reuseValues() {
      return valuesMode(ValuesMode.REUSE);
    }

    /** {@code --reset-values}. */
    public Builder resetValues() {
      return valuesMode(ValuesMode.RESET);
    }

    /** {@code --reset-then-reuse-values}. */
    public Builder resetThenReuseValues() {
      return valuesMode(ValuesMode.RESET_THEN_REUSE);
    }

    /** The namespace of the release, if not the client's ({@code -n}). */
    public Builder namespace(String ns) {
      this.namespace = Objects.requireNonNull(ns, "namespace");
      return this;
    }

    /** Rolls back to the last good revision if the upgrade fails ({@code --atomic}). */
    public Builder atomic() {
      this.atomic = true;
      return this;
    }

    /** As {@link #atomic()}, with its own time budget for the rollback. */
    public Builder atomic(Duration rollbackBudget) {
      this.atomic = true;
      this.rollbackTimeout = Objects.requireNonNull(rollbackBudget, "rollbackBudget");
      return this;
    }

    /** Deletes the objects this upgrade created if it fails ({@code --cleanup-on-fail}). */
    public Builder cleanupOnFail() {
      this.cleanupOnFail = true;
      return this;
    }

    /** Keeps at most {@code max} revisions ({@code --history-max}; 0: no limit). */
    public Builder historyMax(int max) {
      this.historyMax = HistoryMax.check(max);
      return this;
    }

    /** Installs the release when it does not exist ({@code --install}). */
    public Builder installIfMissing() {
      this.installIfMissing = true;
      return this;
    }

    /** With {@link #installIfMissing()}, creates the namespace if needed. */
    public Builder createNamespace() {
      this.createNamespace = true;
      return this;
    }

    /** Replaces existing objects (PUT) instead of patching them ({@code --force-replace}). */
    public Builder forceReplace() {
      this.forceReplace = true;
      return this;
    }

    /**
     * When another operation holds the release (its last revision is pending), waits up to {@code
     * max} for it to end instead of failing at once; the wait does not count against the
     * upgrade's own timeout.
     */
    public Builder waitForRelease(Duration max) {
      Objects.requireNonNull(max, "max");
      if (max.isNegative()) {
        throw new IllegalArgumentException("waitForRelease must not be negative, got " + max);
      }
      this.waitForRelease = max;
      return this;
    }

    /**
     * Deletes and creates again an object whose update the API server refuses because an
     * immutable field changed (a Job's template, a selector, a Service's clusterIP); the progress
     * event names the field. Without it such an upgrade fails with the API server's message.
     */
    public Builder recreateOnImmutableChange() {
      this.recreate = true;
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException when options conflict, naming them
     */
    public UpgradeOptions build() {
      checkForceConflicts();
      return new UpgradeOptions(this);
    }
  }
}
