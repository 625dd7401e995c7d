package dev.capstan.diff;

/** What an upgrade or rollback does to one resource, comparing the old state with the new. */
public enum Change {
  /** The resource is only in the new state: it would be created. */
  ADDED("has been added"),
  /** The resource is only in the old state: it would be deleted. */
  REMOVED("has been removed"),
  /** The resource is in both states and its text differs. */
  CHANGED("has changed"),
  /** The resource is in both states with the same text. */
  UNCHANGED("is unchanged");

  private final String phrase;

  Change(String phrase) {
    this.phrase = phrase;
  }

  /** The words of a report's header line, such as {@code has been added}. */
  public String phrase() {
    return phrase;
  }
}
