/**
 * Capstan: a pure-Java implementation of Helm's release lifecycle.
 *
 * <p>This package holds only {@link dev.capstan.CapstanException}, the root of Capstan's exception
 * hierarchy. Charts live in {@code dev.capstan.chart}, values in {@code dev.capstan.values}.
 */
package dev.capstan;
