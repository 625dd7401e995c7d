package dev.capstan.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.internal.yaml.Yaml;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetryTest {
  /** A clock that only moves when the sleeper sleeps. */
  private static final class FakeTime extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    final List<Duration> sleeps = new ArrayList<>();

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    Retry.Sleeper sleeper() {
      return d -> {
        sleeps.add(d);
        now = now.plus(d);
      };
    }
  }

  private static ClusterException unavailable() {
    return new ClusterException("etcd is down", 503, "ServiceUnavailable", null);
  }

  @Test
  @DisplayName("transient failures are retried with doubling waits until the call succeeds")
  void retriesTransient() {
    FakeTime time = new FakeTime();
    int[] calls = {0};

    String out = Retry.within(Duration.ofSeconds(30), time, time.sleeper()).run(() -> {
      if (calls[0]++ < 3) {
        throw unavailable();
      }
      return "ok";
    });

    assertThat(out).isEqualTo("ok");
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(400));
  }

  @Test
  @DisplayName("no retry starts whose wait would end after the deadline; the last failure is thrown")
  void stopsAtDeadline() {
    FakeTime time = new FakeTime();

    assertThatThrownBy(() -> Retry.within(Duration.ofMillis(1000), time, time.sleeper()).run(() -> {
      throw unavailable();
    })).isInstanceOf(ClusterException.class).hasMessage("etcd is down");
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(400));
  }

  @Test
  @DisplayName("failures that are not transient, and every failure without retries, are thrown at once")
  void notTransient() {
    FakeTime time = new FakeTime();
    int[] calls = {0};

    assertThatThrownBy(() -> Retry.within(Duration.ofSeconds(30), time, time.sleeper()).run(() -> {
      calls[0]++;
      throw new ClusterException("forbidden", 403, "Forbidden", null);
    })).hasMessage("forbidden");
    assertThatThrownBy(() -> Retry.none().run(() -> {
      calls[0]++;
      throw unavailable();
    })).hasMessage("etcd is down");
    assertThat(calls[0]).isEqualTo(2);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  @DisplayName("the applier retries transient failures; a create whose response was lost counts as created")
  void applierRetries() {
    FakeTime time = new FakeTime();
    FakeCluster cluster = new FakeCluster();
    cluster.failNext("GET", unavailable());
    cluster.loseNextCreateResponse = new ClusterException("no response", 0, "", null);
    @SuppressWarnings("unchecked")
    Map<String, Object> cm = (Map<String, Object>) Yaml.load(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: ns1}\n", "test");

    ApplyResult r = new ResourceApplier(cluster)
        .withRetry(Retry.within(Duration.ofSeconds(30), time, time.sleeper()))
        .apply(List.of(), List.of(cm));

    assertThat(r.created()).extracting(ResourceRef::name).containsExactly("cfg");
    assertThat(cluster.requests).containsExactly("GET ConfigMap/ns1/cfg", "GET ConfigMap/ns1/cfg",
        "POST ConfigMap/ns1/cfg", "POST ConfigMap/ns1/cfg");
  }
}
