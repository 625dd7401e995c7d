package dev.capstan.internal.template;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * OpenBSD bcrypt (version {@code 2a}, as Go's {@code golang.org/x/crypto/bcrypt} writes it) over
 * Blowfish, whose initial tables are the hexadecimal digits of pi, computed once here.
 *
 * <p>Internal: not part of Capstan's API. Stateless: each hash works on its own copy of the tables.
 */
final class Bcrypt {
  private static final String ALPHABET =
      "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String STD =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final int P_WORDS = 18;
  private static final int S_WORDS = 1024;
  /** The fraction of pi as 32-bit words: the P-array then the four S-boxes. Never written. */
  private static final int[] PI_WORDS = piWords(P_WORDS + S_WORDS);
  private static final int[] MAGIC = words("OrpheanBeholderScryDoubt".getBytes(StandardCharsets.US_ASCII));

  private Bcrypt() {}

  /** The first {@code n} 32-bit words of pi's fractional part (0x243f6a88, 0x85a308d3, ...). */
  static int[] piWords(int n) {
    int bits = n * 32;
    int guard = 64;
    BigInteger scale = BigInteger.ONE.shiftLeft(bits + guard);
    BigInteger pi = arctanInverse(5, scale).shiftLeft(4)
        .subtract(arctanInverse(239, scale).shiftLeft(2));
    BigInteger frac = pi.subtract(scale.multiply(BigInteger.valueOf(3))).shiftRight(guard);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = frac.shiftRight(bits - 32 * (i + 1)).intValue();
    }
    return out;
  }

  /** {@code scale * arctan(1/x)} by its Taylor series. */
  private static BigInteger arctanInverse(int x, BigInteger scale) {
    BigInteger x2 = BigInteger.valueOf((long) x * x);
    BigInteger power = scale.divide(BigInteger.valueOf(x));
    BigInteger sum = power;
    for (long k = 1; power.signum() != 0; k++) {
      power = power.divide(x2);
      BigInteger term = power.divide(BigInteger.valueOf(2 * k + 1));
      sum = (k & 1) == 1 ? sum.subtract(term) : sum.add(term);
    }
    return sum;
  }

  /**
   * Go's {@code bcrypt.GenerateFromPassword} with this salt: {@code $2a$<cost>$<salt><hash>}.
   *
   * @throws IllegalArgumentException with Go's text for a password over 72 bytes or a bad cost
   */
  static String hash(byte[] password, byte[] salt, int cost) {
    if (password.length > 72) {
      throw new IllegalArgumentException("bcrypt: password length exceeds 72 bytes");
    }
    if (cost < 4 || cost > 31) {
      throw new IllegalArgumentException("crypto/bcrypt: cost " + cost
          + " is outside allowed inclusive range 4..31");
    }
    if (salt.length != 16) {
      throw new IllegalArgumentException("bcrypt: salt must be 16 bytes");
    }
    byte[] key = Arrays.copyOf(password, password.length + 1);
    int[] p = Arrays.copyOfRange(PI_WORDS, 0, P_WORDS);
    int[] s = Arrays.copyOfRange(PI_WORDS, P_WORDS, P_WORDS + S_WORDS);
    expand(p, s, key, salt);
    long rounds = 1L << cost;
    for (long r = 0; r < rounds; r++) {
      expand(p, s, key, null);
      expand(p, s, salt, null);
    }
    int[] c = MAGIC.clone();
    for (int i = 0; i < 64; i++) {
      for (int j = 0; j < c.length; j += 2) {
        encipher(p, s, c, j);
      }
    }
    byte[] out = new byte[c.length * 4];
    for (int i = 0; i < c.length; i++) {
      out[4 * i] = (byte) (c[i] >>> 24);
      out[4 * i + 1] = (byte) (c[i] >>> 16);
      out[4 * i + 2] = (byte) (c[i] >>> 8);
      out[4 * i + 3] = (byte) c[i];
    }
    return "$2a$" + (cost < 10 ? "0" : "") + cost + "$" + encode(salt)
        + encode(Arrays.copyOf(out, 23));
  }

  /**
   * Whether {@code password} matches a {@code $2a$}/{@code $2b$}/{@code $2y$} hash.
   *
   * @throws IllegalArgumentException when {@code hashed} is not a bcrypt hash
   */
  static boolean verify(byte[] password, String hashed) {
    if (hashed.length() != 60 || hashed.charAt(0) != '$' || hashed.charAt(3) != '$'
        || hashed.charAt(6) != '$') {
      throw new IllegalArgumentException("not a bcrypt hash");
    }
    int cost = Integer.parseInt(hashed.substring(4, 6));
    byte[] salt = decode(hashed.substring(7, 29), 16);
    String mine = hash(Arrays.copyOf(password, Math.min(72, password.length)), salt, cost);
    return mine.substring(7).equals(hashed.substring(7));
  }

  private static void expand(int[] p, int[] s, byte[] key, byte[] salt) {
    int[] off = {0};
    for (int i = 0; i < P_WORDS; i++) {
      p[i] ^= streamWord(key, off);
    }
    int[] lr = {0, 0};
    int[] soff = {0};
    for (int i = 0; i < P_WORDS; i += 2) {
      if (salt != null) {
        lr[0] ^= streamWord(salt, soff);
        lr[1] ^= streamWord(salt, soff);
      }
      encipher(p, s, lr, 0);
      p[i] = lr[0];
      p[i + 1] = lr[1];
    }
    for (int i = 0; i < S_WORDS; i += 2) {
      if (salt != null) {
        lr[0] ^= streamWord(salt, soff);
        lr[1] ^= streamWord(salt, soff);
      }
      encipher(p, s, lr, 0);
      s[i] = lr[0];
      s[i + 1] = lr[1];
    }
  }

  private static int streamWord(byte[] data, int[] off) {
    int w = 0;
    for (int i = 0; i < 4; i++) {
      w = (w << 8) | (data[off[0]] & 0xff);
      off[0] = (off[0] + 1) % data.length;
    }
    return w;
  }

  private static void encipher(int[] p, int[] s, int[] lr, int off) {
    int l = lr[off];
    int r = lr[off + 1];
    l ^= p[0];
    for (int i = 1; i <= 16; i += 2) {
      r ^= f(s, l) ^ p[i];
      l ^= f(s, r) ^ p[i + 1];
    }
    lr[off] = r ^ p[17];
    lr[off + 1] = l;
  }

  private static int f(int[] s, int x) {
    return ((s[x >>> 24] + s[0x100 | ((x >>> 16) & 0xff)]) ^ s[0x200 | ((x >>> 8) & 0xff)])
        + s[0x300 | (x & 0xff)];
  }

  private static int[] words(byte[] b) {
    int[] w = new int[b.length / 4];
    for (int i = 0; i < w.length; i++) {
      w[i] = ((b[4 * i] & 0xff) << 24) | ((b[4 * i + 1] & 0xff) << 16)
          | ((b[4 * i + 2] & 0xff) << 8) | (b[4 * i + 3] & 0xff);
    }
    return w;
  }

  /** bcrypt's base64: its own alphabet, no padding. */
  static String encode(byte[] b) {
    String std = Base64.getEncoder().withoutPadding().encodeToString(b);
    StringBuilder out = new StringBuilder(std.length());
    for (int i = 0; i < std.length(); i++) {
      out.append(ALPHABET.charAt(STD.indexOf(std.charAt(i))));
    }
    return out.toString();
  }

  static byte[] decode(String s, int length) {
    StringBuilder std = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      int k = ALPHABET.indexOf(s.charAt(i));
      if (k < 0) {
        throw new IllegalArgumentException("not a bcrypt hash");
      }
      std.append(STD.charAt(k));
    }
    byte[] all = Base64.getDecoder().decode(std.toString());
    return Arrays.copyOf(all, length);
  }
}
