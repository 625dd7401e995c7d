package dev.capstan.internal.template;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Sprig's random functions ({@code randAlphaNum}, {@code randInt}, {@code shuffle},
 * {@code uuidv4}...), drawing only from the render's {@link FunctionEnv#random()}.
 *
 * <p>Internal: not part of Capstan's API.
 */
final class SprigRandom {
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String DIGITS = "0123456789";

  private SprigRandom() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put("randAlphaNum", Args.fixed("randAlphaNum", 1,
        (a, env) -> pick(LETTERS + DIGITS, Args.goInt("randAlphaNum", a[0]), env.random())));
    m.put("randAlpha", Args.fixed("randAlpha", 1,
        (a, env) -> pick(LETTERS, Args.goInt("randAlpha", a[0]), env.random())));
    m.put("randNumeric", Args.fixed("randNumeric", 1,
        (a, env) -> pick(DIGITS, Args.goInt("randNumeric", a[0]), env.random())));
    m.put("randAscii", Args.fixed("randAscii", 1,
        (a, env) -> pick(ascii(), Args.goInt("randAscii", a[0]), env.random())));
    m.put("randBytes", Args.fixed("randBytes", 1,
        (a, env) -> randBytes(Args.goInt("randBytes", a[0]), env.random())));
    m.put("randInt", Args.fixed("randInt", 2, (a, env) -> randInt(Args.goInt("randInt", a[0]),
        Args.goInt("randInt", a[1]), env.random())));
    m.put("shuffle", Args.fixed("shuffle", 1,
        (a, env) -> shuffle(Args.str("shuffle", a[0]), env.random())));
    m.put("uuidv4", Args.fixed("uuidv4", 0, (a, env) -> uuidv4(env.random())));
  }

  private static String ascii() {
    StringBuilder b = new StringBuilder();
    for (char c = 32; c < 127; c++) {
      b.append(c);
    }
    return b.toString();
  }

  /**
   * {@code count} characters drawn uniformly from {@code alphabet}; "" for a negative count
   * (Sprig drops goutils' error).
   */
  static String pick(String alphabet, int count, RandomGenerator random) {
    if (count <= 0) {
      return "";
    }
    StringBuilder b = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** Sprig {@code randBytes}: {@code count} random bytes, base64 (standard, padded). */
  static String randBytes(int count, RandomGenerator random) {
    if (count < 0) {
      throw new Sprig.FunctionException("randBytes", "runtime error: makeslice: len out of range");
    }
    byte[] b = new byte[count];
    random.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  /** Sprig {@code randInt}: a number in {@code [min, max)}; Go panics when {@code max <= min}. */
  static int randInt(int min, int max, RandomGenerator random) {
    long n = (long) max - min;
    if (n <= 0) {
      throw new Sprig.FunctionException("randInt", "invalid argument to Intn");
    }
    return (int) (random.nextLong(n) + min);
  }

  /** Sprig {@code shuffle}: the characters (Unicode code points) of {@code s} in random order. */
  static String shuffle(String s, RandomGenerator random) {
    List<Integer> cps = new ArrayList<>();
    s.codePoints().forEach(cps::add);
    for (int i = cps.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Integer t = cps.get(i);
      cps.set(i, cps.get(j));
      cps.set(j, t);
    }
    StringBuilder b = new StringBuilder();
    cps.forEach(b::appendCodePoint);
    return b.toString();
  }

  /** Sprig {@code uuidv4}: a random (version 4, RFC 4122 variant) UUID in canonical form. */
  static String uuidv4(RandomGenerator random) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40);
    b[8] = (byte) ((b[8] & 0x3f) | 0x80);
    StringBuilder s = new StringBuilder(36);
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        s.append('-');
      }
      s.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
    }
    return s.toString();
  }
}
