package dev.capstan.render.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Every chart and variant of the shared corpus rendered by Capstan and compared, document by
 * document, with real Helm 4.1.4's {@code helm template} output (parsed YAML equal; masked fields
 * of non-deterministic variants left out). Variants where Helm failed compare the error message.
 *
 * <p>A ratchet keeps the suite green while the Go-template engine is incomplete:
 * {@code corpus-expected-pass.txt} lists the variants that pass; a listed variant that fails
 * fails the test, a passing variant that is not listed is only reported. Every run writes
 * {@code target/corpus-report.md}.
 */
class CorpusTest {
  static final String RATCHET = "/corpus-expected-pass.txt";
  static final Path REPORT = Path.of("target/corpus-report.md");

  /** One variant's result. */
  record Row(Corpus.Variant variant, boolean pass, String detail, List<String> textDiffers,
      long millis) {}

  @Test
  void everyListedVariantRendersAsRealHelm() throws Exception {
    Corpus corpus = new Corpus(Corpus.locateShared());
    Masks masks = Masks.load("/corpus-masks.txt");
    Set<String> ratchet = readRatchet(RATCHET);
    List<Row> rows = new ArrayList<>();
    long start = System.nanoTime();
    // two threads: the machine has two cores; rendering is thread-safe (ChartRenderer's contract)
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Row>> futures = new ArrayList<>();
      for (Corpus.Variant v : corpus.variants()) {
        futures.add(pool.submit(() -> run(corpus, v, masks)));
      }
      for (Future<Row> f : futures) {
        rows.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    long total = (System.nanoTime() - start) / 1_000_000;

    List<String> regressions = new ArrayList<>();
    List<String> unlisted = new ArrayList<>();
    Set<String> known = new LinkedHashSet<>();
    for (Row r : rows) {
      known.add(r.variant().id());
      if (r.pass() && !ratchet.contains(r.variant().id())) {
        unlisted.add(r.variant().id());
      }
      if (!r.pass() && ratchet.contains(r.variant().id())) {
        regressions.add(r.variant().id() + ": " + r.detail());
      }
    }
    List<String> stale = new ArrayList<>(ratchet);
    stale.removeAll(known);
    writeReport(rows, total, unlisted, regressions);
    if (!unlisted.isEmpty()) {
      System.out.println("[corpus] " + unlisted.size() + " variant(s) pass but are not listed in"
          + " src/test/resources" + RATCHET + "; add them so they stay passing:\n  "
          + String.join("\n  ", unlisted));
    }
    long passed = rows.stream().filter(Row::pass).count();
    System.out.println("[corpus] " + passed + " of " + rows.size() + " variants pass in " + total
        + " ms; report: " + REPORT.toAbsolutePath());
    assertThat(stale).as("ratchet lines that name no corpus variant").isEmpty();
    assertThat(regressions).as("variants listed in " + RATCHET + " that no longer pass"
        + " (see " + REPORT + ")").isEmpty();
  }

  static Row run(Corpus corpus, Corpus.Variant v, Masks masks) throws IOException {
    long t0 = System.nanoTime();
    Corpus.Outcome out = corpus.render(v.args());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (v.expectedError() != null) {
      if (out.error() == null) {
        return new Row(v, false, "Helm failed with `" + v.expectedError()
            + "`, Capstan rendered " + DocumentComparison.split(out.text()).size() + " documents",
            List.of(), ms);
      }
      boolean same = out.error().strip().equals(v.expectedError());
      return new Row(v, same, same ? "same error" : "error differs: expected `"
          + v.expectedError() + "`, actual `" + out.error().strip() + "`", List.of(), ms);
    }
    if (out.error() != null) {
      return new Row(v, false, "Capstan failed: " + oneLine(out.error()), List.of(), ms);
    }
    String expected = Files.readString(v.expected(), StandardCharsets.UTF_8);
    DocumentComparison.Result r = DocumentComparison.compare(expected, out.text(),
        masks.forVariant(v.chart(), v.variant()));
    return new Row(v, r.equal(), r.equal() ? r.documents() + " documents equal"
        : r.firstDifference(), r.textDiffers(), ms);
  }

  /** The entries of a ratchet file (a test resource): one a line, {@code #} comments skipped. */
  static Set<String> readRatchet(String resource) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    try (InputStream in = CorpusTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          out.add(l);
        }
      }
    }
    return out;
  }

  private static void writeReport(List<Row> rows, long total, List<String> unlisted,
      List<String> regressions) throws IOException {
    long passed = rows.stream().filter(Row::pass).count();
    StringBuilder sb = new StringBuilder("# Corpus report\n\n");
    sb.append(passed).append(" of ").append(rows.size()).append(" variants pass (")
        .append(total).append(" ms). Compared with real Helm 4.1.4 `helm template` output in")
        .append(" `../shared/charts-expected/`.\n\n");
    if (!regressions.isEmpty()) {
      sb.append("**Listed in the ratchet but failing:** ").append(String.join(", ", regressions))
          .append("\n\n");
    }
    if (!unlisted.isEmpty()) {
      sb.append("**Passing but not in `corpus-expected-pass.txt` (add them):** ")
          .append(String.join(", ", unlisted)).append("\n\n");
    }
    sb.append("| chart | variant | det. | result | ms | first difference |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      sb.append("| ").append(r.variant().chart()).append(" | ").append(r.variant().variant())
          .append(" | ").append(r.variant().deterministic() ? "yes" : "no")
          .append(" | ").append(r.pass() ? "pass" : "**fail**").append(" | ").append(r.millis())
          .append(" | ").append(cell(r.detail())).append(" |\n");
    }
    sb.append("\n## Text differences of YAML-equal documents\n\n");
    boolean any = false;
    for (Row r : rows) {
      for (String t : r.textDiffers()) {
        sb.append("- ").append(r.variant().id()).append(": ").append(cell(t)).append('\n');
        any = true;
      }
    }
    if (!any) {
      sb.append("None.\n");
    }
    try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus-known-failures.md")) {
      if (in != null) {
        sb.append('\n').append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, sb.toString(), StandardCharsets.UTF_8);
  }

  private static String cell(String s) {
    String t = oneLine(s).replace("|", "\\|");
    return t.length() > 400 ? t.substring(0, 397) + "..." : t;
  }

  private static String oneLine(String s) {
    return s.replace("\r", "").replace("\n", " ⏎ ");
  }
}
