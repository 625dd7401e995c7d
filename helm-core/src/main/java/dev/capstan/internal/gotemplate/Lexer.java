package dev.capstan.internal.gotemplate;

import java.util.ArrayList;
import java.util.List;

/** Go's text/template lexer: the template text as tokens, trim markers applied. */
final class Lexer {
  enum T {
    TEXT, LEFT, RIGHT, IDENT, FIELD, VAR, DOT, STRING, RAW, CHAR, NUMBER, COMPLEX, BOOL, NIL, PIPE,
    LPAREN, RPAREN, ASSIGN, DECLARE, COMMA, SPACE, COMMENT, EOF, ERROR,
    // keywords (printed as <name> in errors)
    BLOCK, BREAK, CONTINUE, DEFINE, ELSE, END, IF, RANGE, TEMPLATE, WITH
  }

  record Token(T type, String val, int pos, int line) {
    boolean keyword() {
      return type.ordinal() >= T.BLOCK.ordinal();
    }

    @Override
    public String toString() {
      if (type == T.EOF) {
        return "EOF";
      }
      if (type == T.ERROR) {
        return val;
      }
      if (keyword()) {
        return "<" + val + ">";
      }
      if (val.length() > 10) {
        return GoQuote.quote(val.substring(0, 10)) + "...";
      }
      return GoQuote.quote(val);
    }
  }

  private final String in;
  private final List<Token> out = new ArrayList<>();
  private int pos;
  private int start;
  private int parenDepth;
  private boolean insideAction;

  private Lexer(String in) {
    this.in = in;
  }

  static List<Token> lex(String text) {
    Lexer l = new Lexer(text);
    l.run();
    return l.out;
  }

