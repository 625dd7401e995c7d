package dev.capstan.storage;

/**
 * A storage object that a listing left out because it could not be read as a release record: bad
 * base64, gzip or JSON, a missing label, a foreign type.
 *
 * @param namespace the object's namespace
 * @param key the object's name
 * @param reason what is wrong with it
 */
public record SkippedRecord(String namespace, String key, String reason) {}
