package dev.capstan.kube.readiness;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;

/**
 * Gives workloads without a {@code spec} an empty one (on a copy), so that rules read Go's zero
 * values instead of failing on null; the caller's object is never modified.
 */
final class Specs {

  private Specs() {}

  static Deployment of(Deployment d) {
    return d.getSpec() != null ? d : new DeploymentBuilder(d).withNewSpec().endSpec().build();
  }

  static ReplicaSet of(ReplicaSet rs) {
    return rs.getSpec() != null ? rs : new ReplicaSetBuilder(rs).withNewSpec().endSpec().build();
  }

  static StatefulSet of(StatefulSet sts) {
    return sts.getSpec() != null ? sts
        : new StatefulSetBuilder(sts).withNewSpec().endSpec().build();
  }

  static DaemonSet of(DaemonSet ds) {
    return ds.getSpec() != null ? ds : new DaemonSetBuilder(ds).withNewSpec().endSpec().build();
  }

  static Job of(Job job) {
    return job.getSpec() != null ? job : new JobBuilder(job).withNewSpec().endSpec().build();
  }

  static ReplicationController of(ReplicationController rc) {
    return rc.getSpec() != null ? rc
        : new ReplicationControllerBuilder(rc).withNewSpec().endSpec().build();
  }
}
