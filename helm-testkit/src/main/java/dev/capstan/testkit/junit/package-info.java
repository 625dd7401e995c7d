/**
 * JUnit 5 support: {@link dev.capstan.testkit.junit.HelmTest} gives each test a {@link
 * dev.capstan.client.ReleaseClient} wired to a fresh in-memory cluster and memory storage.
 */
package dev.capstan.testkit.junit;
