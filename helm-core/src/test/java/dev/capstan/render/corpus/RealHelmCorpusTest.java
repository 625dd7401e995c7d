package dev.capstan.render.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testing.RealHelm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential tests with the real Helm 4.1.4 CLI ({@code ../shared/tools/real-helm.sh}; skipped
 * with the reason when it cannot be fetched): values variants beyond the corpus rendered by both
 * and compared as {@link CorpusTest} compares, and a check that the corpus masks cover everything
 * that differs between two runs of real Helm.
 *
 * <p>Like the corpus, the differential variants have a ratchet,
 * {@code differential-expected-pass.txt}: a listed variant that fails fails the test.
 */
class RealHelmCorpusTest {
  static final String RATCHET = "/differential-expected-pass.txt";

  /** {chart, variant name, extra {@code helm template} flags...}. */
  static final List<String[]> VARIANTS = List.of(
      new String[] {"podinfo", "diff-hpa-ingress-servicemonitor", "--set", "hpa.enabled=true",
          "--set", "ingress.enabled=true", "--set", "serviceMonitor.enabled=true",
          "--api-versions", "monitoring.coreos.com/v1"},
      new String[] {"podinfo", "diff-redis-certificate", "--set", "redis.enabled=true",
          "--set", "certificate.create=true", "--set", "replicaCount=3"},
      new String[] {"nginx", "diff-nodeport", "--set", "service.type=NodePort",
          "--set", "tls.enabled=false"},
      new String[] {"nginx", "diff-clusterip-metrics", "--set", "service.type=ClusterIP",
          "--set", "metrics.enabled=true", "--set", "tls.enabled=false"},
      new String[] {"redis", "diff-sentinel", "--set", "sentinel.enabled=true",
          "--set", "auth.password=s3cret"},
      new String[] {"redis", "diff-replicas-metrics", "--set", "replica.replicaCount=2",
          "--set", "metrics.enabled=true", "--set", "auth.password=s3cret"},
      new String[] {"vault", "diff-ui-no-injector", "--set", "injector.enabled=false",
          "--set", "ui.enabled=true"},
      new String[] {"ingress-nginx", "diff-daemonset-metrics", "--set", "controller.kind=DaemonSet",
          "--set", "controller.metrics.enabled=true", "--set", "controller.admissionWebhooks.enabled=false"},
      new String[] {"prometheus-node-exporter", "diff-kube-1.28", "--kube-version", "1.28.0"},
      new String[] {"cert-manager", "diff-show-only-deployment", "--show-only",
          "templates/deployment.yaml"});

  @TempDir static Path scratch;
  static RealHelm helm;
  static Corpus corpus;
  static Masks masks;

  @BeforeAll
  static void fetch() throws Exception {
    helm = RealHelm.fetch(scratch);
    corpus = new Corpus(Corpus.locateShared());
    masks = Masks.load("/corpus-masks.txt");
  }

  /** The masks cover exactly the fields real Helm changes from run to run. */
  @Test
  void masksCoverEverythingThatDiffersBetweenRunsOfRealHelm() throws Exception {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Corpus.Variant v : corpus.variants()) {
      if (v.deterministic() || v.expected() == null) {
        continue;
      }
      String fresh = helmTemplate(v.args());
      String stored = Files.readString(v.expected(), StandardCharsets.UTF_8);
      DocumentComparison.Result r = DocumentComparison.compare(stored, fresh,
          masks.forVariant(v.chart(), v.variant()));
      if (!r.equal()) {
        problems.add(v.id() + ": " + r.firstDifference());
      }
      DocumentComparison.Result unmasked = DocumentComparison.compare(stored, fresh, List.of());
      if (unmasked.equal()) {
        problems.add(v.id() + ": two runs of real Helm agree; is it really not deterministic?");
      }
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(29);
    assertThat(problems).isEmpty();
  }

