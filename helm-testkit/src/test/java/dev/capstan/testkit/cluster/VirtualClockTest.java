package dev.capstan.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final VirtualClock clock = VirtualClock.at(START);
  private final List<String> ran = new ArrayList<>();

  @Test
  @DisplayName("the clock stands still until it is moved, and shows what has passed")
  void standsStill() {
    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.millis()).isEqualTo(START.toEpochMilli());

    clock.advance(Duration.ofMinutes(3));
    clock.advanceTo(START.plusSeconds(200));

    assertThat(clock.instant()).isEqualTo(START.plusSeconds(200));
    assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(200));
  }

  @Test
  @DisplayName("moving the clock runs what was scheduled in order of due time, each at its time")
  void runsScheduledTasksInOrder() {
    clock.schedule(Duration.ofSeconds(30).toNanos(), () -> ran.add("b@" + clock.elapsed()));
    clock.schedule(Duration.ofSeconds(10).toNanos(), () -> ran.add("a@" + clock.elapsed()));
    clock.schedule(Duration.ofSeconds(30).toNanos(), () -> ran.add("c@" + clock.elapsed()));
    clock.schedule(Duration.ofMinutes(5).toNanos(), () -> ran.add("late"));

    clock.advance(Duration.ofMinutes(1));

    assertThat(ran).containsExactly("a@PT10S", "b@PT30S", "c@PT30S");
    assertThat(clock.elapsed()).isEqualTo(Duration.ofMinutes(1));
    assertThat(clock.scheduled()).isEqualTo(1);
  }

  @Test
  @DisplayName("a task scheduled by a task runs in the same move when it falls due within it")
  void tasksScheduleTasks() {
    clock.schedule(1_000, () -> {
      ran.add("first");
      clock.schedule(1_000, () -> ran.add("second@" + clock.elapsed().toNanos()));
    });

    clock.advance(Duration.ofNanos(5_000));

    assertThat(ran).containsExactly("first", "second@2000");
  }

  @Test
  @DisplayName("poll answers a waiting element at once, and otherwise moves to the next task or by the whole wait")
  void poll() throws InterruptedException {
    LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    queue.add("ready");
    assertThat(clock.poll(queue, Duration.ofMinutes(1))).isEqualTo("ready");
    assertThat(clock.elapsed()).isZero();

    clock.schedule(Duration.ofSeconds(7).toNanos(), () -> queue.add("changed"));
    assertThat(clock.poll(queue, Duration.ofMinutes(1))).isEqualTo("changed");
    assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(7));

    assertThat(clock.poll(queue, Duration.ofSeconds(2))).isNull();
    assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(9));
  }

  @Test
  @DisplayName("every repeats a task once per period until closed; sleep moves the clock")
  void every() throws Exception {
    AutoCloseable handle = clock.every(Duration.ofSeconds(10), "renew",
        () -> ran.add("renew@" + clock.elapsed().getSeconds()));

    clock.sleep(Duration.ofSeconds(35));
    handle.close();
    clock.sleep(Duration.ofSeconds(60));

    assertThat(ran).containsExactly("renew@10", "renew@20", "renew@30");
    assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(95));
  }

  @Test
  @DisplayName("a zone view shares the time; the clock never moves back; a failing task does not stop the move")
  void zonesAndErrors() {
    VirtualClock paris = clock.withZone(ZoneId.of("Europe/Paris"));
    clock.schedule(10, () -> {
      throw new IllegalStateException("boom");
    });
    clock.schedule(20, () -> ran.add("after"));

    paris.advance(Duration.ofHours(1));

    assertThat(clock.instant()).isEqualTo(START.plusSeconds(3600));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(ran).containsExactly("after");
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only moves forward");
    assertThatThrownBy(() -> clock.advanceTo(START))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("an interrupted waiter gets InterruptedException and the clock does not move")
  void interrupt() {
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> clock.poll(new LinkedBlockingQueue<>(), Duration.ofMinutes(1)))
        .isInstanceOf(InterruptedException.class);
    assertThat(Thread.interrupted()).isFalse();
    assertThat(clock.elapsed()).isZero();
  }
}
