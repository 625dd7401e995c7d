package dev.capstan.internal.template;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/** Calls {@link MoreFunctions} by name on a fixed clock and a seeded generator. */
final class Fns {
  static final Instant NOW = Instant.parse("2024-05-06T07:08:09.123456789Z");

  private Fns() {}

  static FunctionEnv env() {
    return env(ZoneOffset.UTC, 42);
  }

  static FunctionEnv env(ZoneId zone, long seed) {
    return new FunctionEnv(Clock.fixed(NOW, zone), new SplittableRandom(seed));
  }

  static Object call(String name, Object... args) {
    return call(env(), name, args);
  }

  static Object call(FunctionEnv env, String name, Object... args) {
    TemplateFunction f = MoreFunctions.all().get(name);
    if (f == null) {
      throw new AssertionError("no function " + name);
    }
    return f.call(args, env);
  }
}
