package dev.capstan.internal.template;

import static dev.capstan.internal.template.Fns.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** bcrypt, AES and the key and certificate functions, checked with the JDK. */
class SprigCryptoTest {

  @Test
  @DisplayName("Blowfish's tables are pi's hexadecimal digits")
  void piTables() {
    int[] w = Bcrypt.piWords(18 + 1024);
    assertThat(w[0]).isEqualTo(0x243f6a88);
    assertThat(w[17]).isEqualTo(0x8979fb1b);
    assertThat(w[18]).isEqualTo(0xd1310ba6);
    assertThat(w[18 + 1023]).isEqualTo(0x3ac372e6);
  }

  @Test
  @DisplayName("bcrypt matches the OpenBSD test vectors (also what glibc's crypt gives)")
  void bcryptVectors() {
    String[][] vectors = {
        {"U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"},
        {"U*U*", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK"},
        {"U*U*U", "$2a$05$XXXXXXXXXXXXXXXXXXXXXOAcXxm9kjPGEMsLznoKqmqw7tc8WCx4a"},
        {"", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy"},
    };
    for (String[] v : vectors) {
      byte[] salt = Bcrypt.decode(v[1].substring(7, 29), 16);
      assertThat(Bcrypt.hash(v[0].getBytes(StandardCharsets.UTF_8), salt, 5)).isEqualTo(v[1]);
      assertThat(Bcrypt.verify(v[0].getBytes(StandardCharsets.UTF_8), v[1])).isTrue();
    }
    assertThat(Bcrypt.verify("U*V".getBytes(StandardCharsets.UTF_8), vectors[0][1])).isFalse();
  }

  @Test
  @DisplayName("bcrypt and htpasswd: cost 10, random salt, verifiable; Go's limits")
  void bcryptFunction() {
    String h = (String) call("bcrypt", "secret");
    assertThat(h).startsWith("$2a$10$").hasSize(60);
    assertThat(Bcrypt.verify("secret".getBytes(StandardCharsets.UTF_8), h)).isTrue();
    String line = (String) call("htpasswd", "admin", "pw");
    assertThat(line).startsWith("admin:$2a$10$");
    assertThat(Bcrypt.verify("pw".getBytes(StandardCharsets.UTF_8), line.substring(6))).isTrue();
    assertThat(call("htpasswd", "a:b", "pw")).isEqualTo("invalid username: a:b");
    assertThat(call("bcrypt", "x".repeat(73)))
        .isEqualTo("failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes");
  }

  @Test
  @DisplayName("encryptAES round-trips; decryptAES reads Sprig's format made independently")
  void aes() throws Exception {
    String enc = (String) call("encryptAES", "secretkey", "plaintext");
    assertThat(Base64.getDecoder().decode(enc)).hasSize(32);
    assertThat(call("decryptAES", "secretkey", enc)).isEqualTo("plaintext");
    // Sprig's documented algorithm: key = password zero-padded to 32 bytes, AES-CBC, PKCS#7,
    // base64(iv || ciphertext).
    byte[] key = new byte[32];
    System.arraycopy("k".getBytes(StandardCharsets.UTF_8), 0, key, 0, 1);
    byte[] iv = new byte[16];
    for (int i = 0; i < 16; i++) {
      iv[i] = (byte) i;
    }
    Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    byte[] body = c.doFinal("exactly sixteen!".getBytes(StandardCharsets.UTF_8));
    byte[] all = new byte[16 + body.length];
    System.arraycopy(iv, 0, all, 0, 16);
    System.arraycopy(body, 0, all, 16, body.length);
    assertThat(call("decryptAES", "k", Base64.getEncoder().encodeToString(all)))
        .isEqualTo("exactly sixteen!");
    assertThat(call("encryptAES", "k", "")).isEqualTo("");
    assertThat(call("decryptAES", "k", "")).isEqualTo("");
    assertThatThrownBy(() -> call("decryptAES", "k", Base64.getEncoder().encodeToString(
        new byte[20]))).hasMessage("crypto/cipher: input not full blocks");
    assertThatThrownBy(() -> call("decryptAES", "k", "!!!"))
        .hasMessage("illegal base64 data at input byte 0");
  }

  private static X509Certificate parse(String pem) throws Exception {
    assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n")
        .endsWith("-----END CERTIFICATE-----\n");
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  @DisplayName("genCA: a self-signed RSA CA the JDK parses and verifies, valid from the clock")
  void genCA() throws Exception {
    CertificateObject ca = (CertificateObject) call("genCA", "my-ca", 365);
    X509Certificate x = parse(ca.cert());
    x.verify(x.getPublicKey());
    assertThat(x.getSubjectX500Principal().getName()).isEqualTo("CN=my-ca");
    assertThat(x.getIssuerX500Principal()).isEqualTo(x.getSubjectX500Principal());
    assertThat(x.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
    assertThat(x.getKeyUsage()).startsWith(true, false, true, false, false, true);
    assertThat(x.getVersion()).isEqualTo(3);
    assertThat(x.getSigAlgName()).isEqualTo("SHA256withRSA");
    Instant now = Fns.NOW.truncatedTo(ChronoUnit.SECONDS);
    assertThat(x.getNotBefore().toInstant()).isEqualTo(now);
    assertThat(x.getNotAfter().toInstant()).isEqualTo(now.plus(365, ChronoUnit.DAYS));
    assertThat(ca.key()).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
    SprigCrypto.Key k = SprigCrypto.parsePrivateKeyPem(ca.key());
    assertThat(k.pub()).isEqualTo(x.getPublicKey());
    assertThat(x.getExtensionValue("2.5.29.14")).isNotNull();
    assertThat(ca.has("Cert")).isTrue();
    assertThat(ca.get("Key", new Object[0])).isEqualTo(ca.key());
  }

  @Test
  @DisplayName("genSignedCert: signed by the CA, with DNS and IP SANs, server and client usage")
  void genSignedCert() throws Exception {
    FunctionEnv env = Fns.env();
    CertificateObject ca = (CertificateObject) call(env, "genCA", "ca", 10);
    CertificateObject leaf = (CertificateObject) call(env, "genSignedCert", "svc.example",
        List.of("10.0.0.1", "::1"), List.of("svc", "svc.ns.svc"), 30, ca);
    X509Certificate x = parse(leaf.cert());
    X509Certificate cax = parse(ca.cert());
    x.verify(cax.getPublicKey());
    assertThat(x.getIssuerX500Principal()).isEqualTo(cax.getSubjectX500Principal());
    assertThat(x.getSubjectX500Principal().getName()).isEqualTo("CN=svc.example");
    assertThat(x.getBasicConstraints()).isEqualTo(-1);
    assertThat(x.getExtendedKeyUsage())
        .containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    List<String> sans = new ArrayList<>();
    for (List<?> san : x.getSubjectAlternativeNames()) {
      sans.add(san.get(0) + "=" + san.get(1));
    }
    assertThat(sans).containsExactly("2=svc", "2=svc.ns.svc", "7=10.0.0.1", "7=0:0:0:0:0:0:0:1");
    assertThat(x.getExtensionValue("2.5.29.35")).isNotNull();
    assertThat(x.getNotAfter().toInstant().getEpochSecond()
        - x.getNotBefore().toInstant().getEpochSecond()).isEqualTo(30 * 86400L);
    assertThat(leaf.key()).isNotEqualTo(ca.key());
  }

  @Test
  @DisplayName("genSelfSignedCert and the WithKey forms with ECDSA and Ed25519 keys")
  void selfSignedAndWithKey() throws Exception {
    CertificateObject self = (CertificateObject) call("genSelfSignedCert", "me", null,
        List.of("me.local"), 1);
    X509Certificate x = parse(self.cert());
    x.verify(x.getPublicKey());
    assertThat(x.getBasicConstraints()).isEqualTo(-1);

    String ec = (String) call("genPrivateKey", "ecdsa");
    assertThat(ec).startsWith("-----BEGIN EC PRIVATE KEY-----\n");
    CertificateObject eca = (CertificateObject) call("genCAWithKey", "ec-ca", 5, ec);
    X509Certificate ecx = parse(eca.cert());
    ecx.verify(ecx.getPublicKey());
    assertThat(ecx.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(eca.key()).isEqualTo(ec);

    String ed = (String) call("genPrivateKey", "ed25519");
    assertThat(ed).startsWith("-----BEGIN PRIVATE KEY-----\n");
    CertificateObject edLeaf = (CertificateObject) call("genSignedCertWithKey", "ed", List.of(),
        List.of(), 5, eca, ed);
    X509Certificate edx = parse(edLeaf.cert());
    edx.verify(ecx.getPublicKey());
    assertThat(edx.getPublicKey().getAlgorithm()).isIn("Ed25519", "EdDSA");
    assertThat(edLeaf.key()).isEqualTo(ed);
    CertificateObject edSelf = (CertificateObject) call("genSelfSignedCertWithKey", "ed",
        List.of(), List.of(), 5, ed);
    X509Certificate eds = parse(edSelf.cert());
    eds.verify(eds.getPublicKey());
  }

  @Test
  @DisplayName("genPrivateKey rsa writes PKCS#1 of 4096 bits; unknown types are named")
  void genPrivateKeyRsa() {
    String rsa = (String) call("genPrivateKey", "rsa");
    assertThat(rsa).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
    SprigCrypto.Key k = SprigCrypto.parsePrivateKeyPem(rsa);
    assertThat(((java.security.interfaces.RSAPublicKey) k.pub()).getModulus().bitLength())
        .isEqualTo(4096);
    assertThat(call("genPrivateKey", "x25519")).isEqualTo("Unknown type x25519");
  }

  @Test
  @DisplayName("buildCustomCert checks and keeps base64 PEM texts; bad input fails as Sprig")
  void buildCustomCert() {
    CertificateObject ca = (CertificateObject) call("genCA", "ca", 10);
    Base64.Encoder b64 = Base64.getEncoder();
    CertificateObject c = (CertificateObject) call("buildCustomCert",
        b64.encodeToString(ca.cert().getBytes(StandardCharsets.UTF_8)),
        b64.encodeToString(ca.key().getBytes(StandardCharsets.UTF_8)));
    assertThat(c).isEqualTo(ca);
    assertThatThrownBy(() -> call("buildCustomCert", "!", "x"))
        .hasMessage("unable to decode base64 certificate");
    assertThatThrownBy(() -> call("buildCustomCert", b64.encodeToString("no pem".getBytes()),
        b64.encodeToString(ca.key().getBytes(StandardCharsets.UTF_8))))
        .hasMessage("unable to decode certificate");
    assertThatThrownBy(() -> call("buildCustomCert",
        b64.encodeToString(ca.cert().getBytes(StandardCharsets.UTF_8)),
        b64.encodeToString("nothing".getBytes())))
        .hasMessage("error parsing private key: no PEM data in input");
  }

  @Test
  @DisplayName("certificate arguments fail with Sprig's texts")
  void certErrors() {
    assertThatThrownBy(() -> call("genSelfSignedCert", "x", List.of("300.1.1.1"), null, 1))
        .hasMessage("error parsing ip: 300.1.1.1");
    assertThatThrownBy(() -> call("genSelfSignedCert", "x", List.of(1), null, 1))
        .hasMessage("error parsing ip: 1 is not a string");
    assertThatThrownBy(() -> call("genSelfSignedCert", "x", null, List.of(true), 1))
        .hasMessage("error processing alternate dns name: true is not a string");
    assertThatThrownBy(() -> call("genSignedCert", "x", null, null, 1, "ca"))
        .hasMessage("wrong type for value; expected sprig.certificate; got string");
    assertThatThrownBy(() -> call("genSignedCert", "x", null, null, 1,
        new CertificateObject("junk", "junk"))).hasMessage("unable to decode certificate");
    assertThatThrownBy(() -> call("genCAWithKey", "x", 1, "-----BEGIN FOO-----\nAA==\n-----END FOO-----\n"))
        .hasMessage("parsing private key: no private key data in PEM block of type FOO");
    assertThatThrownBy(() -> call("genCA", "x", 1L))
        .hasMessage("wrong type for value; expected int; got int64");
  }

  @Test
  @DisplayName("every function name of the table is distinct from Helm's engine functions")
  void tableHasNoEngineFunctions() {
    Collection<String> names = MoreFunctions.all().keySet();
    assertThat(names).doesNotContain("include", "tpl", "required", "fail", "lookup",
        "getHostByName", "env", "expandenv");
    assertThat(names).contains("now", "genCA", "semver", "uuidv4", "htpasswd", "urlJoin");
  }
}
