package dev.capstan.testkit.cluster;

/** The kinds of request {@link InMemoryCluster} records and can be told to fail. */
public enum Verb {
  /** Read one object ({@code Cluster.get}). */
  GET("GET"),
  /** Create an object ({@code Cluster.create}). */
  CREATE("POST"),
  /** Replace an object ({@code Cluster.replace}). */
  REPLACE("PUT"),
  /** Apply a JSON Patch ({@code Cluster.patch}). */
  PATCH("PATCH"),
  /** Server-side apply ({@code Cluster.serverSideApply}). */
  APPLY("PATCH"),
  /** Delete an object ({@code Cluster.delete}). */
  DELETE("DELETE"),
  /** List objects of a kind ({@code Cluster.list}). */
  LIST("GET"),
  /** Watch one object ({@code Cluster.watch}). */
  WATCH("GET"),
  /** Read a container's log ({@code Cluster.logs}). */
  LOG("GET");

  private final String httpMethod;

  Verb(String httpMethod) {
    this.httpMethod = httpMethod;
  }

  /** The HTTP method the request would use against a real API server. */
  public String httpMethod() {
    return httpMethod;
  }
}
