package dev.capstan.internal.pebble;

import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import java.util.HashMap;
import java.util.Map;

/**
 * The named templates of one compiled chart tree. Filled while templates compile, in Helm's parse
 * order, so that a later define of the same name wins (parents override subcharts); read-only
 * afterwards.
 */
final class Defines {
  record Definition(DefineNode node, PebbleTemplateImpl template) {}

  private final Map<String, Definition> byName = new HashMap<>();
  private volatile boolean sealed;

  void register(DefineNode node, PebbleTemplateImpl template) {
    if (sealed) {
      // Defines inside tpl text are not added to the chart's named templates.
      return;
    }
    byName.put(node.name(), new Definition(node, template));
  }

  void seal() {
    sealed = true;
  }

  Definition get(String name) {
    return byName.get(name);
  }
}
