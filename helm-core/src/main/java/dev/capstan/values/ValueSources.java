package dev.capstan.values;

import dev.capstan.internal.json.GoJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The values a user gives on Helm's command line, as an immutable, validated value: values files
 * ({@code -f}), {@code --set-json}, {@code --set}, {@code --set-string}, {@code --set-file} and
 * {@code --set-literal} expressions.
 *
 * <pre>{@code
 * ValueSources sources = ValueSources.builder()
 *     .valuesFile(Path.of("prod.yaml"))
 *     .set("image.tag=1.27,replicaCount=3")
 *     .setString("build=007")
 *     .build();
 * Values user = sources.merge();
 * }</pre>
 *
 * <p>{@link #merge()} combines them as Helm's {@code MergeValues} does (spec §4.3): by flag
 * <em>type</em>, not by the order of the calls. First the values files and YAML documents, in the
 * order given, deep-merged with later ones winning; then every {@code --set-json}, then
 * {@code --set}, {@code --set-string}, {@code --set-file} and {@code --set-literal}, each in the
 * order given. Each expression is parsed <em>into</em> the map built so far, so {@code --set a.b=1}
 * keeps the other keys under {@code a} that a file set.
 *
 * <p>Expressions are checked for syntax when the sources are built; files are read when they are
 * merged. Relative paths in {@code --set-file} expressions resolve against
 * {@link Builder#baseDirectory(Path)} when one is given, else against the process's working
 * directory, as in Helm. Standard input ({@code -}) and URLs are not supported.
 */
public final class ValueSources {
  private static final ValueSources EMPTY = new Builder().build();

  private final List<Source> documents;
  private final List<String> json;
  private final List<String> set;
  private final List<String> setString;
  private final List<String> setFile;
  private final List<String> setLiteral;
  private final Optional<Path> baseDirectory;

  private ValueSources(Builder b) {
    this.documents = List.copyOf(b.documents);
    this.json = List.copyOf(b.json);
    this.set = List.copyOf(b.set);
    this.setString = List.copyOf(b.setString);
    this.setFile = List.copyOf(b.setFile);
    this.setLiteral = List.copyOf(b.setLiteral);
    this.baseDirectory = Optional.ofNullable(b.baseDirectory);
  }

  /** Returns sources with no values at all; {@link #merge()} gives the empty tree. */
  public static ValueSources none() {
    return EMPTY;
  }

  /** Returns a new builder with no sources. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns whether no source at all was given. */
  public boolean isEmpty() {
    return documents.isEmpty() && json.isEmpty() && set.isEmpty() && setString.isEmpty()
        && setFile.isEmpty() && setLiteral.isEmpty();
  }

  /**
   * Reads the files and combines every source into one tree, in Helm's order (see the class
   * documentation).
   *
   * @throws ValuesException naming the file or flag and expression that failed, and why
   */
  public Values merge() {
    Map<String, Object> base = new LinkedHashMap<>();
    for (Source doc : documents) {
      Values v = Values.fromYaml(doc.yaml().orElseGet(() -> readValuesFile(doc.path())), doc.name());
      base = Values.mergeMaps(base, v.toMutableMap());
    }
    for (String expr : json) {
      base = applyJson(base, expr);
    }
    for (String expr : set) {
      parse("--set", expr, base, Strvals.Mode.TYPED, null);
    }
    for (String expr : setString) {
      parse("--set-string", expr, base, Strvals.Mode.STRING, null);
    }
    for (String expr : setFile) {
      parse("--set-file", expr, base, Strvals.Mode.FILE, this::readSetFile);
    }
    for (String expr : setLiteral) {
      parse("--set-literal", expr, base, Strvals.Mode.LITERAL, null);
    }
    return Values.of(base);
  }

  @Override
  public String toString() {
    return "ValueSources{files=" + documents.stream().map(Source::name).toList()
        + ", setJson=" + json + ", set=" + set + ", setString=" + setString
        + ", setFile=" + setFile + ", setLiteral=" + setLiteral + "}";
  }

  // ---------------------------------------------------------------------------------------------

  private static String readValuesFile(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      try {
        return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
      } catch (IOException e2) {
        throw new ValuesException("cannot read values file " + path + ": " + describe(e2), e2);
      }
    } catch (IOException e) {
      throw new ValuesException("cannot read values file " + path + ": " + describe(e), e);
    }
  }

  private Object readSetFile(String path) {
    Path p = baseDirectory.map(d -> d.resolve(path)).orElseGet(() -> Path.of(path));
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new Strvals.ParseError("open " + path + ": " + describe(e));
    }
  }

  private static String describe(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static Map<String, Object> applyJson(Map<String, Object> base, String expr) {
    String trimmed = expr.strip();
    if (!trimmed.isEmpty() && trimmed.charAt(0) == '{') {
      return Values.mergeMaps(base, parseJsonObject(expr));
    }
    parse("--set-json", expr, base, Strvals.Mode.JSON, null);
    return base;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parseJsonObject(String expr) {
    try {
      Object v = GoJson.decodeWhole(expr.strip());
      if (!(v instanceof Map<?, ?>)) {
        throw new ValuesException("failed parsing --set-json data JSON: " + expr
            + ": json: cannot unmarshal a non-object into a map");
      }
      return (Map<String, Object>) v;
    } catch (GoJson.DecodeException e) {
      throw new ValuesException("failed parsing --set-json data JSON: " + expr + ": "
          + e.getMessage(), e);
    }
  }

  private static void parse(String flag, String expr, Map<String, Object> into, Strvals.Mode mode,
      Strvals.FileReader reader) {
    try {
      Strvals.parseInto(expr, into, mode, reader);
    } catch (Strvals.ParseError e) {
      String prefix = mode == Strvals.Mode.JSON
          ? "failed parsing --set-json data " + expr + ": "
          : "failed parsing " + flag + " data: ";
      throw new ValuesException(prefix + e.getMessage()
          + (mode == Strvals.Mode.JSON ? "" : " (in " + flag + " \"" + expr + "\")"), e);
    }
  }

  private record Source(String name, Path path, Optional<String> yaml) {}

  /**
   * Collects value sources; {@link #build()} checks every expression and returns the immutable
   * {@link ValueSources}. Within one flag type, sources are kept in the order of the calls, and
   * later ones win.
   */
  public static final class Builder {
    private final List<Source> documents = new ArrayList<>();
    private final List<String> json = new ArrayList<>();
    private final List<String> set = new ArrayList<>();
    private final List<String> setString = new ArrayList<>();
    private final List<String> setFile = new ArrayList<>();
    private final List<String> setLiteral = new ArrayList<>();
    private Path baseDirectory;

    private Builder() {}

    /** Adds a values file ({@code -f}); it is read when the sources are merged. */
    public Builder valuesFile(Path file) {
      Objects.requireNonNull(file, "file");
      documents.add(new Source(file.toString(), file, Optional.empty()));
      return this;
    }

    /**
     * Adds values given as YAML text, in the same place in the order as a values file.
     *
     * @param sourceName the name used in error messages
     */
    public Builder valuesYaml(String sourceName, String yaml) {
      Objects.requireNonNull(sourceName, "sourceName");
      Objects.requireNonNull(yaml, "yaml");
      documents.add(new Source(sourceName, null, Optional.of(yaml)));
      return this;
    }

    /** Adds a {@code --set} expression such as {@code image.tag=1.27,replicaCount=3}. */
    public Builder set(String expression) {
      set.add(Objects.requireNonNull(expression, "expression"));
      return this;
    }

    /** Adds a {@code --set-string} expression: every value is a string. */
    public Builder setString(String expression) {
      setString.add(Objects.requireNonNull(expression, "expression"));
      return this;
    }

    /** Adds a {@code --set-file} expression such as {@code cfg=conf.txt}: values are file contents. */
    public Builder setFile(String expression) {
      setFile.add(Objects.requireNonNull(expression, "expression"));
      return this;
    }

    /**
     * Adds a {@code --set-json} expression: {@code key=<json>} pairs, or a whole JSON object such as
     * {@code {"a":{"b":1}}}, which is deep-merged (Helm 4). JSON numbers become doubles.
     */
    public Builder setJson(String expression) {
      json.add(Objects.requireNonNull(expression, "expression"));
      return this;
    }

    /** Adds a {@code --set-literal} expression: the value is the rest of the text, verbatim. */
    public Builder setLiteral(String expression) {
      setLiteral.add(Objects.requireNonNull(expression, "expression"));
      return this;
    }

    /** Sets the directory that relative {@code --set-file} paths resolve against. */
    public Builder baseDirectory(Path directory) {
      this.baseDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Checks every expression and YAML text and returns the sources.
     *
     * @throws ValuesException naming the flag and expression (or YAML source and line) that does
     *     not parse
     */
    public ValueSources build() {
      for (Source doc : documents) {
        doc.yaml().ifPresent(y -> Values.fromYaml(y, doc.name()));
      }
      for (String expr : json) {
        applyJson(new LinkedHashMap<>(), expr);
      }
      for (String expr : set) {
        parse("--set", expr, new LinkedHashMap<>(), Strvals.Mode.TYPED, null);
      }
      for (String expr : setString) {
        parse("--set-string", expr, new LinkedHashMap<>(), Strvals.Mode.STRING, null);
      }
      for (String expr : setFile) {
        parse("--set-file", expr, new LinkedHashMap<>(), Strvals.Mode.FILE, path -> "");
      }
      for (String expr : setLiteral) {
        parse("--set-literal", expr, new LinkedHashMap<>(), Strvals.Mode.LITERAL, null);
      }
      return new ValueSources(this);
    }
  }
}
