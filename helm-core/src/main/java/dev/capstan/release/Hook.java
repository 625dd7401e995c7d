package dev.capstan.release;

import java.util.List;
import java.util.Objects;

/**
 * A hook of a release (§1.3, §6): a resource annotated with {@code helm.sh/hook} that runs at
 * lifecycle events instead of being part of the release manifest.
 *
 * <p>Delete and output-log policies are kept as the strings the chart gave (trimmed, lower-cased),
 * because Helm stores unknown policies as they are; {@link #hasDeletePolicy(String)} answers for
 * the known ones.
 *
 * @param name the resource's {@code metadata.name}
 * @param kind the resource's kind
 * @param path the template that produced it, e.g. {@code mychart/templates/job.yaml}
 * @param manifest the single YAML document, trimmed, without a {@code # Source} header
 * @param events the events the hook runs at, in annotation order
 * @param weight the {@code helm.sh/hook-weight}; 0 when absent or not an integer
 * @param deletePolicies the {@code helm.sh/hook-delete-policy} entries
 * @param outputLogPolicies the {@code helm.sh/hook-output-log-policy} entries
 * @param lastRun when the hook last ran
 */
public record Hook(
    String name,
    String kind,
    String path,
    String manifest,
    List<HookEvent> events,
    int weight,
    List<String> deletePolicies,
    List<String> outputLogPolicies,
    HookExecution lastRun) {

  /** Delete the previous object of this hook before creating it again (the default policy). */
  public static final String BEFORE_HOOK_CREATION = "before-hook-creation";
  /** Delete the hook's object after it succeeded. */
  public static final String HOOK_SUCCEEDED = "hook-succeeded";
  /** Delete the hook's object after it failed. */
  public static final String HOOK_FAILED = "hook-failed";

  /** Validates and copies the lists. */
  public Hook {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(manifest, "manifest");
    events = List.copyOf(events);
    deletePolicies = List.copyOf(deletePolicies);
    outputLogPolicies = List.copyOf(outputLogPolicies);
    lastRun = lastRun == null ? HookExecution.never() : lastRun;
  }

  /** Whether the hook runs at {@code event}. */
  public boolean runsAt(HookEvent event) {
    return events.contains(event);
  }

  /** Whether {@code policy} is among the delete policies. */
  public boolean hasDeletePolicy(String policy) {
    return deletePolicies.contains(policy);
  }

  /** Returns a copy with {@code lastRun} replaced. */
  public Hook withLastRun(HookExecution newLastRun) {
    return new Hook(name, kind, path, manifest, events, weight, deletePolicies, outputLogPolicies,
        newLastRun);
  }

  /** Returns a copy with the delete policies replaced. */
  public Hook withDeletePolicies(List<String> newPolicies) {
    return new Hook(name, kind, path, manifest, events, weight, newPolicies, outputLogPolicies,
        lastRun);
  }
}
