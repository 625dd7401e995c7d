package dev.capstan.samples.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The process environment the command line reads, in one place: built from {@code System.getenv()}
 * in {@link Capstan#main}, and from a plain map in tests. The library itself never reads it.
 *
 * @param variables the environment variables ({@code HELM_DRIVER}, {@code HELM_MAX_HISTORY},
 *     {@code HELM_NAMESPACE}, {@code HELM_KUBECONTEXT}, {@code KUBECONFIG}, {@code HOME}, {@code TZ})
 * @param workingDirectory where relative paths (charts, values files) are resolved
 */
public record Environment(Map<String, String> variables, Path workingDirectory) {

  /** Freezes the variables. */
  public Environment {
    variables = Map.copyOf(variables);
  }

  /** The environment of this process. */
  public static Environment system() {
    return new Environment(System.getenv(), Path.of("").toAbsolutePath());
  }

  /** The variable's value, if set and not empty. */
  public Optional<String> get(String name) {
    String v = variables.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /** The zone times are shown in: {@code TZ} when it names a zone, else the system's. */
  public ZoneId zone() {
    return get("TZ").flatMap(tz -> {
      try {
        return Optional.of(ZoneId.of(tz.startsWith(":") ? tz.substring(1) : tz));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }).orElse(ZoneId.systemDefault());
  }

  /** {@code path} resolved against the working directory. */
  public Path resolve(String path) {
    return workingDirectory.resolve(path);
  }
}
