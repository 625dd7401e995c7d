package dev.capstan.storage;

/**
 * A query asked for a label value that Kubernetes does not accept as a label value, so no object can
 * carry it. Like Helm's Secret and ConfigMap drivers, the query is refused before anything is
 * listed; the message starts with Helm's {@code invalid label value: "<value>"}.
 */
public final class InvalidLabelValueException extends ReleaseStorageException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception naming the label, its value and what is wrong with the value. */
  public InvalidLabelValueException(String key, String value, String problems) {
    super("invalid label value: \"" + value + "\" (label " + key + "): " + problems);
  }
}