  int line(int p) {
    int n = 1;
    for (int i = 0; i < p && i < in.length(); i++) {
      if (in.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  private void emit(T t, int from, int to) {
    out.add(new Token(t, in.substring(from, to), from, line(from)));
  }

  private boolean error(String msg) {
    out.add(new Token(T.ERROR, msg, start, line(start)));
    return false;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private void run() {
    boolean trimNext = false;
    while (true) {
      // text
      int textStart = pos;
      if (trimNext) {
        while (textStart < in.length() && isSpace(in.charAt(textStart))) {
          textStart++;
        }
        pos = textStart;
      }
      int d = in.indexOf("{{", pos);
      int textEnd = d < 0 ? in.length() : d;
      boolean trimLeft = d >= 0 && d + 3 < in.length() + 0 && in.startsWith("-", d + 2)
          && d + 3 < in.length() && isSpace(in.charAt(d + 3));
      int te = textEnd;
      if (trimLeft) {
        while (te > textStart && isSpace(in.charAt(te - 1))) {
          te--;
        }
      }
      if (te > textStart) {
        emit(T.TEXT, textStart, te);
      }
      if (d < 0) {
        out.add(new Token(T.EOF, "", in.length(), line(in.length())));
        return;
      }
      pos = d + 2 + (trimLeft ? 2 : 0);
      start = d;
      // comment
      int afterSpace = pos;
      if (in.startsWith("/*", pos)) {
        int endC = in.indexOf("*/", pos + 2);
        if (endC < 0) {
          error("unclosed comment");
          return;
        }
        int p = endC + 2;
        boolean trimR = false;
        if (p + 3 <= in.length() && isSpace(in.charAt(p)) && in.startsWith("-}}", p + 1)) {
          trimR = true;
          p += 4;
        } else if (in.startsWith("}}", p)) {
          p += 2;
        } else {
          error("comment ends before closing delimiter");
          return;
        }
        pos = p;
        trimNext = trimR;
        continue;
      }
      pos = afterSpace;
      emit(T.LEFT, d, pos);
      insideAction = true;
      parenDepth = 0;
      Boolean r = action();
      if (r == null) {
        return;
      }
      trimNext = r;
    }
  }

  /** Lexes inside an action; true if it ended with a right trim marker, null on error. */
  private Boolean action() {
    while (true) {
      start = pos;
      if (pos >= in.length()) {
        error("unclosed action");
        return null;
      }
      char c = in.charAt(pos);
      if (in.startsWith("}}", pos)) {
        if (parenDepth > 0) {
          error("unclosed left paren");
          return null;
        }
        pos += 2;
        emit(T.RIGHT, start, pos);
        return false;
      }
      if (isSpace(c)) {
        int p = pos;
        while (p < in.length() && isSpace(in.charAt(p))) {
          p++;
        }
        if (in.startsWith("-}}", p)) {
          if (p - 1 > pos) {
            emit(T.SPACE, pos, p - 1);
          }
          if (parenDepth > 0) {
            start = p;
            error("unclosed left paren");
            return null;
          }
          emit(T.RIGHT, p, p + 3);
          pos = p + 3;
          return true;
        }
        emit(T.SPACE, pos, p);
        pos = p;
        continue;
      }
      switch (c) {
        case '=' -> {
          pos++;
          emit(T.ASSIGN, start, pos);
        }
        case ':' -> {
          if (!in.startsWith(":=", pos)) {
            error("expected :=");
            return null;
          }
          pos += 2;
          emit(T.DECLARE, start, pos);
        }
        case '|' -> {
          pos++;
          emit(T.PIPE, start, pos);
        }
        case ',' -> {
          pos++;
          emit(T.COMMA, start, pos);
        }
        case '"' -> {
          pos++;
          while (true) {
            if (pos >= in.length() || in.charAt(pos) == '\n') {
              error("unterminated quoted string");
              return null;
            }
            char q = in.charAt(pos++);
            if (q == '\\') {
              if (pos >= in.length() || in.charAt(pos) == '\n') {
                error("unterminated quoted string");
                return null;
              }
              pos++;
            } else if (q == '"') {
              break;
            }
          }
          emit(T.STRING, start, pos);
        }
        case '`' -> {
          int e = in.indexOf('`', pos + 1);
          if (e < 0) {
            error("unterminated raw quoted string");
            return null;
          }
          pos = e + 1;
          emit(T.RAW, start, pos);
        }
        case '\'' -> {
          pos++;
          while (true) {
            if (pos >= in.length() || in.charAt(pos) == '\n') {
              error("unterminated character constant");
              return null;
            }
            char q = in.charAt(pos++);
            if (q == '\\') {
              pos++;
            } else if (q == '\'') {
              break;
            }
          }
          emit(T.CHAR, start, pos);
        }
        case '$' -> {
          pos++;
          while (pos < in.length() && alnum(in.charAt(pos))) {
            pos++;
          }
          emit(T.VAR, start, pos);
          if (!terminator()) {
            return null;
          }
        }
        case '(' -> {
          pos++;
          parenDepth++;
          emit(T.LPAREN, start, pos);
        }
        case ')' -> {
          pos++;
          parenDepth--;
          if (parenDepth < 0) {
            error("unexpected right paren");
            return null;
          }
          emit(T.RPAREN, start, pos);
        }
        default -> {
          if (c == '.') {
            if (pos + 1 < in.length() && Character.isDigit(in.charAt(pos + 1))) {
              if (!number()) {
                return null;
              }
              continue;
            }
            pos++;
            if (pos < in.length() && alnum(in.charAt(pos))) {
              while (pos < in.length() && alnum(in.charAt(pos))) {
                pos++;
              }
              emit(T.FIELD, start, pos);
            } else {
              emit(T.DOT, start, pos);
            }
            if (!terminator()) {
              return null;
            }
          } else if (c == '+' || c == '-' || Character.isDigit(c)) {
            if (!number()) {
              return null;
            }
          } else if (alnum(c)) {
            while (pos < in.length() && alnum(in.charAt(pos))) {
              pos++;
            }
            String w = in.substring(start, pos);
            T t = switch (w) {
              case "block" -> T.BLOCK;
              case "break" -> T.BREAK;
              case "continue" -> T.CONTINUE;
              case "define" -> T.DEFINE;
              case "else" -> T.ELSE;
              case "end" -> T.END;
              case "if" -> T.IF;
              case "range" -> T.RANGE;
              case "template" -> T.TEMPLATE;
              case "with" -> T.WITH;
              case "true", "false" -> T.BOOL;
              case "nil" -> T.NIL;
              default -> T.IDENT;
            };
            emit(t, start, pos);
            if (!terminator()) {
              return null;
            }
          } else {
            int cp = in.codePointAt(pos);
            error(String.format("bad character U+%04X '%s'", cp, new String(Character.toChars(cp))));
            return null;
          }
        }
      }
    }
  }

  private boolean terminator() {
    if (pos >= in.length()) {
      return true;
    }
    char c = in.charAt(pos);
    if (isSpace(c) || c == '.' || c == ',' || c == '|' || c == ':' || c == ')' || c == '('
        || c == '=' || in.startsWith("}}", pos)) {
      return true;
    }
    int cp = in.codePointAt(pos);
    start = pos;
    return error(String.format("bad character U+%04X '%s'", cp, new String(Character.toChars(cp))));
  }

  private static boolean alnum(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  private boolean number() {
    int p = pos;
    if (p < in.length() && (in.charAt(p) == '+' || in.charAt(p) == '-')) {
      p++;
    }
    String digits = "0123456789_";
    if (in.startsWith("0x", p) || in.startsWith("0X", p)) {
      p += 2;
      digits = "0123456789abcdefABCDEF_";
    } else if (in.startsWith("0o", p) || in.startsWith("0O", p)) {
      p += 2;
      digits = "01234567_";
    } else if (in.startsWith("0b", p) || in.startsWith("0B", p)) {
      p += 2;
      digits = "01_";
    }
    while (p < in.length() && digits.indexOf(in.charAt(p)) >= 0) {
      p++;
    }
    if (p < in.length() && in.charAt(p) == '.') {
      p++;
      while (p < in.length() && digits.indexOf(in.charAt(p)) >= 0) {
        p++;
      }
    }
    if (digits.length() == 11 && p < in.length() && (in.charAt(p) == 'e' || in.charAt(p) == 'E')
        || digits.length() == 23 && p < in.length() && (in.charAt(p) == 'p' || in.charAt(p) == 'P')) {
      p++;
      if (p < in.length() && (in.charAt(p) == '+' || in.charAt(p) == '-')) {
        p++;
      }
      while (p < in.length() && "0123456789_".indexOf(in.charAt(p)) >= 0) {
        p++;
      }
    }
    boolean complex = false;
    if (p < in.length() && in.charAt(p) == 'i') {
      p++;
      complex = true;
    }
    if (p < in.length() && alnum(in.charAt(p))) {
      while (p < in.length() && alnum(in.charAt(p))) {
        p++;
      }
      start = pos;
      return error("bad number syntax: " + GoQuote.quote(in.substring(pos, p)));
    }
    int s = pos;
    pos = p;
    emit(complex ? T.COMPLEX : T.NUMBER, s, p);
    return true;
  }
}
