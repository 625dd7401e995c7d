package dev.capstan.chart;

import dev.capstan.internal.glob.GoGlob;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a {@code .helmignore} file (§7.2), with Helm's exact semantics: rules are tried in
 * order; a rule containing {@code /} matches the whole slash-separated path relative to the chart
 * (a leading {@code /} is dropped), any other rule matches the base name; a trailing {@code /}
 * restricts the rule to directories; a leading {@code !} negates it, which in Helm means "ignore
 * everything this rule does not match".
 */
final class IgnoreRules {
  /** The name of the ignore file at the chart root. */
  static final String FILE_NAME = ".helmignore";
  /** Helm's message for a {@code **} rule. */
  static final String DOUBLE_STAR = "double-star (**) syntax is not supported";

  private record Rule(String raw, GoGlob glob, boolean negate, boolean mustDir, boolean wholePath) {
    boolean matches(String path) {
      return glob.matches(wholePath ? path : base(path));
    }
  }

  private final List<Rule> rules;

  private IgnoreRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** No rules at all. */
  static IgnoreRules empty() {
    return new IgnoreRules(List.of());
  }

  /** Only Helm's default rule {@code templates/.?*}. */
  static IgnoreRules defaults() {
    return empty().withDefaults();
  }

  /**
   * Parses the text of a {@code .helmignore} file.
   *
   * @param source the name used in errors, such as {@code mychart/.helmignore}
   * @throws ChartLoadException naming the source and line of a bad rule
   */
  static IgnoreRules parse(String text, String source) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Rule> out = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String problem = parseRule(lines[i], out);
      if (problem != null) {
        throw new ChartLoadException(source + ":" + (i + 1) + ": " + problem);
      }
    }
    return new IgnoreRules(out);
  }

  /** Returns these rules followed by Helm's default rule. */
  IgnoreRules withDefaults() {
    List<Rule> out = new ArrayList<>(rules);
    parseRule("templates/.?*", out);
    return new IgnoreRules(out);
  }

  /** The number of rules, the default one included when added. */
  int size() {
    return rules.size();
  }

  /** Parses one line into {@code out}; returns an error text, or null. */
  private static String parseRule(String line, List<Rule> out) {
    String rule = line.strip();
    if (rule.isEmpty() || rule.startsWith("#")) {
      return null;
    }
    if (rule.contains("**")) {
      return DOUBLE_STAR;
    }
    if (GoGlob.compile(rule).isEmpty()) {
      return "syntax error in pattern: " + rule;
    }
    String raw = rule;
    boolean negate = false;
    if (rule.startsWith("!")) {
      negate = true;
      rule = rule.substring(1);
    }
    boolean mustDir = false;
    if (rule.endsWith("/")) {
      mustDir = true;
      rule = rule.substring(0, rule.length() - 1);
    }
    boolean wholePath;
    if (rule.startsWith("/")) {
      rule = rule.substring(1);
      wholePath = true;
    } else {
      wholePath = rule.contains("/");
    }
    var glob = GoGlob.compile(rule);
    if (glob.isEmpty()) {
      return "syntax error in pattern: " + raw;
    }
    out.add(new Rule(raw, glob.get(), negate, mustDir, wholePath));
    return null;
  }

  /**
   * Whether {@code path} (relative to the chart, {@code /}-separated) is ignored.
   *
   * @param isDir whether the path names a directory
   */
  boolean ignores(String path, boolean isDir) {
    if (path.isEmpty() || path.equals(".") || path.equals("./")) {
      return false;
    }
    for (Rule r : rules) {
      if (r.negate()) {
        if (r.mustDir() && !isDir) {
          return true;
        }
        if (!r.matches(path)) {
          return true;
        }
        continue;
      }
      if (r.mustDir() && !isDir) {
        continue;
      }
      if (r.matches(path)) {
        return true;
      }
    }
    return false;
  }

  /** Go's {@code filepath.Base}: trailing slashes dropped, then the last element. */
  static String base(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty()) {
      return ".";
    }
    int slash = p.lastIndexOf('/');
    return slash < 0 || p.equals("/") ? p : p.substring(slash + 1);
  }
}
