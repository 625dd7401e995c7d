package dev.capstan.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.storage.MemoryDriver;
import dev.capstan.testkit.cluster.InMemoryCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuickStartTest {
  @Test
  @DisplayName("the quick start tells the release's story on the in-memory cluster and prints helm history's table")
  void quickStartTellsTheStory() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (InMemoryCluster cluster = InMemoryCluster.builder().withControllers().build()) {
      QuickStart.run(Path.of("charts/mychart"), cluster, new MemoryDriver(), "default",
          new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).startsWith("Loaded chart mychart 0.1.0 (app 1.16.0)");
    // One line per progress event, in the story's order
    assertThat(out).containsSubsequence(
        "recorded default/demo revision 1: pending-install (Initial install underway)",
        "created Deployment/default/demo-mychart",
        "ready Deployment/default/demo-mychart",
        "recorded default/demo revision 1: deployed (Install complete)",
        "recorded default/demo revision 2: deployed (Upgrade complete)",
        "Error: UPGRADE FAILED: release demo failed, and has been rolled back due to "
            + "rollback-on-failure being set: ",
        "recorded default/demo revision 5: deployed (Rollback to 1)");
    assertThat(out).contains("ImagePullBackOff").doesNotContain("context deadline exceeded");
    // The container's message is said once, not repeated as the cause
    String error = out.lines().filter(l -> l.startsWith("Error: UPGRADE FAILED")).findFirst()
        .orElseThrow();
    assertThat(error.split("Back-off pulling image", -1)).hasSize(2);
    // The history table, as helm history prints it
    String table = out.substring(out.indexOf("$ helm history demo"));
    assertThat(table.lines().skip(1).map(l -> l.split("\t")[2].strip()).toList())
        .containsExactly("STATUS", "superseded", "superseded", "failed", "superseded", "deployed");
    assertThat(table).contains("Rollback to 2").contains("Rollback to 1")
        .contains("mychart-0.1.0\t1.16.0");
  }
}
