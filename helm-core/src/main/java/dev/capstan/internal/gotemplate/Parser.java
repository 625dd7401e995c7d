package dev.capstan.internal.gotemplate;

import dev.capstan.internal.gotemplate.Lexer.T;
import dev.capstan.internal.gotemplate.Lexer.Token;
import dev.capstan.internal.gotemplate.Node.ActionNode;
import dev.capstan.internal.gotemplate.Node.BoolNode;
import dev.capstan.internal.gotemplate.Node.BranchNode;
import dev.capstan.internal.gotemplate.Node.BreakNode;
import dev.capstan.internal.gotemplate.Node.ChainNode;
import dev.capstan.internal.gotemplate.Node.CommandNode;
import dev.capstan.internal.gotemplate.Node.ContinueNode;
import dev.capstan.internal.gotemplate.Node.DotNode;
import dev.capstan.internal.gotemplate.Node.FieldNode;
import dev.capstan.internal.gotemplate.Node.IdentifierNode;
import dev.capstan.internal.gotemplate.Node.ListNode;
import dev.capstan.internal.gotemplate.Node.NilNode;
import dev.capstan.internal.gotemplate.Node.NumberNode;
import dev.capstan.internal.gotemplate.Node.PipeNode;
import dev.capstan.internal.gotemplate.Node.StringNode;
import dev.capstan.internal.gotemplate.Node.TemplateNode;
import dev.capstan.internal.gotemplate.Node.TextNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Go's text/template parser: one template text into its tree and the trees it defines. */
final class Parser {
  /** A parsed template: its name, the name of the text it came from, that text and its root. */
  record Tree(String name, String parseName, String text, ListNode root) {
    boolean isEmpty() {
      return isEmpty(root);
    }

    private static boolean isEmpty(Node n) {
      if (n instanceof ListNode l) {
        for (Node c : l.nodes()) {
          if (!isEmpty(c)) {
            return false;
          }
        }
        return true;
      }
      return n instanceof TextNode t && t.text().isBlank();
    }
  }

  /** A template that does not parse; the message is Go's. */
  static final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;

