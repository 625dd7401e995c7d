package dev.capstan.internal.template;

import dev.capstan.internal.gofmt.GoFmt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The table of Helm's template functions over {@link Sprig} and {@link GoFmt}, by Helm's names,
 * with Go's argument counts and conversions: one table that every template engine binds, adding
 * its own engine functions ({@code include}, {@code tpl}, {@code required}, {@code fail},
 * {@code lookup}) and {@link MoreFunctions}. Arguments are in Go's order.
 *
 * <p>Internal: not part of Capstan's API.
 */
public final class SprigTable {
  /**
   * One function.
   *
   * @param minArgs the fewest arguments
   * @param maxArgs the most arguments ({@link Integer#MAX_VALUE}: variadic)
   */
  public record Entry(String name, int minArgs, int maxArgs, Fn fn) {}

  /** A function over evaluated arguments. */
  @FunctionalInterface
  public interface Fn {
    /**
     * Calls it.
     *
     * @param function the name it was called by, for messages
     * @throws ArgumentException when an argument has the wrong Go type
     */
    Object call(Object[] args, String function);
  }

  /**
   * An argument of the wrong Go type; the message is Go's whole text:
   * {@code error calling <fn>: wrong type for value; expected string; got int}.
   */
  public static final class ArgumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates it with Go's whole text. */
    public ArgumentException(String message) {
      super(message);
    }
  }

  private static final int VARIADIC = Integer.MAX_VALUE;

  private SprigTable() {}

  /** Every function, in a fixed order; a new modifiable list. */
  public static List<Entry> all() {
    List<Entry> t = new ArrayList<>();
    // Truth, defaults, types.
    t.add(new Entry("default", 1, 2, (a, c) -> a.length < 2 ? a[0] : Sprig.defaultValue(a[0], a[1])));
    t.add(new Entry("empty", 1, 1, (a, c) -> Sprig.empty(a[0])));
    t.add(new Entry("coalesce", 0, VARIADIC, (a, c) -> Sprig.coalesce(a)));
    t.add(new Entry("ternary", 3, 3, (a, c) -> Sprig.ternary(a[0], a[1], Sprig.truthy(a[2]))));
    t.add(new Entry("typeOf", 1, 1, (a, c) -> Sprig.typeOf(a[0])));
    t.add(new Entry("kindOf", 1, 1, (a, c) -> Sprig.kindOf(a[0])));
    t.add(new Entry("toString", 1, 1, (a, c) -> Sprig.toStringValue(a[0])));
    t.add(new Entry("toStrings", 1, 1, (a, c) -> Sprig.toStrings(a[0])));
    t.add(new Entry("int", 1, 1, (a, c) -> Sprig.toInt(a[0])));
    t.add(new Entry("atoi", 1, 1, (a, c) -> Sprig.atoi(string(a[0], c))));
    t.add(new Entry("int64", 1, 1, (a, c) -> Sprig.toInt64(a[0])));
    t.add(new Entry("float64", 1, 1, (a, c) -> Sprig.toFloat64(a[0])));
    t.add(new Entry("toDecimal", 1, 1, (a, c) -> Sprig.toDecimal(a[0])));
    // Strings.
    t.add(new Entry("quote", 0, VARIADIC, (a, c) -> Sprig.quote(a)));
    t.add(new Entry("squote", 0, VARIADIC, (a, c) -> Sprig.squote(a)));
    t.add(new Entry("printf", 1, VARIADIC, (a, c) -> GoFmt.sprintf(string(a[0], c), rest(a, 1))));
    t.add(new Entry("print", 0, VARIADIC, (a, c) -> GoFmt.sprint(a)));
    t.add(new Entry("println", 0, VARIADIC, (a, c) -> GoFmt.sprintln(a)));
    t.add(new Entry("trunc", 2, 2, (a, c) -> Sprig.trunc(integer(a[0], c), string(a[1], c))));
    t.add(new Entry("trimSuffix", 2, 2, (a, c) -> Sprig.trimSuffix(string(a[0], c), string(a[1], c))));
    t.add(new Entry("trimPrefix", 2, 2, (a, c) -> Sprig.trimPrefix(string(a[0], c), string(a[1], c))));
    t.add(new Entry("trim", 1, 1, (a, c) -> Sprig.trim(string(a[0], c))));
    t.add(new Entry("trimAll", 2, 2, (a, c) -> Sprig.trimAll(string(a[0], c), string(a[1], c))));
    t.add(new Entry("replace", 3, 3,
        (a, c) -> Sprig.replace(string(a[0], c), string(a[1], c), string(a[2], c))));
    t.add(new Entry("lower", 1, 1, (a, c) -> Sprig.lower(string(a[0], c))));
    t.add(new Entry("upper", 1, 1, (a, c) -> Sprig.upper(string(a[0], c))));
    t.add(new Entry("title", 1, 1, (a, c) -> Sprig.title(string(a[0], c))));
    t.add(new Entry("hasPrefix", 2, 2, (a, c) -> Sprig.hasPrefix(string(a[0], c), string(a[1], c))));
    t.add(new Entry("hasSuffix", 2, 2, (a, c) -> Sprig.hasSuffix(string(a[0], c), string(a[1], c))));
    t.add(new Entry("indent", 2, 2, (a, c) -> Sprig.indent(integer(a[0], c), string(a[1], c))));
    t.add(new Entry("nindent", 2, 2, (a, c) -> Sprig.nindent(integer(a[0], c), string(a[1], c))));
    t.add(new Entry("repeat", 2, 2, (a, c) -> Sprig.repeat(integer(a[0], c), string(a[1], c))));
    t.add(new Entry("substr", 3, 3,
        (a, c) -> Sprig.substr(integer(a[0], c), integer(a[1], c), string(a[2], c))));
    t.add(new Entry("nospace", 1, 1, (a, c) -> Sprig.nospace(string(a[0], c))));
    t.add(new Entry("cat", 0, VARIADIC, (a, c) -> Sprig.cat(a)));
    t.add(new Entry("abbrev", 2, 2, (a, c) -> Sprig.abbrev(integer(a[0], c), string(a[1], c))));
    t.add(new Entry("initials", 1, 1, (a, c) -> Sprig.initials(string(a[0], c))));
    t.add(new Entry("plural", 3, 3,
        (a, c) -> Sprig.plural(string(a[0], c), string(a[1], c), integer(a[2], c))));
    t.add(new Entry("camelcase", 1, 1, (a, c) -> Sprig.camelcase(string(a[0], c))));
    t.add(new Entry("snakecase", 1, 1, (a, c) -> Sprig.snakecase(string(a[0], c))));
    t.add(new Entry("kebabcase", 1, 1, (a, c) -> Sprig.kebabcase(string(a[0], c))));
    t.add(new Entry("untitle", 1, 1, (a, c) -> Sprig.untitle(string(a[0], c))));
    t.add(new Entry("swapcase", 1, 1, (a, c) -> Sprig.swapcase(string(a[0], c))));
    t.add(new Entry("wrap", 2, 2, (a, c) -> Sprig.wrap(integer(a[0], c), string(a[1], c))));
    t.add(new Entry("wrapWith", 3, 3,
        (a, c) -> Sprig.wrapWith(integer(a[0], c), string(a[1], c), string(a[2], c))));
    t.add(new Entry("split", 2, 2, (a, c) -> Sprig.split(string(a[0], c), string(a[1], c))));
    t.add(new Entry("splitn", 3, 3,
        (a, c) -> Sprig.splitn(string(a[0], c), integer(a[1], c), string(a[2], c))));
    t.add(new Entry("base", 1, 1, (a, c) -> Sprig.base(string(a[0], c))));
    t.add(new Entry("dir", 1, 1, (a, c) -> Sprig.dir(string(a[0], c))));
    t.add(new Entry("ext", 1, 1, (a, c) -> Sprig.ext(string(a[0], c))));
    t.add(new Entry("isAbs", 1, 1, (a, c) -> Sprig.isAbs(string(a[0], c))));
    t.add(new Entry("clean", 1, 1, (a, c) -> Sprig.clean(string(a[0], c))));
    t.add(new Entry("join", 2, 2, (a, c) -> Sprig.join(string(a[0], c), a[1])));
    t.add(new Entry("splitList", 2, 2, (a, c) -> Sprig.splitList(string(a[0], c), string(a[1], c))));
    t.add(new Entry("urlquery", 0, VARIADIC, (a, c) -> Sprig.urlquery(a)));
    t.add(new Entry("regexMatch", 2, 2, (a, c) -> Sprig.regexMatch(string(a[0], c), string(a[1], c))));
    t.add(new Entry("regexFind", 2, 2, (a, c) -> Sprig.regexFind(string(a[0], c), string(a[1], c))));
    t.add(new Entry("regexFindAll", 3, 3,
        (a, c) -> Sprig.regexFindAll(string(a[0], c), string(a[1], c), integer(a[2], c))));
    t.add(new Entry("regexReplaceAll", 3, 3,
        (a, c) -> Sprig.regexReplaceAll(string(a[0], c), string(a[1], c), string(a[2], c))));
    t.add(new Entry("regexReplaceAllLiteral", 3, 3,
        (a, c) -> Sprig.regexReplaceAllLiteral(string(a[0], c), string(a[1], c), string(a[2], c))));
    t.add(new Entry("regexQuoteMeta", 1, 1, (a, c) -> Sprig.regexQuoteMeta(string(a[0], c))));
    t.add(new Entry("mustRegexMatch", 2, 2,
        (a, c) -> Sprig.mustRegexMatch(string(a[0], c), string(a[1], c))));
    t.add(new Entry("regexSplit", 3, 3,
        (a, c) -> Sprig.regexSplit(string(a[0], c), string(a[1], c), integer(a[2], c))));
    // Encodings and hashes.
    t.add(new Entry("b64enc", 1, 1, (a, c) -> Sprig.b64enc(string(a[0], c))));
    t.add(new Entry("b64dec", 1, 1, (a, c) -> Sprig.b64dec(string(a[0], c))));
    t.add(new Entry("sha256sum", 1, 1, (a, c) -> Sprig.sha256sum(string(a[0], c))));
    t.add(new Entry("sha1sum", 1, 1, (a, c) -> Sprig.sha1sum(string(a[0], c))));
    t.add(new Entry("sha512sum", 1, 1, (a, c) -> Sprig.sha512sum(string(a[0], c))));
    t.add(new Entry("adler32sum", 1, 1, (a, c) -> Sprig.adler32sum(string(a[0], c))));
    t.add(new Entry("toYaml", 1, 1, (a, c) -> Sprig.toYaml(a[0])));
    t.add(new Entry("toJson", 1, 1, (a, c) -> Sprig.toJson(a[0])));
    t.add(new Entry("toPrettyJson", 1, 1, (a, c) -> Sprig.toPrettyJson(a[0])));
    t.add(new Entry("toRawJson", 1, 1, (a, c) -> Sprig.toRawJson(a[0])));
    t.add(new Entry("mustToYaml", 1, 1, (a, c) -> Sprig.mustToYaml(a[0])));
    t.add(new Entry("mustToJson", 1, 1, (a, c) -> Sprig.mustToJson(a[0])));
    t.add(new Entry("mustFromJson", 1, 1, (a, c) -> Sprig.mustFromJson(string(a[0], c))));
    t.add(new Entry("b32enc", 1, 1, (a, c) -> Sprig.b32enc(string(a[0], c))));
    t.add(new Entry("b32dec", 1, 1, (a, c) -> Sprig.b32dec(string(a[0], c))));
    t.add(new Entry("fromYaml", 1, 1, (a, c) -> Sprig.fromYaml(string(a[0], c))));
    t.add(new Entry("fromYamlArray", 1, 1, (a, c) -> Sprig.fromYamlArray(string(a[0], c))));
    t.add(new Entry("fromJson", 1, 1, (a, c) -> Sprig.fromJson(string(a[0], c))));
    t.add(new Entry("fromJsonArray", 1, 1, (a, c) -> Sprig.fromJsonArray(string(a[0], c))));
    // Lists and maps.
    t.add(new Entry("list", 0, VARIADIC, (a, c) -> Sprig.list(a)));
    t.add(new Entry("dict", 0, VARIADIC, (a, c) -> Sprig.dict(a)));
    t.add(new Entry("hasKey", 2, 2, (a, c) -> Sprig.hasKey(map(a[0], c), string(a[1], c))));
    t.add(new Entry("first", 1, 1, (a, c) -> Sprig.first(a[0])));
    t.add(new Entry("last", 1, 1, (a, c) -> Sprig.last(a[0])));
    t.add(new Entry("rest", 1, 1, (a, c) -> Sprig.rest(a[0])));
    t.add(new Entry("initial", 1, 1, (a, c) -> Sprig.initial(a[0])));
    t.add(new Entry("append", 2, 2, (a, c) -> Sprig.append(a[0], a[1])));
    t.add(new Entry("prepend", 2, 2, (a, c) -> Sprig.prepend(a[0], a[1])));
    t.add(new Entry("concat", 0, VARIADIC, (a, c) -> Sprig.concat(a)));
    t.add(new Entry("uniq", 1, 1, (a, c) -> Sprig.uniq(a[0])));
    t.add(new Entry("without", 1, VARIADIC, (a, c) -> Sprig.without(a[0], rest(a, 1))));
    t.add(new Entry("compact", 1, 1, (a, c) -> Sprig.compact(a[0])));
    t.add(new Entry("reverse", 1, 1, (a, c) -> Sprig.reverse(a[0])));
    t.add(new Entry("sortAlpha", 1, 1, (a, c) -> Sprig.sortAlpha(a[0])));
    t.add(new Entry("has", 2, 2, (a, c) -> Sprig.has(a[0], a[1])));
    t.add(new Entry("keys", 1, VARIADIC, (a, c) -> Sprig.keys(maps(a, 0, c))));
    t.add(new Entry("values", 1, 1, (a, c) -> Sprig.values(map(a[0], c))));
    t.add(new Entry("pluck", 1, VARIADIC, (a, c) -> Sprig.pluck(string(a[0], c), maps(a, 1, c))));
    t.add(new Entry("pick", 1, VARIADIC, (a, c) -> Sprig.pick(map(a[0], c), strings(a, 1, c))));
    t.add(new Entry("omit", 1, VARIADIC, (a, c) -> Sprig.omit(map(a[0], c), strings(a, 1, c))));
    t.add(new Entry("get", 2, 2, (a, c) -> Sprig.get(map(a[0], c), string(a[1], c))));
    t.add(new Entry("set", 3, 3, (a, c) -> Sprig.set(map(a[0], c), string(a[1], c), a[2])));
    t.add(new Entry("unset", 2, 2, (a, c) -> Sprig.unset(map(a[0], c), string(a[1], c))));
    t.add(new Entry("merge", 1, VARIADIC, (a, c) -> Sprig.merge(map(a[0], c), maps(a, 1, c))));
    t.add(new Entry("mergeOverwrite", 1, VARIADIC,
        (a, c) -> Sprig.mergeOverwrite(map(a[0], c), maps(a, 1, c))));
    t.add(new Entry("deepCopy", 1, 1, (a, c) -> Sprig.deepCopy(a[0])));
    t.add(new Entry("dig", 3, VARIADIC, (a, c) -> Sprig.dig(a)));
    t.add(new Entry("slice", 1, VARIADIC, (a, c) -> Sprig.slice(a[0], rest(a, 1))));
    t.add(new Entry("chunk", 2, 2, (a, c) -> Sprig.chunk(integer(a[0], c), a[1])));
    t.add(new Entry("deepEqual", 2, 2, (a, c) -> Sprig.deepEqualValues(a[0], a[1])));
    t.add(new Entry("typeIs", 2, 2, (a, c) -> Sprig.typeIs(string(a[0], c), a[1])));
    t.add(new Entry("typeIsLike", 2, 2, (a, c) -> Sprig.typeIsLike(string(a[0], c), a[1])));
    t.add(new Entry("kindIs", 2, 2, (a, c) -> Sprig.kindIs(string(a[0], c), a[1])));
    // Numbers.
    t.add(new Entry("add", 0, VARIADIC, (a, c) -> Sprig.add(a)));
    t.add(new Entry("add1", 1, 1, (a, c) -> Sprig.add1(a[0])));
    t.add(new Entry("sub", 2, 2, (a, c) -> Sprig.sub(a[0], a[1])));
    t.add(new Entry("mul", 1, VARIADIC, (a, c) -> Sprig.mul(a[0], rest(a, 1))));
    t.add(new Entry("div", 2, 2, (a, c) -> Sprig.div(a[0], a[1])));
    t.add(new Entry("mod", 2, 2, (a, c) -> Sprig.mod(a[0], a[1])));
    t.add(new Entry("max", 1, VARIADIC, (a, c) -> Sprig.max(a[0], rest(a, 1))));
    t.add(new Entry("min", 1, VARIADIC, (a, c) -> Sprig.min(a[0], rest(a, 1))));
    t.add(new Entry("floor", 1, 1, (a, c) -> Sprig.floor(a[0])));
    t.add(new Entry("ceil", 1, 1, (a, c) -> Sprig.ceil(a[0])));
    t.add(new Entry("round", 2, 3, (a, c) -> a.length == 2 ? Sprig.round(a[0], integer(a[1], c))
        : Sprig.round(a[0], integer(a[1], c), Sprig.toFloat64(a[2]))));
    t.add(new Entry("until", 1, 1, (a, c) -> Sprig.until(integer(a[0], c))));
    t.add(new Entry("untilStep", 3, 3,
        (a, c) -> Sprig.untilStep(integer(a[0], c), integer(a[1], c), integer(a[2], c))));
    t.add(new Entry("seq", 1, 3, (a, c) -> {
      int[] p = new int[a.length];
      for (int i = 0; i < a.length; i++) {
        p[i] = integer(a[i], c);
      }
      return Sprig.seq(p);
    }));
    // Versions.
    t.add(new Entry("semverCompare", 2, 2,
        (a, c) -> Sprig.semverCompare(string(a[0], c), string(a[1], c))));
    return t;
  }

  // ---- argument conversion, with Go's messages ----

  public static String string(Object v, String c) {
    if (v instanceof String s) {
      return s;
    }
    throw new ArgumentException("error calling " + c + ": wrong type for value; expected string; got "
        + GoFmt.typeName(v));
  }

  public static int integer(Object v, String c) {
    if (v instanceof Number n) {
      return n.intValue();
    }
    throw new ArgumentException("error calling " + c + ": wrong type for value; expected int; got "
        + GoFmt.typeName(v));
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object v, String c) {
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new ArgumentException("error calling " + c
        + ": wrong type for value; expected map[string]interface {}; got " + GoFmt.typeName(v));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?>[] maps(Object[] a, int from, String c) {
    Map<String, ?>[] out = new Map[a.length - from];
    for (int i = from; i < a.length; i++) {
      out[i - from] = map(a[i], c);
    }
    return out;
  }

  private static String[] strings(Object[] a, int from, String c) {
    String[] out = new String[a.length - from];
    for (int i = from; i < a.length; i++) {
      out[i - from] = string(a[i], c);
    }
    return out;
  }

  private static Object[] rest(Object[] a, int from) {
    return Arrays.copyOfRange(a, from, a.length);
  }
}
