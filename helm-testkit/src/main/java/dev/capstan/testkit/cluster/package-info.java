/**
 * An in-memory Kubernetes API server for tests: {@link dev.capstan.testkit.cluster.InMemoryCluster}
 * implements {@link dev.capstan.kube.Cluster} with the API server's storage, validation,
 * server-side apply and watch semantics, records every request
 * ({@link dev.capstan.testkit.cluster.RecordedRequest}) and fails requests on demand.
 */
package dev.capstan.testkit.cluster;
