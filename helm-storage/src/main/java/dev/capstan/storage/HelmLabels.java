package dev.capstan.storage;

import dev.capstan.release.Release;
import dev.capstan.release.ReleaseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labels Helm puts on a storage object (spec §2.4): the system labels {@code name},
 * {@code owner=helm}, {@code status}, {@code version}, {@code createdAt} (create) or
 * {@code modifiedAt} (update), plus the release's custom labels.
 */
public final class HelmLabels {
  /** Label key: the release name. */
  public static final String NAME = "name";
  /** Label key: always {@value #OWNER_HELM}. */
  public static final String OWNER = "owner";
  /** Label key: the status wire string. */
  public static final String STATUS = "status";
  /** Label key: the revision in decimal. */
  public static final String VERSION = "version";
  /** Label key: Unix seconds of the create. */
  public static final String CREATED_AT = "createdAt";
  /** Label key: Unix seconds of the last update. */
  public static final String MODIFIED_AT = "modifiedAt";
  /** The value of {@link #OWNER}. */
  public static final String OWNER_HELM = "helm";

  /** The reserved keys, in Helm's order. */
  public static final List<String> SYSTEM_LABELS =
      List.of(NAME, OWNER, STATUS, VERSION, CREATED_AT, MODIFIED_AT);

  private static final Set<String> SYSTEM = Set.copyOf(SYSTEM_LABELS);

  private HelmLabels() {}

  /** Returns whether {@code key} is one of Helm's system labels. */
  public static boolean isSystem(String key) {
    return SYSTEM.contains(key);
  }

  /**
   * Checks that {@code custom} uses no system label.
   *
   * @throws ReservedLabelException naming the reserved keys used
   */
  public static void checkCustom(Map<String, String> custom) {
    List<String> used = custom.keySet().stream().filter(SYSTEM::contains).sorted().toList();
    if (!used.isEmpty()) {
      throw new ReservedLabelException(used);
    }
  }

  /** Returns {@code labels} without the system labels, as Helm's {@code Get} does. */
  public static Map<String, String> customOf(Map<String, String> labels) {
    Map<String, String> out = new LinkedHashMap<>();
    labels.forEach((k, v) -> {
      if (!SYSTEM.contains(k)) {
        out.put(k, v);
      }
    });
    return Map.copyOf(out);
  }

  /**
   * Returns the labels Helm writes for {@code release}: its custom labels, then {@code timeKey}
   * ({@link #CREATED_AT} or {@link #MODIFIED_AT}) = {@code epochSeconds}, then name, owner, status
   * and version.
   *
   * @throws ReservedLabelException when a custom label is a system label
   */
  public static Map<String, String> forWrite(Release release, String timeKey, long epochSeconds) {
    checkCustom(release.labels());
    Map<String, String> out = new LinkedHashMap<>(release.labels());
    out.put(timeKey, Long.toString(epochSeconds));
    out.put(NAME, release.name());
    out.put(OWNER, OWNER_HELM);
    out.put(STATUS, statusOf(release));
    out.put(VERSION, Integer.toString(release.version()));
    return out;
  }

  /**
   * Checks every value of a label query as Helm's Secret and ConfigMap drivers do (Kubernetes'
   * label-value rule): at most 63 characters, and empty or alphanumerics, {@code -}, {@code _} and
   * {@code .} starting and ending with an alphanumeric. Keys are not checked, as in Helm.
   *
   * @throws InvalidLabelValueException naming the first bad value (in the map's order)
   */
  public static void checkQueryValues(Map<String, String> labels) {
    labels.forEach((k, v) -> {
      List<String> problems = labelValueProblems(v);
      if (!problems.isEmpty()) {
        throw new InvalidLabelValueException(k, v, String.join("; ", problems));
      }
    });
  }

  /** What is wrong with {@code value} as a Kubernetes label value; empty when it is valid. */
  static List<String> labelValueProblems(String value) {
    List<String> problems = new ArrayList<>(2);
    if (value == null) {
      problems.add("must not be null");
      return problems;
    }
    if (value.length() > 63) {
      problems.add("must be no more than 63 characters (has " + value.length() + ")");
    }
    if (!value.isEmpty()) {
      boolean ok = isAlphanumeric(value.charAt(0)) && isAlphanumeric(value.charAt(value.length() - 1));
      for (int i = 0; ok && i < value.length(); i++) {
        char c = value.charAt(i);
        ok = isAlphanumeric(c) || c == '-' || c == '_' || c == '.';
      }
      if (!ok) {
        problems.add("a label value must be empty or consist of alphanumeric characters, '-', '_'"
            + " or '.', and must start and end with an alphanumeric character");
      }
    }
    return problems;
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Returns the status label value of {@code release}: the status wire string, or {@code ""}. */
  static String statusOf(Release release) {
    return release.info() == null ? ""
        : release.info().statusIfSet().map(ReleaseStatus::wireName).orElse("");
  }
}
