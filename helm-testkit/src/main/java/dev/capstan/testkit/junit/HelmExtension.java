package dev.capstan.testkit.junit;

import dev.capstan.client.ReleaseClient;
import dev.capstan.kube.ResourceRef;
import dev.capstan.storage.MemoryDriver;
import dev.capstan.testkit.cluster.InMemoryCluster;
import dev.capstan.testkit.cluster.VirtualClock;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link HelmTest}: makes the kits, injects them and closes their
 * clusters. Use it through the annotation.
 */
public final class HelmExtension implements BeforeAllCallback, BeforeEachCallback,
    ParameterResolver {
  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(HelmExtension.class);
  private static final Set<Class<?>> INJECTED =
      Set.of(ReleaseClient.class, InMemoryCluster.class, MemoryDriver.class, VirtualClock.class);

  /** Creates the extension; JUnit does. */
  public HelmExtension() {}

  /** One client with its cluster and storage; closing it closes the cluster. */
  private record Kit(InMemoryCluster cluster, MemoryDriver driver, ReleaseClient client,
      VirtualClock clock) implements ExtensionContext.Store.CloseableResource {
    Object get(Class<?> type) {
      if (type == ReleaseClient.class) {
        return client;
      }
      if (type == InMemoryCluster.class) {
        return cluster;
      }
      if (type == VirtualClock.class) {
        if (clock == null) {
          throw new ExtensionConfigurationException("@HelmTest(virtualTime = false) has no "
              + "VirtualClock to inject: the kit runs on the system clock");
        }
        return clock;
      }
      return driver;
    }

    @Override
    public void close() {
      cluster.close();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    inject(context, null, true);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    inject(context, context.getRequiredTestInstance(), false);
  }

  private void inject(ExtensionContext context, Object instance, boolean statics)
      throws IllegalAccessException {
    for (Class<?> c = context.getRequiredTestClass(); c != null && c != Object.class;
        c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!INJECTED.contains(f.getType()) || Modifier.isStatic(f.getModifiers()) != statics) {
          continue;
        }
        if (Modifier.isFinal(f.getModifiers())) {
          throw new ExtensionConfigurationException("@HelmTest cannot inject the final field "
              + c.getSimpleName() + "." + f.getName());
        }
        f.setAccessible(true);
        f.set(instance, kit(context).get(f.getType()));
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return INJECTED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return kit(context).get(parameter.getParameter().getType());
  }

  /**
   * The kit of this context (a test or a class), made on first use. Keyed by the context's id:
   * stores look up their parents, and a test must not get its class's kit.
   */
  private Kit kit(ExtensionContext context) {
    return context.getStore(STORE).getOrComputeIfAbsent(context.getUniqueId(),
        k -> newKit(context), Kit.class);
  }

  private Kit newKit(ExtensionContext context) {
    Optional<HelmTest> settings = Optional.ofNullable(context.getRequiredTestClass()
        .getAnnotation(HelmTest.class));
    String namespace = settings.map(HelmTest::namespace).orElse("default");
    VirtualClock clock = settings.map(HelmTest::virtualTime).orElse(true)
        ? VirtualClock.at(Instant.parse(HelmTest.VIRTUAL_START)) : null;
    InMemoryCluster.Builder builder = InMemoryCluster.builder();
    if (clock != null) {
      builder.clock(clock);
    }
    if (settings.map(HelmTest::controllers).orElse(true)) {
      builder.withControllers();
    }
    InMemoryCluster cluster = builder.build();
    if (cluster.get(new ResourceRef("v1", "Namespace", "", namespace)).isEmpty()) {
      Map<String, Object> ns = new LinkedHashMap<>();
      ns.put("apiVersion", "v1");
      ns.put("kind", "Namespace");
      ns.put("metadata", Map.of("name", namespace));
      cluster.create(ns);
    }
    MemoryDriver driver = new MemoryDriver();
    ReleaseClient.Builder client = ReleaseClient.builder().cluster(cluster).storage(driver)
        .namespace(namespace).serialization(serialization(context));
    if (clock != null) {
      client.clock(clock);
    }
    return new Kit(cluster, driver, client.build(), clock);
  }

  /** One serialization for the whole run: it takes about a second to make. */
  private static KubernetesSerialization serialization(ExtensionContext context) {
    return context.getRoot().getStore(STORE).getOrComputeIfAbsent(KubernetesSerialization.class,
        k -> new KubernetesSerialization(), KubernetesSerialization.class);
  }
}
