package dev.capstan.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compiled template sets by engine and exact sources, least recently used first out. Compiling is
 * a pure function of the sources, so identical sources (the same chart loaded again) share one
 * compilation. Thread-safe; a compilation runs outside the lock.
 */
final class CompileCache {
  private record Key(TemplateEngine engine, List<TemplateSource> sources) {}

  private final Map<Key, CompiledTemplates> entries;

  CompileCache(int capacity) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, CompiledTemplates> eldest) {
        return size() > capacity;
      }
    };
  }

  CompiledTemplates get(TemplateEngine engine, List<TemplateSource> sources,
      Supplier<CompiledTemplates> compile) {
    Key key = new Key(engine, List.copyOf(sources));
    synchronized (this) {
      CompiledTemplates found = entries.get(key);
      if (found != null) {
        return found;
      }
    }
    CompiledTemplates compiled = compile.get();
    synchronized (this) {
      CompiledTemplates raced = entries.putIfAbsent(key, compiled);
      return raced != null ? raced : compiled;
    }
  }
}
