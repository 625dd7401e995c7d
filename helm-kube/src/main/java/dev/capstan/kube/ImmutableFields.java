package dev.capstan.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the API server's refusal of an update that changes immutable fields (HTTP 422), such as
 * {@code Job.batch "x" is invalid: spec.template: Invalid value: ...: field is immutable} or
 * {@code StatefulSet.apps "db" is invalid: spec: Forbidden: updates to statefulset spec for fields
 * other than ... are forbidden}, and names the fields.
 */
final class ImmutableFields {
  private static final Pattern CAUSE =
      Pattern.compile("(?:^|[\\s,;:\\[])([a-z][A-Za-z0-9_.\\[\\]-]*): (Invalid value|Forbidden): ");
  private static final List<String> IMMUTABLE_WORDS = List.of("field is immutable",
      "may not change once set", "are forbidden", "is immutable", "may not be changed");

  private ImmutableFields() {}

  /**
   * The immutable fields the failure names, in order; empty when it is not a refusal of an
   * immutable change.
   */
  static List<String> of(ClusterException e) {
    String message = e.getMessage();
    if (e.code() != 422 || message == null) {
      return List.of();
    }
    String lower = message.toLowerCase(Locale.ROOT);
    if (IMMUTABLE_WORDS.stream().noneMatch(lower::contains)) {
      return List.of();
    }
    List<String> fields = new ArrayList<>();
    Matcher m = CAUSE.matcher(message);
    while (m.find()) {
      if (!fields.contains(m.group(1))) {
        fields.add(m.group(1));
      }
    }
    return fields.isEmpty() ? List.of("(a field the API server did not name)") : fields;
  }
}
