/**
 * The diff behind {@code helm diff upgrade}: what an upgrade or rollback would change, resource
 * by resource, computed from the two states without calling a cluster.
 *
 * <p>{@link dev.capstan.diff.ManifestDiff} compares two lists of objects or two release manifest
 * texts and gives a {@link dev.capstan.diff.ReleaseDiff}: one
 * {@link dev.capstan.diff.ResourceDiff} per resource, with its {@link dev.capstan.diff.Change},
 * its YAML before and after, and a unified diff. {@link dev.capstan.diff.DiffOptions} sets the
 * context, secret redaction (on by default), normalisation of live objects and paths to ignore.
 */
package dev.capstan.diff;
