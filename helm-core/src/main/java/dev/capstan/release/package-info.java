/**
 * Helm releases: the rules a release and its name follow, such as
 * {@link dev.capstan.release.ReleaseName}.
 */
package dev.capstan.release;
