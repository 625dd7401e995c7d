package dev.capstan.render;

import java.util.Objects;

/**
 * A file of a chart's {@code crds/} directory (§5.8): installed before the templates and never
 * templated.
 *
 * @param path the full path, such as {@code mychart/crds/crontab.yaml} or
 *     {@code mychart/charts/sub/crds/x.yaml}
 * @param content the file content as text
 */
public record ChartCrd(String path, String content) {
  /** Checks that both parts are present. */
  public ChartCrd {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
  }
}
