package dev.capstan.internal.template;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * scrypt (RFC 7914) for Sprig's {@code derivePassword}: PBKDF2-HMAC-SHA256 around ROMix with
 * Salsa20/8.
 *
 * <p>Internal: not part of Capstan's API. Stateless.
 */
final class Scrypt {
  private Scrypt() {}

  /** {@code scrypt(password, salt, n, r, p, dkLen)}; {@code n} a power of two. */
  static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int dkLen)
      throws GeneralSecurityException {
    if (n < 2 || (n & (n - 1)) != 0) {
      throw new GeneralSecurityException("scrypt: N must be > 1 and a power of 2");
    }
    byte[] b = pbkdf2(password, salt, p * 128 * r);
    int blockWords = 32 * r;
    int[] x = new int[blockWords];
    int[] v = new int[blockWords * n];
    int[] y = new int[blockWords];
    for (int i = 0; i < p; i++) {
      int off = i * 128 * r;
      for (int k = 0; k < blockWords; k++) {
        x[k] = le(b, off + 4 * k);
      }
      for (int k = 0; k < n; k++) {
        System.arraycopy(x, 0, v, k * blockWords, blockWords);
        blockMix(x, y, r);
      }
      for (int k = 0; k < n; k++) {
        int j = x[(2 * r - 1) * 16] & (n - 1);
        for (int w = 0; w < blockWords; w++) {
          x[w] ^= v[j * blockWords + w];
        }
        blockMix(x, y, r);
      }
      for (int k = 0; k < blockWords; k++) {
        int w = x[k];
        b[off + 4 * k] = (byte) w;
        b[off + 4 * k + 1] = (byte) (w >>> 8);
        b[off + 4 * k + 2] = (byte) (w >>> 16);
        b[off + 4 * k + 3] = (byte) (w >>> 24);
      }
    }
    return pbkdf2(password, b, dkLen);
  }

  private static int le(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
  }

  /** BlockMix over {@code 2r} 64-byte blocks, in place ({@code y} is scratch). */
  private static void blockMix(int[] b, int[] y, int r) {
    int[] t = new int[16];
    System.arraycopy(b, (2 * r - 1) * 16, t, 0, 16);
    for (int i = 0; i < 2 * r; i++) {
      for (int k = 0; k < 16; k++) {
        t[k] ^= b[i * 16 + k];
      }
      salsa8(t);
      // Even blocks go to the first half, odd blocks to the second.
      int dst = (i % 2 == 0 ? i / 2 : r + i / 2) * 16;
      System.arraycopy(t, 0, y, dst, 16);
    }
    System.arraycopy(y, 0, b, 0, 32 * r);
  }

  private static void salsa8(int[] b) {
    int[] x = b.clone();
    for (int i = 0; i < 8; i += 2) {
      x[4] ^= Integer.rotateLeft(x[0] + x[12], 7);
      x[8] ^= Integer.rotateLeft(x[4] + x[0], 9);
      x[12] ^= Integer.rotateLeft(x[8] + x[4], 13);
      x[0] ^= Integer.rotateLeft(x[12] + x[8], 18);
      x[9] ^= Integer.rotateLeft(x[5] + x[1], 7);
      x[13] ^= Integer.rotateLeft(x[9] + x[5], 9);
      x[1] ^= Integer.rotateLeft(x[13] + x[9], 13);
      x[5] ^= Integer.rotateLeft(x[1] + x[13], 18);
      x[14] ^= Integer.rotateLeft(x[10] + x[6], 7);
      x[2] ^= Integer.rotateLeft(x[14] + x[10], 9);
      x[6] ^= Integer.rotateLeft(x[2] + x[14], 13);
      x[10] ^= Integer.rotateLeft(x[6] + x[2], 18);
      x[3] ^= Integer.rotateLeft(x[15] + x[11], 7);
      x[7] ^= Integer.rotateLeft(x[3] + x[15], 9);
      x[11] ^= Integer.rotateLeft(x[7] + x[3], 13);
      x[15] ^= Integer.rotateLeft(x[11] + x[7], 18);
      x[1] ^= Integer.rotateLeft(x[0] + x[3], 7);
      x[2] ^= Integer.rotateLeft(x[1] + x[0], 9);
      x[3] ^= Integer.rotateLeft(x[2] + x[1], 13);
      x[0] ^= Integer.rotateLeft(x[3] + x[2], 18);
      x[6] ^= Integer.rotateLeft(x[5] + x[4], 7);
      x[7] ^= Integer.rotateLeft(x[6] + x[5], 9);
      x[4] ^= Integer.rotateLeft(x[7] + x[6], 13);
      x[5] ^= Integer.rotateLeft(x[4] + x[7], 18);
      x[11] ^= Integer.rotateLeft(x[10] + x[9], 7);
      x[8] ^= Integer.rotateLeft(x[11] + x[10], 9);
      x[9] ^= Integer.rotateLeft(x[8] + x[11], 13);
      x[10] ^= Integer.rotateLeft(x[9] + x[8], 18);
      x[12] ^= Integer.rotateLeft(x[15] + x[14], 7);
      x[13] ^= Integer.rotateLeft(x[12] + x[15], 9);
      x[14] ^= Integer.rotateLeft(x[13] + x[12], 13);
      x[15] ^= Integer.rotateLeft(x[14] + x[13], 18);
    }
    for (int i = 0; i < 16; i++) {
      b[i] += x[i];
    }
  }

  /** PBKDF2-HMAC-SHA256 with one iteration, over raw password bytes. */
  private static byte[] pbkdf2(byte[] password, byte[] salt, int len)
      throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    // SecretKeySpec refuses an empty key; HMAC pads keys with zeros, so one zero byte is the same.
    mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, "HmacSHA256"));
    byte[] out = new byte[len];
    int blocks = (len + 31) / 32;
    for (int i = 1; i <= blocks; i++) {
      mac.update(salt);
      mac.update(new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i});
      byte[] u = mac.doFinal();
      System.arraycopy(u, 0, out, (i - 1) * 32, Math.min(32, len - (i - 1) * 32));
    }
    return out;
  }
}
