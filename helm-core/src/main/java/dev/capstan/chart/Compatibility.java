package dev.capstan.chart;

import dev.capstan.semver.Constraint;
import dev.capstan.semver.InvalidConstraintException;
import dev.capstan.semver.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a chart's {@code kubeVersion} against the Kubernetes version it is rendered for (§7.1),
 * as Helm does before rendering on install, upgrade and template.
 */
public final class Compatibility {
  /**
   * The Kubernetes version Helm 4.1.4 assumes when it renders without a cluster ({@code helm
   * template} without {@code --kube-version}): {@code v1.35.0}.
   *
   * <p>Helm derives it at build time from the {@code k8s.io/client-go} version it was built with
   * (major + 1, same minor, patch 0); Helm 4.1.4 was built with client-go v0.35.1. This was checked
   * by running the real Helm 4.1.4 binary: {@code .Capabilities.KubeVersion.Version} rendered as
   * {@code v1.35.0}. Other Helm releases differ (Helm 4.2.x, built with client-go v0.36, assumes
   * {@code v1.36.0}; Helm's own unit tests use {@code v1.20.0}).
   */
  public static final String DEFAULT_KUBE_VERSION = "v1.35.0";

  private Compatibility() {
  }

  /**
   * Fails unless {@code chart}'s {@code kubeVersion} constraint admits {@code kubeVersion}. An
   * absent or empty {@code kubeVersion} admits every version.
   *
   * <p>The version is checked exactly as given, as Helm checks the {@code gitVersion} that a
   * cluster reports: a cluster version with a pre-release part, such as
   * {@code v1.28.3-eks-4f4795d}, satisfies only constraints that mention a pre-release, such as
   * {@code >=1.20.0-0}. (Helm's {@code --kube-version} flag is different: it drops such suffixes
   * before checking; callers that mimic it should pass {@code v1.28.3}.) Only the chart given is
   * checked, not its subcharts, as in Helm.
   *
   * @param chart the metadata of the chart being rendered
   * @param kubeVersion the Kubernetes version, such as {@code v1.29.2} or
   *     {@link #DEFAULT_KUBE_VERSION}
   * @throws KubeVersionException with Helm's text {@code chart requires kubeVersion: <c> which is
   *     incompatible with Kubernetes <v>} when the version does not satisfy the constraint; or,
   *     naming the chart, when the constraint or the version cannot be parsed
   */
  public static void requireKubeVersion(ChartMetadata chart, String kubeVersion) {
    Objects.requireNonNull(chart, "chart");
    Objects.requireNonNull(kubeVersion, "kubeVersion");
    String required = chart.kubeVersion();
    if (required == null || required.isEmpty()) {
      return;
    }
    Constraint constraint;
    try {
      constraint = Constraint.parse(required);
    } catch (InvalidConstraintException e) {
      throw new KubeVersionException("chart \"" + chart.name() + "\" has an invalid kubeVersion \""
          + required + "\": " + e.getMessage(), chart.name(), required, kubeVersion, e);
    }
    Optional<Version> version = Version.tryParse(kubeVersion);
    if (version.isEmpty()) {
      throw new KubeVersionException("cannot check kubeVersion \"" + required + "\" of chart \""
          + chart.name() + "\": Kubernetes version \"" + kubeVersion
          + "\" is not a semantic version", chart.name(), required, kubeVersion, null);
    }
    if (!constraint.isSatisfiedBy(version.get())) {
      throw new KubeVersionException("chart requires kubeVersion: " + required
          + " which is incompatible with Kubernetes " + kubeVersion, chart.name(), required,
          kubeVersion, null);
    }
  }

  /**
   * Whether {@code version} satisfies {@code constraint}; false when either cannot be parsed. This
   * is Helm's {@code IsCompatibleRange}, which it also uses to match dependency versions.
   */
  public static boolean isCompatibleRange(String constraint, String version) {
    Objects.requireNonNull(constraint, "constraint");
    Objects.requireNonNull(version, "version");
    try {
      return Constraint.parse(constraint).isSatisfiedBy(version);
    } catch (InvalidConstraintException e) {
      return false;
    }
  }
}
