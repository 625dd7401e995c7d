package dev.capstan.values;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.ResourceLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A resource loader that refuses every schema outside the validator's own class path (the drafts'
 * meta-schemas), so that a {@code $ref} never makes Capstan read the network or the file system.
 * A {@code urn:} reference becomes the permissive schema {@code true}, as in Helm 4.
 */
final class SchemaNoRemoteRefs implements ResourceLoader {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaNoRemoteRefs.class);
  private final String file;

  SchemaNoRemoteRefs(String file) {
    this.file = file;
  }

  @Override
  public InputStreamSource getResource(AbsoluteIri iri) {
    String text = iri.toString();
    if (text.startsWith("classpath:") || text.startsWith("resource:")) {
      return null; // the validator's bundled meta-schemas
    }
    if (text.startsWith("urn:")) {
      // Helm 4 treats an unresolvable URN as the permissive schema true, with a warning.
      LOG.warn("unresolved URN reference ignored; using permissive schema: urn={} file={}", text,
          file);
      return () -> new ByteArrayInputStream("true".getBytes(StandardCharsets.UTF_8));
    }
    throw new RefuseException(file + " refers to the external schema \"" + text
        + "\"; Capstan does not load schemas from outside the chart's values.schema.json");
  }

  /** Signals a refused reference. */
  static final class RefuseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RefuseException(String message) {
      super(message);
    }
  }
}
