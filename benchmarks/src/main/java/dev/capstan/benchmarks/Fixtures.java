package dev.capstan.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the benchmarks find the shared fixtures: {@code ../shared} beside the project root. */
final class Fixtures {
  private Fixtures() {}

  /** {@code shared/fixtures}, looked up from the working directory (the module or the root). */
  static Path fixtures() {
    for (Path candidate : new Path[] {Path.of("../shared/fixtures"), Path.of("../../shared/fixtures")}) {
      if (Files.isDirectory(candidate)) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("shared/fixtures not found beside the project");
  }

  /** The {@code helm create} chart that real Helm rendered into the fixtures. */
  static Path mychart() {
    return fixtures().resolve("charts/mychart");
  }

  /** The Pebble port of the starter chart, {@code samples/charts/mychart}. */
  static Path pebbleMychart() {
    for (Path candidate : new Path[] {Path.of("samples/charts/mychart"), Path.of("../samples/charts/mychart")}) {
      if (Files.isDirectory(candidate)) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("samples/charts/mychart not found");
  }
}
