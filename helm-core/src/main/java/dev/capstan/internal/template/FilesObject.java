package dev.capstan.internal.template;

import dev.capstan.render.TemplateFiles;
import java.util.List;

/**
 * The {@code .Files} object as template engines see it: Helm's method names ({@code Get},
 * {@code GetBytes}, {@code Glob}, {@code Lines}, {@code AsConfig}, {@code AsSecrets}) and their Java
 * spellings, over {@link TemplateFiles}.
 */
public final class FilesObject {
  private final TemplateFiles files;

  /** Wraps {@code files}. */
  public FilesObject(TemplateFiles files) {
    this.files = files;
  }

  /** Helm's {@code .Files.Get}: the file as text, {@code ""} when missing. */
  public String Get(String name) {
    return files.get(name);
  }

  /** Helm's {@code .Files.GetBytes}. */
  public byte[] GetBytes(String name) {
    return files.getBytes(name);
  }

  /** Helm's {@code .Files.Glob}: the files matching a gobwas glob. */
  public FilesObject Glob(String pattern) {
    return new FilesObject(files.glob(pattern));
  }

  /** Helm's {@code .Files.Lines}. */
  public List<String> Lines(String name) {
    return files.lines(name);
  }

  /** Helm's {@code .Files.AsConfig}. */
  public String AsConfig() {
    return files.asConfig();
  }

  /** Helm's {@code .Files.AsSecrets}. */
  public String AsSecrets() {
    return files.asSecrets();
  }

  /** Same as {@link #Get}. */
  public String get(String name) {
    return Get(name);
  }

  /** Same as {@link #GetBytes}. */
  public byte[] getBytes(String name) {
    return GetBytes(name);
  }

  /** Same as {@link #Glob}. */
  public FilesObject glob(String pattern) {
    return Glob(pattern);
  }

  /** Same as {@link #Lines}. */
  public List<String> lines(String name) {
    return Lines(name);
  }

  /** Same as {@link #AsConfig}. */
  public String asConfig() {
    return AsConfig();
  }

  /** Same as {@link #AsSecrets}. */
  public String asSecrets() {
    return AsSecrets();
  }

  /** The file names, in order. */
  public List<String> names() {
    return files.names();
  }

  @Override
  public String toString() {
    return "Files" + files.names();
  }
}
