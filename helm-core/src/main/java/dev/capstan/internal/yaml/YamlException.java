package dev.capstan.internal.yaml;

import dev.capstan.CapstanException;

/** YAML that could not be read: names the source, and the line and column where known. */
public final class YamlException extends CapstanException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String problem;

  /** Line and column are 1-based; 0 means unknown. */
  public YamlException(String source, int line, int column, String problem, Throwable cause) {
    super(format(source, line, column, problem), cause);
    this.source = source;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  private static String format(String source, int line, int column, String problem) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(problem).toString();
  }

  /** The file or other source the YAML came from. */
  public String source() {
    return source;
  }

  /** The 1-based line of the problem, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** The 1-based column of the problem, or 0 when unknown. */
  public int column() {
    return column;
  }

  /** What is wrong, without the source and position. */
  public String problem() {
    return problem;
  }
}
