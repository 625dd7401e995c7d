package dev.capstan.internal.template;

import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a render gives the functions that read time or draw random numbers: one per render, never
 * shared statically, so tests can fix both.
 *
 * <p>Internal: not part of Capstan's API.
 *
 * @param clock the time {@code now} reads, in the zone {@code date} formats in by default
 * @param random the randomness of {@code randAlphaNum}, {@code uuidv4}, keys and salts; a
 *     {@link java.security.SecureRandom} outside tests
 */
public record FunctionEnv(Clock clock, RandomGenerator random) {
  /** Checks the parts. */
  public FunctionEnv {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
  }
}
