package dev.capstan.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimeSourceTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  @DisplayName("a plain clock gets the system's time source reading that clock")
  void plainClock() throws InterruptedException {
    TimeSource time = TimeSource.of(clock);
    LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    queue.add("x");

    assertThat(time.clock()).isSameAs(clock);
    assertThat(time.poll(queue, Duration.ofMinutes(1))).isEqualTo("x");
    assertThat(time.poll(queue, Duration.ofMillis(1))).isNull();
  }

  @Test
  @DisplayName("a clock that is a time source is used as it is")
  void clockThatIsATimeSource() {
    class Virtual extends Clock implements TimeSource {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.EPOCH;
      }

      @Override
      public Clock clock() {
        return this;
      }

      @Override
      public <T> T poll(java.util.concurrent.BlockingQueue<T> queue, Duration max) {
        return queue.poll();
      }

      @Override
      public void sleep(Duration duration) {}

      @Override
      public AutoCloseable every(Duration period, String threadName, Runnable task) {
        return () -> { };
      }
    }
    Virtual v = new Virtual();

    assertThat(TimeSource.of(v)).isSameAs(v);
  }

  @Test
  @DisplayName("the system's repetition runs on a daemon thread of the given name until closed")
  void every() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch twice = new CountDownLatch(2);
    String[] thread = new String[1];
    AutoCloseable handle = TimeSource.system(clock).every(Duration.ofMillis(5), "capstan-test-tick",
        () -> {
          thread[0] = Thread.currentThread().getName();
          runs.incrementAndGet();
          twice.countDown();
        });

    assertThat(twice.await(10, TimeUnit.SECONDS)).isTrue();
    handle.close();
    int after = runs.get();
    TimeSource.system(clock).sleep(Duration.ofMillis(30));

    assertThat(thread[0]).isEqualTo("capstan-test-tick");
    assertThat(runs.get()).isEqualTo(after);
    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
        .doesNotContain("capstan-test-tick");
  }
}
