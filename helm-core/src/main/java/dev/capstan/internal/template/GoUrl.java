package dev.capstan.internal.template;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Go's {@code net/url} as far as Sprig's {@code urlParse} and {@code urlJoin} use it.
 *
 * <p>Internal: not part of Capstan's API.
 */
final class GoUrl {
  private GoUrl() {}

  /** The parts of a URL, as Go's {@code url.URL} holds them (path and fragment unescaped). */
  private record Parts(String scheme, String opaque, String userinfo, String host, String path,
      String rawQuery, String fragment) {}

  /**
   * Sprig {@code urlParse}: scheme, host, hostname, path, query, opaque, fragment, userinfo.
   *
   * @throws Sprig.FunctionException {@code unable to parse url: ...} as Sprig's panic
   */
  static Map<String, Object> parse(String v) {
    Parts p;
    try {
      p = parts(v);
    } catch (IllegalArgumentException e) {
      throw new Sprig.FunctionException("urlParse", "unable to parse url: " + e.getMessage());
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("fragment", p.fragment());
    d.put("host", p.host());
    d.put("hostname", hostname(p.host()));
    d.put("opaque", p.opaque());
    d.put("path", p.path());
    d.put("query", p.rawQuery());
    d.put("scheme", p.scheme());
    d.put("userinfo", p.userinfo() == null ? "" : p.userinfo());
    return d;
  }

  /** Sprig {@code urlJoin}: Go's {@code URL.String()} of the parts in {@code d}. */
  static String join(Map<String, Object> d) {
    String userinfo = meta(d, "userinfo");
    Parts p = new Parts(meta(d, "scheme"), meta(d, "opaque"), userinfo.isEmpty() ? null : userinfo,
        meta(d, "host"), meta(d, "path"), meta(d, "query"), meta(d, "fragment"));
    StringBuilder b = new StringBuilder();
    if (!p.scheme().isEmpty()) {
      b.append(p.scheme()).append(':');
    }
    if (!p.opaque().isEmpty()) {
      b.append(p.opaque());
    } else {
      if (!p.scheme().isEmpty() || !p.host().isEmpty() || p.userinfo() != null) {
        if (!p.host().isEmpty() || !p.path().isEmpty() || p.userinfo() != null) {
          b.append("//");
        }
        if (p.userinfo() != null) {
          b.append(p.userinfo()).append('@');
        }
        b.append(p.host());
      }
      String path = escape(p.path(), false);
      if (!path.isEmpty() && path.charAt(0) != '/' && !p.host().isEmpty()) {
        b.append('/');
      }
      if (b.length() == 0) {
        int slash = path.indexOf('/');
        String segment = slash < 0 ? path : path.substring(0, slash);
        if (segment.contains(":")) {
          b.append("./");
        }
      }
      b.append(path);
    }
    if (!p.rawQuery().isEmpty()) {
      b.append('?').append(p.rawQuery());
    }
    if (!p.fragment().isEmpty()) {
      b.append('#').append(escape(p.fragment(), true));
    }
    return b.toString();
  }

  private static String meta(Map<String, Object> d, String key) {
    return d.get(key) instanceof String s ? s : "";
  }

  private static Parts parts(String raw) {
    String rest = raw;
    String fragment = "";
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      fragment = unescape(rest.substring(hash + 1));
      rest = rest.substring(0, hash);
    }
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException("parse " + GoDuration.GoQuote.quote(raw)
            + ": net/url: invalid control character in URL");
      }
    }
    String scheme = "";
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (Character.isLetter(c) && c < 128) {
        continue;
      }
      if ((Character.isDigit(c) || c == '+' || c == '-' || c == '.') && i > 0) {
        continue;
      }
      if (c == ':') {
        if (i == 0) {
          throw new IllegalArgumentException("parse " + GoDuration.GoQuote.quote(raw)
              + ": missing protocol scheme");
        }
        scheme = rest.substring(0, i).toLowerCase(java.util.Locale.ROOT);
        rest = rest.substring(i + 1);
      }
      break;
    }
    String rawQuery = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      rawQuery = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    if (!rest.startsWith("/") && !scheme.isEmpty()) {
      return new Parts(scheme, rest, null, "", "", rawQuery, fragment);
    }
    String userinfo = null;
    String host = "";
    if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      int slash = authority.indexOf('/');
      String path = slash < 0 ? "" : authority.substring(slash);
      authority = slash < 0 ? authority : authority.substring(0, slash);
      int at = authority.lastIndexOf('@');
      if (at >= 0) {
        userinfo = authority.substring(0, at);
        host = authority.substring(at + 1);
      } else {
        host = authority;
      }
      rest = path;
    }
    return new Parts(scheme, "", userinfo, host, unescape(rest), rawQuery, fragment);
  }

  private static String hostname(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host.substring(1) : host.substring(1, end);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  private static String unescape(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%') {
        if (i + 2 >= bytes.length || Character.digit(bytes[i + 1], 16) < 0
            || Character.digit(bytes[i + 2], 16) < 0) {
          String bad = s.substring(s.indexOf('%', 0), Math.min(s.length(), s.indexOf('%') + 3));
          throw new IllegalArgumentException("invalid URL escape " + GoDuration.GoQuote.quote(bad));
        }
        out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
        i += 2;
      } else {
        out.write(bytes[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Go's {@code escape} in path mode, or fragment mode when {@code fragment}. */
  private static String escape(String s, boolean fragment) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~'
          || "$&+,/:;=@".indexOf(c) >= 0
          || (fragment && ("?!()*".indexOf(c) >= 0));
      if (keep) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }
}
