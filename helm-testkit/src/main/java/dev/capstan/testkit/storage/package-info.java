/**
 * Contract tests for storage SPIs: subclass {@link dev.capstan.testkit.storage.ReleaseDriverContract}
 * to check that a {@link dev.capstan.storage.ReleaseDriver} behaves as Capstan expects.
 */
package dev.capstan.testkit.storage;