  /** The stored outputs are what this Helm prints (the corpus is not stale). */
  @Test
  void realHelmStillPrintsTheStoredDeterministicOutputs() throws Exception {
    for (String id : List.of("podinfo/ingress-hpa", "traefik/default", "vault/ha-raft",
        "prometheus-pushgateway/ci-httproute")) {
      Corpus.Variant v = corpus.variants().stream().filter(x -> x.id().equals(id)).findFirst()
          .orElseThrow();
      assertThat(helmTemplate(v.args())).as(id)
          .isEqualTo(Files.readString(v.expected(), StandardCharsets.UTF_8));
    }
  }

  /** Capstan renders the differential variants as real Helm; listed ones must pass. */
  @Test
  void capstanRendersValuesVariantsBeyondTheCorpusAsRealHelm() throws Exception {
    Set<String> ratchet = CorpusTest.readRatchet(RATCHET);
    List<String> regressions = new ArrayList<>();
    List<String> report = new ArrayList<>();
    List<String> unlisted = new ArrayList<>();
    for (String[] d : VARIANTS) {
      List<String> args = new ArrayList<>(List.of("demo", "charts/" + d[0], "--namespace", "demo"));
      List<String> extra = List.of(d).subList(2, d.length);
      if (!extra.contains("--kube-version")) {
        args.addAll(List.of("--kube-version", "1.31.0"));
      }
      args.addAll(extra);
      String id = d[0] + "/" + d[1];
      String first = helmTemplate(args);
      String second = helmTemplate(args);
      List<Masks.Mask> m = masks.forVariant(d[0], d[1]);
      assertThat(DocumentComparison.compare(first, second, m).firstDifference())
          .as(id + ": two runs of real Helm differ outside the masks").isNull();
      Corpus.Outcome out = corpus.render(args);
      String result;
      boolean pass;
      if (out.error() != null) {
        pass = false;
        result = "Capstan failed: " + out.error();
      } else {
        DocumentComparison.Result r = DocumentComparison.compare(first, out.text(), m);
        pass = r.equal();
        result = pass ? r.documents() + " documents equal" : r.firstDifference();
      }
      report.add("| " + id + " | " + (pass ? "pass" : "**fail**") + " | "
          + result.replace("\n", " ").replace("|", "\\|") + " |");
      if (pass && !ratchet.contains(id)) {
        unlisted.add(id);
      }
      if (!pass && ratchet.contains(id)) {
        regressions.add(id + ": " + result);
      }
    }
    Path file = Path.of("target/differential-report.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "# Differential report (Capstan vs real Helm 4.1.4)\n\n"
        + "| variant | result | first difference |\n|---|---|---|\n"
        + String.join("\n", report) + "\n", StandardCharsets.UTF_8);
    if (!unlisted.isEmpty()) {
      System.out.println("[differential] pass but not listed in src/test/resources" + RATCHET
          + "; add them:\n  " + String.join("\n  ", unlisted));
    }
    assertThat(regressions).as("listed in " + RATCHET + " but failing").isEmpty();
  }

  /** Runs real {@code helm template} with corpus arguments (paths relative to shared/). */
  private static String helmTemplate(List<String> args) throws IOException, InterruptedException {
    Path shared = corpus.shared();
    List<String> abs = new ArrayList<>();
    abs.add("template");
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (i == 1) {
        abs.add(shared.resolve(a).toString());
      } else if ((a.equals("-f") || a.equals("--values")) && i + 1 < args.size()) {
        abs.add(a);
        abs.add(shared.resolve(args.get(++i)).toString());
      } else if (a.equals("--set-file") && i + 1 < args.size()) {
        abs.add(a);
        String kv = args.get(++i);
        int eq = kv.indexOf('=');
        abs.add(kv.substring(0, eq + 1) + shared.resolve(kv.substring(eq + 1)));
      } else {
        abs.add(a);
      }
    }
    RealHelm.Result r = helm.helm(abs.toArray(String[]::new)).requireSuccess();
    return r.out();
  }
}
