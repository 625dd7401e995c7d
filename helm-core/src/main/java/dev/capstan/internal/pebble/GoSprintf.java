package dev.capstan.internal.pebble;

import dev.capstan.internal.json.GoJson;

/** Go's {@code fmt.Sprintf} for the verbs {@code %s}, {@code %v}, {@code %d}, {@code %q}, {@code %%}. */
final class GoSprintf {
  private GoSprintf() {}

  static String sprintf(String format, Object[] args) {
    StringBuilder sb = new StringBuilder();
    int arg = 0;
    for (int i = 0; i < format.length(); i++) {
      char ch = format.charAt(i);
      if (ch != '%' || i + 1 >= format.length()) {
        sb.append(ch);
        continue;
      }
      char verb = format.charAt(++i);
      if (verb == '%') {
        sb.append('%');
        continue;
      }
      if (arg >= args.length) {
        sb.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      Object v = args[arg++];
      switch (verb) {
        case 's', 'v' -> sb.append(v instanceof byte[] b ? new String(b,
            java.nio.charset.StandardCharsets.UTF_8) : GoPrint.value(v));
        case 'q' -> sb.append(GoJson.goQuote(HelmFunctions.strval(v)));
        case 'd' -> {
          if (v instanceof Long || v instanceof Integer) {
            sb.append(v);
          } else {
            sb.append("%!d(").append(HelmFunctions.goType(v)).append('=').append(GoPrint.value(v))
                .append(')');
          }
        }
        default -> sb.append("%!").append(verb).append('(').append(HelmFunctions.goType(v))
            .append('=').append(GoPrint.value(v)).append(')');
      }
    }
    if (arg < args.length) {
      sb.append("%!(EXTRA ");
      for (int j = arg; j < args.length; j++) {
        if (j > arg) {
          sb.append(", ");
        }
        sb.append(HelmFunctions.goType(args[j])).append('=').append(GoPrint.value(args[j]));
      }
      sb.append(')');
    }
    return sb.toString();
  }
}
