package dev.capstan.repo;

import dev.capstan.semver.Constraint;
import dev.capstan.semver.InvalidConstraintException;
import dev.capstan.semver.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code helm search repo} query over the indexes of named repositories (§8.2): a keyword
 * (case-insensitive substring, or a regular expression) over each version's name,
 * {@code repo/name}, description and keywords; a version constraint; all versions
 * ({@code --versions}) or the highest matching one per chart.
 *
 * <p>Immutable: each {@code with...} method returns a new query.
 * {@code ChartSearch.keyword("mychart").allVersions().search(indexes).table()} prints what
 * {@code helm search repo mychart --versions} prints.
 */
public final class ChartSearch {
  private static final char SEP = '\u000b';
  private static final int MAX_SCORE = 25;

  private final String keyword;
  private final boolean regexp;
  private final boolean allVersions;
  private final String version;
  private final boolean devel;

  private ChartSearch(String keyword, boolean regexp, boolean allVersions, String version,
      boolean devel) {
    this.keyword = keyword;
    this.regexp = regexp;
    this.allVersions = allVersions;
    this.version = version;
    this.devel = devel;
  }

  /** Every chart, as {@code helm search repo} with no keyword. */
  public static ChartSearch all() {
    return new ChartSearch("", false, false, "", false);
  }

  /** Charts matching a keyword; several CLI words are joined with one space, as Helm does. */
  public static ChartSearch keyword(String keyword) {
    return new ChartSearch(Objects.requireNonNull(keyword, "keyword"), false, false, "", false);
  }

  /** The keyword is a regular expression ({@code --regexp}); Java's syntax, case-sensitive. */
  public ChartSearch regexp() {
    return new ChartSearch(keyword, true, allVersions, version, devel);
  }

  /** Every matching version, not only the highest per chart ({@code --versions}). */
  public ChartSearch allVersions() {
    return new ChartSearch(keyword, regexp, true, version, devel);
  }

  /** Only versions satisfying a constraint ({@code --version}); {@code ""} clears it. */
  public ChartSearch version(String constraint) {
    return new ChartSearch(keyword, regexp, allVersions,
        Objects.requireNonNull(constraint, "constraint"), devel);
  }

  /** Pre-releases too when no version is given ({@code --devel}: {@code >0.0.0-0}). */
  public ChartSearch devel() {
    return new ChartSearch(keyword, regexp, allVersions, version, true);
  }

  /** The constraint applied: {@code --version}, else {@code >0.0.0-0} or {@code >0.0.0}. */
  public String effectiveConstraint() {
    if (!version.isEmpty()) {
      return version;
    }
    return devel ? ">0.0.0-0" : ">0.0.0";
  }

  /**
   * Runs the query over repository indexes by repository name.
   *
   * @throws RepositoryException for an invalid constraint or regular expression
   */
  public SearchResults search(Map<String, RepositoryIndex> indexes) {
    Objects.requireNonNull(indexes, "indexes");
    Constraint constraint;
    try {
      constraint = Constraint.parse(effectiveConstraint());
    } catch (InvalidConstraintException e) {
      throw new RepositoryException("an invalid version/constraint format: " + e.getMessage(), e);
    }
    Pattern pattern = null;
    if (regexp) {
      try {
        pattern = Pattern.compile(keyword);
      } catch (PatternSyntaxException e) {
        throw new RepositoryException("invalid regular expression \"" + keyword + "\": "
            + e.getDescription(), e);
      }
    }
    String term = keyword.toLowerCase(Locale.ROOT);
    List<SearchResult> found = new ArrayList<>();
    for (Map.Entry<String, RepositoryIndex> repo : indexes.entrySet()) {
      for (Map.Entry<String, List<ChartVersion>> chart : repo.getValue().entries().entrySet()) {
        String fullName = repo.getKey() + "/" + chart.getKey();
        for (ChartVersion cv : chart.getValue()) {
          if (keyword.isEmpty()) {
            found.add(new SearchResult(fullName, cv, 0));
            continue;
          }
          String line = cv.name() + SEP + repo.getKey() + "/" + cv.name() + SEP + cv.description()
              + SEP + String.join(" ", cv.metadata().keywords());
          int at;
          String name = fullName;
          if (pattern != null) {
            Matcher m = pattern.matcher(line);
            at = m.find() ? m.start() : -1;
          } else {
            String lower = line.toLowerCase(Locale.ROOT);
            at = lower.indexOf(term);
            name = fullName.toLowerCase(Locale.ROOT);
          }
          if (at < 0) {
            continue;
          }
          int score = score(at, line);
          if (score < MAX_SCORE) {
            found.add(new SearchResult(name, cv, score));
          }
        }
      }
    }
    found.sort(ChartSearch::compare);
    List<SearchResult> kept = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (SearchResult r : found) {
      if (!allVersions && names.contains(r.name())) {
        continue;
      }
      Optional<Version> v = Version.tryParse(r.chart().version());
      if (v.isPresent() && constraint.isSatisfiedBy(v.get())) {
        kept.add(r);
        names.add(r.name());
      }
    }
    return new SearchResults(kept);
  }

  /** How many field separators come before the match: Helm's score. */
  private static int score(int at, String line) {
    int seps = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == SEP) {
        if (at <= i) {
          return seps;
        }
        seps++;
      }
    }
    return seps;
  }

  private static int compare(SearchResult a, SearchResult b) {
    if (a.score() != b.score()) {
      return Integer.compare(a.score(), b.score());
    }
    if (a.name().equals(b.name())) {
      Optional<Version> va = Version.tryParse(a.chart().version());
      Optional<Version> vb = Version.tryParse(b.chart().version());
      if (va.isEmpty() || vb.isEmpty()) {
        return Boolean.compare(vb.isEmpty(), va.isEmpty());
      }
      return vb.get().compareTo(va.get());
    }
    return a.name().compareTo(b.name());
  }
}
