package dev.capstan.internal.template;

import dev.capstan.internal.gofmt.GoFmt;
import java.util.Objects;

/**
 * Sprig's {@code certificate} struct, the result of {@code genCA}, {@code genSelfSignedCert},
 * {@code genSignedCert} and {@code buildCustomCert}: PEM texts {@code .Cert} and {@code .Key}.
 *
 * <p>Internal: not part of Capstan's API. Immutable.
 *
 * @param cert the certificate, PEM ({@code CERTIFICATE})
 * @param key its private key, PEM ({@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY} or
 *     {@code PRIVATE KEY})
 */
public record CertificateObject(String cert, String key) implements GoObject, GoFmt.Stringer {
  /** Checks the parts. */
  public CertificateObject {
    Objects.requireNonNull(cert, "cert");
    Objects.requireNonNull(key, "key");
  }

  /** The field {@code .Cert}, under Go's name, for engines that reflect on methods. */
  public String Cert() {
    return cert;
  }

  /** The field {@code .Key}, under Go's name, for engines that reflect on methods. */
  public String Key() {
    return key;
  }

  @Override
  public boolean has(String name) {
    return name.equals("Cert") || name.equals("Key");
  }

  @Override
  public Object get(String name, Object[] args) {
    if (args.length != 0) {
      throw new Sprig.FunctionException(name, name + " has arguments but cannot be invoked as function");
    }
    return switch (name) {
      case "Cert" -> cert;
      case "Key" -> key;
      default -> throw new Sprig.FunctionException(name, "can't evaluate field " + name
          + " in type sprig.certificate");
    };
  }

  /** Go's {@code %v} of the struct: {@code {<cert> <key>}}. */
  @Override
  public String goString() {
    return "{" + cert + " " + key + "}";
  }
}
