package dev.capstan.testkit.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of an {@link InMemoryCluster}'s simulated controllers: how many nodes the cluster
 * pretends to have, how long a started pod takes to become ready, and how far a crash-looping
 * container's restart count rises. Immutable; {@link #defaults()} makes everything ready at once
 * on one node.
 *
 * <pre>{@code
 * InMemoryCluster cluster = InMemoryCluster.builder()
 *     .controllers(Controllers.builder().nodes(3).readyAfter(Duration.ofMillis(50)).build())
 *     .build();
 * }</pre>
 */
public final class Controllers {
  /** The restart count a crash-looping container reaches unless told otherwise. */
  public static final int DEFAULT_CRASH_LOOP_RESTARTS = 5;

  private static final Controllers DEFAULTS = new Builder().build();

  private final int nodes;
  private final Duration readyAfter;
  private final int crashLoopRestarts;

  private Controllers(Builder b) {
    this.nodes = b.nodes;
    this.readyAfter = b.readyAfter;
    this.crashLoopRestarts = b.crashLoopRestarts;
  }

  /** The defaults: one node, pods ready as soon as they start, crash loops up to 5 restarts. */
  public static Controllers defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.nodes = nodes;
    b.readyAfter = readyAfter;
    b.crashLoopRestarts = crashLoopRestarts;
    return b;
  }

  /** How many Node objects ({@code node-1}, {@code node-2}, ...) the cluster starts with. */
  public int nodes() {
    return nodes;
  }

  /**
   * How long a started pod runs before it is ready (or, for a Job's pod, before it completes),
   * unless a scenario says otherwise; also how long a LoadBalancer Service waits for its address
   * and a PersistentVolumeClaim for its volume. Real time, unless the cluster's clock is a {@link
   * VirtualClock}: then time on that clock.
   */
  public Duration readyAfter() {
    return readyAfter;
  }

  /** The restart count a crash-looping container rises to, unless its scenario names one. */
  public int crashLoopRestarts() {
    return crashLoopRestarts;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Controllers c && c.nodes == nodes
        && c.readyAfter.equals(readyAfter) && c.crashLoopRestarts == crashLoopRestarts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nodes, readyAfter, crashLoopRestarts);
  }

  @Override
  public String toString() {
    return "Controllers[nodes=" + nodes + ", readyAfter=" + readyAfter + ", crashLoopRestarts="
        + crashLoopRestarts + "]";
  }

  /** Builds {@link Controllers}; every setting has a default. */
  public static final class Builder {
    private int nodes = 1;
    private Duration readyAfter = Duration.ZERO;
    private int crashLoopRestarts = DEFAULT_CRASH_LOOP_RESTARTS;

    private Builder() {}

    /**
     * How many nodes the cluster pretends to have (1 unless set): DaemonSets run a pod on each,
     * other pods are spread over them; with none, pods stay Pending as unschedulable.
     *
     * @throws IllegalArgumentException when negative
     */
    public Builder nodes(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("nodes must not be negative, got " + count);
      }
      this.nodes = count;
      return this;
    }

    /**
     * How long a started pod runs before it is ready (zero unless set); see {@link
     * Controllers#readyAfter()}.
     *
     * @throws IllegalArgumentException when negative
     */
    public Builder readyAfter(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("readyAfter must not be negative, got " + delay);
      }
      this.readyAfter = delay;
      return this;
    }

    /**
     * The restart count a crash-looping container rises to ({@value Controllers#DEFAULT_CRASH_LOOP_RESTARTS}
     * unless set, past helm-kube's fail-fast threshold of 3).
     *
     * @throws IllegalArgumentException when less than 1
     */
    public Builder crashLoopRestarts(int restarts) {
      if (restarts < 1) {
        throw new IllegalArgumentException("crashLoopRestarts must be at least 1, got "
            + restarts);
      }
      this.crashLoopRestarts = restarts;
      return this;
    }

    /** The settings. */
    public Controllers build() {
      return new Controllers(this);
    }
  }
}
