package dev.capstan.client;

/** The check of a {@code --history-max} value, shared by the builders. */
final class HistoryMax {
  private HistoryMax() {}

  /** Returns {@code max}, or refuses a negative one naming it. */
  static int check(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("historyMax must not be negative, got " + max);
    }
    return max;
  }
}
