/**
 * Where release records live: the {@link dev.capstan.storage.ReleaseDriver} SPI, the
 * {@link dev.capstan.storage.ReleaseStorage} facade that owns Helm's key format, history queries and
 * max-history pruning, and the memory, Secret and ConfigMap drivers (spec §2).
 */
package dev.capstan.storage;
