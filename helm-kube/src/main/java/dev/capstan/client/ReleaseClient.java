package dev.capstan.client;

import dev.capstan.chart.Chart;
import dev.capstan.kube.Cluster;
import dev.capstan.progress.ProgressListener;
import dev.capstan.release.Release;
import dev.capstan.release.ReleaseName;
import dev.capstan.render.ChartRenderer;
import dev.capstan.render.ReleaseOptions;
import dev.capstan.render.RenderedChart;
import dev.capstan.values.Values;
import dev.capstan.storage.ReleaseDriver;
import dev.capstan.storage.ReleaseNotFoundException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Helm's release actions for a Java program: install, upgrade, rollback, uninstall, history and
 * status, with Helm's semantics (statuses, revision numbers, descriptions, values rules, hooks) so
 * that {@code helm history} tells the same story for the same operations.
 *
 * <pre>{@code
 * ReleaseClient helm = ReleaseClient.builder()
 *     .cluster(KubeCluster.of(kubernetesClient))
 *     .storage(new SecretDriver(kubernetesClient))
 *     .namespace("production")
 *     .build();
 * Release r = helm.upgrade("web", chart, up -> up.set("replicaCount=3").atomic().installIfMissing());
 * }</pre>
 *
 * <p>Immutable and thread-safe. Each action takes a consumer of its options builder; options are
 * validated when built. Failures are {@link ReleaseOperationException}s (and {@link
 * ReleaseInProgressException} when another operation holds the release).
 */
public final class ReleaseClient {
  /** The CLI's default timeout of an operation. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
  /** How long a lease lasts without renewal unless {@link Builder#leaseDuration} says. */
  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(30);
  /** The CLI's default number of revisions kept. */
  public static final int DEFAULT_HISTORY_MAX = 10;

  private final Lifecycle life;
  private final String namespace;
  private final UninstallAction uninstall;
  private final InstallAction install;
  private final RollbackAction rollback;
  private final UpgradeAction upgrade;
  private final ListAction list;
  private final TestAction test;
  private final RecoverAction recover;

  private ReleaseClient(Builder b) {
    KubernetesSerialization given = b.serialization;
    Supplier serialization = new Supplier(given);
    this.namespace = b.namespace;
    this.life = new Lifecycle(b.cluster, b.driver, b.clock, b.listener, serialization::get,
        b.namespace, b.timeout, b.historyMax, b.holder, b.autoRecover, b.leaseDuration);
    this.uninstall = new UninstallAction(life);
    this.rollback = new RollbackAction(life);
    this.recover = new RecoverAction(life, rollback, uninstall);
    this.install = new InstallAction(life, uninstall, recover);
    this.upgrade = new UpgradeAction(life, install, rollback, recover);
    this.list = new ListAction(life);
    this.test = new TestAction(life);
  }

  /** The serialization the readiness rules use, made once when first needed. */
  private static final class Supplier {
    private volatile KubernetesSerialization value;

    Supplier(KubernetesSerialization given) {
      this.value = given;
    }

