package dev.capstan.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fast head reader accepts only documents the full YAML parser reads, and reads the same head:
 * checked on every document real Helm rendered from 30 upstream charts and on thousands of
 * mutations of them.
 */
class ManifestHeadScannerTest {
  private static final Path EXPECTED = Path.of("../../shared/charts-expected");
  private static final Path TEMPLATES = Path.of("../../shared/fixtures/templates");
  private static List<String> docs;

  @BeforeAll
  static void readCorpus() throws IOException {
    docs = new ArrayList<>();
    for (Path root : List.of(EXPECTED, TEMPLATES)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
          docs.addAll(ManifestSorter.split(Files.readString(f)));
        }
      }
    }
  }

  /** Checks the property on one document; answers whether the fast path accepted it. */
  private static boolean check(String doc) {
    ManifestHeadScanner.Head fast = ManifestHeadScanner.scan(doc);
    if (fast == null) {
      return false;
    }
    List<Object> full;
    try {
      full = ManifestSorter.fullHead("doc", doc);
    } catch (RenderException e) {
      fail("the fast path accepted a document the full parser rejects (%s):%n%s", e.getMessage(), doc);
      return true;
    }
    assertThat(List.of(fast.apiVersion(), fast.kind(), fast.name(), fast.annotations()))
        .as("head of%n%s", doc).isEqualTo(full);
    return true;
  }

  @Test
  @DisplayName("on real Helm output the fast head equals the full parse, and it takes most documents")
  void realDocuments() {
    int accepted = 0;
    for (String doc : docs) {
      if (check(doc)) {
        accepted++;
      }
    }
    assertThat(docs).hasSizeGreaterThan(1000);
    assertThat(accepted).as("documents on the fast path").isGreaterThan(docs.size() * 6 / 10);
  }

  @Test
  @DisplayName("mutated documents: whatever the fast path accepts, the full parser reads the same")
  void mutations() {
    Random random = new Random(7);
    String[] inserts = {"\t", ": ", ":", "#", " #", "- ", "&a ", "*a", "!!str ", "\"", "'", "{", "[",
        "|", ">", "\n", "\n  ", "\n- ", "---", "...", "? ", "%", "@", "\\", "y", "on", "1",
        "\n  x: 1", "\nmetadata:", "\nkind: K", "\n  annotations:\n    a: b"};
    int accepted = 0;
    for (int n = 0; n < 6_000; n++) {
      String doc = docs.get(random.nextInt(docs.size()));
      if (doc.length() > 4000) {
        doc = doc.substring(0, 4000);
      }
      StringBuilder sb = new StringBuilder(doc);
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(sb.length() + 1);
        switch (random.nextInt(3)) {
          case 0 -> sb.insert(at, inserts[random.nextInt(inserts.length)]);
          case 1 -> {
            if (at < sb.length()) {
              sb.deleteCharAt(at);
            }
          }
          default -> sb.insert(at, ' ');
        }
      }
      if (check(sb.toString())) {
        accepted++;
      }
    }
    assertThat(accepted).as("mutations on the fast path").isGreaterThan(300);
  }

  @Test
  @DisplayName("documents outside the subset are left to the full parser")
  void declines() {
    for (String doc : List.of(
        "kind: &k Service\nother: *k\n",
        "kind: !!str Service\n",
        "metadata: {name: x}\n",
        "kind: a\nkind: b\n",
        "kind: 5\n",
        "kind: true\n",
        "kind: |\n  Service\n",
        "kind: Service\n  continued\n",
        "metadata:\n  annotations:\n    helm.sh/hook-weight: 5\n",
        "metadata:\n- name: x\n",
        "a:\tb\n",
        "- a\n- b\n",
        "just text\n",
        "%YAML 1.1\n---\nkind: X\n")) {
      assertThat(ManifestHeadScanner.scan(doc)).as(doc).isNull();
    }
  }

  @Test
  @DisplayName("a typical manifest is read on the fast path with its hook annotations")
  void typical() {
    String doc = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: "migrate"
          labels:
            app: web
          annotations:
            "helm.sh/hook": pre-install,pre-upgrade
            helm.sh/hook-weight: "-5"
        spec:
          template:
            spec:
              containers:
                - name: m
                  image: "busybox:1.36"
                  command: ['sh', "-c"]
                  args:
                  - |
                    echo hi: there
                    exit 0
              restartPolicy: Never
        """;

    assertThat(ManifestHeadScanner.scan(doc)).isEqualTo(new ManifestHeadScanner.Head("batch/v1", "Job",
        "migrate", Map.of("helm.sh/hook", "pre-install,pre-upgrade", "helm.sh/hook-weight", "-5")));
    assertThat(check(doc)).isTrue();
  }
}
