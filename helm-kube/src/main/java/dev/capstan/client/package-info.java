/**
 * The release client: Helm's actions (install, upgrade, rollback, uninstall, history, status) as
 * a Java API over a {@link dev.capstan.kube.Cluster} and a {@link
 * dev.capstan.storage.ReleaseDriver}, with Helm's semantics (§3, §4.2 of the spec), atomic
 * operations, waiting and hooks. Start at {@link dev.capstan.client.ReleaseClient}.
 */
package dev.capstan.client;