    KubernetesSerialization get() {
      KubernetesSerialization v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = new KubernetesSerialization();
            value = v;
          }
        }
      }
      return v;
    }
  }

  /** A builder; {@link Builder#cluster} and {@link Builder#storage} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The namespace actions use unless told another. */
  public String namespace() {
    return namespace;
  }

  /**
   * Installs {@code chart} as release {@code name} (§3.1).
   *
   * @return the deployed revision
   * @throws ReleaseOperationException when it fails, with the recorded revision and, with atomic,
   *     what the uninstall did
   */
  public Release install(String name, Chart chart, Consumer<InstallOptions.Builder> options) {
    InstallOptions.Builder b = InstallOptions.builder();
    options.accept(b);
    InstallOptions o = b.build();
    return life.operation(() -> install.run(name, chart, o));
  }

  /**
   * Upgrades release {@code name} to {@code chart} (§3.2), or installs it when asked to and
   * missing.
   *
   * @return the deployed revision
   * @throws ReleaseInProgressException when another operation holds the release
   * @throws ReleaseOperationException when it fails, with the recorded revision and, with atomic,
   *     what the rollback did
   */
  public Release upgrade(String name, Chart chart, Consumer<UpgradeOptions.Builder> options) {
    UpgradeOptions.Builder b = UpgradeOptions.builder();
    options.accept(b);
    UpgradeOptions o = b.build();
    return life.operation(() -> upgrade.run(name, chart, o));
  }

  /**
   * What upgrading release {@code name} to {@code chart} with {@code options} would change, per
   * resource, against its current revision and against the live objects, without changing
   * anything ({@code helm diff upgrade}). The upgrade runs as a server-side dry run: the cluster
   * is read, nothing is written or stored.
   *
   * @param diff context lines, secrets shown or redacted (the default), paths to ignore
   * @throws ReleaseOperationException when the upgrade itself would fail (e.g. an ownership
   *     conflict), with Helm's message
   */
  public UpgradeDiff diff(String name, Chart chart, Consumer<UpgradeOptions.Builder> options,
      dev.capstan.diff.DiffOptions diff) {
    Objects.requireNonNull(diff, "diff");
    UpgradeOptions.Builder b = UpgradeOptions.builder();
    options.accept(b);
    UpgradeOptions o = b.dryRun(DryRun.SERVER).build();
    Release wouldBe = upgrade.run(name, chart, o);
    return DiffAction.diff(life, name, wouldBe, diff);
  }

  /**
   * Rolls release {@code name} back to an earlier revision (§3.3): its stored manifest and hooks
   * are applied again as a new revision.
   *
   * @return the deployed revision
   */
  public Release rollback(String name, Consumer<RollbackOptions.Builder> options) {
    RollbackOptions.Builder b = RollbackOptions.builder();
    options.accept(b);
    RollbackOptions o = b.build();
    return life.operation(() -> rollback.run(name, o.namespace().orElse(namespace), o));
  }

  /**
   * Uninstalls release {@code name} (§3.4).
   *
   * @return what was done; empty when the release does not exist and {@code ignoreNotFound} was
   *     asked for
   */
  public Optional<UninstallResult> uninstall(String name,
      Consumer<UninstallOptions.Builder> options) {
    UninstallOptions.Builder b = UninstallOptions.builder();
    options.accept(b);
    UninstallOptions o = b.build();
    return uninstall.run(name, o.namespace().orElse(namespace), o);
  }

  /**
   * Every revision of release {@code name}, ascending (what {@code helm history} shows).
   *
   * @throws ReleaseOperationException {@code release: not found} when there is none
   */
  public List<Release> history(String name) {
    try {
      return life.storage(namespace, Optional.empty()).history(name);
    } catch (ReleaseNotFoundException e) {
      throw new ReleaseOperationException("release: not found", e, null, null, null);
    }
  }

  /**
   * The last revision of release {@code name}, whatever its status ({@code helm status}).
   *
   * @throws ReleaseOperationException {@code release: not found} when there is none
   */
  public Release status(String name) {
    List<Release> h = history(name);
    return h.get(h.size() - 1);
  }

  /**
   * Revision {@code revision} of release {@code name} ({@code helm get --revision}).
   *
   * @throws ReleaseOperationException {@code release: not found} when it is not stored
   */
  public Release get(String name, int revision) {
    try {
      return life.storage(namespace, Optional.empty()).get(name, revision);
    } catch (ReleaseNotFoundException e) {
      throw new ReleaseOperationException("release: not found", e, null, null, null);
    }
  }

  /**
   * The user-supplied values of a revision ({@code helm get values}), or with {@code all} the
   * values it was rendered with: the stored chart's defaults under them ({@code --all}).
   *
   * @param revision the revision; 0 for the last
   * @throws ReleaseOperationException {@code release: not found} when it is not stored
   */
  public Values values(String name, int revision, boolean all) {
    Release r = revision <= 0 ? status(name) : get(name, revision);
    return all ? Lifecycle.computedValues(r) : r.config();
  }

  /**
   * The releases of the client's namespace (or of all namespaces) as {@code helm list} shows
   * them: the latest revision of each, filtered and sorted.
   */
  public List<Release> list(Consumer<ListOptions.Builder> options) {
    ListOptions.Builder b = ListOptions.builder();
    options.accept(b);
    return list.run(namespace, b.build());
  }

  /**
   * Runs the test hooks of the last revision of release {@code name} ({@code helm test}) and
   * records their outcome in that revision.
   *
   * @param only the names of the test hooks to run; empty: all of them
   * @return the revision with its test hooks' {@code last_run}
   * @throws ReleaseOperationException when a test fails (its outcome is recorded too)
   */
  public Release test(String name, Duration timeout, Set<String> only) {
    return test.run(name, namespace, timeout, Set.copyOf(only));
  }

  /**
   * Renders {@code chart} as release {@code name} would be installed, without a cluster
   * ({@code helm template}: Helm's client-only capabilities, {@code lookup} answers nothing).
   */
  public RenderedChart template(String name, Chart chart, Values userValues) {
    ReleaseName.validate(name);
    return ChartRenderer.builder().clock(life.clock()).build()
        .render(chart, ReleaseOptions.install(name, namespace), userValues);
  }

  /**
   * Recovers release {@code name} when its last revision is pending and the operation that holds
   * it was abandoned (its lease expired: the process died): the revision is recorded failed and,
   * with {@link RecoveryPolicy#ROLL_BACK}, undone as an atomic operation would have.
   *
   * @param policy what to do after marking the revision failed
   * @param force take over whatever the lease says, or a pending revision without a lease (one
   *     written by another tool); only when no other process can still be running it
   * @param rollback the options of the rollback that undoes an upgrade (its target is chosen here)
   * @return empty when the last revision is not pending
   * @throws ReleaseInProgressException when the lease is still valid (or missing) and not forced
   */
  public Optional<RecoveryResult> recover(String name, RecoveryPolicy policy, boolean force,
      Consumer<RollbackOptions.Builder> rollback) {
    RollbackOptions.Builder b = RollbackOptions.builder();
    rollback.accept(b);
    RollbackOptions o = b.build();
    Objects.requireNonNull(policy, "policy");
    return life.operation(() -> recover.run(name, namespace, policy, force, o));
  }

  /** Builds a {@link ReleaseClient}. */
  public static final class Builder {
    private Cluster cluster;
    private ReleaseDriver driver;
    private String namespace = "default";
    private Clock clock = Clock.systemUTC();
    private ProgressListener listener = ProgressListener.none();
    private Duration timeout = DEFAULT_TIMEOUT;
    private int historyMax = DEFAULT_HISTORY_MAX;
    private KubernetesSerialization serialization;
    private String holder = "capstan-" + java.util.UUID.randomUUID();
    private RecoveryPolicy autoRecover;
    private Duration leaseDuration = DEFAULT_LEASE_DURATION;

    private Builder() {}

    /**
     * How long a pending revision's lease lasts without renewal (default 30 s); a running
     * operation renews it every third of that, so a revision whose lease has run out was
     * abandoned by a process that died.
     */
    public Builder leaseDuration(Duration d) {
      Objects.requireNonNull(d, "leaseDuration");
      if (d.compareTo(Duration.ofMillis(100)) < 0) {
        throw new IllegalArgumentException("the lease duration must be at least 100 ms, got " + d);
      }
      this.leaseDuration = d;
      return this;
    }

    /**
     * The identity recorded in the leases of this client's operations (default {@code capstan-}
     * and a random UUID); name the process, e.g. a pod name, to make the leases say who holds a
     * release.
     */
    public Builder holder(String identity) {
      Objects.requireNonNull(identity, "holder");
      if (identity.isBlank()) {
        throw new IllegalArgumentException("the lease holder must not be blank");
      }
      this.holder = identity;
      return this;
    }

    /**
     * Recovers abandoned revisions (pending, lease expired) by itself with {@code policy} before
     * an install or upgrade goes on; off by default, so an abandoned revision fails the operation
     * with {@link ReleaseInProgressException} until {@link ReleaseClient#recover} is called.
     */
    public Builder autoRecover(RecoveryPolicy policy) {
      this.autoRecover = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The cluster the releases' objects go to (required). */
    public Builder cluster(Cluster c) {
      this.cluster = Objects.requireNonNull(c, "cluster");
      return this;
    }

    /** Where revisions are stored (required; Helm's default is the Secret driver). */
    public Builder storage(ReleaseDriver d) {
      this.driver = Objects.requireNonNull(d, "storage");
      return this;
    }

    /** The namespace of releases unless an action says another (default {@code default}). */
    public Builder namespace(String ns) {
      Objects.requireNonNull(ns, "namespace");
      if (ns.isEmpty()) {
        throw new IllegalArgumentException("the namespace must not be empty");
      }
      this.namespace = ns;
      return this;
    }

    /**
     * The clock of record times, deadlines and leases, and of the template functions that read
     * the time ({@code now}, {@code date}, ...) (default the UTC system clock). A clock
     * that is also a {@link dev.capstan.kube.TimeSource}, such as the testkit's virtual clock,
     * also decides how waits pass: there a timeout ends by moving the clock, without sleeping.
     */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /** Told what every operation does as it happens. */
    public Builder listener(ProgressListener l) {
      this.listener = Objects.requireNonNull(l, "listener");
      return this;
    }

    /** The default deadline of an operation (default 5 minutes, as the CLI). */
    public Builder timeout(Duration d) {
      Objects.requireNonNull(d, "timeout");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("the timeout must be positive, got " + d);
      }
      this.timeout = d;
      return this;
    }

    /** The default number of revisions kept (default 10, as the CLI; 0: no limit). */
    public Builder historyMax(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("historyMax must not be negative, got " + max);
      }
      this.historyMax = max;
      return this;
    }

    /**
     * The fabric8 serialization readiness rules read objects with (default: a new one, made when
     * first needed; pass the client's {@code getKubernetesSerialization()} to share it).
     */
    public Builder serialization(KubernetesSerialization s) {
      this.serialization = Objects.requireNonNull(s, "serialization");
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalStateException when the cluster or the storage is missing
     */
    public ReleaseClient build() {
      if (cluster == null) {
        throw new IllegalStateException("a ReleaseClient needs a cluster: call cluster(...)");
      }
      if (driver == null) {
        throw new IllegalStateException("a ReleaseClient needs a storage driver: call storage(...)");
      }
      return new ReleaseClient(this);
    }
  }
}
