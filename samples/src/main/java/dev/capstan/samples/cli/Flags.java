package dev.capstan.samples.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command's flags with the semantics of Go's pflag, which Helm uses: {@code --flag=value},
 * {@code --flag value}, {@code -n ns}, {@code -nns}, boolean flags as {@code --wait} or
 * {@code --wait=false}, repeated array flags, {@code --} ending the flags, and pflag's error texts.
 * Flags may come before, between and after the positional arguments.
 */
final class Flags {
  enum Kind { BOOL, STRING, OPTIONAL, STRING_ARRAY, STRING_SLICE, INT, DURATION, STRING_MAP }

  private record Def(String name, char shorthand, Kind kind, Object defaultValue) {}

  private final Map<String, Def> byName = new LinkedHashMap<>();
  private final Map<Character, Def> byShorthand = new HashMap<>();
  private final Map<String, String> aliases = new HashMap<>();
  private final Map<String, String> bare = new HashMap<>();
  private final Map<String, Object> values = new HashMap<>();
  private final List<String> args = new ArrayList<>();

  Flags bool(String name, char shorthand) {
    return define(name, shorthand, Kind.BOOL, Boolean.FALSE);
  }

  Flags bool(String name) {
    return bool(name, (char) 0);
  }

  Flags string(String name, char shorthand, String defaultValue) {
    return define(name, shorthand, Kind.STRING, defaultValue);
  }

  Flags string(String name, String defaultValue) {
    return string(name, (char) 0, defaultValue);
  }

  /**
   * A string flag that may stand alone: then it means {@code whenBare} (pflag's NoOptDefVal, as
   * Helm 4's {@code --wait} and {@code --dry-run}); a value needs {@code --flag=value}.
   */
  Flags optional(String name, String defaultValue, String whenBare) {
    define(name, (char) 0, Kind.OPTIONAL, defaultValue);
    bare.put(name, whenBare);
    return this;
  }

  /** A repeatable flag whose values are kept whole (pflag's stringArray). */
  Flags array(String name, char shorthand) {
    return define(name, shorthand, Kind.STRING_ARRAY, List.of());
  }

  Flags array(String name) {
    return array(name, (char) 0);
  }

  /** A repeatable flag whose values are also split at commas (pflag's stringSlice). */
  Flags slice(String name, char shorthand) {
    return define(name, shorthand, Kind.STRING_SLICE, List.of());
  }

  Flags integer(String name, char shorthand, int defaultValue) {
    return define(name, shorthand, Kind.INT, defaultValue);
  }

  Flags integer(String name, int defaultValue) {
    return integer(name, (char) 0, defaultValue);
  }

  Flags duration(String name, Duration defaultValue) {
    return define(name, (char) 0, Kind.DURATION, defaultValue);
  }

  /** {@code key=value,key=value}, repeatable (pflag's stringToString). */
  Flags map(String name) {
    return define(name, (char) 0, Kind.STRING_MAP, Map.of());
  }

  /** Another name for {@code name} (Helm 4 keeps its Helm 3 names, such as {@code --atomic}). */
  Flags alias(String alias, String name) {
    aliases.put(alias, name);
    return this;
  }

  private Flags define(String name, char shorthand, Kind kind, Object defaultValue) {
    Def d = new Def(name, shorthand, kind, defaultValue);
    byName.put(name, d);
    if (shorthand != 0) {
      byShorthand.put(shorthand, d);
    }
    return this;
  }

