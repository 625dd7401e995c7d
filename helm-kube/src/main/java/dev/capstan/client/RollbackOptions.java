package dev.capstan.client;

import dev.capstan.kube.ServerSide;
import java.util.Objects;
import java.util.Optional;

/** The options of {@link ReleaseClient#rollback} (§3.3), validated when built. */
public final class RollbackOptions {
  private final int toRevision;
  private final WaitOptions wait;
  private final boolean cleanupOnFail;
  private final Integer historyMax;
  private final boolean noHooks;
  private final ServerSide serverSide;
  private final boolean forceReplace;
  private final boolean forceConflicts;
  private final String namespace;

  private RollbackOptions(RollbackOptions o, int target) {
    this.toRevision = target;
    this.wait = o.wait;
    this.cleanupOnFail = o.cleanupOnFail;
    this.historyMax = o.historyMax;
    this.noHooks = o.noHooks;
    this.serverSide = o.serverSide;
    this.forceReplace = o.forceReplace;
    this.forceConflicts = o.forceConflicts;
    this.namespace = o.namespace;
  }

  /** These options rolling back to {@code target}. */
  RollbackOptions withTarget(int target) {
    return new RollbackOptions(this, target);
  }

  private RollbackOptions(Builder b) {
    this.toRevision = b.toRevision;
    this.wait = WaitOptions.of(b.waitMode, false, b.waitForJobs, b.timeout);
    this.cleanupOnFail = b.cleanupOnFail;
    this.historyMax = b.historyMax;
    this.noHooks = b.noHooks;
    this.serverSide = b.serverSide;
    this.forceReplace = b.forceReplace;
    this.forceConflicts = b.forceConflicts;
    this.namespace = b.namespace;
    if (forceReplace && forceConflicts) {
      throw new IllegalArgumentException("forceReplace and forceConflicts cannot be combined");
    }
  }

  /** A builder with Helm's defaults: back to the previous revision, no wait. */
  public static Builder builder() {
    return new Builder();
  }

  /** The revision to roll back to; 0 means the one before the last. */
  public int toRevision() {
    return toRevision;
  }

  WaitOptions waitOptions() {
    return wait;
  }

  boolean cleanupOnFail() {
    return cleanupOnFail;
  }

  Optional<Integer> historyMax() {
    return Optional.ofNullable(historyMax);
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

  boolean forceConflicts() {
    return forceConflicts;
  }

  Optional<String> namespace() {
    return Optional.ofNullable(namespace);
  }

  /** Collects rollback options. */
  public static final class Builder extends ActionBuilder<Builder> {
    private int toRevision;
    private boolean cleanupOnFail;
    private Integer historyMax;
    private boolean forceReplace;
    private String namespace;

    private Builder() {}

    /** The namespace of the release, if not the client's ({@code -n}). */
    public Builder namespace(String ns) {
      this.namespace = Objects.requireNonNull(ns, "namespace");
      return this;
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * The revision to roll back to (default: the one before the last).
     *
     * @throws IllegalArgumentException for a negative revision ({@code invalid release revision})
     */
    public Builder toRevision(int revision) {
      if (revision < 0) {
        throw new IllegalArgumentException("invalid release revision: " + revision);
      }
      this.toRevision = revision;
      return this;
    }

    /** Deletes the objects this rollback created if it fails ({@code --cleanup-on-fail}). */
    public Builder cleanupOnFail() {
      this.cleanupOnFail = true;
      return this;
    }

    /** Keeps at most {@code max} revisions ({@code --history-max}; 0: no limit). */
    public Builder historyMax(int max) {
      this.historyMax = HistoryMax.check(max);
      return this;
    }

    /** Replaces existing objects (PUT) instead of patching them ({@code --force-replace}). */
    public Builder forceReplace() {
      this.forceReplace = true;
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException when options conflict, naming them
     */
    public RollbackOptions build() {
      checkForceConflicts();
      return new RollbackOptions(this);
    }
  }
}
