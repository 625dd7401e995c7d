package dev.capstan.internal.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * The Sprig functions that were missing from the first function table and need neither clock nor
 * randomness: {@code hello}, {@code abbrevboth}, {@code contains}, the {@code os*} paths, float
 * math ({@code addf}...), {@code all}/{@code any}, {@code tuple}/{@code push}, the {@code must*}
 * variants of list, map, JSON and regex functions, {@code semver} and the URL functions.
 *
 * <p>Internal: not part of Capstan's API.
 */
final class SprigMisc {
  private SprigMisc() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put("hello", Args.fixed("hello", 0, (a, env) -> "Hello!"));
    m.put("abbrevboth", Args.fixed("abbrevboth", 3, (a, env) -> abbrevboth(
        Args.goInt("abbrevboth", a[0]), Args.goInt("abbrevboth", a[1]),
        Args.str("abbrevboth", a[2]))));
    m.put("contains", Args.fixed("contains", 2,
        (a, env) -> Sprig.contains(Args.str("contains", a[0]), Args.str("contains", a[1]))));
    m.put("trimall", Args.fixed("trimall", 2,
        (a, env) -> Sprig.trimall(Args.str("trimall", a[0]), Args.str("trimall", a[1]))));
    // filepath on a Unix host is path.
    m.put("osBase", Args.fixed("osBase", 1, (a, env) -> Sprig.base(Args.str("osBase", a[0]))));
    m.put("osClean", Args.fixed("osClean", 1, (a, env) -> Sprig.clean(Args.str("osClean", a[0]))));
    m.put("osDir", Args.fixed("osDir", 1, (a, env) -> Sprig.dir(Args.str("osDir", a[0]))));
    m.put("osExt", Args.fixed("osExt", 1, (a, env) -> Sprig.ext(Args.str("osExt", a[0]))));
    m.put("osIsAbs", Args.fixed("osIsAbs", 1, (a, env) -> Sprig.isAbs(Args.str("osIsAbs", a[0]))));
    // Truth over several values.
    m.put("all", (a, env) -> Arrays.stream(a).noneMatch(Sprig::empty));
    m.put("any", (a, env) -> Arrays.stream(a).anyMatch(v -> !Sprig.empty(v)));
    // Integer math aliases.
    m.put("biggest", Args.atLeast("biggest", 1,
        (a, env) -> Sprig.max(a[0], Arrays.copyOfRange(a, 1, a.length))));
    // Float math over decimals, as Sprig's shopspring/decimal.
    m.put("addf", (a, env) -> decimalOp("addf", 0.0, a, BigDecimal::add));
    m.put("add1f", Args.fixed("add1f", 1,
        (a, env) -> decimalOp("add1f", a[0], new Object[] {1}, BigDecimal::add)));
    m.put("subf", Args.atLeast("subf", 1,
        (a, env) -> decimalOp("subf", a[0], rest(a), BigDecimal::subtract)));
    m.put("mulf", Args.atLeast("mulf", 1,
        (a, env) -> decimalOp("mulf", a[0], rest(a), BigDecimal::multiply)));
    m.put("divf", Args.atLeast("divf", 1, (a, env) -> decimalOp("divf", a[0], rest(a), (x, y) -> {
      if (y.signum() == 0) {
        throw new Sprig.FunctionException("divf", "decimal division by 0");
      }
      return x.divide(y, 16, RoundingMode.HALF_UP);
    })));
    m.put("maxf", Args.atLeast("maxf", 1, (a, env) -> {
      double r = Sprig.toFloat64(a[0]);
      for (Object v : rest(a)) {
        r = Math.max(r, Sprig.toFloat64(v));
      }
      return r;
    }));
    m.put("minf", Args.atLeast("minf", 1, (a, env) -> {
      double r = Sprig.toFloat64(a[0]);
      for (Object v : rest(a)) {
        r = Math.min(r, Sprig.toFloat64(v));
      }
      return r;
    }));
    // Lists: aliases and the must* variants (Sprig's plain ones panic, which text/template turns
    // into the same error, so both share one implementation).
    m.put("tuple", (a, env) -> Sprig.list(a));
    TemplateFunction append = (a, env) -> Sprig.append(a[0], a[1]);
    m.put("push", Args.fixed("push", 2, append));
    m.put("mustPush", Args.fixed("mustPush", 2, append));
    m.put("mustAppend", Args.fixed("mustAppend", 2, append));
    m.put("mustPrepend", Args.fixed("mustPrepend", 2, (a, env) -> Sprig.prepend(a[0], a[1])));
    m.put("mustFirst", Args.fixed("mustFirst", 1, (a, env) -> Sprig.first(a[0])));
    m.put("mustLast", Args.fixed("mustLast", 1, (a, env) -> Sprig.last(a[0])));
    m.put("mustRest", Args.fixed("mustRest", 1, (a, env) -> Sprig.rest(a[0])));
    m.put("mustInitial", Args.fixed("mustInitial", 1, (a, env) -> Sprig.initial(a[0])));
    m.put("mustReverse", Args.fixed("mustReverse", 1, (a, env) -> Sprig.reverse(a[0])));
    m.put("mustUniq", Args.fixed("mustUniq", 1, (a, env) -> Sprig.uniq(a[0])));
    m.put("mustCompact", Args.fixed("mustCompact", 1, (a, env) -> Sprig.compact(a[0])));
    m.put("mustWithout", Args.atLeast("mustWithout", 1,
        (a, env) -> Sprig.without(a[0], rest(a))));
    m.put("mustHas", Args.fixed("mustHas", 2, (a, env) -> Sprig.has(a[0], a[1])));
    m.put("mustSlice", Args.atLeast("mustSlice", 1, (a, env) -> Sprig.slice(a[0], rest(a))));
    m.put("mustChunk", Args.fixed("mustChunk", 2,
        (a, env) -> Sprig.chunk(Args.goInt("mustChunk", a[0]), a[1])));
    m.put("mustDeepCopy", Args.fixed("mustDeepCopy", 1, (a, env) -> Sprig.deepCopy(a[0])));
    m.put("mustMerge", Args.atLeast("mustMerge", 1, (a, env) -> Sprig.merge(
        Args.map("mustMerge", a[0]), maps("mustMerge", a))));
    m.put("mustMergeOverwrite", Args.atLeast("mustMergeOverwrite", 1,
        (a, env) -> Sprig.mergeOverwrite(Args.map("mustMergeOverwrite", a[0]),
            maps("mustMergeOverwrite", a))));
    // JSON.
    m.put("mustToPrettyJson", Args.fixed("mustToPrettyJson", 1, (a, env) -> {
      Sprig.mustToJson(a[0]);
      return Sprig.toPrettyJson(a[0]);
    }));
    m.put("mustToRawJson", Args.fixed("mustToRawJson", 1, (a, env) -> Sprig.toRawJson(a[0])));
    // Regular expressions.
    m.put("mustRegexFind", Args.fixed("mustRegexFind", 2, (a, env) -> Sprig.regexFind(
        Args.str("mustRegexFind", a[0]), Args.str("mustRegexFind", a[1]))));
    m.put("mustRegexFindAll", Args.fixed("mustRegexFindAll", 3, (a, env) -> Sprig.regexFindAll(
        Args.str("mustRegexFindAll", a[0]), Args.str("mustRegexFindAll", a[1]),
        Args.goInt("mustRegexFindAll", a[2]))));
    m.put("mustRegexReplaceAll", Args.fixed("mustRegexReplaceAll", 3,
        (a, env) -> Sprig.regexReplaceAll(Args.str("mustRegexReplaceAll", a[0]),
            Args.str("mustRegexReplaceAll", a[1]), Args.str("mustRegexReplaceAll", a[2]))));
    m.put("mustRegexReplaceAllLiteral", Args.fixed("mustRegexReplaceAllLiteral", 3,
        (a, env) -> Sprig.regexReplaceAllLiteral(Args.str("mustRegexReplaceAllLiteral", a[0]),
            Args.str("mustRegexReplaceAllLiteral", a[1]),
            Args.str("mustRegexReplaceAllLiteral", a[2]))));
    m.put("mustRegexSplit", Args.fixed("mustRegexSplit", 3, (a, env) -> Sprig.regexSplit(
        Args.str("mustRegexSplit", a[0]), Args.str("mustRegexSplit", a[1]),
        Args.goInt("mustRegexSplit", a[2]))));
    // Versions and URLs.
    m.put("semver", Args.fixed("semver", 1,
        (a, env) -> SemverObject.parse("semver", Args.str("semver", a[0]))));
    m.put("urlParse", Args.fixed("urlParse", 1, (a, env) -> GoUrl.parse(Args.str("urlParse", a[0]))));
    m.put("urlJoin", Args.fixed("urlJoin", 1, (a, env) -> GoUrl.join(Args.map("urlJoin", a[0]))));
  }

  private static Object[] rest(Object[] a) {
    return Arrays.copyOfRange(a, 1, a.length);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?>[] maps(String fn, Object[] a) {
    Map<String, ?>[] out = new Map[a.length - 1];
    for (int i = 1; i < a.length; i++) {
      out[i - 1] = Args.map(fn, a[i]);
    }
    return out;
  }

  /** Sprig's {@code execDecimalOp}: fold the float64 values of the arguments as decimals. */
  static double decimalOp(String fn, Object first, Object[] rest,
      BinaryOperator<BigDecimal> op) {
    BigDecimal acc = decimal(fn, Sprig.toFloat64(first));
    for (Object v : rest) {
      acc = op.apply(acc, decimal(fn, Sprig.toFloat64(v)));
    }
    return acc.doubleValue();
  }

  private static BigDecimal decimal(String fn, double d) {
    if (Double.isNaN(d)) {
      throw new Sprig.FunctionException(fn, "Cannot create a Decimal from NaN");
    }
    if (Double.isInfinite(d)) {
      throw new Sprig.FunctionException(fn, "Cannot create a Decimal from "
          + (d > 0 ? "+Inf" : "-Inf"));
    }
    // shopspring's NewFromFloat takes the shortest decimal that round-trips, as Double.toString.
    return new BigDecimal(Double.toString(d));
  }

  /**
   * Sprig {@code abbrevboth} (goutils {@code AbbreviateFull}): {@code s} abbreviated with
   * {@code ...} on both sides to {@code right} characters, starting near offset {@code left};
   * {@code s} itself when {@code right < 4} or ({@code left > 0} and {@code right < 7}).
   */
  static String abbrevboth(int left, int right, String s) {
    if (right < 4 || (left > 0 && right < 7)) {
      return s;
    }
    return abbreviateFull(s, left, right);
  }

  private static String abbreviateFull(String str, int offset, int maxWidth) {
    if (str.isEmpty() || maxWidth < 4) {
      return "";
    }
    if (str.length() <= maxWidth) {
      return str;
    }
    if (offset > str.length()) {
      offset = str.length();
    }
    if (str.length() - offset < maxWidth - 3) {
      offset = str.length() - (maxWidth - 3);
    }
    if (offset <= 4) {
      return str.substring(0, maxWidth - 3) + "...";
    }
    if (maxWidth < 7) {
      return "";
    }
    if (offset + maxWidth - 3 < str.length()) {
      return "..." + abbreviateFull(str.substring(offset), 0, maxWidth - 3);
    }
    return "..." + str.substring(str.length() - (maxWidth - 3));
  }
}
