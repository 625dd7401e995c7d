package dev.capstan.testkit.cluster;

import dev.capstan.testkit.cluster.ScenarioBook.Target;
import dev.capstan.testkit.cluster.ScenarioBook.TargetKind;
import java.util.Objects;

/**
 * The scenarios an {@link InMemoryCluster}'s simulated controllers play, from {@link
 * InMemoryCluster#scenario()}: each method picks a target, whose {@link Scenario} says what
 * happens to it.
 *
 * <pre>{@code
 * cluster.scenario().deployment("web").crashLoop("app");
 * cluster.scenario().job("migrate").fail("relation \"users\" already exists");
 * cluster.scenario().image("example/web:2.0-broken").imagePullFails();
 * cluster.scenario().in("staging").every("PersistentVolumeClaim").neverReady();
 * }</pre>
 *
 * <p>A target is an object by kind and name, every object of a kind, or every container running
 * an image; in any namespace unless narrowed with {@link #in}. A scenario on a workload applies
 * to its pods (a Deployment's through its ReplicaSets). Scenarios hold from the moment they are
 * set: pods already running take them up at once, except pods that have finished. When several
 * scenarios match a pod, the most specific decides: the pod's own, then its owners' (nearest
 * first), then its containers' images', then those set for every object of a kind; a scenario set
 * for a namespace beats one set for any namespace. Objects no scenario matches become ready.
 */
public final class Scenarios {
  private final ControllerManager manager;
  private final String namespace;

  Scenarios(ControllerManager manager, String namespace) {
    this.manager = manager;
    this.namespace = namespace;
  }

  /**
   * The same scenarios narrowed to objects in {@code namespace}.
   *
   * @throws IllegalArgumentException when the namespace is blank
   */
  public Scenarios in(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    if (namespace.isBlank()) {
      throw new IllegalArgumentException("namespace must not be blank");
    }
    return new Scenarios(manager, namespace);
  }

  /** The Deployment {@code name} and its pods. */
  public Scenario deployment(String name) {
    return named(TargetKind.DEPLOYMENT, name);
  }

  /** The StatefulSet {@code name} and its pods. */
  public Scenario statefulSet(String name) {
    return named(TargetKind.STATEFUL_SET, name);
  }

  /** The DaemonSet {@code name} and its pods. */
  public Scenario daemonSet(String name) {
    return named(TargetKind.DAEMON_SET, name);
  }

  /** The ReplicaSet {@code name} and its pods. */
  public Scenario replicaSet(String name) {
    return named(TargetKind.REPLICA_SET, name);
  }

  /** The Job {@code name} and its pods. */
  public Scenario job(String name) {
    return named(TargetKind.JOB, name);
  }

  /** The Pod {@code name}. */
  public Scenario pod(String name) {
    return named(TargetKind.POD, name);
  }

  /** The Service {@code name}: whether a LoadBalancer gets its address. */
  public Scenario service(String name) {
    return named(TargetKind.SERVICE, name);
  }

  /** The PersistentVolumeClaim {@code name}: whether it gets bound. */
  public Scenario persistentVolumeClaim(String name) {
    return named(TargetKind.PERSISTENT_VOLUME_CLAIM, name);
  }

  /**
   * Every container that runs {@code image} (as written in the pod spec, such as {@code
   * example/web:2.0}), in any pod: the way to break one version of an application and not the
   * one a rollback returns to.
   */
  public Scenario image(String image) {
    return named(TargetKind.IMAGE, image);
  }

  /**
   * Every object of {@code kind}: {@code Deployment}, {@code StatefulSet}, {@code DaemonSet},
   * {@code ReplicaSet}, {@code Job}, {@code Pod}, {@code Service} or {@code
   * PersistentVolumeClaim}.
   *
   * @throws IllegalArgumentException for another kind
   */
  public Scenario every(String kind) {
    Objects.requireNonNull(kind, "kind");
    for (TargetKind t : TargetKind.values()) {
      if (t != TargetKind.IMAGE && t.kind.equals(kind)) {
        return new Scenario(manager, new Target(t, namespace, null));
      }
    }
    throw new IllegalArgumentException("scenarios target Deployment, StatefulSet, DaemonSet,"
        + " ReplicaSet, Job, Pod, Service or PersistentVolumeClaim, not " + kind);
  }

  /** Drops every scenario (of every namespace), so that everything becomes ready again. */
  public void clear() {
    manager.changeScenarios(ScenarioBook::clear);
  }

  private Scenario named(TargetKind kind, String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException(kind.kind + " name must not be blank");
    }
    return new Scenario(manager, new Target(kind, namespace, name));
  }
}
