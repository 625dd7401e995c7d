package dev.capstan.internal.gofmt;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Go strings as Java strings, byte for byte. A Go {@code string} holds any bytes ({@code
 * .Files.Get} of a binary file, {@code b64dec} of binary data); a Java {@link String} holds UTF-16.
 * Capstan keeps the bytes that are not UTF-8 as lone low surrogates, byte {@code 0xNN} as the char
 * {@code U+DCNN} (only {@code 0x80}-{@code 0xFF} can be invalid, so {@code U+DC80}-{@code U+DCFF}),
 * the way Python's {@code surrogateescape} does. Valid UTF-8 text decodes as usual, and a string
 * without such chars encodes as plain UTF-8.
 *
 * <p>Functions that see a string's bytes ({@code b64enc}, {@code sha256sum}, writing the rendered
 * manifest) use {@link #bytes} instead of {@code getBytes(UTF_8)}, so a binary file read with
 * {@code .Files.Get} comes out as the file's bytes, as in Helm.
 *
 * <p>Internal: not part of Capstan's API. Engine-neutral.
 */
public final class GoStrings {
  private static final char ESCAPE_BASE = 0xDC00;

  private GoStrings() {}

  /** Go's {@code string(b)}: UTF-8 text, with each byte that is not UTF-8 kept as its escape. */
  public static String fromBytes(byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      return decodeEscaping(b);
    }
  }

  /** Go's {@code []byte(s)}: the bytes of a string made by {@link #fromBytes} or by Java. */
  public static byte[] bytes(String s) {
    if (!hasEscapes(s)) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (isEscape(s, i)) {
        out.write(c - ESCAPE_BASE);
        i++;
        continue;
      }
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      out.writeBytes(s.substring(i, i + n).getBytes(StandardCharsets.UTF_8));
      i += n;
    }
    return out.toByteArray();
  }

  /** Whether {@code s} holds a byte that is not UTF-8 (an escape made by {@link #fromBytes}). */
  public static boolean hasEscapes(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isEscape(s, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEscape(String s, int i) {
    char c = s.charAt(i);
    return c >= 0xDC80 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }

  /** Decodes valid sequences one at a time; each byte of an invalid one becomes its escape. */
  private static String decodeEscaping(byte[] b) {
    StringBuilder sb = new StringBuilder(b.length);
    int i = 0;
    while (i < b.length) {
      int n = validSequenceLength(b, i);
      if (n == 0) {
        sb.append((char) (ESCAPE_BASE + (b[i] & 0xFF)));
        i++;
      } else {
        CharBuffer cb = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(b, i, n));
        sb.append(cb);
        i += n;
      }
    }
    return sb.toString();
  }

  /** The length of the valid UTF-8 sequence at {@code i} (Go's rules), or 0 when it is invalid. */
  private static int validSequenceLength(byte[] b, int i) {
    int b0 = b[i] & 0xFF;
    if (b0 < 0x80) {
      return 1;
    }
    int n;
    int min;
    int lo = 0x80;
    int hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      n = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      n = 3;
      if (b0 == 0xE0) {
        lo = 0xA0; // no overlong forms
      } else if (b0 == 0xED) {
        hi = 0x9F; // no surrogates
      }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      n = 4;
      if (b0 == 0xF0) {
        lo = 0x90;
      } else if (b0 == 0xF4) {
        hi = 0x8F; // nothing above U+10FFFF
      }
    } else {
      return 0;
    }
    if (i + n > b.length) {
      return 0;
    }
    min = b[i + 1] & 0xFF;
    if (min < lo || min > hi) {
      return 0;
    }
    for (int k = 2; k < n; k++) {
      int c = b[i + k] & 0xFF;
      if (c < 0x80 || c > 0xBF) {
        return 0;
      }
    }
    return n;
  }
}
