package dev.capstan.kube.readiness;

import static dev.capstan.kube.readiness.Fixtures.NS;
import static dev.capstan.kube.readiness.Fixtures.deployment;
import static dev.capstan.kube.readiness.Readiness.State.FAILED;
import static dev.capstan.kube.readiness.Readiness.State.IN_PROGRESS;
import static dev.capstan.kube.readiness.Readiness.State.READY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("ReadinessRules registry, FailFast policy and Readiness values")
class ReadinessRulesTest {

  static GenericKubernetesResource widget(String apiVersion, String phase) {
    return new GenericKubernetesResourceBuilder().withApiVersion(apiVersion).withKind("Widget")
        .withNewMetadata().withName("w").withNamespace(NS).endMetadata()
        .withAdditionalProperties(Map.of("status", Map.of("phase", phase))).build();
  }

  /** A user rule: a Widget is ready when status.phase is Running, failed when Broken. */
  static final ReadinessRule WIDGET_RULE = (o, related) -> {
    Object status = ((GenericKubernetesResource) o).getAdditionalProperties().get("status");
    Object phase = ((Map<?, ?>) status).get("phase");
    return switch (String.valueOf(phase)) {
      case "Running" -> Readiness.ready("widget running");
      case "Broken" -> Readiness.failed("widget broken", "phase Broken");
      default -> Readiness.inProgress("widget phase " + phase);
    };
  };

  @ParameterizedTest
  @EnumSource(WaitStrategy.class)
  @DisplayName("a user rule decides the readiness of its group/kind under both strategies")
  void customRule(WaitStrategy strategy) {
    ReadinessRules rules = ReadinessRules.builder(strategy)
        .rule("example.com", "Widget", WIDGET_RULE).build();
    assertThat(rules.check(widget("example.com/v1", "Running"), Related.none()).state())
        .isEqualTo(READY);
    assertThat(rules.check(widget("example.com/v1alpha1", "Starting"), Related.none()).reason())
        .isEqualTo("widget phase Starting");
    assertThat(rules.check(widget("example.com/v1", "Broken"), Related.none()).state())
        .isEqualTo(FAILED);
    // the same kind in another group is not covered by the rule
    assertThat(rules.check(widget("other.io/v1", "Starting"), Related.none()).reason())
        .isNotEqualTo("widget phase Starting");
  }

  @Test
  @DisplayName("a user rule overrides the built-in rule of its kind")
  void overridesBuiltIn() {
    Deployment d = deployment(3, 1, 0).build();
    ReadinessRules builtIn = ReadinessRules.builder(WaitStrategy.LEGACY).build();
    ReadinessRules custom = builtIn.toBuilder()
        .rule("apps", "Deployment", (o, r) -> Readiness.ready("trusted")).build();
    assertThat(builtIn.check(d, new FakeRelated()).state()).isEqualTo(IN_PROGRESS);
    assertThat(custom.check(d, new FakeRelated()).reason()).isEqualTo("trusted");
    assertThat(custom.ruleFor("apps", "Deployment")).isPresent();
    assertThat(builtIn.ruleFor("example.com", "Widget")).isEmpty();
  }

  @Test
  @DisplayName("the built registry does not change when its builder is used again")
  void immutable() {
    ReadinessRules.Builder builder = ReadinessRules.builder(WaitStrategy.LEGACY);
    ReadinessRules before = builder.build();
    builder.rule("example.com", "Widget", WIDGET_RULE).waitForJobs(true);
    assertThat(before.ruleFor("example.com", "Widget")).isEmpty();
    assertThat(before.waitForJobs()).isFalse();
    assertThat(builder.build().ruleFor("example.com", "Widget")).isPresent();
  }

