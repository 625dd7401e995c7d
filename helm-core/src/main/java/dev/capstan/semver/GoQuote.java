package dev.capstan.semver;

import dev.capstan.internal.json.GoJson;

/**
 * Quotes text the way Go's {@code %q} verb ({@code strconv.Quote}) does, so that messages match
 * Masterminds' error texts. Delegates to the one Go-quoting implementation, {@link GoJson#goQuote}.
 */
final class GoQuote {
  private GoQuote() {
  }

  static String quote(String s) {
    return GoJson.goQuote(s);
  }
}
