package dev.capstan.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class with a Helm kit: fields and parameters of type {@link
 * dev.capstan.client.ReleaseClient}, {@link dev.capstan.testkit.cluster.InMemoryCluster} and
 * {@link dev.capstan.storage.MemoryDriver} are filled with a client wired to a fresh in-memory
 * cluster and memory storage, and {@link dev.capstan.testkit.cluster.VirtualClock} with the clock
 * they share. Instance fields and parameters get a new kit for every test; static
 * fields get one kit for the whole class. The cluster runs its simulated controllers unless
 * {@link #controllers()} says not to, and is closed after its test (or class).
 *
 * <p>Time is virtual unless {@link #virtualTime()} says not to: client and cluster share a {@link
 * dev.capstan.testkit.cluster.VirtualClock} that starts at {@value #VIRTUAL_START}, so a wait
 * that times out after five minutes ends at once, a pod that is ready after thirty seconds is
 * ready when the client's wait has moved the clock that far, and release times are the same in
 * every run.
 *
 * <pre>{@code
 * @HelmTest
 * class DeployTest {
 *   ReleaseClient helm;
 *   InMemoryCluster cluster;
 *
 *   @Test
 *   void installs() {
 *     helm.install("web", chart, in -> in.set("replicas=2"));
 *     assertThat(cluster).configMap("web-config").hasLabel("app.kubernetes.io/managed-by", "Helm");
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(HelmExtension.class)
public @interface HelmTest {
  /** The namespace of the client's releases; the kit's cluster has it. */
  String namespace() default "default";

  /**
   * Whether the kit's cluster runs its simulated controllers (Deployments get ReplicaSets and
   * Pods and become ready, Jobs complete...), steered by {@code cluster.scenario()}; on by default.
   */
  boolean controllers() default true;

  /**
   * Whether client and cluster share a {@link dev.capstan.testkit.cluster.VirtualClock} (the
   * default), so that waits move the clock instead of sleeping; {@code false} runs them on the
   * system clock, for tests in which another thread acts while the client waits.
   */
  boolean virtualTime() default true;

  /** Where the kit's virtual clock starts. */
  String VIRTUAL_START = "2026-01-01T00:00:00Z";
}
