package dev.capstan.internal.yaml;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads YAML the way Helm does (Go's yaml.v2 through sigs.k8s.io/yaml), with limits so that hostile
 * input cannot exhaust memory.
 *
 * <p>Internal: not part of Capstan's API.
 */
public final class Yaml {
  private Yaml() {}

  /**
   * Reads the first document of {@code text}: maps, lists, strings, booleans, numbers (Long/Double)
   * and null. An empty document is {@code null}.
   *
   * @param source the name used in error messages, such as {@code mychart/values.yaml}
   * @throws YamlException naming the source, line and column of the problem
   */
  public static Object load(String text, String source) {
    List<Object> docs = loadAll(text, source);
    return docs.isEmpty() ? null : docs.get(0);
  }

  /** Reads every document of {@code text}, in order. */
  public static List<Object> loadAll(String text, String source) {
    LoadSettings settings = LoadSettings.builder()
        .setLabel(source)
        .setAllowDuplicateKeys(true)
        .build();
    try {
      List<Object> out = new ArrayList<>();
      for (Object doc : new Load(settings).loadAllFromString(text)) {
        out.add(doc);
      }
      return out;
    } catch (MarkedYamlEngineException e) {
      var mark = e.getProblemMark().orElse(null);
      int line = mark == null ? 0 : mark.getLine() + 1;
      int col = mark == null ? 0 : mark.getColumn() + 1;
      throw new YamlException(source, line, col, e.getProblem(), e);
    } catch (YamlEngineException e) {
      throw new YamlException(source, 0, 0, e.getMessage(), e);
    }
  }
}
