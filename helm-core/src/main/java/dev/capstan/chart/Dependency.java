package dev.capstan.chart;

import java.util.List;
import java.util.Objects;

/**
 * A dependency declared in {@code Chart.yaml} (apiVersion v2) or {@code requirements.yaml} (v1).
 *
 * @param name the subchart's chart name
 * @param version a semantic-version constraint the subchart must satisfy, or {@code null}
 * @param repository the repository URL, {@code file://} path or alias; {@code null} when absent
 * @param condition comma-separated values paths, the first of which that is a boolean decides
 *     whether the subchart is enabled; {@code null} when absent
 * @param tags tags that enable or disable the subchart together with others
 * @param enabled whether dependency processing left the subchart enabled (stored in release records)
 * @param importValues import-values entries: strings, or maps with {@code child} and {@code parent}
 * @param alias the name under which the subchart is used, or {@code null}
 */
public record Dependency(
    String name,
    String version,
    String repository,
    String condition,
    List<String> tags,
    boolean enabled,
    List<Object> importValues,
    String alias) {

  /** Validates and copies the lists. */
  public Dependency {
    Objects.requireNonNull(name, "name");
    tags = List.copyOf(tags == null ? List.of() : tags);
    importValues = importValues == null ? List.of() : List.copyOf(importValues);
  }

  /** The name under which the subchart's values and templates appear: the alias, else the name. */
  public String effectiveName() {
    return alias == null || alias.isEmpty() ? name : alias;
  }
}
