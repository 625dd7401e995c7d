package dev.capstan.values;

import java.util.List;
import java.util.Objects;

/**
 * Thrown when values do not meet the {@code values.schema.json} of a chart or of one of its
 * subcharts (§4.4). The message is Helm's: {@code values don't meet the specifications of the
 * schema(s) in the following chart(s):}, then for each chart its name and one line per violation;
 * {@link #violations()} lists the same violations as data.
 */
public class SchemaValidationException extends ValuesException {
  private static final long serialVersionUID = 1L;

  /** The first line of the message, as Helm prints it. */
  public static final String PREFIX =
      "values don't meet the specifications of the schema(s) in the following chart(s):\n";

  private final transient List<Violation> violations;

  /** Creates the exception from its violations, in the order they were found. */
  public SchemaValidationException(List<Violation> violations) {
    super(format(violations));
    this.violations = List.copyOf(violations);
  }

  /** The violations, in chart order (the top chart first, then its subcharts depth first). */
  public List<Violation> violations() {
    return violations;
  }

  private static String format(List<Violation> violations) {
    StringBuilder sb = new StringBuilder(PREFIX);
    String chart = null;
    for (Violation v : violations) {
      if (!v.chart().equals(chart)) {
        chart = v.chart();
        sb.append(chart).append(":\n");
      }
      sb.append(v.line()).append('\n');
    }
    return sb.toString();
  }

  /**
   * One way in which values fail a schema.
   *
   * @param chart the name (or alias) of the chart whose schema failed
   * @param path the JSON Pointer of the failing value inside that chart's values, such as
   *     {@code /image/tag}; empty for the chart's values as a whole, and {@code null} when the
   *     chart's values were not a map at all
   * @param message what is wrong
   */
  public record Violation(String chart, String path, String message) {

    /** Checks the required parts. */
    public Violation {
      Objects.requireNonNull(chart, "chart");
      Objects.requireNonNull(message, "message");
    }

    /** The violation as Helm prints it: {@code - at '/path': message}. */
    public String line() {
      return path == null ? message : "- at '" + path + "': " + message;
    }
  }
}
