package dev.capstan.storage;

import java.util.List;

/**
 * What a {@link ReleaseDriver#list list} or {@link ReleaseDriver#query query} found: the records
 * that were read, and the objects that matched but could not be read (skipped, never fatal).
 *
 * @param releases the readable records, in no particular order
 * @param skipped the unreadable objects
 */
public record ReleaseListing(List<StoredRelease> releases, List<SkippedRecord> skipped) {
  /** Freezes both lists. */
  public ReleaseListing {
    releases = List.copyOf(releases);
    skipped = List.copyOf(skipped);
  }
}
