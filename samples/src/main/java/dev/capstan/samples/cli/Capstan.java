package dev.capstan.samples.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code capstan}: a command-line program with Helm's commands, flags, output and exit codes,
 * built only on Capstan's public API ({@code ReleaseClient}, {@code KubeCluster}, the storage
 * drivers, {@code Charts}, {@code ChartRenderer}, {@code ValueSources}). See {@code docs/cli.md}.
 *
 * <p>The environment is read once, here, into an {@link Environment}; {@link #run} takes it and
 * the output streams, so that tests run commands end to end without a process.
 */
public final class Capstan {
  private Capstan() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    // the library logs through SLF4J; like helm, say only warnings unless --debug is given
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
          Arrays.asList(args).contains("--debug") ? "debug" : "warn");
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int code = run(Arrays.asList(args), Environment.system(), out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs one command line as {@code helm} would: its output on {@code out}, progress and
   * {@code Error: ...} messages on {@code err}.
   *
   * @return the exit code: 0 on success, 1 on any error
   */
  public static int run(List<String> args, Environment env, PrintStream out, PrintStream err) {
    return new Commands(env, out, err).run(args);
  }
}
