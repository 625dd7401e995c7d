package dev.capstan.kube;

/** Clusters for tests that must not reach one. */
public final class FakeClusters {
  private FakeClusters() {}

  /** A cluster that answers every request as an unreachable server would. */
  public static Cluster unreachable() {
    return (Cluster) java.lang.reflect.Proxy.newProxyInstance(Cluster.class.getClassLoader(),
        new Class<?>[] {Cluster.class}, (proxy, method, args) -> {
          if (method.isDefault()) {
            return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
          }
          throw new ClusterException("connection refused: " + method.getName(), 0, "", null);
        });
  }
}
