package dev.capstan.internal.gotemplate;

import dev.capstan.internal.gotemplate.Parser.Tree;
import dev.capstan.internal.template.FunctionEnv;
import dev.capstan.render.Lookup;
import java.util.HashMap;
import java.util.Map;

/** What one render call carries through templates, includes and tpl texts. One thread. */
final class RenderContext {
  static final int MAX_INCLUDE_DEPTH = 1000;

  final GoCompiledTemplates owner;
  final Lookup lookup;
  final FunctionEnv env;
  final boolean strict;
  private final String rootTemplate;
  private final long maxChars;
  private long produced;
  private final Map<String, Integer> included = new HashMap<>();
  /** Templates defined by tpl texts, visible after their definition (Helm's cloned set). */
  final Map<String, Tree> overlay;

  RenderContext(GoCompiledTemplates owner, Lookup lookup, FunctionEnv env, String rootTemplate,
      Map<String, Tree> overlay) {
    this.owner = owner;
    this.lookup = lookup;
    this.env = env;
    this.strict = owner.options.strict();
    this.rootTemplate = rootTemplate;
    this.maxChars = owner.options.maxRenderedChars();
    this.overlay = overlay;
  }

  private RenderContext(RenderContext parent, Map<String, Tree> overlay) {
    this.owner = parent.owner;
    this.lookup = parent.lookup;
    this.env = parent.env;
    this.strict = parent.strict;
    this.rootTemplate = parent.rootTemplate;
    this.maxChars = parent.maxChars;
    this.overlay = overlay;
    this.parentContext = parent;
  }

  private RenderContext parentContext;

  /** The same render seeing the templates a tpl text defined. */
  RenderContext withOverlay(Map<String, Tree> overlay) {
    return new RenderContext(this, overlay);
  }

  private RenderContext root() {
    RenderContext c = this;
    while (c.parentContext != null) {
      c = c.parentContext;
    }
    return c;
  }

  Tree tree(String name) {
    Tree t = overlay.get(name);
    return t != null ? t : owner.trees.get(name);
  }

  void enter(Exec ex, String name) {
    if (parentContext != null) {
      root().enter(ex, name);
      return;
    }
    int n = included.merge(name, 1, Integer::sum);
    if (n > MAX_INCLUDE_DEPTH) {
      included.merge(name, -1, Integer::sum);
      throw new Exec.RawError("error calling include: rendering template has a nested reference name: "
          + name + ": unable to execute template");
    }
  }

  void leave(String name) {
    if (parentContext != null) {
      root().leave(name);
      return;
    }
    included.merge(name, -1, Integer::sum);
  }

  void checkSize(int length, Exec ex) {
    if (length > maxChars) {
      throw ex.errorf("rendered output of " + rootTemplate + " exceeds the maximum rendered size of "
          + maxChars + " characters");
    }
  }

  void charge(int chars, Exec ex) {
    if (parentContext != null) {
      root().charge(chars, ex);
      return;
    }
    produced += chars;
    if (produced > maxChars * 4L) {
      throw ex.errorf("rendered output of " + rootTemplate
          + " exceeds the maximum rendered size (counting include and tpl results)");
    }
  }
}
