package dev.capstan.render;

import java.util.List;

/** The template engines of a renderer, in order of preference. */
final class Engines {
  private final List<TemplateEngine> engines;

  Engines(List<TemplateEngine> engines) {
    this.engines = List.copyOf(engines);
  }

  /** The engine for the template {@code path} of a chart. */
  TemplateEngine forPath(String path, String fullName) {
    for (TemplateEngine e : engines) {
      if (e.accepts(path)) {
        return e;
      }
    }
    throw new RenderException(fullName + ": no template engine renders this file; Capstan renders "
        + describe());
  }

  String outputName(String path, String fullName) {
    return forPath(path, fullName).outputName(path);
  }

  List<TemplateEngine> all() {
    return engines;
  }

  private String describe() {
    StringBuilder sb = new StringBuilder();
    for (TemplateEngine e : engines) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(e.name()).append(" templates");
      if (e.accepts("x.peb")) {
        sb.append(" (*.peb)");
      }
    }
    return sb.toString();
  }
}