  @Test
  @DisplayName("toBuilder keeps strategy, options and user rules")
  void toBuilder() {
    ReadinessRules rules = ReadinessRules.builder(WaitStrategy.WATCHER).waitForJobs(true)
        .failFast(FailFast.disabled()).rule("example.com", "Widget", WIDGET_RULE).build();
    ReadinessRules copy = rules.toBuilder().build();
    assertThat(copy.strategy()).isEqualTo(WaitStrategy.WATCHER);
    assertThat(copy.waitForJobs()).isTrue();
    assertThat(copy.failFast()).isEqualTo(FailFast.disabled());
    assertThat(copy.ruleFor("example.com", "Widget")).isPresent();
  }

  @Test
  @DisplayName("rule registration rejects a blank kind or a group with a version, naming it")
  void badRegistration() {
    ReadinessRules.Builder b = ReadinessRules.builder(WaitStrategy.LEGACY);
    assertThatThrownBy(() -> b.rule("example.com", " ", WIDGET_RULE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("example.com");
    assertThatThrownBy(() -> b.rule("example.com/v1", "Widget", WIDGET_RULE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"example.com/v1\"").hasMessageContaining("Widget");
  }

  @Test
  @DisplayName("an object without kind is refused with its name")
  void noKind() {
    GenericKubernetesResource g = new GenericKubernetesResourceBuilder().withApiVersion("v1")
        .withNewMetadata().withName("x").withNamespace(NS).endMetadata().build();
    assertThatThrownBy(() -> ReadinessRules.builder(WaitStrategy.LEGACY).build()
        .check(g, Related.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ns/x");
  }

  @Test
  @DisplayName("a generic object whose fields do not fit its kind is refused, naming the object")
  void malformedGeneric() {
    GenericKubernetesResource bad = new GenericKubernetesResourceBuilder()
        .withApiVersion("apps/v1").withKind("Deployment")
        .withNewMetadata().withName("web").withNamespace(NS).endMetadata()
        .withAdditionalProperties(Map.of("spec", Map.of("replicas", "three"))).build();
    assertThatThrownBy(() -> ReadinessRules.builder(WaitStrategy.LEGACY).build()
        .check(bad, Related.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot read Deployment ns/web as Deployment");
  }

  @Test
  @DisplayName("FailFast validates thresholds and copies edit immutably")
  void failFastPolicy() {
    FailFast defaults = FailFast.defaults();
    assertThat(defaults.threshold("CrashLoopBackOff")).hasValue(3);
    assertThat(defaults.threshold("ImagePullBackOff")).hasValue(0);
    assertThat(defaults.threshold("ContainerCreating")).isEmpty();
    FailFast edited = defaults.withThreshold("CrashLoopBackOff", 5).without("ErrImagePull");
    assertThat(edited.threshold("CrashLoopBackOff")).hasValue(5);
    assertThat(edited.threshold("ErrImagePull")).isEmpty();
    assertThat(defaults.threshold("ErrImagePull")).hasValue(0);
    assertThatThrownBy(() -> defaults.withThreshold("CrashLoopBackOff", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CrashLoopBackOff").hasMessageContaining("-1");
    assertThatThrownBy(() -> new FailFast(Map.of("", 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.thresholds().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @DisplayName("Readiness carries a cause only when failed")
  void readinessValue() {
    assertThat(Readiness.ready("r").cause()).isEmpty();
    assertThat(Readiness.inProgress("r").isReady()).isFalse();
    Readiness failed = Readiness.failed("job is failed: ns/j", "BackoffLimitExceeded");
    assertThat(failed.isFailed()).isTrue();
    assertThat(failed.cause()).contains("BackoffLimitExceeded");
    assertThat(failed).isEqualTo(Readiness.failed("job is failed: ns/j", "BackoffLimitExceeded"))
        .isNotEqualTo(Readiness.failed("job is failed: ns/j", "other"));
    assertThat(failed.toString()).isEqualTo("FAILED: job is failed: ns/j (BackoffLimitExceeded)");
  }

  @Test
  @DisplayName("WaitStrategy carries Helm's --wait flag value")
  void flagValues() {
    assertThat(List.of(WaitStrategy.values())).extracting(WaitStrategy::flagValue)
        .containsExactly("legacy", "watcher");
  }
}
