package dev.capstan.testkit.cluster;

import dev.capstan.kube.ClusterException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON value model of stored objects: maps with string keys (insertion ordered), lists,
 * strings, booleans, numbers and null. Numbers are kept as a JSON client reads them back from the
 * API server: {@link Integer} when the value fits, else {@link Long} or {@link BigInteger}; other
 * numbers {@link Double}. A double with an integral value is an integer, as Go writes it.
 */
final class Values {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private Values() {}

  /**
   * A deep, mutable copy of a request body with numbers normalised.
   *
   * @throws ClusterException (400) when the value holds something JSON cannot carry
   */
  static Object normalize(Object value, String where) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, m.size() * 2));
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw badRequest(where + ": object keys must be strings, got " + e.getKey());
        }
        copy.put(k, normalize(e.getValue(), where));
      }
      return copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      for (Object o : l) {
        copy.add(normalize(o, where));
      }
      return copy;
    }
    if (value instanceof Number n) {
      return number(n, where);
    }
    throw badRequest(where + ": " + value.getClass().getName() + " is not a JSON value");
  }

  /** A deep, mutable copy of a normalised value. */
  @SuppressWarnings("unchecked")
  static <T> T copy(T value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 2));
      m.forEach((k, v) -> out.put((String) k, copy(v)));
      return (T) out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(copy(v)));
      return (T) out;
    }
    return value;
  }

  private static Object number(Number n, String where) {
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return n.intValue();
    }
    if (n instanceof Long l) {
      return integral(BigInteger.valueOf(l));
    }
    if (n instanceof BigInteger b) {
      return integral(b);
    }
    BigDecimal d;
    if (n instanceof BigDecimal bd) {
      d = bd;
    } else {
      double v = n.doubleValue();
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw badRequest(where + ": " + v + " is not a JSON number");
      }
      d = BigDecimal.valueOf(v);
    }
    if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
      return integral(d.toBigIntegerExact());
    }
    return d.doubleValue();
  }

  /** An integer as stored: {@link Integer} when it fits, else {@link Long}. */
  static Object integer(long v) {
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
  }

  private static Object integral(BigInteger b) {
    if (b.bitLength() < 32) {
      return b.intValue();
    }
    if (b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0) {
      return b.longValue();
    }
    return b;
  }

  /** Whether two normalised values are equal (numbers by value). */
  static boolean same(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return key(x).equals(key(y));
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      if (ma.size() != mb.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : ma.entrySet()) {
        if (!mb.containsKey(e.getKey()) || !same(e.getValue(), mb.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (la.size() != lb.size()) {
        return false;
      }
      Iterator<?> i = la.iterator();
      Iterator<?> j = lb.iterator();
      while (i.hasNext()) {
        if (!same(i.next(), j.next())) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** A value usable as a hash key, equal for numerically equal numbers. */
  static Object key(Object value) {
    if (value instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros();
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros();
    }
    return value;
  }

  /** The map at {@code key} of {@code map}, or null when absent or not a map. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> map, String key) {
    return map != null && map.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  /** The map at {@code key}, created (or replaced when not a map) if needed. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> mapIn(Map<String, Object> map, String key) {
    Object v = map.get(key);
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    map.put(key, created);
    return created;
  }

  /** The string at {@code key}, or {@code ""}. */
  static String string(Map<String, Object> map, String key) {
    return map != null && map.get(key) instanceof String s ? s : "";
  }

  /** The list at {@code key}, or null. */
  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> map, String key) {
    return map != null && map.get(key) instanceof List<?> l ? (List<Object>) l : null;
  }

  /** The object's metadata map (created when missing). */
  static Map<String, Object> metadata(Map<String, Object> object) {
    return mapIn(object, "metadata");
  }

  /** The number of bytes of a UTF-8 string. */
  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** The length of the value written as compact JSON, in UTF-8 bytes. */
  static long jsonLength(Object value) {
    if (value == null) {
      return 4;
    }
    if (value instanceof String s) {
      return quotedLength(s);
    }
    if (value instanceof Map<?, ?> m) {
      long n = 2 + Math.max(0, m.size() - 1);
      for (Map.Entry<?, ?> e : m.entrySet()) {
        n += quotedLength((String) e.getKey()) + 1 + jsonLength(e.getValue());
      }
      return n;
    }
    if (value instanceof List<?> l) {
      long n = 2 + Math.max(0, l.size() - 1);
      for (Object o : l) {
        n += jsonLength(o);
      }
      return n;
    }
    return value.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  private static long quotedLength(String s) {
    long n = 2 + utf8Length(s);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        n++;
      } else if (c < 0x20) {
        n += 5;
      }
    }
    return n;
  }

  private static ClusterException badRequest(String message) {
    return new ClusterException(message, 400, "BadRequest", null);
  }
}
