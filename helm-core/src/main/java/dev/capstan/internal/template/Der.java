package dev.capstan.internal.template;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The little ASN.1 DER that Sprig's key and certificate functions need: writing the structures
 * Go's {@code crypto/x509} writes, reading keys and PEM blocks back.
 *
 * <p>Internal: not part of Capstan's API.
 */
final class Der {
  private Der() {}

  static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else {
      byte[] len = BigInteger.valueOf(n).toByteArray();
      int start = len[0] == 0 ? 1 : 0;
      out.write(0x80 | (len.length - start));
      out.write(len, start, len.length - start);
    }
    out.write(content, 0, n);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p, 0, p.length);
    }
    return out.toByteArray();
  }

  static byte[] seq(byte[]... parts) {
    return tlv(0x30, concat(parts));
  }

  static byte[] set(byte[]... parts) {
    return tlv(0x31, concat(parts));
  }

  static byte[] integer(BigInteger v) {
    return tlv(0x02, v.toByteArray());
  }

  static byte[] integer(long v) {
    return integer(BigInteger.valueOf(v));
  }

  static byte[] bool(boolean v) {
    return tlv(0x01, new byte[] {(byte) (v ? 0xff : 0)});
  }

  static byte[] octets(byte[] v) {
    return tlv(0x04, v);
  }

  static byte[] nul() {
    return new byte[] {0x05, 0x00};
  }

  /** A BIT STRING of whole bytes. */
  static byte[] bits(byte[] v) {
    return bits(v, 0);
  }

  static byte[] bits(byte[] v, int unused) {
    byte[] c = new byte[v.length + 1];
    c[0] = (byte) unused;
    System.arraycopy(v, 0, c, 1, v.length);
    return tlv(0x03, c);
  }

  static byte[] explicit(int n, byte[] content) {
    return tlv(0xa0 | n, content);
  }

  static byte[] oid(String dotted) {
    String[] p = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(p[0]) * 40 + Integer.parseInt(p[1]));
    for (int i = 2; i < p.length; i++) {
      long v = Long.parseLong(p[i]);
      byte[] tmp = new byte[10];
      int k = 0;
      do {
        tmp[k++] = (byte) (v & 0x7f);
        v >>>= 7;
      } while (v != 0);
      for (int j = k - 1; j >= 0; j--) {
        out.write(tmp[j] | (j > 0 ? 0x80 : 0));
      }
    }
    return tlv(0x06, out.toByteArray());
  }

  /** Go's choice for a name attribute: PrintableString when it can hold the text, else UTF8. */
  static byte[] directoryString(String s) {
    boolean printable = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || " '()+,-./:=?*&".indexOf(c) >= 0;
      if (!ok) {
        printable = false;
        break;
      }
    }
    return tlv(printable ? 0x13 : 0x0c, s.getBytes(StandardCharsets.UTF_8));
  }

  /** Go's pem.Encode: base64 in lines of 64. */
  static String pem(String type, byte[] der) {
    StringBuilder b = new StringBuilder("-----BEGIN ").append(type).append("-----\n");
    String s = Base64.getEncoder().encodeToString(der);
    for (int i = 0; i < s.length(); i += 64) {
      b.append(s, i, Math.min(s.length(), i + 64)).append('\n');
    }
    return b.append("-----END ").append(type).append("-----\n").toString();
  }

  /** A decoded PEM block. */
  record Pem(String type, byte[] bytes) {}

  /** Go's pem.Decode of the first block, or null when there is none. */
  static Pem decodePem(String text) {
    int begin = text.indexOf("-----BEGIN ");
    while (begin >= 0) {
      int typeEnd = text.indexOf("-----", begin + 11);
      if (typeEnd < 0) {
        return null;
      }
      String type = text.substring(begin + 11, typeEnd);
      String endMarker = "-----END " + type + "-----";
      int end = text.indexOf(endMarker, typeEnd);
      if (end >= 0) {
        String body = text.substring(typeEnd + 5, end);
        if (!body.contains(":")) {
          try {
            return new Pem(type, Base64.getMimeDecoder().decode(body.trim()));
          } catch (IllegalArgumentException e) {
            return null;
          }
        }
      }
      begin = text.indexOf("-----BEGIN ", begin + 11);
    }
    return null;
  }

  /** One element read back: tag, content, and where the next element starts. */
  record Element(int tag, byte[] content, int next) {
    List<Element> children() {
      List<Element> out = new ArrayList<>();
      int p = 0;
      while (p < content.length) {
        Element e = read(content, p);
        out.add(e);
        p = e.next();
      }
      return out;
    }

    BigInteger bigInteger() {
      return new BigInteger(content);
    }
  }

  /**
   * Reads the element at {@code pos}.
   *
   * @throws IllegalArgumentException for truncated or malformed input
   */
  static Element read(byte[] in, int pos) {
    if (pos + 2 > in.length) {
      throw new IllegalArgumentException("asn1: syntax error: data truncated");
    }
    int tag = in[pos] & 0xff;
    int len = in[pos + 1] & 0xff;
    int p = pos + 2;
    if (len >= 0x80) {
      int n = len & 0x7f;
      if (n == 0 || n > 4 || p + n > in.length) {
        throw new IllegalArgumentException("asn1: syntax error: invalid length");
      }
      len = 0;
      for (int i = 0; i < n; i++) {
        len = (len << 8) | (in[p++] & 0xff);
      }
    }
    if (len < 0 || p + len > in.length) {
      throw new IllegalArgumentException("asn1: syntax error: data truncated");
    }
    byte[] c = new byte[len];
    System.arraycopy(in, p, c, 0, len);
    return new Element(tag, c, p + len);
  }

  /** The dotted form of an OBJECT IDENTIFIER's content. */
  static String oidText(byte[] c) {
    StringBuilder b = new StringBuilder();
    int first = c[0] & 0xff;
    b.append(first / 40).append('.').append(first % 40);
    long v = 0;
    for (int i = 1; i < c.length; i++) {
      v = (v << 7) | (c[i] & 0x7f);
      if ((c[i] & 0x80) == 0) {
        b.append('.').append(v);
        v = 0;
      }
    }
    return b.toString();
  }
}
