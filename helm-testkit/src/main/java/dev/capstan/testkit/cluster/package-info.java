/**
 * An in-memory Kubernetes API server for tests: {@link dev.capstan.testkit.cluster.InMemoryCluster}
 * implements {@link dev.capstan.kube.Cluster} with the API server's storage, validation,
 * server-side apply and watch semantics, records every request
 * ({@link dev.capstan.testkit.cluster.RecordedRequest}) and fails requests on demand. With
 * {@link dev.capstan.testkit.cluster.Controllers} it also runs simulated controllers, so that
 * workloads become ready, and plays {@link dev.capstan.testkit.cluster.Scenarios}: crash loops,
 * image pull failures, failing Jobs, exceeded progress deadlines, workloads never ready.
 */
package dev.capstan.testkit.cluster;
