/**
 * Chart repositories (§8): {@link dev.capstan.repo.RepositoryIndex} parses {@code index.yaml} as
 * Helm does, {@link dev.capstan.repo.ChartSearch} is {@code helm search repo},
 * {@link dev.capstan.repo.ChartRepository} fetches indexes and charts over HTTP(S) with the JDK's
 * client (cached, conditional, sha256-verified), {@link dev.capstan.repo.RepositoriesFile} reads
 * and writes Helm's {@code repositories.yaml}, and {@link dev.capstan.repo.ChartRepositories}
 * ties named repositories together. OCI registries are not covered.
 */
package dev.capstan.repo;