    ParseError(String message, int line) {
      super(message);
      this.line = line;
    }
  }


  private record Else(int pos) implements Node {}

  private static final Node END = new Node.BreakNode(-1);

  private final String parseName;
  private final String text;
  private final List<Token> tokens;
  private final Predicate<String> funcs;
  private final Map<String, Tree> treeSet;
  private int idx;
  private Token last;
  private List<String> vars = new ArrayList<>(List.of("$"));
  private int rangeDepth;
  private int actionLine;

  private Parser(String parseName, String text, List<Token> tokens, Predicate<String> funcs,
      Map<String, Tree> treeSet) {
    this.parseName = parseName;
    this.text = text;
    this.tokens = tokens;
    this.funcs = funcs;
    this.treeSet = treeSet;
  }

  /**
   * Parses {@code text} as the template {@code name}; returns every tree it makes, the template
   * itself under {@code name} and each define or block under its name.
   */
  static Map<String, Tree> parse(String name, String text, Predicate<String> funcs) {
    Map<String, Tree> set = new LinkedHashMap<>();
    Parser p = new Parser(name, text, Lexer.lex(text), funcs, set);
    ListNode root = p.parseTop();
    Tree t = new Tree(name, name, text, root);
    p.add(t);
    return set;
  }

  private void add(Tree t) {
    Tree old = treeSet.get(t.name());
    if (old == null || old.isEmpty()) {
      treeSet.put(t.name(), t);
      return;
    }
    if (!t.isEmpty()) {
      throw error("template: multiple definition of template " + GoQuote.quote(t.name()));
    }
  }

  private ParseError error(String msg) {
    int line = last == null ? 1 : last.line();
    return new ParseError("template: " + parseName + ":" + line + ": " + msg, line);
  }

  private Token next() {
    last = tokens.get(Math.min(idx, tokens.size() - 1));
    if (idx < tokens.size()) {
      idx++;
    }
    return last;
  }

  private void backup() {
    idx--;
  }

  private Token peek() {
    return tokens.get(Math.min(idx, tokens.size() - 1));
  }

  private Token nextNonSpace() {
    Token t;
    do {
      t = next();
    } while (t.type() == T.SPACE);
    return t;
  }

  private Token peekNonSpace() {
    Token t = nextNonSpace();
    backup();
    return t;
  }

  private ParseError unexpected(Token token, String context) {
    if (token.type() == T.ERROR) {
      String extra = "";
      if (actionLine != 0 && actionLine != token.line()) {
        extra = " in action started at " + parseName + ":" + actionLine;
        if (token.val().endsWith(" action")) {
          extra = extra.substring(" in action".length());
        }
      }
      return error(token.val() + extra);
    }
    return error("unexpected " + token + " in " + context);
  }

  private Token expect(T type, String context) {
    Token t = nextNonSpace();
    if (t.type() != type) {
      throw unexpected(t, context);
    }
    return t;
  }

  private ListNode parseTop() {
    List<Node> nodes = new ArrayList<>();
    int pos = peek().pos();
    while (peek().type() != T.EOF) {
      if (peek().type() == T.LEFT) {
        int save = idx;
        next();
        if (nextNonSpace().type() == T.DEFINE) {
          parseDefinition();
          continue;
        }
        idx = save;
      }
      Node n = textOrAction();
      if (n == END) {
        throw error("unexpected {{end}}");
      }
      if (n instanceof Else) {
        throw error("unexpected {{else}}");
      }
      if (n != null) {
        nodes.add(n);
      }
    }
    if (peek().type() == T.ERROR) {
      throw unexpected(peek(), "input");
    }
    return new ListNode(pos, nodes);
  }

  private void parseDefinition() {
    String context = "define clause";
    Token name = nextNonSpace();
    if (name.type() != T.STRING && name.type() != T.RAW) {
      throw unexpected(name, context);
    }
    String n = unquoteString(name);
    expect(T.RIGHT, context);
    List<String> saved = vars;
    vars = new ArrayList<>(List.of("$"));
    Object[] r = itemList();
    vars = saved;
    if (r[1] != END) {
      throw error("unexpected " + describe((Node) r[1]) + " in " + context);
    }
    add(new Tree(n, parseName, text, (ListNode) r[0]));
  }

  private static String describe(Node n) {
    return n == END ? "{{end}}" : n instanceof Else ? "{{else}}" : String.valueOf(n);
  }

  /** {list, terminating node}. */
  private Object[] itemList() {
    int pos = peekNonSpace().pos();
    List<Node> nodes = new ArrayList<>();
    while (peekNonSpace().type() != T.EOF) {
      if (peekNonSpace().type() == T.ERROR) {
        throw unexpected(nextNonSpace(), "input");
      }
      Node n = textOrAction();
      if (n == END || n instanceof Else) {
        return new Object[] {new ListNode(pos, nodes), n};
      }
      if (n != null) {
        nodes.add(n);
      }
    }
    throw error("unexpected EOF");
  }

  private Node textOrAction() {
    Token t = nextNonSpace();
    switch (t.type()) {
      case TEXT:
        return new TextNode(t.pos(), t.val());
      case LEFT:
        actionLine = t.line();
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      default:
        throw unexpected(t, "input");
    }
  }

  private Node action() {
    Token t = nextNonSpace();
    switch (t.type()) {
      case BLOCK:
        return blockControl();
      case BREAK:
      case CONTINUE: {
        String w = t.type() == T.BREAK ? "break" : "continue";
        Token r = nextNonSpace();
        if (r.type() != T.RIGHT) {
          throw unexpected(r, "{{" + w + "}}");
        }
        if (rangeDepth == 0) {
          throw error("{{" + w + "}} outside {{range}}");
        }
        return t.type() == T.BREAK ? new BreakNode(t.pos()) : new ContinueNode(t.pos());
      }
      case ELSE: {
        Token p = peekNonSpace();
        if (p.type() == T.IF || p.type() == T.WITH) {
          return new Else(p.pos());
        }
        Token r = expect(T.RIGHT, "else");
        return new Else(r.pos());
      }
      case END:
        expect(T.RIGHT, "end");
        return END;
      case IF:
        return control("if");
      case RANGE:
        return control("range");
      case WITH:
        return control("with");
      case TEMPLATE:
        return templateControl();
      default:
        backup();
        Token p = peek();
        return new ActionNode(p.pos(), pipeline("command", T.RIGHT));
    }
  }

  private Node control(String context) {
    int mark = vars.size();
    try {
      PipeNode pipe = pipeline(context, T.RIGHT);
      if (context.equals("range")) {
        rangeDepth++;
      }
      Object[] r = itemList();
      if (context.equals("range")) {
        rangeDepth--;
      }
      ListNode list = (ListNode) r[0];
      ListNode elseList = null;
      if (r[1] instanceof Else e) {
        if (context.equals("if") && peek().type() == T.IF) {
          next();
          elseList = new ListNode(e.pos(), List.of(control("if")));
        } else if (context.equals("with") && peek().type() == T.WITH) {
          next();
          elseList = new ListNode(e.pos(), List.of(control("with")));
        } else {
          Object[] r2 = itemList();
          if (r2[1] != END) {
            throw error("expected end; found " + describe((Node) r2[1]));
          }
          elseList = (ListNode) r2[0];
        }
      }
      return new BranchNode(pipe.pos(), context, pipe, list, elseList);
    } finally {
      while (vars.size() > mark) {
        vars.remove(vars.size() - 1);
      }
    }
  }

  private Node templateControl() {
    String context = "template clause";
    Token token = nextNonSpace();
    if (token.type() != T.STRING && token.type() != T.RAW) {
      throw unexpected(token, context);
    }
    String name = unquoteString(token);
    PipeNode pipe = null;
    if (nextNonSpace().type() != T.RIGHT) {
      backup();
      pipe = pipeline(context, T.RIGHT);
    }
    return new TemplateNode(token.pos(), name, pipe);
  }

  private Node blockControl() {
    String context = "block clause";
    Token token = nextNonSpace();
    if (token.type() != T.STRING && token.type() != T.RAW) {
      throw unexpected(token, context);
    }
    String name = unquoteString(token);
    PipeNode pipe = pipeline(context, T.RIGHT);
    List<String> saved = vars;
    int savedDepth = rangeDepth;
    vars = new ArrayList<>(List.of("$"));
    rangeDepth = 0;
    Object[] r = itemList();
    vars = saved;
    rangeDepth = savedDepth;
    if (r[1] != END) {
      throw error("unexpected " + describe((Node) r[1]) + " in " + context);
    }
    add(new Tree(name, parseName, text, (ListNode) r[0]));
    return new TemplateNode(token.pos(), name, pipe);
  }

  private String unquoteString(Token t) {
    if (t.type() == T.RAW) {
      return t.val().substring(1, t.val().length() - 1).replace("\r", "");
    }
    String s = GoQuote.unquote(t.val());
    if (s == null) {
      throw error("invalid syntax");
    }
    return s;
  }

  private PipeNode pipeline(String context, T end) {
    Token first = peekNonSpace();
    int pos = first.pos();
    List<String> decl = new ArrayList<>();
    boolean assign = false;
    while (true) {
      Token v = peekNonSpace();
      if (v.type() != T.VAR) {
        break;
      }
      int save = idx;
      nextNonSpace();
      Token n = peekNonSpace();
      if (n.type() == T.ASSIGN || n.type() == T.DECLARE) {
        assign = n.type() == T.ASSIGN;
        nextNonSpace();
        decl.add(v.val());
        vars.add(v.val());
        break;
      } else if (n.type() == T.COMMA) {
        nextNonSpace();
        decl.add(v.val());
        vars.add(v.val());
        if (context.equals("range") && decl.size() < 2) {
          T pt = peekNonSpace().type();
          if (pt == T.VAR || pt == T.RIGHT || pt == T.RPAREN) {
            continue;
          }
          throw error("range can only initialize variables");
        }
        throw error("too many declarations in " + context);
      } else {
        idx = save;
        break;
      }
    }
    List<CommandNode> cmds = new ArrayList<>();
    while (true) {
      Token t = nextNonSpace();
      if (t.type() == end) {
        if (cmds.isEmpty()) {
          throw error("missing value for " + context);
        }
        for (int i = 1; i < cmds.size(); i++) {
          Node a = cmds.get(i).args().get(0);
          if (a instanceof BoolNode || a instanceof DotNode || a instanceof NilNode
              || a instanceof NumberNode || a instanceof StringNode) {
            throw error("non executable command in pipeline stage " + (i + 1));
          }
        }
        return new PipeNode(pos, assign, List.copyOf(decl), List.copyOf(cmds));
      }
      switch (t.type()) {
        case BOOL, CHAR, COMPLEX, DOT, FIELD, IDENT, NUMBER, NIL, RAW, STRING, VAR, LPAREN -> {
          backup();
          cmds.add(command());
        }
        default -> throw unexpected(t, context);
      }
    }
  }

  private CommandNode command() {
    int pos = peekNonSpace().pos();
    List<Node> args = new ArrayList<>();
    while (true) {
      peekNonSpace();
      Node operand = operand();
      if (operand != null) {
        args.add(operand);
      }
      Token t = next();
      if (t.type() == T.SPACE) {
        continue;
      }
      if (t.type() == T.RIGHT || t.type() == T.RPAREN) {
        backup();
      } else if (t.type() != T.PIPE) {
        throw unexpected(t, "operand");
      }
      break;
    }
    if (args.isEmpty()) {
      throw error("empty command");
    }
    return new CommandNode(pos, List.copyOf(args));
  }

  private Node operand() {
    Node node = term();
    if (node == null) {
      return null;
    }
    if (peek().type() == T.FIELD) {
      int chainPos = peek().pos();
      List<String> fields = new ArrayList<>();
      while (peek().type() == T.FIELD) {
        fields.add(next().val().substring(1));
      }
      if (node instanceof FieldNode f) {
        List<String> all = new ArrayList<>(f.idents());
        all.addAll(fields);
        return new FieldNode(chainPos, List.copyOf(all));
      }
      if (node instanceof Node.VariableNode v) {
        List<String> all = new ArrayList<>(v.idents());
        all.addAll(fields);
        return new Node.VariableNode(chainPos, List.copyOf(all));
      }
      if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
          || node instanceof NilNode || node instanceof DotNode) {
        throw error("unexpected . after term " + GoQuote.quote(node.toString()));
      }
      return new ChainNode(chainPos, node, List.copyOf(fields));
    }
    return node;
  }

  private Node term() {
    Token t = nextNonSpace();
    switch (t.type()) {
      case IDENT:
        if (!funcs.test(t.val())) {
          throw error("function " + GoQuote.quote(t.val()) + " not defined");
        }
        return new IdentifierNode(t.pos(), t.val());
      case DOT:
        return new DotNode(t.pos());
      case NIL:
        return new NilNode(t.pos());
      case VAR:
        if (!vars.contains(t.val())) {
          throw error("undefined variable " + GoQuote.quote(t.val()));
        }
        return new Node.VariableNode(t.pos(), List.of(t.val()));
      case FIELD:
        return new FieldNode(t.pos(), List.of(t.val().substring(1)));
      case BOOL:
        return new BoolNode(t.pos(), t.val().equals("true"));
      case CHAR: {
        String s = GoQuote.unquote(t.val());
        if (s == null || s.codePointCount(0, s.length()) != 1) {
          throw error("malformed character constant: " + t.val());
        }
        return new NumberNode(t.pos(), s.codePointAt(0), t.val());
      }
      case COMPLEX:
        throw error("complex numbers are not supported: " + t.val());
      case NUMBER:
        return new NumberNode(t.pos(), number(t.val()), t.val());
      case LPAREN: {
        PipeNode p = pipeline("parenthesized pipeline", T.RPAREN);
        return p;
      }
      case STRING:
      case RAW:
        return new StringNode(t.pos(), t.val(), unquoteString(t));
      default:
        backup();
        return null;
    }
  }

  /** Go's ideal constant for a number literal: int when integral without '.', 'e' or 'p'. */
  private Object number(String lit) {
    String s = lit.replace("_", "");
    boolean neg = s.startsWith("-");
    if (s.startsWith("+") || s.startsWith("-")) {
      s = s.substring(1);
    }
    boolean hex = s.startsWith("0x") || s.startsWith("0X");
    boolean isFloat = hex ? s.contains("p") || s.contains("P") || s.contains(".")
        : s.contains(".") || s.contains("e") || s.contains("E");
    try {
      if (!isFloat) {
        BigInteger v;
        if (hex) {
          v = new BigInteger(s.substring(2), 16);
        } else if (s.startsWith("0o") || s.startsWith("0O")) {
          v = new BigInteger(s.substring(2), 8);
        } else if (s.startsWith("0b") || s.startsWith("0B")) {
          v = new BigInteger(s.substring(2), 2);
        } else if (s.length() > 1 && s.startsWith("0")) {
          v = new BigInteger(s.substring(1), 8);
        } else {
          v = new BigInteger(s);
        }
        if (neg) {
          v = v.negate();
        }
        if (v.bitLength() > 63) {
          throw error(lit + " overflows int");
        }
        long l = v.longValue();
        return l == (int) l ? (Object) (int) l : (Object) l;
      }
      double d = hex ? Double.parseDouble(s + (s.contains("p") || s.contains("P") ? "" : "p0"))
          : Double.parseDouble(s);
      return neg ? -d : d;
    } catch (NumberFormatException e) {
      throw error("illegal number syntax: " + GoQuote.quote(lit));
    }
  }
}
