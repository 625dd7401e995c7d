package dev.capstan.samples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One in-process run of the CLI as the tests make it: its exit code and what it printed. */
record CliRun(int code, String out, String err) {

  /** Runs {@code capstan args...} with {@code variables} as its environment, in {@code dir}. */
  static CliRun of(Map<String, String> variables, Path dir, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Capstan.run(List.of(args), new Environment(variables, dir),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRun(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
