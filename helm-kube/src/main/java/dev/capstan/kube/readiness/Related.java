package dev.capstan.kube.readiness;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;

/**
 * The objects that a readiness rule may need besides the object it checks: the ReplicaSets of a
 * Deployment and the Pods of a workload.
 *
 * <p>Implementations read a cluster, a cache of watched objects or an in-memory model. Selectors
 * follow Kubernetes: a {@code null} selector matches nothing, an empty selector matches everything.
 * The lists returned may be in any order; rules never modify them.
 */
public interface Related {

  /** Returns the ReplicaSets of {@code namespace} whose labels match {@code selector}. */
  List<ReplicaSet> replicaSets(String namespace, LabelSelector selector);

  /** Returns the Pods of {@code namespace} whose labels match {@code selector}. */
  List<Pod> pods(String namespace, LabelSelector selector);

  /** Returns a {@code Related} that knows no objects, for checks that need none. */
  static Related none() {
    return new Related() {
      @Override
      public List<ReplicaSet> replicaSets(String namespace, LabelSelector selector) {
        return List.of();
      }

      @Override
      public List<Pod> pods(String namespace, LabelSelector selector) {
        return List.of();
      }
    };
  }
}
