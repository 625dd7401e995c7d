package dev.capstan.semver;

import dev.capstan.CapstanException;

/**
 * Thrown when text is not a semantic version. The message names the text and says what is wrong
 * with it, in Masterminds' words, for example {@code invalid semantic version: "1.2.beta"} or
 * {@code version segment starts with 0: "1.2.3-beta.01"}.
 */
public class InvalidVersionException extends CapstanException {
  private static final long serialVersionUID = 1L;

  private final String text;
  private final String reason;

  /** Creates the exception for {@code text}, which is not a version because of {@code reason}. */
  public InvalidVersionException(String text, String reason) {
    super(reason + ": " + GoQuote.quote(text));
    this.text = text;
    this.reason = reason;
  }

  /** The text that failed to parse. */
  public String text() {
    return text;
  }

  /** Why it failed, in Masterminds' words, such as {@code invalid semantic version}. */
  public String reason() {
    return reason;
  }
}
