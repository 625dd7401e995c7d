/**
 * Semantic versions and version constraints with the exact rules of Masterminds
 * {@code semver/v3}, which Helm uses for chart versions, dependencies, {@code kubeVersion} and
 * repository searches: {@link dev.capstan.semver.Version}, {@link dev.capstan.semver.Constraint}
 * and {@link dev.capstan.semver.Versions}.
 */
package dev.capstan.semver;
