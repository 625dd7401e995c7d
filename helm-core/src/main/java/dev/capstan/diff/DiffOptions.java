package dev.capstan.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * How {@link ManifestDiff} compares two states: context lines, secret redaction, normalisation of
 * live objects, paths to ignore and the release namespace. Immutable; validated when built.
 *
 * <pre>{@code
 * DiffOptions options = DiffOptions.builder()
 *     .contextLines(5)
 *     .normalizeLive(true)
 *     .ignorePath("/metadata/annotations/deployment.kubernetes.io~1revision")
 *     .namespace("production")
 *     .build();
 * }</pre>
 */
public final class DiffOptions {
  private static final DiffOptions DEFAULTS = builder().build();

  private final int contextLines;
  private final boolean showSecrets;
  private final boolean normalizeLive;
  private final List<JsonPointer> ignorePaths;
  private final String namespace;
  private final BiPredicate<String, String> namespaced;

  private DiffOptions(Builder b, List<JsonPointer> ignorePaths) {
    this.contextLines = b.contextLines;
    this.showSecrets = b.showSecrets;
    this.normalizeLive = b.normalizeLive;
    this.ignorePaths = List.copyOf(ignorePaths);
    this.namespace = b.namespace;
    this.namespaced = b.namespaced;
  }

  /** The defaults: 3 context lines, secrets redacted, no normalisation, nothing ignored. */
  public static DiffOptions defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.contextLines = contextLines;
    b.showSecrets = showSecrets;
    b.normalizeLive = normalizeLive;
    for (JsonPointer p : ignorePaths) {
      b.ignorePaths.add(p.text());
    }
    b.namespace = namespace;
    b.namespaced = namespaced;
    return b;
  }

  /** How many unchanged lines a hunk shows around each change; 3 by default. */
  public int contextLines() {
    return contextLines;
  }

  /** Whether the values of Secrets appear in the texts; {@code false} by default. */
  public boolean showSecrets() {
    return showSecrets;
  }

  /** Whether the fields the API server adds are removed before comparing; see the builder. */
  public boolean normalizeLive() {
    return normalizeLive;
  }

  /** The paths removed from every object before comparing, as given. */
  public List<String> ignorePaths() {
    List<String> out = new ArrayList<>(ignorePaths.size());
    for (JsonPointer p : ignorePaths) {
      out.add(p.text());
    }
    return List.copyOf(out);
  }

  /** The release namespace, or {@code ""} when none was given. */
  public String namespace() {
    return namespace;
  }

  List<JsonPointer> ignorePointers() {
    return ignorePaths;
  }

  /** The namespace an object is matched and named in, given its own ({@code ""} when it has none). */
  String namespaceOf(String apiVersion, String kind, String own) {
    if (!own.isEmpty() || namespace.isEmpty()) {
      return own;
    }
    return namespaced.test(apiVersion, kind) ? namespace : "";
  }

  /** The options in words, for logs. */
  @Override
  public String toString() {
    return "DiffOptions[contextLines=" + contextLines + ", showSecrets=" + showSecrets
        + ", normalizeLive=" + normalizeLive + ", ignorePaths=" + ignorePaths()
        + ", namespace=" + namespace + "]";
  }

  /** Collects diff options; {@link #build()} checks them. */
  public static final class Builder {
    private int contextLines = 3;
    private boolean showSecrets;
    private boolean normalizeLive;
    private final List<String> ignorePaths = new ArrayList<>();
    private String namespace = "";
    private BiPredicate<String, String> namespaced = (apiVersion, kind) -> true;

    private Builder() {}

    /** How many unchanged lines a hunk shows around each change (at least 0; default 3). */
    public Builder contextLines(int lines) {
      this.contextLines = lines;
      return this;
    }

    /**
     * Whether the values of Secrets (core group, kind {@code Secret}) appear in the texts.
     *
     * <p>By default they do not: each value of {@code data} and {@code stringData}, and a
     * {@code kubectl.kubernetes.io/last-applied-configuration} annotation, which holds a copy of
     * them, is replaced by {@code REDACTED}. A value that differs between the two states becomes
     * {@code REDACTED (old value)} on the old side and {@code REDACTED (new value)} on the new,
     * so the change still shows; added and removed keys show as such.
     */
    public Builder showSecrets(boolean show) {
      this.showSecrets = show;
      return this;
    }

    /**
     * Whether to remove, from both sides, what the API server adds to an object, so that a live
     * object compares with a manifest: {@code metadata.uid}, {@code resourceVersion},
     * {@code generation}, {@code creationTimestamp}, {@code managedFields}, {@code selfLink},
     * {@code deletionTimestamp}, {@code deletionGracePeriodSeconds}, the top-level
     * {@code status}, and the annotation {@code kubectl.kubernetes.io/last-applied-configuration}.
     * Also, as the API server does, a Secret's {@code stringData} is folded into its {@code data}
     * (base64 of the UTF-8 text), and {@code metadata.namespace} is dropped from the text when it
     * equals the {@linkplain #namespace(String) release namespace} (the identity keeps it).
     * Defaults the server fills into specs are not known and stay; ignore them with
     * {@link #ignorePath(String)}. Off by default.
     */
    public Builder normalizeLive(boolean normalize) {
      this.normalizeLive = normalize;
      return this;
    }

    /**
     * Adds a path removed from every object before comparing, in JSON-pointer form:
     * {@code /metadata/annotations/checksum~1config} ({@code ~1} is {@code /}, {@code ~0} is
     * {@code ~}; a number picks a list item). A path that is not in an object changes nothing; a
     * map the removal leaves empty is removed too. Checked by {@link #build()}.
     */
    public Builder ignorePath(String path) {
      this.ignorePaths.add(Objects.requireNonNull(path, "ignorePath"));
      return this;
    }

    /** Adds each of {@code paths}, as {@link #ignorePath(String)}. */
    public Builder ignorePaths(List<String> paths) {
      for (String p : paths) {
        ignorePath(p);
      }
      return this;
    }

    /**
     * The release namespace: an object without {@code metadata.namespace} is matched and named as
     * if it were in it, as Helm installs it there. Which kinds this applies to is
     * {@link #namespacedKinds(BiPredicate)}. Default {@code ""}: none.
     */
    public Builder namespace(String releaseNamespace) {
      this.namespace = Objects.requireNonNull(releaseNamespace, "namespace");
      return this;
    }

    /**
     * Tells which kinds are namespaced, given {@code apiVersion} and {@code kind}, so that only
     * those are put in the release namespace (a cluster's discovery knows, such as the release
     * client's cluster). By default every kind is, as helm-diff does without a cluster; matching
     * is right either way, only the namespace shown for cluster-scoped objects differs.
     */
    public Builder namespacedKinds(BiPredicate<String, String> isNamespaced) {
      this.namespaced = Objects.requireNonNull(isNamespaced, "namespacedKinds");
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException when the context is negative or an ignore path is not a
     *     valid pointer; the message names the value
     */
    public DiffOptions build() {
      if (contextLines < 0) {
        throw new IllegalArgumentException("contextLines must be at least 0, not " + contextLines);
      }
      List<JsonPointer> pointers = new ArrayList<>(ignorePaths.size());
      for (String p : ignorePaths) {
        pointers.add(JsonPointer.parse(p));
      }
      return new DiffOptions(this, pointers);
    }
  }
}
