package dev.capstan.chart;

import dev.capstan.CapstanException;

/**
 * Thrown when a chart cannot be rendered for a Kubernetes version because of its
 * {@code kubeVersion} (§7.1): the version does not satisfy the constraint (Helm's text
 * {@code chart requires kubeVersion: <c> which is incompatible with Kubernetes <v>}), or the
 * constraint or the version cannot be parsed.
 */
public class KubeVersionException extends CapstanException {
  private static final long serialVersionUID = 1L;

  private final String chartName;
  private final String kubeVersionConstraint;
  private final String kubeVersion;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param chartName the chart's name
   * @param kubeVersionConstraint the chart's {@code kubeVersion}
   * @param kubeVersion the Kubernetes version checked
   * @param cause the parse failure underneath, or {@code null}
   */
  public KubeVersionException(String message, String chartName, String kubeVersionConstraint,
      String kubeVersion, Throwable cause) {
    super(message, cause);
    this.chartName = chartName;
    this.kubeVersionConstraint = kubeVersionConstraint;
    this.kubeVersion = kubeVersion;
  }

  /** The name of the chart whose {@code kubeVersion} failed. */
  public String chartName() {
    return chartName;
  }

  /** The chart's {@code kubeVersion} constraint, as written. */
  public String kubeVersionConstraint() {
    return kubeVersionConstraint;
  }

  /** The Kubernetes version that was checked, as given. */
  public String kubeVersion() {
    return kubeVersion;
  }
}
