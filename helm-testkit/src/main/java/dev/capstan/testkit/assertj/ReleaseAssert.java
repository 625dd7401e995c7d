package dev.capstan.testkit.assertj;

import dev.capstan.release.Release;
import dev.capstan.release.ReleaseStatus;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one revision of a release. */
public final class ReleaseAssert extends AbstractAssert<ReleaseAssert, Release> {

  ReleaseAssert(Release actual) {
    super(actual, ReleaseAssert.class);
  }

  /** The revision's status is {@code expected}. */
  public ReleaseAssert hasStatus(ReleaseStatus expected) {
    isNotNull();
    ReleaseStatus status = actual.info() == null ? null : actual.info().status();
    if (status != expected) {
      failWithMessage("Expected %s revision %s to have status <%s> but was <%s>", actual.name(),
          actual.version(), expected, status);
    }
    return this;
  }

  /** The revision number is {@code expected}. */
  public ReleaseAssert hasRevision(int expected) {
    isNotNull();
    if (actual.version() != expected) {
      failWithMessage("Expected release %s to be revision <%s> but was <%s>", actual.name(),
          expected, actual.version());
    }
    return this;
  }

  /** The description is exactly {@code expected}. */
  public ReleaseAssert hasDescription(String expected) {
    isNotNull();
    String description = actual.info() == null ? null : actual.info().description();
    if (!Objects.equals(description, expected)) {
      failWithMessage("Expected %s revision %s to have description <%s> but was <%s>",
          actual.name(), actual.version(), expected, description);
    }
    return this;
  }

  /** The stored chart's version is {@code expected}. */
  public ReleaseAssert hasChartVersion(String expected) {
    isNotNull();
    String version = actual.chart() == null ? null : actual.chart().version();
    if (!Objects.equals(version, expected)) {
      failWithMessage("Expected %s revision %s to have chart version <%s> but was <%s>",
          actual.name(), actual.version(), expected, version);
    }
    return this;
  }

  /**
   * The user value at the dotted {@code path} ({@code image.tag}) equals {@code expected}.
   * Numbers compare by value, so {@code 3} matches a YAML {@code 3} (a float64 in Helm).
   */
  public ReleaseAssert hasUserValue(String path, Object expected) {
    isNotNull();
    Object value = actual.config().get(path).orElse(null);
    if (!Values.same(value, expected)) {
      failWithMessage("Expected %s revision %s to have user value %s = <%s> but was <%s>",
          actual.name(), actual.version(), path, expected, value);
    }
    return this;
  }
}
