/**
 * AssertJ assertions for releases, histories and cluster objects; start at {@link
 * dev.capstan.testkit.assertj.HelmAssertions}.
 */
package dev.capstan.testkit.assertj;
