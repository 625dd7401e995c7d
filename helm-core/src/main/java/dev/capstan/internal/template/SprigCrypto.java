package dev.capstan.internal.template;

import dev.capstan.internal.gofmt.GoFmt;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.DSAGenParameterSpec;
import java.security.spec.DSAParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sprig's crypto functions: {@code bcrypt}, {@code htpasswd}, {@code encryptAES},
 * {@code decryptAES}, {@code genPrivateKey} and the certificate functions ({@code genCA},
 * {@code genSelfSignedCert}, {@code genSignedCert}, their {@code WithKey} forms and
 * {@code buildCustomCert}). Certificates are built as Go's {@code x509.CreateCertificate} builds
 * them (X.509 v3, SHA-256 signatures) with the JDK's signature providers; randomness comes from
 * the render's {@link FunctionEnv#random()}, times from its clock.
 *
 * <p>Internal: not part of Capstan's API.
 */
final class SprigCrypto {
  private static final String RSA_OID = "1.2.840.113549.1.1.1";
  private static final String EC_OID = "1.2.840.10045.2.1";
  private static final String ED25519_OID = "1.3.101.112";
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  private SprigCrypto() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put("bcrypt", Args.fixed("bcrypt", 1, (a, env) -> bcrypt(Args.str("bcrypt", a[0]), env)));
    m.put("htpasswd", Args.fixed("htpasswd", 2, (a, env) -> {
      String user = Args.str("htpasswd", a[0]);
      String password = Args.str("htpasswd", a[1]);
      if (user.contains(":")) {
        return "invalid username: " + user;
      }
      return user + ":" + bcrypt(password, env);
    }));
    m.put("encryptAES", Args.fixed("encryptAES", 2, (a, env) -> encryptAES(
        Args.str("encryptAES", a[0]), Args.str("encryptAES", a[1]), env.random())));
    m.put("decryptAES", Args.fixed("decryptAES", 2, (a, env) -> decryptAES(
        Args.str("decryptAES", a[0]), Args.str("decryptAES", a[1]))));
    m.put("genPrivateKey", Args.fixed("genPrivateKey", 1,
        (a, env) -> genPrivateKey(Args.str("genPrivateKey", a[0]), env.random())));
    m.put("genCA", Args.fixed("genCA", 2, (a, env) -> genCA(Args.str("genCA", a[0]),
        Args.goInt("genCA", a[1]), null, env)));
    m.put("genCAWithKey", Args.fixed("genCAWithKey", 3, (a, env) -> genCA(
        Args.str("genCAWithKey", a[0]), Args.goInt("genCAWithKey", a[1]),
        Args.str("genCAWithKey", a[2]), env)));
    m.put("genSelfSignedCert", Args.fixed("genSelfSignedCert", 4, (a, env) -> genCert(
        "genSelfSignedCert", Args.str("genSelfSignedCert", a[0]), a[1], a[2],
        Args.goInt("genSelfSignedCert", a[3]), null, null, env)));
    m.put("genSelfSignedCertWithKey", Args.fixed("genSelfSignedCertWithKey", 5, (a, env) -> genCert(
        "genSelfSignedCertWithKey", Args.str("genSelfSignedCertWithKey", a[0]), a[1], a[2],
        Args.goInt("genSelfSignedCertWithKey", a[3]), null,
        Args.str("genSelfSignedCertWithKey", a[4]), env)));
    m.put("genSignedCert", Args.fixed("genSignedCert", 5, (a, env) -> genCert("genSignedCert",
        Args.str("genSignedCert", a[0]), a[1], a[2], Args.goInt("genSignedCert", a[3]),
        caArg("genSignedCert", a[4]), null, env)));
    m.put("genSignedCertWithKey", Args.fixed("genSignedCertWithKey", 6, (a, env) -> genCert(
        "genSignedCertWithKey", Args.str("genSignedCertWithKey", a[0]), a[1], a[2],
        Args.goInt("genSignedCertWithKey", a[3]), caArg("genSignedCertWithKey", a[4]),
        Args.str("genSignedCertWithKey", a[5]), env)));
    m.put("buildCustomCert", Args.fixed("buildCustomCert", 2, (a, env) -> buildCustomCert(
        Args.str("buildCustomCert", a[0]), Args.str("buildCustomCert", a[1]))));
  }

  private static CertificateObject caArg(String fn, Object v) {
    if (v instanceof CertificateObject c) {
      return c;
    }
    throw Args.wrongType(fn, "sprig.certificate", v);
  }

  // ---- bcrypt and AES ----

  /** Sprig {@code bcrypt}: Go's bcrypt at the default cost 10 with a random salt. */
  static String bcrypt(String input, FunctionEnv env) {
    byte[] salt = new byte[16];
    env.random().nextBytes(salt);
    try {
      return Bcrypt.hash(input.getBytes(StandardCharsets.UTF_8), salt, 10);
    } catch (IllegalArgumentException e) {
      return "failed to encrypt string with bcrypt: " + e.getMessage();
    }
  }

  private static byte[] aesKey(String password) {
    return Arrays.copyOf(Arrays.copyOf(password.getBytes(StandardCharsets.UTF_8), 32), 32);
  }

  /**
   * Sprig {@code encryptAES}: AES-256-CBC with the password's first 32 bytes (zero-padded) as the
   * key, PKCS#7 padding and a random IV, base64 of IV followed by the ciphertext.
   */
  static String encryptAES(String password, String plaintext, RandomGenerator random) {
    if (plaintext.isEmpty()) {
      return "";
    }
    byte[] content = plaintext.getBytes(StandardCharsets.UTF_8);
    int padding = 16 - content.length % 16;
    byte[] padded = Arrays.copyOf(content, content.length + padding);
    Arrays.fill(padded, content.length, padded.length, (byte) padding);
    byte[] iv = new byte[16];
    random.nextBytes(iv);
    try {
      Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey(password), "AES"),
          new IvParameterSpec(iv));
      byte[] out = c.doFinal(padded);
      byte[] all = new byte[16 + out.length];
      System.arraycopy(iv, 0, all, 0, 16);
      System.arraycopy(out, 0, all, 16, out.length);
      return Base64.getEncoder().encodeToString(all);
    } catch (GeneralSecurityException e) {
      throw new Sprig.FunctionException("encryptAES", e.getMessage());
    }
  }

  /**
   * Sprig {@code decryptAES}: the inverse of {@link #encryptAES}.
   *
   * @throws Sprig.FunctionException with Go's text for bad base64 or a ciphertext that is not
   *     whole blocks
   */
  static String decryptAES(String password, String crypt64) {
    if (crypt64.isEmpty()) {
      return "";
    }
    byte[] crypt;
    try {
      crypt = Base64.getDecoder().decode(crypt64);
    } catch (IllegalArgumentException e) {
      throw new Sprig.FunctionException("decryptAES", "illegal base64 data at input byte "
          + firstBadBase64(crypt64));
    }
    if (crypt.length < 16) {
      throw new Sprig.FunctionException("decryptAES", "runtime error: slice bounds out of range [:16] with capacity " + crypt.length);
    }
    byte[] body = Arrays.copyOfRange(crypt, 16, crypt.length);
    if (body.length % 16 != 0) {
      throw new Sprig.FunctionException("decryptAES", "crypto/cipher: input not full blocks");
    }
    if (body.length == 0) {
      throw new Sprig.FunctionException("decryptAES",
          "runtime error: index out of range [-1]");
    }
    try {
      Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey(password), "AES"),
          new IvParameterSpec(Arrays.copyOf(crypt, 16)));
      byte[] d = c.doFinal(body);
      int pad = d[d.length - 1] & 0xff;
      int end = d.length - pad;
      if (end < 0) {
        throw new Sprig.FunctionException("decryptAES",
            "runtime error: slice bounds out of range [:" + end + "]");
      }
      return new String(d, 0, end, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new Sprig.FunctionException("decryptAES", e.getMessage());
    }
  }

  private static int firstBadBase64(String s) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
    for (int i = 0; i < s.length(); i++) {
      if (alphabet.indexOf(s.charAt(i)) < 0) {
        return i;
      }
    }
    return s.length() - s.length() % 4;
  }

  // ---- keys ----

  /** A private key, its public key and its PEM as Sprig's {@code pemBlockForKey} writes it. */
  record Key(PrivateKey priv, PublicKey pub, String pem) {}

  /** A {@link SecureRandom} over the render's generator (itself when it is one). */
  static SecureRandom secure(RandomGenerator random) {
    if (random instanceof SecureRandom s) {
      return s;
    }
    return new SecureRandom(new SecureRandomSpi() {
      private static final long serialVersionUID = 1L;

      @Override
      protected void engineSetSeed(byte[] seed) {
        // The generator is the render's; seeding it here would be a side effect.
      }

      @Override
      protected void engineNextBytes(byte[] bytes) {
        random.nextBytes(bytes);
      }

      @Override
      protected byte[] engineGenerateSeed(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
      }
    }, null) {
      private static final long serialVersionUID = 1L;
    };
  }

  /** Sprig {@code genPrivateKey}: rsa (4096 bits, also ""), dsa (2048/256), ecdsa (P-256), ed25519. */
  static String genPrivateKey(String typ, RandomGenerator random) {
    try {
      return switch (typ) {
        case "", "rsa" -> newRsa(4096, random).pem();
        case "ecdsa" -> newEc(random).pem();
        case "ed25519" -> newEd25519(random).pem();
        case "dsa" -> newDsa(random);
        default -> "Unknown type " + typ;
      };
    } catch (GeneralSecurityException e) {
      return "failed to generate private key: " + e.getMessage();
    }
  }

  static Key newRsa(int bits, RandomGenerator random) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(bits, secure(random));
    KeyPair kp = g.generateKeyPair();
    return rsaKey((RSAPrivateCrtKey) kp.getPrivate(), kp.getPublic());
  }

  private static Key rsaKey(RSAPrivateCrtKey k, PublicKey pub) {
    byte[] pkcs1 = Der.seq(Der.integer(0), Der.integer(k.getModulus()),
        Der.integer(k.getPublicExponent()), Der.integer(k.getPrivateExponent()),
        Der.integer(k.getPrimeP()), Der.integer(k.getPrimeQ()),
        Der.integer(k.getPrimeExponentP()), Der.integer(k.getPrimeExponentQ()),
        Der.integer(k.getCrtCoefficient()));
    return new Key(k, pub, Der.pem("RSA PRIVATE KEY", pkcs1));
  }

  private static Key newEc(RandomGenerator random) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), secure(random));
    KeyPair kp = g.generateKeyPair();
    return ecKey((ECPrivateKey) kp.getPrivate(), (ECPublicKey) kp.getPublic());
  }

  private static String curveOid(int fieldBits) {
    return switch (fieldBits) {
      case 224 -> "1.3.132.0.33";
      case 256 -> "1.2.840.10045.3.1.7";
      case 384 -> "1.3.132.0.34";
      case 521 -> "1.3.132.0.35";
      default -> throw new IllegalArgumentException("x509: unknown elliptic curve");
    };
  }

  private static byte[] fixed(BigInteger v, int len) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[len];
    int n = Math.min(len, b.length);
    System.arraycopy(b, b.length - n, out, len - n, n);
    return out;
  }

  private static Key ecKey(ECPrivateKey k, ECPublicKey pub) {
    int bits = k.getParams().getCurve().getField().getFieldSize();
    int len = (bits + 7) / 8;
    byte[] point = Der.concat(new byte[] {4}, fixed(pub.getW().getAffineX(), len),
        fixed(pub.getW().getAffineY(), len));
    byte[] sec1 = Der.seq(Der.integer(1), Der.octets(fixed(k.getS(), len)),
        Der.explicit(0, Der.oid(curveOid(bits))), Der.explicit(1, Der.bits(point)));
    return new Key(k, pub, Der.pem("EC PRIVATE KEY", sec1));
  }

  private static Key newEd25519(RandomGenerator random) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
    g.initialize(255, secure(random));
    KeyPair kp = g.generateKeyPair();
    return new Key(kp.getPrivate(), kp.getPublic(), Der.pem("PRIVATE KEY", pkcs8(kp.getPrivate())));
  }

  /** The PKCS#8 of an Ed25519 key as Go writes it: version 0, the 32-byte seed only. */
  private static byte[] pkcs8(PrivateKey k) {
    Der.Element top = Der.read(k.getEncoded(), 0);
    List<Der.Element> parts = top.children();
    return Der.seq(Der.integer(0), Der.tlv(0x30, parts.get(1).content()),
        Der.octets(parts.get(2).content()));
  }

  private static String newDsa(RandomGenerator random) throws GeneralSecurityException {
    java.security.AlgorithmParameterGenerator pg =
        java.security.AlgorithmParameterGenerator.getInstance("DSA");
    pg.init(new DSAGenParameterSpec(2048, 256), secure(random));
    DSAParameterSpec params = pg.generateParameters().getParameterSpec(DSAParameterSpec.class);
    KeyPairGenerator g = KeyPairGenerator.getInstance("DSA");
    g.initialize(params, secure(random));
    KeyPair kp = g.generateKeyPair();
    DSAPrivateKey x = (DSAPrivateKey) kp.getPrivate();
    DSAPublicKey y = (DSAPublicKey) kp.getPublic();
    byte[] der = Der.seq(Der.integer(0), Der.integer(params.getP()), Der.integer(params.getQ()),
        Der.integer(params.getG()), Der.integer(y.getY()), Der.integer(x.getX()));
    return Der.pem("DSA PRIVATE KEY", der);
  }

  /**
   * Sprig's {@code parsePrivateKeyPEM} (PKCS#8 {@code PRIVATE KEY}, {@code RSA PRIVATE KEY},
   * {@code EC PRIVATE KEY}), with the public key and the PEM Sprig would write for it.
   *
   * @throws IllegalArgumentException with Sprig's text
   */
  static Key parsePrivateKeyPem(String pemText) {
    Der.Pem block = Der.decodePem(pemText);
    if (block == null) {
      throw new IllegalArgumentException("no PEM data in input");
    }
    try {
      if (block.type().equals("PRIVATE KEY")) {
        try {
          return fromPkcs8(block.bytes());
        } catch (RuntimeException | GeneralSecurityException e) {
          throw new IllegalArgumentException("decoding PEM as PKCS#8: " + message(e));
        }
      }
      if (!block.type().endsWith(" PRIVATE KEY")) {
        throw new IllegalArgumentException("no private key data in PEM block of type "
            + block.type());
      }
      String kind = block.type().substring(0, block.type().length() - 12);
      switch (kind) {
        case "RSA":
          try {
            return rsaFromPkcs1(block.bytes());
          } catch (RuntimeException | GeneralSecurityException e) {
            throw new IllegalArgumentException("parsing RSA private key from PEM: " + message(e));
          }
        case "EC":
          try {
            return ecFromSec1(block.bytes(), null);
          } catch (RuntimeException | GeneralSecurityException e) {
            throw new IllegalArgumentException("parsing EC private key from PEM: " + message(e));
          }
        case "DSA":
          throw new IllegalArgumentException("x509: DSA keys cannot sign certificates");
        default:
          throw new IllegalArgumentException("invalid private key type " + block.type());
      }
    } catch (IllegalArgumentException e) {
      throw e;
    }
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static Key rsaFromPkcs1(byte[] pkcs1) throws GeneralSecurityException {
    byte[] p8 = Der.seq(Der.integer(0), Der.seq(Der.oid(RSA_OID), Der.nul()), Der.octets(pkcs1));
    return rsaFromPkcs8(p8);
  }

  private static Key rsaFromPkcs8(byte[] p8) throws GeneralSecurityException {
    KeyFactory f = KeyFactory.getInstance("RSA");
    RSAPrivateCrtKey k = (RSAPrivateCrtKey) f.generatePrivate(new PKCS8EncodedKeySpec(p8));
    PublicKey pub = f.generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()));
    return rsaKey(k, pub);
  }

  private static Key ecFromSec1(byte[] sec1, String curve) throws GeneralSecurityException {
    List<Der.Element> parts = Der.read(sec1, 0).children();
    String oid = curve;
    byte[] point = null;
    for (Der.Element e : parts.subList(2, parts.size())) {
      if (e.tag() == 0xa0) {
        oid = Der.oidText(Der.read(e.content(), 0).content());
      } else if (e.tag() == 0xa1) {
        byte[] bits = Der.read(e.content(), 0).content();
        point = Arrays.copyOfRange(bits, 1, bits.length);
      }
    }
    if (oid == null) {
      throw new GeneralSecurityException("x509: unknown elliptic curve");
    }
    if (point == null) {
      throw new GeneralSecurityException("EC private key without its public key");
    }
    byte[] algId = Der.seq(Der.oid(EC_OID), Der.oid(oid));
    KeyFactory f = KeyFactory.getInstance("EC");
    ECPrivateKey k = (ECPrivateKey) f.generatePrivate(new PKCS8EncodedKeySpec(
        Der.seq(Der.integer(0), algId, Der.octets(sec1))));
    ECPublicKey pub = (ECPublicKey) f.generatePublic(new X509EncodedKeySpec(
        Der.seq(algId, Der.bits(point))));
    return ecKey(k, pub);
  }

  private static Key fromPkcs8(byte[] p8) throws GeneralSecurityException {
    List<Der.Element> parts = Der.read(p8, 0).children();
    List<Der.Element> alg = Der.read(parts.get(1).content().length == 0 ? new byte[0]
        : Der.tlv(0x30, parts.get(1).content()), 0).children();
    String oid = Der.oidText(alg.get(0).content());
    switch (oid) {
      case RSA_OID:
        return rsaFromPkcs8(p8);
      case EC_OID:
        return ecFromSec1(parts.get(2).content(), Der.oidText(alg.get(1).content()));
      case ED25519_OID: {
        KeyFactory f = KeyFactory.getInstance("Ed25519");
        PrivateKey k = f.generatePrivate(new PKCS8EncodedKeySpec(p8));
        // The public key follows from the seed: let the JDK's generator derive it from that seed.
        byte[] seed = Der.read(parts.get(2).content(), 0).content();
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        g.initialize(255, new SecureRandom(new SecureRandomSpi() {
          private static final long serialVersionUID = 1L;

          @Override
          protected void engineSetSeed(byte[] s) {}

          @Override
          protected void engineNextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
          }

          @Override
          protected byte[] engineGenerateSeed(int n) {
            return new byte[n];
          }
        }, null) {
          private static final long serialVersionUID = 1L;
        });
        PublicKey pub = g.generateKeyPair().getPublic();
        return new Key(k, pub, Der.pem("PRIVATE KEY", pkcs8(k)));
      }
      default:
        throw new GeneralSecurityException("x509: PKCS#8 wrapping contained private key with unknown algorithm: " + oid);
    }
  }

  // ---- certificates ----

  /** Sprig {@code genCA} / {@code genCAWithKey}. */
  static CertificateObject genCA(String cn, int daysValid, String keyPem, FunctionEnv env) {
    String fn = keyPem == null ? "genCA" : "genCAWithKey";
    Key key = keyPem == null ? rsa2048(fn, env) : parsedKey(fn, keyPem);
    return create(fn, cn, List.of(), List.of(), daysValid, true, key, null, key, env);
  }

  /** Sprig {@code genSelfSignedCert}, {@code genSignedCert} and their {@code WithKey} forms. */
  static CertificateObject genCert(String fn, String cn, Object ips, Object dns, int daysValid,
      CertificateObject ca, String keyPem, FunctionEnv env) {
    List<byte[]> ipBytes = ips(fn, ips);
    List<String> names = dnsNames(fn, dns);
    Key key = keyPem == null ? rsa2048(fn, env) : parsedKey(fn, keyPem);
    if (ca == null) {
      return create(fn, cn, ipBytes, names, daysValid, false, key, null, key, env);
    }
    Der.Pem block = Der.decodePem(ca.cert());
    if (block == null) {
      throw new Sprig.FunctionException(fn, "unable to decode certificate");
    }
    X509Certificate parent;
    try {
      parent = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(block.bytes()));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new Sprig.FunctionException(fn,
          "error parsing certificate: decodedSignerCert.Bytes: " + message(e));
    }
    Key signer;
    try {
      signer = parsePrivateKeyPem(ca.key());
    } catch (IllegalArgumentException e) {
      throw new Sprig.FunctionException(fn, "error parsing private key: " + e.getMessage());
    }
    return create(fn, cn, ipBytes, names, daysValid, false, key, parent, signer, env);
  }

  private static Key rsa2048(String fn, FunctionEnv env) {
    try {
      return newRsa(2048, env.random());
    } catch (GeneralSecurityException e) {
      throw new Sprig.FunctionException(fn, "error generating rsa key: " + e.getMessage());
    }
  }

  private static Key parsedKey(String fn, String pem) {
    try {
      return parsePrivateKeyPem(pem);
    } catch (IllegalArgumentException e) {
      throw new Sprig.FunctionException(fn, "parsing private key: " + e.getMessage());
    }
  }

  private static List<Object> listOf(Object v) {
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    return null;
  }

  private static List<byte[]> ips(String fn, Object v) {
    List<Object> l = listOf(v);
    if (l == null) {
      throw Args.wrongType(fn, "[]interface {}", v);
    }
    List<byte[]> out = new ArrayList<>();
    for (Object ip : l) {
      if (!(ip instanceof String s)) {
        throw new Sprig.FunctionException(fn, "error parsing ip: " + GoFmt.value(ip)
            + " is not a string");
      }
      byte[] b = parseIp(s);
      if (b == null) {
        throw new Sprig.FunctionException(fn, "error parsing ip: " + s);
      }
      out.add(b);
    }
    return out;
  }

  /** Go's {@code net.ParseIP} then {@code To4}: 4 bytes for IPv4 (also IPv4-mapped), else 16. */
  static byte[] parseIp(String s) {
    if (IPV4.matcher(s).matches()) {
      String[] p = s.split("\\.");
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        if (p[i].length() > 1 && p[i].startsWith("0")) {
          return null;
        }
        int n = Integer.parseInt(p[i]);
        if (n > 255) {
          return null;
        }
        b[i] = (byte) n;
      }
      return b;
    }
    if (!s.contains(":") || !s.matches("[0-9A-Fa-f:.]+")) {
      return null;
    }
    try {
      byte[] b = InetAddress.getByName(s).getAddress();
      return b;
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }

  private static List<String> dnsNames(String fn, Object v) {
    List<Object> l = listOf(v);
    if (l == null) {
      throw Args.wrongType(fn, "[]interface {}", v);
    }
    List<String> out = new ArrayList<>();
    for (Object d : l) {
      if (!(d instanceof String s)) {
        throw new Sprig.FunctionException(fn, "error processing alternate dns name: "
            + GoFmt.value(d) + " is not a string");
      }
      out.add(s);
    }
    return out;
  }

  private static CertificateObject create(String fn, String cn, List<byte[]> ips,
      List<String> dns, int daysValid, boolean isCa, Key subjectKey, X509Certificate parent,
      Key signer, FunctionEnv env) {
    try {
      byte[] serialBytes = new byte[16];
      env.random().nextBytes(serialBytes);
      BigInteger serial = new BigInteger(1, serialBytes);
      Instant now = env.clock().instant();
      Instant notAfter = now.plusSeconds(86400L * daysValid);
      byte[] subject = cn.isEmpty() ? Der.seq() : Der.seq(Der.set(Der.seq(Der.oid("2.5.4.3"),
          Der.directoryString(cn))));
      byte[] issuer = parent == null ? subject : parent.getSubjectX500Principal().getEncoded();
      byte[] spki = subjectKey.pub().getEncoded();
      byte[] publicKeyBits = Der.read(Der.read(spki, 0).children().get(1).content().length == 0
          ? spki : spki, 0).children().get(1).content();
      byte[] sigAlg = sigAlg(signer.priv());

      List<byte[]> exts = new ArrayList<>();
      int ku = isCa ? 0xa4 : 0xa0;
      exts.add(ext("2.5.29.15", true, Der.bits(new byte[] {(byte) ku}, isCa ? 2 : 5)));
      exts.add(ext("2.5.29.37", false, Der.seq(Der.oid("1.3.6.1.5.5.7.3.1"),
          Der.oid("1.3.6.1.5.5.7.3.2"))));
      exts.add(ext("2.5.29.19", true, isCa ? Der.seq(Der.bool(true)) : Der.seq()));
      if (isCa) {
        byte[] h = MessageDigest.getInstance("SHA-256")
            .digest(Arrays.copyOfRange(publicKeyBits, 1, publicKeyBits.length));
        exts.add(ext("2.5.29.14", false, Der.octets(Arrays.copyOf(h, 20))));
      }
      if (parent != null && !Arrays.equals(issuer, subject)) {
        byte[] skid = parent.getExtensionValue("2.5.29.14");
        if (skid != null) {
          byte[] keyId = Der.read(Der.read(skid, 0).content(), 0).content();
          exts.add(ext("2.5.29.35", false, Der.seq(Der.tlv(0x80, keyId))));
        }
      }
      if (!ips.isEmpty() || !dns.isEmpty()) {
        List<byte[]> names = new ArrayList<>();
        for (String d : dns) {
          names.add(Der.tlv(0x82, d.getBytes(StandardCharsets.US_ASCII)));
        }
        for (byte[] ip : ips) {
          names.add(Der.tlv(0x87, ip));
        }
        exts.add(ext("2.5.29.17", cn.isEmpty(), Der.seq(names.toArray(new byte[0][]))));
      }
      byte[] tbs = Der.seq(
          Der.explicit(0, Der.integer(2)),
          Der.integer(serial),
          sigAlg,
          issuer,
          Der.seq(time(now), time(notAfter)),
          subject,
          spki,
          Der.explicit(3, Der.seq(exts.toArray(new byte[0][]))));
      Signature s = Signature.getInstance(signatureName(signer.priv()));
      s.initSign(signer.priv(), secure(env.random()));
      s.update(tbs);
      byte[] cert = Der.seq(tbs, sigAlg, Der.bits(s.sign()));
      return new CertificateObject(Der.pem("CERTIFICATE", cert), subjectKey.pem());
    } catch (GeneralSecurityException e) {
      throw new Sprig.FunctionException(fn, "error creating certificate: " + e.getMessage());
    }
  }

  private static byte[] ext(String oid, boolean critical, byte[] value) {
    return critical ? Der.seq(Der.oid(oid), Der.bool(true), Der.octets(value))
        : Der.seq(Der.oid(oid), Der.octets(value));
  }

  /** Go's choice of time encoding: UTCTime for 1950 to 2049, else GeneralizedTime. */
  private static byte[] time(Instant t) {
    ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    if (z.getYear() >= 1950 && z.getYear() < 2050) {
      return Der.tlv(0x17, String.format("%02d%02d%02d%02d%02d%02dZ", z.getYear() % 100,
          z.getMonthValue(), z.getDayOfMonth(), z.getHour(), z.getMinute(), z.getSecond())
          .getBytes(StandardCharsets.US_ASCII));
    }
    return Der.tlv(0x18, String.format("%04d%02d%02d%02d%02d%02dZ", z.getYear(),
        z.getMonthValue(), z.getDayOfMonth(), z.getHour(), z.getMinute(), z.getSecond())
        .getBytes(StandardCharsets.US_ASCII));
  }

  private static int ecBits(PrivateKey k) {
    return ((ECPrivateKey) k).getParams().getCurve().getField().getFieldSize();
  }

  private static byte[] sigAlg(PrivateKey k) {
    return switch (k.getAlgorithm()) {
      case "RSA" -> Der.seq(Der.oid("1.2.840.113549.1.1.11"), Der.nul());
      case "EC" -> Der.seq(Der.oid(switch (ecBits(k)) {
        case 384 -> "1.2.840.10045.4.3.3";
        case 521 -> "1.2.840.10045.4.3.4";
        default -> "1.2.840.10045.4.3.2";
      }));
      default -> Der.seq(Der.oid(ED25519_OID));
    };
  }

  private static String signatureName(PrivateKey k) {
    return switch (k.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> switch (ecBits(k)) {
        case 384 -> "SHA384withECDSA";
        case 521 -> "SHA512withECDSA";
        default -> "SHA256withECDSA";
      };
      default -> "Ed25519";
    };
  }

  /** Sprig {@code buildCustomCert}: a certificate object from base64 PEM texts, checked. */
  static CertificateObject buildCustomCert(String b64cert, String b64key) {
    byte[] cert;
    byte[] key;
    try {
      cert = Base64.getDecoder().decode(b64cert);
    } catch (IllegalArgumentException e) {
      throw new Sprig.FunctionException("buildCustomCert", "unable to decode base64 certificate");
    }
    try {
      key = Base64.getDecoder().decode(b64key);
    } catch (IllegalArgumentException e) {
      throw new Sprig.FunctionException("buildCustomCert", "unable to decode base64 private key");
    }
    String certText = new String(cert, StandardCharsets.UTF_8);
    String keyText = new String(key, StandardCharsets.UTF_8);
    Der.Pem block = Der.decodePem(certText);
    if (block == null) {
      throw new Sprig.FunctionException("buildCustomCert", "unable to decode certificate");
    }
    try {
      CertificateFactory.getInstance("X.509").generateCertificate(
          new ByteArrayInputStream(block.bytes()));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new Sprig.FunctionException("buildCustomCert",
          "error parsing certificate: decodedCert.Bytes: " + message(e));
    }
    try {
      parsePrivateKeyPem(keyText);
    } catch (IllegalArgumentException e) {
      throw new Sprig.FunctionException("buildCustomCert", "error parsing private key: "
          + e.getMessage());
    }
    return new CertificateObject(certText, keyText);
  }
}
