package dev.capstan.client;

import dev.capstan.release.ReleaseStatus;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The options of {@link ReleaseClient#list} (§3.7, Helm 4's defaults), validated when built. */
public final class ListOptions {
  /** How {@link ReleaseClient#list} orders releases. */
  public enum Sort {
    /** By name, ascending (Helm's default). */
    NAME,
    /** By last deployment time, oldest first ({@code -d}). */
    DATE
  }

  private final Set<ReleaseStatus> states;
  private final boolean allNamespaces;
  private final Map<String, String> selector;
  private final Pattern filter;
  private final Sort sort;
  private final boolean reverse;
  private final int offset;
  private final int max;

  private ListOptions(Builder b) {
    this.states = b.states.isEmpty() ? allButUnknown() : Set.copyOf(b.states);
    this.allNamespaces = b.allNamespaces;
    this.selector = Map.copyOf(b.selector);
    this.filter = b.filter;
    this.sort = b.sort;
    this.reverse = b.reverse;
    this.offset = b.offset;
    this.max = b.max;
  }

  private static Set<ReleaseStatus> allButUnknown() {
    EnumSet<ReleaseStatus> all = EnumSet.allOf(ReleaseStatus.class);
    all.remove(ReleaseStatus.UNKNOWN);
    return Set.copyOf(all);
  }

  /** A builder with Helm 4's defaults: every state, this namespace, by name, at most 256. */
  public static Builder builder() {
    return new Builder();
  }

  Set<ReleaseStatus> states() {
    return states;
  }

  /** Whether only superseded revisions were asked for: then every one is listed, not the latest. */
  boolean supersededOnly() {
    return states.equals(Set.of(ReleaseStatus.SUPERSEDED));
  }

  boolean allNamespaces() {
    return allNamespaces;
  }

  Map<String, String> selector() {
    return selector;
  }

  Optional<Pattern> filter() {
    return Optional.ofNullable(filter);
  }

  Sort sort() {
    return sort;
  }

  boolean reverse() {
    return reverse;
  }

  int offset() {
    return offset;
  }

  int max() {
    return max;
  }

  /** Collects list options. */
  public static final class Builder {
    private final EnumSet<ReleaseStatus> states = EnumSet.noneOf(ReleaseStatus.class);
    private boolean allNamespaces;
    private final Map<String, String> selector = new LinkedHashMap<>();
    private Pattern filter;
    private Sort sort = Sort.NAME;
    private boolean reverse;
    private int offset;
    private int max = 256;

    private Builder() {}

    /** Only releases whose latest revision has one of these states ({@code --deployed}, ...). */
    public Builder states(ReleaseStatus... wanted) {
      for (ReleaseStatus s : wanted) {
        states.add(Objects.requireNonNull(s, "state"));
      }
      return this;
    }

    /** Releases of every namespace ({@code -A}). */
    public Builder allNamespaces() {
      this.allNamespaces = true;
      return this;
    }

    /** Only releases whose storage labels include this one ({@code -l key=value}). */
    public Builder label(String key, String value) {
      selector.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Only releases whose name matches {@code regex} anywhere ({@code --filter}).
     *
     * @throws IllegalArgumentException naming the expression when it is not valid
     */
    public Builder filter(String regex) {
      try {
        this.filter = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("invalid filter \"" + regex + "\": "
            + e.getDescription(), e);
      }
      return this;
    }

    /** The order ({@code -d} sorts by date). */
    public Builder sort(Sort order) {
      this.sort = Objects.requireNonNull(order, "sort");
      return this;
    }

    /** Reverses the order ({@code -r}). */
    public Builder reverse() {
      this.reverse = true;
      return this;
    }

    /** Skips the first {@code n} releases ({@code --offset}). */
    public Builder offset(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("offset must not be negative, got " + n);
      }
      this.offset = n;
      return this;
    }

    /** At most {@code n} releases ({@code --max}; 0: no limit; default 256). */
    public Builder max(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("max must not be negative, got " + n);
      }
      this.max = n;
      return this;
    }

    /** The options. */
    public ListOptions build() {
      return new ListOptions(this);
    }
  }
}
