package dev.capstan.kube.readiness;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;

/**
 * Rolling-update arithmetic as Kubernetes' {@code intstr} and {@code deploymentutil} compute it.
 */
final class Rollout {

  private Rollout() {}

  /**
   * Resolves an int-or-percent against {@code total} as {@code
   * intstr.GetScaledValueFromIntOrPercent}: an integer is taken as is, a string must be {@code
   * "<int>%"} and is scaled, rounded up or down.
   *
   * @throws IllegalArgumentException when the value is null or a string that is not a percentage
   */
  static int scaled(IntOrString value, int total, boolean roundUp) {
    if (value == null || (value.getIntVal() == null && value.getStrVal() == null)) {
      throw new IllegalArgumentException("nil value for IntOrString");
    }
    if (value.getIntVal() != null) {
      return value.getIntVal();
    }
    String s = value.getStrVal();
    if (!s.endsWith("%")) {
      throw new IllegalArgumentException(
          "invalid value for IntOrString: invalid type: string is not a percentage: " + s);
    }
    int pct;
    try {
      pct = Integer.parseInt(s.substring(0, s.length() - 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid value for IntOrString: " + s, e);
    }
    double exact = (double) pct * (double) total / 100.0;
    return (int) (roundUp ? Math.ceil(exact) : Math.floor(exact));
  }

  /**
   * Returns the number of replicas a Deployment may have unavailable, as {@code
   * deploymentutil.MaxUnavailable}: 0 unless the strategy is RollingUpdate and replicas &gt; 0;
   * otherwise maxSurge rounded up and maxUnavailable rounded down (missing values count as 0), 1
   * when both resolve to 0, and never more than replicas. An invalid value resolves to 0, as the
   * Go code ignores the error that validation would have caught.
   */
  static int maxUnavailable(Deployment d, int replicas) {
    DeploymentStrategy strategy = d.getSpec().getStrategy();
    if (strategy == null || !"RollingUpdate".equals(strategy.getType()) || replicas == 0) {
      return 0;
    }
    RollingUpdateDeployment ru = strategy.getRollingUpdate();
    IntOrString surgeValue = ru == null ? null : ru.getMaxSurge();
    IntOrString unavailableValue = ru == null ? null : ru.getMaxUnavailable();
    int surge;
    int unavailable;
    try {
      surge = scaled(orZero(surgeValue), replicas, true);
      unavailable = scaled(orZero(unavailableValue), replicas, false);
    } catch (IllegalArgumentException e) {
      return 0;
    }
    if (surge == 0 && unavailable == 0) {
      unavailable = 1;
    }
    return Math.min(unavailable, replicas);
  }

  private static IntOrString orZero(IntOrString v) {
    return v == null || (v.getIntVal() == null && v.getStrVal() == null) ? new IntOrString(0) : v;
  }
}
