package dev.capstan.testkit.assertj;

import dev.capstan.release.Release;
import dev.capstan.release.ReleaseStatus;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/** Assertions on a release's history, oldest revision first. */
public final class HistoryAssert extends AbstractAssert<HistoryAssert, List<Release>> {

  HistoryAssert(List<Release> actual) {
    super(actual, HistoryAssert.class);
  }

  /** The statuses, oldest first, for AssertJ's list assertions. */
  public ListAssert<ReleaseStatus> statuses() {
    isNotNull();
    return Assertions.assertThat(actual.stream()
        .map(r -> r.info() == null ? null : r.info().status()).toList())
        .as("statuses of %s", name());
  }

  /** The revision numbers, oldest first. */
  public ListAssert<Integer> revisions() {
    isNotNull();
    return Assertions.assertThat(actual.stream().map(Release::version).toList())
        .as("revisions of %s", name());
  }

  /** The descriptions, oldest first (what {@code helm history} shows last on each line). */
  public ListAssert<String> descriptions() {
    isNotNull();
    return Assertions.assertThat(actual.stream()
        .map(r -> r.info() == null ? null : r.info().description()).toList())
        .as("descriptions of %s", name());
  }

  /** The history has exactly one revision in status {@code deployed}, the last one. */
  public HistoryAssert endsDeployed() {
    isNotNull();
    long deployed = actual.stream().filter(r -> r.info() != null
        && r.info().status() == ReleaseStatus.DEPLOYED).count();
    Release last = actual.isEmpty() ? null : actual.get(actual.size() - 1);
    if (deployed != 1 || last == null || last.info() == null
        || last.info().status() != ReleaseStatus.DEPLOYED) {
      failWithMessage("Expected the history of %s to end with its only deployed revision, but the"
          + " statuses were %s", name(), actual.stream()
          .map(r -> r.info() == null ? null : r.info().status()).toList());
    }
    return this;
  }

  private String name() {
    return actual.isEmpty() ? "(no release)" : actual.get(0).name();
  }
}