  /** Parses {@code argv}; throws {@link CliException} with pflag's message on bad flags. */
  Flags parse(List<String> argv) {
    for (int i = 0; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals("--")) {
        args.addAll(argv.subList(i + 1, argv.size()));
        break;
      }
      if (a.startsWith("--")) {
        String body = a.substring(2);
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        Def d = byName.get(aliases.getOrDefault(name, name));
        if (d == null) {
          throw new CliException("unknown flag: --" + name);
        }
        if (eq >= 0) {
          set(d, body.substring(eq + 1), "--" + name);
        } else if (d.kind == Kind.BOOL) {
          set(d, "true", "--" + name);
        } else if (d.kind == Kind.OPTIONAL) {
          set(d, bare.get(d.name), "--" + name);
        } else if (i + 1 < argv.size()) {
          set(d, argv.get(++i), "--" + name);
        } else {
          throw new CliException("flag needs an argument: --" + name);
        }
      } else if (a.startsWith("-") && a.length() > 1) {
        String shorts = a.substring(1);
        for (int j = 0; j < shorts.length(); j++) {
          char c = shorts.charAt(j);
          Def d = byShorthand.get(c);
          if (d == null) {
            throw new CliException("unknown shorthand flag: '" + c + "' in " + a);
          }
          String rest = shorts.substring(j + 1);
          if (d.kind == Kind.BOOL) {
            if (rest.startsWith("=")) {
              set(d, rest.substring(1), "-" + c);
              break;
            }
            set(d, "true", "-" + c);
            continue;
          }
          if (!rest.isEmpty()) {
            set(d, rest.startsWith("=") ? rest.substring(1) : rest, "-" + c);
          } else if (i + 1 < argv.size()) {
            set(d, argv.get(++i), "-" + c);
          } else {
            throw new CliException("flag needs an argument: '" + c + "' in " + a);
          }
          break;
        }
      } else {
        args.add(a);
      }
    }
    return this;
  }

  @SuppressWarnings("unchecked")
  private void set(Def d, String raw, String shown) {
    switch (d.kind) {
      case BOOL -> {
        Boolean b = parseBool(raw);
        if (b == null) {
          throw invalid(raw, d, "strconv.ParseBool: parsing \"" + raw + "\": invalid syntax");
        }
        values.put(d.name, b);
      }
      case STRING, OPTIONAL -> values.put(d.name, raw);
      case STRING_ARRAY -> {
        List<String> list = new ArrayList<>((List<String>) values.getOrDefault(d.name, List.of()));
        list.add(raw);
        values.put(d.name, List.copyOf(list));
      }
      case STRING_SLICE -> {
        List<String> list = new ArrayList<>((List<String>) values.getOrDefault(d.name, List.of()));
        if (!raw.isEmpty()) {
          list.addAll(List.of(raw.split(",", -1)));
        }
        values.put(d.name, List.copyOf(list));
      }
      case INT -> {
        try {
          values.put(d.name, Integer.parseInt(raw));
        } catch (NumberFormatException e) {
          throw invalid(raw, d, "strconv.ParseInt: parsing \"" + raw + "\": invalid syntax");
        }
      }
      case DURATION -> values.put(d.name, parseDuration(raw, d));
      case STRING_MAP -> {
        Map<String, String> map =
            new LinkedHashMap<>((Map<String, String>) values.getOrDefault(d.name, Map.of()));
        for (String pair : raw.split(",")) {
          int eq = pair.indexOf('=');
          if (eq < 0) {
            throw invalid(raw, d, pair + " must be formatted as key=value");
          }
          map.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        values.put(d.name, Map.copyOf(map));
      }
      default -> throw new IllegalStateException(d.kind.toString());
    }
  }

  private static Boolean parseBool(String s) {
    return switch (s) {
      case "1", "t", "T", "true", "TRUE", "True" -> true;
      case "0", "f", "F", "false", "FALSE", "False" -> false;
      default -> null;
    };
  }

  private static CliException invalid(String raw, Def d, String why) {
    String flag = d.shorthand == 0 ? "--" + d.name : "-" + d.shorthand + ", --" + d.name;
    return new CliException("invalid argument \"" + raw + "\" for \"" + flag + "\" flag: " + why);
  }

  private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

  /** Go's {@code time.ParseDuration}: {@code 300s}, {@code 5m0s}, {@code 1h30m}, {@code 1.5h}. */
  static Duration parseDuration(String raw, Def d) {
    String s = raw.startsWith("+") ? raw.substring(1) : raw;
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = DURATION_PART.matcher(s);
    long nanos = 0;
    int at = 0;
    while (at < s.length() && m.find(at) && m.start() == at) {
      double n = Double.parseDouble(m.group(1));
      double unit = switch (m.group(2)) {
        case "ns" -> 1;
        case "us", "µs" -> 1e3;
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m" -> 60e9;
        default -> 3600e9;
      };
      nanos += (long) (n * unit);
      at = m.end();
    }
    if (at != s.length() || s.isEmpty()) {
      throw invalid(raw, d, "time: invalid duration \"" + raw + "\"");
    }
    return Duration.ofNanos(nanos);
  }

  /** The positional arguments, in order. */
  List<String> args() {
    return List.copyOf(args);
  }

  boolean changed(String name) {
    return values.containsKey(name);
  }

  boolean isSet(String name) {
    return (Boolean) get(name);
  }

  String str(String name) {
    return (String) get(name);
  }

  int integer(String name) {
    return (Integer) get(name);
  }

  Duration duration(String name) {
    return (Duration) get(name);
  }

  @SuppressWarnings("unchecked")
  List<String> list(String name) {
    return (List<String>) get(name);
  }

  @SuppressWarnings("unchecked")
  Map<String, String> stringMap(String name) {
    return (Map<String, String>) get(name);
  }

  private Object get(String name) {
    Def d = byName.get(name);
    if (d == null) {
      throw new IllegalArgumentException("no flag --" + name);
    }
    return values.getOrDefault(name, d.defaultValue);
  }
}
