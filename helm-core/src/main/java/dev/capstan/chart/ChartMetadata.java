package dev.capstan.chart;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The metadata of a chart, from its {@code Chart.yaml} (§7.1). Optional strings are {@code null}
 * when absent; lists and maps are empty, never {@code null}.
 *
 * @param apiVersion {@code v1} or {@code v2}
 * @param name the chart name
 * @param version the chart version (a semantic version, possibly lenient such as {@code 1.2})
 * @param kubeVersion a constraint on the Kubernetes version, or {@code null}
 * @param description a one-line description, or {@code null}
 * @param type {@link ChartType#APPLICATION} unless the chart is a library
 * @param keywords keywords for search
 * @param home the project's home page, or {@code null}
 * @param sources source-code URLs
 * @param maintainers the maintainers
 * @param icon an icon URL, or {@code null}
 * @param appVersion the version of the application the chart deploys, or {@code null}
 * @param deprecated whether the chart is deprecated
 * @param annotations free-form annotations
 * @param dependencies declared dependencies (for v1 charts, from {@code requirements.yaml})
 * @param condition legacy v1 field, or {@code null}
 * @param tags legacy v1 field, or {@code null}
 * @param typeDeclared whether {@code Chart.yaml} gave a {@code type}; Helm keeps an absent type
 *     absent (release records and packaged {@code Chart.yaml} omit it, {@code .Chart.Type} is
 *     empty) while {@link #type()} reads it as {@link ChartType#APPLICATION}
 */
public record ChartMetadata(
    String apiVersion,
    String name,
    String version,
    String kubeVersion,
    String description,
    ChartType type,
    List<String> keywords,
    String home,
    List<String> sources,
    List<Maintainer> maintainers,
    String icon,
    String appVersion,
    boolean deprecated,
    Map<String, String> annotations,
    List<Dependency> dependencies,
    String condition,
    String tags,
    boolean typeDeclared) {

  /** API version {@code v1}: Helm 2 style charts, dependencies in {@code requirements.yaml}. */
  public static final String API_V1 = "v1";
  /** API version {@code v2}: Helm 3 charts, dependencies in {@code Chart.yaml}. */
  public static final String API_V2 = "v2";

  /** Validates required fields and copies collections; a {@code null} type is undeclared. */
  public ChartMetadata {
    typeDeclared = typeDeclared && type != null;
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    type = type == null ? ChartType.APPLICATION : type;
    keywords = List.copyOf(keywords == null ? List.of() : keywords);
    sources = List.copyOf(sources == null ? List.of() : sources);
    maintainers = List.copyOf(maintainers == null ? List.of() : maintainers);
    annotations = Map.copyOf(annotations == null ? Map.of() : annotations);
    dependencies = List.copyOf(dependencies == null ? List.of() : dependencies);
  }

  /**
   * Returns metadata whose type is declared when {@code type} is not {@code null}, as when
   * {@code Chart.yaml} names it.
   */
  public ChartMetadata(String apiVersion, String name, String version, String kubeVersion,
      String description, ChartType type, List<String> keywords, String home, List<String> sources,
      List<Maintainer> maintainers, String icon, String appVersion, boolean deprecated,
      Map<String, String> annotations, List<Dependency> dependencies, String condition,
      String tags) {
    this(apiVersion, name, version, kubeVersion, description, type, keywords, home, sources,
        maintainers, icon, appVersion, deprecated, annotations, dependencies, condition, tags,
        type != null);
  }

  /** Returns a minimal v2 application metadata with the given name and version. */
  public static ChartMetadata of(String name, String version) {
    return new ChartMetadata(API_V2, name, version, null, null, ChartType.APPLICATION, List.of(),
        null, List.of(), List.of(), null, null, false, Map.of(), List.of(), null, null);
  }

  /**
   * Builds and validates metadata from the fields of a {@code Chart.yaml} already read as a map,
   * with Helm's {@code Metadata.Validate} rules, as a repository index holds them inline (§8.1).
   *
   * @param source the name used in error messages, such as {@code index.yaml: mychart[0]}
   * @throws ChartLoadException with Helm's {@code validation: ...} text when a field is invalid
   */
  public static ChartMetadata fromMap(Map<String, ?> fields, String source) {
    Objects.requireNonNull(fields, "fields");
    Map<String, Object> copy = new java.util.LinkedHashMap<>(fields);
    return ChartYaml.toMetadata(copy, null, source);
  }

  /** Returns a copy with {@code dependencies} replaced. */
  public ChartMetadata withDependencies(List<Dependency> newDependencies) {
    return new ChartMetadata(apiVersion, name, version, kubeVersion, description, type, keywords,
        home, sources, maintainers, icon, appVersion, deprecated, annotations, newDependencies,
        condition, tags, typeDeclared);
  }

  /** Returns a copy with {@code name} replaced, as Helm does for an aliased subchart. */
  public ChartMetadata withName(String newName) {
    return new ChartMetadata(apiVersion, newName, version, kubeVersion, description, type, keywords,
        home, sources, maintainers, icon, appVersion, deprecated, annotations, dependencies,
        condition, tags, typeDeclared);
  }

  /** Whether the chart is a library chart. */
  public boolean isLibrary() {
    return type == ChartType.LIBRARY;
  }
}
