package dev.capstan.chart;

import dev.capstan.chart.ChartLoader.BufferedFile;
import dev.capstan.internal.json.GoJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the files of a chart directory as Helm's {@code LoadDir} does (§7.2): a lexical walk that
 * applies {@code .helmignore} (plus the default rule), follows symbolic links that stay inside the
 * chart, refuses irregular files and files over the per-file limit, and strips a UTF-8 BOM.
 */
final class DirectoryReader {
  private final Path realRoot;
  private final String label;
  private final IgnoreRules rules;
  private final long maxFileSize;
  private final List<BufferedFile> files = new ArrayList<>();

  private DirectoryReader(Path realRoot, String label, IgnoreRules rules, long maxFileSize) {
    this.realRoot = realRoot;
    this.label = label;
    this.rules = rules;
    this.maxFileSize = maxFileSize;
  }

  /**
   * Reads every file that {@code .helmignore} does not exclude.
   *
   * @param label the chart's name in error messages (the directory name)
   */
  static List<BufferedFile> read(Path dir, String label, long maxFileSize) {
    Path realRoot;
    try {
      realRoot = dir.toRealPath();
    } catch (IOException e) {
      throw new ChartLoadException(label + ": cannot read chart directory: " + e.getMessage(), e);
    }
    IgnoreRules rules = IgnoreRules.empty();
    Path ignoreFile = realRoot.resolve(IgnoreRules.FILE_NAME);
    if (Files.isRegularFile(ignoreFile)) {
      try {
        rules = IgnoreRules.parse(Files.readString(ignoreFile, StandardCharsets.UTF_8),
            label + "/" + IgnoreRules.FILE_NAME);
      } catch (IOException e) {
        throw new ChartLoadException(label + "/" + IgnoreRules.FILE_NAME + ": cannot be read: "
            + e.getMessage(), e);
      }
    }
    DirectoryReader r = new DirectoryReader(realRoot, label, rules.withDefaults(), maxFileSize);
    Set<Path> active = new HashSet<>();
    active.add(realRoot);
    r.walkChildren(realRoot, "", active);
    return r.files;
  }

  private void walkChildren(Path dir, String relDir, Set<Path> active) {
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.forEach(p -> names.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw new ChartLoadException(label + "/" + relDir + ": cannot list directory: "
          + e.getMessage(), e);
    }
    // Go sorts directory entries by their UTF-8 bytes, which is code point order.
    names.sort(GoJson.KEY_ORDER);
    for (String name : names) {
      String rel = relDir.isEmpty() ? name : relDir + "/" + name;
      visit(dir.resolve(name), rel, active);
    }
  }

  private void visit(Path path, String rel, Set<Path> active) {
    String where = label + "/" + rel;
    Path target = path;
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attrs.isSymbolicLink()) {
        try {
          target = path.toRealPath();
        } catch (NoSuchFileException e) {
          throw new ChartLoadException(where + ": error evaluating symlink: its target "
              + Files.readSymbolicLink(path) + " does not exist");
        }
        if (!target.startsWith(realRoot)) {
          throw new ChartLoadException(where + ": symbolic link to " + target
              + " points outside the chart directory; Capstan follows only links inside the chart");
        }
        attrs = Files.readAttributes(target, BasicFileAttributes.class);
      }
    } catch (IOException e) {
      throw new ChartLoadException(where + ": cannot be read: " + e.getMessage(), e);
    }
    if (attrs.isDirectory()) {
      if (rules.ignores(rel, true)) {
        return;
      }
      Path real;
      try {
        real = target.toRealPath();
      } catch (IOException e) {
        throw new ChartLoadException(where + ": cannot be read: " + e.getMessage(), e);
      }
      if (!active.add(real)) {
        throw new ChartLoadException(where + ": symbolic link loop back to " + real);
      }
      walkChildren(target, rel, active);
      active.remove(real);
      return;
    }
    if (rules.ignores(rel, false)) {
      return;
    }
    if (!attrs.isRegularFile()) {
      throw new ChartLoadException(where + ": cannot load irregular file " + rel
          + " as it has file mode type bits set");
    }
    if (attrs.size() > maxFileSize) {
      throw new ChartLoadException(where + ": chart file \"" + path.getFileName()
          + "\" is larger than the maximum file size " + maxFileSize);
    }
    try {
      files.add(new BufferedFile(rel, ArchiveReader.stripBom(Files.readAllBytes(target)),
          attrs.lastModifiedTime().toInstant()));
    } catch (IOException e) {
      throw new ChartLoadException(where + ": error reading " + rel + ": " + e.getMessage(), e);
    }
  }
}
