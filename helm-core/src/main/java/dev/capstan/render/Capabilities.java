package dev.capstan.render;

import dev.capstan.chart.Compatibility;
import dev.capstan.semver.InvalidVersionException;
import dev.capstan.semver.Version;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What templates see as {@code .Capabilities} (§7.3): the Kubernetes version, the API versions the
 * cluster serves and the Helm version.
 *
 * <p>{@link #defaults()} is what Helm 4.1.4 uses without a cluster ({@code helm template}): Kubernetes
 * {@value Compatibility#DEFAULT_KUBE_VERSION} and Helm's built-in list of 57 API versions. The
 * cluster side replaces them with what the API server reports.
 */
public final class Capabilities {
  /** The Helm release whose behaviour Capstan follows, reported as {@code .Capabilities.HelmVersion}. */
  public static final String HELM_VERSION = "v4.1.4";

  private static final List<String> DEFAULT_API_VERSIONS = List.of(
      "v1",
      "admissionregistration.k8s.io/v1",
      "admissionregistration.k8s.io/v1alpha1",
      "admissionregistration.k8s.io/v1beta1",
      "internal.apiserver.k8s.io/v1alpha1",
      "apps/v1",
      "apps/v1beta1",
      "apps/v1beta2",
      "authentication.k8s.io/v1",
      "authentication.k8s.io/v1alpha1",
      "authentication.k8s.io/v1beta1",
      "authorization.k8s.io/v1",
      "authorization.k8s.io/v1beta1",
      "autoscaling/v1",
      "autoscaling/v2",
      "autoscaling/v2beta1",
      "autoscaling/v2beta2",
      "batch/v1",
      "batch/v1beta1",
      "certificates.k8s.io/v1",
      "certificates.k8s.io/v1beta1",
      "certificates.k8s.io/v1alpha1",
      "coordination.k8s.io/v1alpha2",
      "coordination.k8s.io/v1beta1",
      "coordination.k8s.io/v1",
      "discovery.k8s.io/v1",
      "discovery.k8s.io/v1beta1",
      "events.k8s.io/v1",
      "events.k8s.io/v1beta1",
      "extensions/v1beta1",
      "flowcontrol.apiserver.k8s.io/v1",
      "flowcontrol.apiserver.k8s.io/v1beta1",
      "flowcontrol.apiserver.k8s.io/v1beta2",
      "flowcontrol.apiserver.k8s.io/v1beta3",
      "networking.k8s.io/v1",
      "networking.k8s.io/v1beta1",
      "node.k8s.io/v1",
      "node.k8s.io/v1alpha1",
      "node.k8s.io/v1beta1",
      "policy/v1",
      "policy/v1beta1",
      "rbac.authorization.k8s.io/v1",
      "rbac.authorization.k8s.io/v1beta1",
      "rbac.authorization.k8s.io/v1alpha1",
      "resource.k8s.io/v1",
      "resource.k8s.io/v1beta2",
      "resource.k8s.io/v1beta1",
      "resource.k8s.io/v1alpha3",
      "scheduling.k8s.io/v1alpha1",
      "scheduling.k8s.io/v1beta1",
      "scheduling.k8s.io/v1",
      "storage.k8s.io/v1beta1",
      "storage.k8s.io/v1",
      "storage.k8s.io/v1alpha1",
      "storagemigration.k8s.io/v1beta1",
      "apiextensions.k8s.io/v1beta1",
      "apiextensions.k8s.io/v1");

  private static final Capabilities DEFAULTS =
      new Capabilities(Version.parse(Compatibility.DEFAULT_KUBE_VERSION), DEFAULT_API_VERSIONS);

  private final Version kubeVersion;
  private final List<String> apiVersions;

  private Capabilities(Version kubeVersion, List<String> apiVersions) {
    this.kubeVersion = kubeVersion;
    this.apiVersions = List.copyOf(apiVersions);
  }

  /** Helm's client-only capabilities: Kubernetes v1.35.0 and Helm's default API versions. */
  public static Capabilities defaults() {
    return DEFAULTS;
  }

  /**
   * These capabilities with another Kubernetes version, parsed as Helm parses
   * {@code --kube-version} ({@code 1.30} means {@code v1.30.0}).
   *
   * @throws IllegalArgumentException when {@code version} is not a semantic version
   */
  public Capabilities withKubeVersion(String version) {
    Objects.requireNonNull(version, "version");
    try {
      return new Capabilities(Version.parse(version), apiVersions);
    } catch (InvalidVersionException e) {
      throw new IllegalArgumentException("invalid kube version \"" + version + "\": "
          + e.getMessage(), e);
    }
  }

  /**
   * These capabilities with {@code extra} API versions added after the current ones, as
   * {@code helm template --api-versions} adds to the defaults. Duplicates are kept once.
   */
  public Capabilities withExtraApiVersions(List<String> extra) {
    LinkedHashSet<String> all = new LinkedHashSet<>(apiVersions);
    for (String v : extra) {
      all.add(Objects.requireNonNull(v, "api version"));
    }
    return new Capabilities(kubeVersion, new ArrayList<>(all));
  }

  /** These capabilities with exactly {@code apiVersions}, as a cluster's discovery reports them. */
  public Capabilities withApiVersions(List<String> apiVersions) {
    return new Capabilities(kubeVersion, apiVersions);
  }

  /** The Kubernetes version with a leading {@code v}, such as {@code v1.35.0}. */
  public String kubeVersion() {
    return "v" + kubeVersion.major() + "." + kubeVersion.minor() + "." + kubeVersion.patch()
        + (kubeVersion.prerelease().isEmpty() ? "" : "-" + kubeVersion.prerelease())
        + (kubeVersion.metadata().isEmpty() ? "" : "+" + kubeVersion.metadata());
  }

  /** The major version as text, such as {@code 1}. */
  public String kubeMajor() {
    return Long.toString(kubeVersion.major());
  }

  /** The minor version as text, such as {@code 35}. */
  public String kubeMinor() {
    return Long.toString(kubeVersion.minor());
  }

  /** The API versions ({@code group/version} and {@code group/version/Kind}), in order. */
  public List<String> apiVersions() {
    return apiVersions;
  }

  /** Whether {@code apiVersion} (a {@code group/version} or {@code group/version/Kind}) is served. */
  public boolean hasApiVersion(String apiVersion) {
    return apiVersions.contains(apiVersion);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Capabilities c && c.kubeVersion().equals(kubeVersion())
        && c.apiVersions.equals(apiVersions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kubeVersion(), apiVersions);
  }

  @Override
  public String toString() {
    return "Capabilities[kube " + kubeVersion() + ", " + apiVersions.size() + " API versions]";
  }
}
