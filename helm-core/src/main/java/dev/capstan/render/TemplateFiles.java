package dev.capstan.render;

import dev.capstan.chart.ChartFile;
import dev.capstan.internal.gofmt.GoStrings;
import dev.capstan.values.Values;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code .Files} object that templates see (§7.3): the non-template files of one chart, by
 * path relative to the chart root.
 *
 * <p>Method names follow Helm's, in Java case: {@code get}, {@code getBytes}, {@code glob},
 * {@code lines}, {@code asConfig} and {@code asSecrets}.
 */
public final class TemplateFiles {
  private final Map<String, byte[]> files;

  private TemplateFiles(Map<String, byte[]> files) {
    this.files = files;
  }

  /** The files of a chart; later files with the same name replace earlier ones. */
  public static TemplateFiles of(List<ChartFile> chartFiles) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (ChartFile f : chartFiles) {
      m.put(f.name(), f.data());
    }
    return new TemplateFiles(Collections.unmodifiableMap(m));
  }

  /**
   * The content of {@code name} as text, or {@code ""} when there is no such file. As a Go string,
   * it keeps every byte: UTF-8 decodes as usual, and each byte that is not UTF-8 (a binary file) is
   * kept as the char {@code U+DC80}-{@code U+DCFF}, so that {@code b64enc} and {@code sha256sum}
   * see the file's own bytes.
   */
  public String get(String name) {
    byte[] b = files.get(name);
    return b == null ? "" : GoStrings.fromBytes(b);
  }

  /** A copy of the bytes of {@code name}, or an empty array when there is no such file. */
  public byte[] getBytes(String name) {
    byte[] b = files.get(name);
    return b == null ? new byte[0] : b.clone();
  }

  /**
   * The files whose names match {@code pattern} (gobwas glob syntax, {@code /} as separator,
   * {@code **} across directories). As in Helm, an invalid pattern matches every file.
   */
  public TemplateFiles glob(String pattern) {
    Glob g;
    try {
      g = Glob.compile(pattern);
    } catch (IllegalArgumentException e) {
      g = Glob.compile("**");
    }
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      if (g.matches(e.getKey())) {
        m.put(e.getKey(), e.getValue());
      }
    }
    return new TemplateFiles(Collections.unmodifiableMap(m));
  }

  /**
   * The lines of {@code name}: split on {@code \n} after dropping one trailing newline; an empty
   * list when there is no such file.
   */
  public List<String> lines(String name) {
    byte[] b = files.get(name);
    if (b == null) {
      return List.of();
    }
    String s = GoStrings.fromBytes(b);
    if (s.endsWith("\n")) {
      s = s.substring(0, s.length() - 1);
    }
    return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(s.split("\n", -1))));
  }

  /**
   * The files as the body of a ConfigMap's {@code data}: YAML mapping each file's base name to its
   * text, keys sorted, without a trailing newline ({@code {}} when there are no files).
   */
  public String asConfig() {
    return asYaml(false);
  }

  /**
   * The files as the body of a Secret's {@code data}: YAML mapping each file's base name to its
   * base64-encoded bytes, keys sorted, without a trailing newline.
   */
  public String asSecrets() {
    return asYaml(true);
  }

  /** The names of the files, in chart order. */
  public List<String> names() {
    return List.copyOf(files.keySet());
  }

  private String asYaml(boolean base64) {
    Map<String, Object> m = new TreeMap<>();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      String key = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
      m.put(key, base64 ? Base64.getEncoder().encodeToString(e.getValue())
          : new String(e.getValue(), StandardCharsets.UTF_8));
    }
    String yaml = Values.of(m).toYaml();
    return yaml.endsWith("\n") ? yaml.substring(0, yaml.length() - 1) : yaml;
  }
}
