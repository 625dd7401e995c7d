package dev.capstan.release;

import dev.capstan.CapstanException;

/**
 * Thrown when a release name breaks Helm's rules (§1.6). The message is Helm's own text, which
 * does not repeat the name; {@link #name()} gives the name for wrapping. Helm 4.1.4's install
 * prints {@code release name check failed: release name "Foo": invalid release name, ...}
 * (checked with the real binary); upgrade and history say {@code release name is invalid: <name>},
 * rollback {@code prepareRollback: Release name is invalid: <name>} and uninstall
 * {@code uninstall: Release name is invalid: <name>} instead.
 */
public class InvalidReleaseNameException extends CapstanException {
  private static final long serialVersionUID = 1L;

  private final String name;

  /** Creates the exception for {@code name} with Helm's {@code message}. */
  public InvalidReleaseNameException(String name, String message) {
    super(message);
    this.name = name;
  }

  /** The rejected name. */
  public String name() {
    return name;
  }
}
