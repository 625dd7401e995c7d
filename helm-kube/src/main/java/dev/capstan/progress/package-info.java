/**
 * Typed progress events: what an operation is doing as it happens (objects applied, deleted, ready
 * or still waiting, hooks started and finished, hook logs), for the {@link
 * dev.capstan.progress.ProgressListener} an application registers.
 */
package dev.capstan.progress;
