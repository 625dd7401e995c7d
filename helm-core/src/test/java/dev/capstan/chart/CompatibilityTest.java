package dev.capstan.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.semver.InvalidConstraintException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A chart's {@code kubeVersion} checked against the Kubernetes version (§7.1, §9). */
class CompatibilityTest {

  private static ChartMetadata chart(String kubeVersion) {
    return new ChartMetadata(ChartMetadata.API_V2, "mychart", "0.1.0", kubeVersion, null,
        ChartType.APPLICATION, List.of(), null, List.of(), List.of(), null, null, false, Map.of(),
        List.of(), null, null);
  }

  @ParameterizedTest(name = "kubeVersion \"{0}\" admits {1}")
  @DisplayName("§7.1 a Kubernetes version that satisfies kubeVersion passes")
  @CsvSource(delimiter = ';', textBlock = """
      '>=1.20.0' ; v1.29.2
      '>= 1.19.0-0' ; v1.28.3-eks-4f4795d
      '>=1.20.0-0' ; v1.28.3-gke.1245000
      '~1.28' ; 1.28.9
      '>=1.25.0 <1.36.0' ; v1.35.0
      '^1.30' ; v1.35.0
      """)
  void compatible(String constraint, String kubeVersion) {
    assertThatCode(() -> Compatibility.requireKubeVersion(chart(constraint), kubeVersion))
        .doesNotThrowAnyException();
  }

  @Test
  @DisplayName("§7.1 a chart without kubeVersion runs on any version")
  void noConstraint() {
    assertThatCode(() -> Compatibility.requireKubeVersion(chart(null), "v1.0.0"))
        .doesNotThrowAnyException();
    assertThatCode(() -> Compatibility.requireKubeVersion(chart(""), "anything"))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "kubeVersion \"{0}\" rejects {1}")
  @DisplayName("§9 an incompatible Kubernetes version fails with Helm's exact text")
  @CsvSource(delimiter = ';', textBlock = """
      '>=1.36.0' ; v1.35.0
      '>=99.0.0' ; v1.20.0
      '<1.20' ; v1.29.2
      '>=1.20.0' ; v1.28.3-eks-4f4795d
      '>=1.29.0' ; v1.28.3-eks-4f4795d
      '~1.27' ; 1.28.0
      """)
  void incompatible(String constraint, String kubeVersion) {
    assertThatThrownBy(() -> Compatibility.requireKubeVersion(chart(constraint), kubeVersion))
        .isInstanceOfSatisfying(KubeVersionException.class, e -> {
          assertThat(e.chartName()).isEqualTo("mychart");
          assertThat(e.kubeVersionConstraint()).isEqualTo(constraint);
          assertThat(e.kubeVersion()).isEqualTo(kubeVersion);
        })
        .hasMessage("chart requires kubeVersion: " + constraint
            + " which is incompatible with Kubernetes " + kubeVersion);
  }

  @Test
  @DisplayName("§7.1 a pre-release cluster version (EKS, GKE) satisfies only a constraint with a pre-release")
  void prereleaseClusterVersion() {
    // Given: the gitVersion an EKS cluster reports
    String eks = "v1.28.3-eks-4f4795d";

    // Then
    assertThatThrownBy(() -> Compatibility.requireKubeVersion(chart(">=1.20.0"), eks))
        .isInstanceOf(KubeVersionException.class);
    assertThatCode(() -> Compatibility.requireKubeVersion(chart(">=1.20.0-0"), eks))
        .doesNotThrowAnyException();
  }

  @Test
  @DisplayName("an invalid kubeVersion fails with an error naming the chart and the parse problem")
  void invalidConstraint() {
    assertThatThrownBy(() -> Compatibility.requireKubeVersion(chart(">= foo"), "v1.35.0"))
        .isInstanceOf(KubeVersionException.class)
        .hasCauseInstanceOf(InvalidConstraintException.class)
        .hasMessage("chart \"mychart\" has an invalid kubeVersion \">= foo\": "
            + "improper constraint: \">= foo\"");
  }

  @Test
  @DisplayName("a Kubernetes version that is not a version fails with an error naming it and the chart")
  void invalidKubeVersion() {
    assertThatThrownBy(() -> Compatibility.requireKubeVersion(chart(">=1.20.0"), "latest"))
        .isInstanceOf(KubeVersionException.class)
        .hasMessage("cannot check kubeVersion \">=1.20.0\" of chart \"mychart\": "
            + "Kubernetes version \"latest\" is not a semantic version");
  }

  @Test
  @DisplayName("the default Kubernetes version of client-only rendering is Helm 4.1.4's v1.35.0")
  void defaultKubeVersion() {
    assertThat(Compatibility.DEFAULT_KUBE_VERSION).isEqualTo("v1.35.0");
    assertThatThrownBy(() -> Compatibility.requireKubeVersion(chart(">=1.36.0"),
        Compatibility.DEFAULT_KUBE_VERSION))
        .hasMessage("chart requires kubeVersion: >=1.36.0 which is incompatible with "
            + "Kubernetes v1.35.0");
  }

  @ParameterizedTest(name = "IsCompatibleRange(\"{0}\", \"{1}\") = {2}")
  @DisplayName("isCompatibleRange is false when either side does not parse, as Helm's IsCompatibleRange")
  @CsvSource(delimiter = ';', textBlock = """
      '^1.2.0' ; 1.5.0 ; true
      '^1.2.0' ; 2.0.0 ; false
      '>= foo' ; 1.0.0 ; false
      '*' ; not-a-version ; false
      '~0.1.0' ; v0.1.3 ; true
      """)
  void compatibleRange(String constraint, String version, boolean expected) {
    assertThat(Compatibility.isCompatibleRange(constraint, version)).isEqualTo(expected);
  }
}
