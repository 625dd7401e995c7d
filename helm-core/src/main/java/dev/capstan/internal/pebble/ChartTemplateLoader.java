package dev.capstan.internal.pebble;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * A Pebble loader that can read only the templates of the chart being rendered, by their full
 * template name: nothing from the file system, the class path or outside the chart. Relative names
 * ({@code ./x.peb}, {@code ../y.peb}) resolve against the including template and may not leave the
 * chart.
 */
final class ChartTemplateLoader implements Loader<String> {
  private final Map<String, String> texts;

  ChartTemplateLoader(Map<String, String> texts) {
    this.texts = Map.copyOf(texts);
  }

  @Override
  public Reader getReader(String name) {
    String text = texts.get(name);
    if (text == null) {
      throw new LoaderException(null, "no template named \"" + name + "\" in this chart; templates"
          + " can only read the chart's own templates, by full name such as"
          + " \"mychart/templates/_helpers.peb\" or relative to the current template (\"./x.peb\")");
    }
    return new StringReader(text);
  }

  @Override
  public void setCharset(String charset) {
    // Templates are already decoded as UTF-8 text.
  }

  @Override
  public void setPrefix(String prefix) {
    throw new UnsupportedOperationException("chart templates have no prefix");
  }

  @Override
  public void setSuffix(String suffix) {
    throw new UnsupportedOperationException("chart templates have no suffix");
  }

  @Override
  public String resolveRelativePath(String relativePath, String anchorPath) {
    if (relativePath == null || anchorPath == null
        || !(relativePath.startsWith("./") || relativePath.startsWith("../"))) {
      return null;
    }
    Deque<String> parts = new ArrayDeque<>();
    int slash = anchorPath.lastIndexOf('/');
    if (slash > 0) {
      for (String p : anchorPath.substring(0, slash).split("/")) {
        parts.addLast(p);
      }
    }
    for (String p : relativePath.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          // Leaving the chart: answer a name that no template has, so loading it fails.
          return relativePath;
        }
        parts.removeLast();
      } else {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }

  @Override
  public String createCacheKey(String templateName) {
    return templateName;
  }

  @Override
  public boolean resourceExists(String templateName) {
    return texts.containsKey(templateName);
  }
}
