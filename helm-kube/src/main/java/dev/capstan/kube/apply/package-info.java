/**
 * Client-side apply: the three-way merge that turns a live object into what Kubernetes'
 * strategic-merge (or, for custom resources, JSON-merge) three-way patch would make of it, expressed
 * as an RFC 6902 JSON Patch ({@link dev.capstan.kube.apply.ThreeWayMerge}), the per-kind list merge
 * keys it follows ({@link dev.capstan.kube.apply.MergeKeys}) and a small JSON Patch applier
 * ({@link dev.capstan.kube.apply.JsonPatch}). Everything here is pure: no cluster calls.
 */
package dev.capstan.kube.apply;
