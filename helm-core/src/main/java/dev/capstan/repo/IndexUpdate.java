package dev.capstan.repo;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of {@link ChartRepository#update()}.
 *
 * @param index the repository's index after the update
 * @param modified {@code false} when the server answered {@code 304 Not Modified} and the cached
 *     index was kept
 * @param checkedAt when the update ran, by the repository's clock
 */
public record IndexUpdate(RepositoryIndex index, boolean modified, Instant checkedAt) {
  /** Checks the parts. */
  public IndexUpdate {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(checkedAt, "checkedAt");
  }
}
