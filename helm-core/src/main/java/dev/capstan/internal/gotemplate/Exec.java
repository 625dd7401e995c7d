package dev.capstan.internal.gotemplate;

import dev.capstan.internal.gofmt.GoFmt;
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
import dev.capstan.internal.gotemplate.Node.VariableNode;
import dev.capstan.internal.gotemplate.Parser.Tree;
import dev.capstan.internal.json.GoJson;
import dev.capstan.internal.template.FilesObject;
import dev.capstan.internal.template.GoObject;
import dev.capstan.internal.template.Sprig;
import dev.capstan.internal.template.TemplateFunction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Executes one parsed template as Go's text/template does (one instance per execution). */
final class Exec {
  /** A complete error text from a function (Go's argument type errors). */
  static final class RawError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RawError(String message) {
      super(message);
    }
  }

  /** Go's ExecError: the message is complete. */
  static final class ExecError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExecError(String message, Throwable cause) {
      super(message, cause, false, false);
    }
  }

  private static final class BreakSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean isBreak;

    BreakSignal(boolean isBreak) {
      super(null, null, false, false);
      this.isBreak = isBreak;
    }
  }

  static final Object MISSING = new Object();

  final RenderContext ctx;
  private final Tree tmpl;
  private final StringBuilder out;
  private final List<String> varNames = new ArrayList<>();
  private final List<Object> varValues = new ArrayList<>();
  private Node node;

  Exec(RenderContext ctx, Tree tmpl, StringBuilder out, Object data) {
    this.ctx = ctx;
    this.tmpl = tmpl;
    this.out = out;
    varNames.add("$");
    varValues.add(data);
  }

  void run(Object data) {
    walk(data, tmpl.root());
  }

  // ---- errors ----

  ExecError errorf(String msg) {
    return errorf(msg, null);
  }

  ExecError errorf(String msg, Throwable cause) {
    if (node == null) {
      return new ExecError("template: " + tmpl.name() + ": " + msg, cause);
    }
    return new ExecError("template: " + location(node) + ": executing " + GoQuote.quote(tmpl.name())
        + " at <" + node + ">: " + msg, cause);
  }

  String location(Node n) {
    String text = tmpl.text();
    int pos = Math.min(Math.max(n.pos(), 0), text.length());
    int nl = text.lastIndexOf('\n', pos - 1);
    int col = nl < 0 ? pos : pos - (nl + 1);
    int line = 1;
    for (int i = 0; i < pos; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return tmpl.parseName() + ":" + line + ":" + col;
  }

  // ---- walking ----

  private void walk(Object dot, Node n) {
    node = n;
    if (n instanceof TextNode t) {
      write(t.text());
    } else if (n instanceof ListNode l) {
      for (Node c : l.nodes()) {
        walk(dot, c);
      }
    } else if (n instanceof ActionNode a) {
      Object v = evalPipeline(dot, a.pipe());
      if (a.pipe().decl().isEmpty()) {
        node = a;
        write(printable(v));
      }
    } else if (n instanceof BranchNode b) {
      if (b.kind().equals("range")) {
        walkRange(dot, b);
      } else {
        int mark = varNames.size();
        Object v = evalPipeline(dot, b.pipe());
        boolean truth = Sprig.truthy(v);
        if (truth) {
          walk(b.kind().equals("with") ? v : dot, b.list());
        } else if (b.elseList() != null) {
          walk(dot, b.elseList());
        }
        pop(mark);
      }
    } else if (n instanceof TemplateNode t) {
      Tree target = ctx.tree(t.name());
      if (target == null) {
        throw errorf("template: no template " + GoQuote.quote(t.name()) + " associated with template "
            + GoQuote.quote("gotpl"));
      }
      Object data = t.pipe() == null ? null : evalPipeline(dot, t.pipe());
      ctx.enter(this, t.name());
      try {
        new Exec(ctx, target, out, data).run(data);
      } finally {
        ctx.leave(t.name());
      }
    } else if (n instanceof BreakNode) {
      throw new BreakSignal(true);
    } else if (n instanceof ContinueNode) {
      throw new BreakSignal(false);
    } else {
      throw errorf("unknown node: " + n);
    }
  }

  private void write(String s) {
    out.append(s);
    ctx.checkSize(out.length(), this);
  }

  static String printable(Object v) {
    if (v == null) {
      return "<no value>";
    }
    if (v instanceof String s) {
      return s;
    }
    return GoFmt.value(v);
  }

  private void pop(int mark) {
    while (varNames.size() > mark) {
      varNames.remove(varNames.size() - 1);
      varValues.remove(varValues.size() - 1);
    }
  }

  private void walkRange(Object dot, BranchNode r) {
    int mark = varNames.size();
    Object v = evalPipeline(dot, r.pipe());
    List<String> decl = r.pipe().decl();
    // The declared variables were pushed with the whole value; range sets them per element.
    pop(mark);
    boolean any = false;
    if (v instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        any = true;
        if (!oneIteration(i, l.get(i), decl, r, mark)) {
          break;
        }
      }
    } else if (v instanceof Map<?, ?> m) {
      List<String> keys = new ArrayList<>();
      for (Object k : m.keySet()) {
        keys.add(String.valueOf(k));
      }
      keys.sort(GoJson.KEY_ORDER);
      for (String k : keys) {
        any = true;
        if (!oneIteration(k, m.get(k), decl, r, mark)) {
          break;
        }
      }
    } else if (v instanceof Integer || v instanceof Long) {
      long n = ((Number) v).longValue();
      if (decl.size() > 1) {
        node = r;
        throw errorf("can't use " + v + " to iterate over more than one variable");
      }
      for (long i = 0; i < n; i++) {
        any = true;
        Object iv = v instanceof Integer ? (Object) (int) i : (Object) i;
        if (!oneIteration(iv, iv, decl, r, mark)) {
          break;
        }
      }
    } else if (v instanceof FilesObject f) {
      List<String> keys = new ArrayList<>(f.names());
      keys.sort(GoJson.KEY_ORDER);
      for (String k : keys) {
        any = true;
        if (!oneIteration(k, f.getBytes(k), decl, r, mark)) {
          break;
        }
      }
    } else if (v instanceof Object[] a) {
      for (int i = 0; i < a.length; i++) {
        any = true;
        if (!oneIteration(i, a[i], decl, r, mark)) {
          break;
        }
      }
    } else if (v != null && !(v instanceof Boolean && !((Boolean) v))) {
      node = r;
      throw errorf("range can't iterate over " + printable(v));
    } else if (v != null) {
      node = r;
      throw errorf("range can't iterate over " + printable(v));
    }
    if (!any && r.elseList() != null) {
      walk(dot, r.elseList());
    }
    pop(mark);
  }

  private boolean oneIteration(Object key, Object elem, List<String> decl, BranchNode r, int mark) {
    if (decl.size() == 1) {
      push(decl.get(0), elem);
    } else if (decl.size() == 2) {
      push(decl.get(0), key);
      push(decl.get(1), elem);
    }
    try {
      walk(elem, r.list());
    } catch (BreakSignal b) {
      pop(mark);
      return !b.isBreak;
    }
    pop(mark);
    return true;
  }

  private void push(String name, Object v) {
    varNames.add(name);
    varValues.add(v);
  }

  private Object varValue(String name) {
    for (int i = varNames.size() - 1; i >= 0; i--) {
      if (varNames.get(i).equals(name)) {
        return varValues.get(i);
      }
    }
    throw errorf("undefined variable: " + name);
  }

  private void setVar(String name, Object v) {
    for (int i = varNames.size() - 1; i >= 0; i--) {
      if (varNames.get(i).equals(name)) {
        varValues.set(i, v);
        return;
      }
    }
    throw errorf("undefined variable: " + name);
  }

  // ---- evaluation ----

  Object evalPipeline(Object dot, PipeNode pipe) {
    node = pipe;
    Object value = MISSING;
    for (CommandNode c : pipe.cmds()) {
      value = evalCommand(dot, c, value);
    }
    if (value == MISSING) {
      value = null;
    }
    for (String v : pipe.decl()) {
      if (pipe.assign()) {
        setVar(v, value);
      } else {
        push(v, value);
      }
    }
    return value;
  }

  private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
    Node first = cmd.args().get(0);
    if (first instanceof FieldNode f) {
      node = f;
      return evalFieldChain(dot, dot, f, f.idents(), cmd.args(), fin);
    }
    if (first instanceof ChainNode c) {
      return evalChain(dot, c, cmd.args(), fin);
    }
    if (first instanceof IdentifierNode id) {
      return evalFunction(dot, id, cmd, cmd.args(), fin);
    }
    if (first instanceof PipeNode p) {
      notAFunction(cmd.args(), fin);
      return evalPipeline(dot, p);
    }
    if (first instanceof VariableNode v) {
      return evalVariable(dot, v, cmd.args(), fin);
    }
    node = first;
    notAFunction(cmd.args(), fin);
    if (first instanceof BoolNode b) {
      return b.value();
    }
    if (first instanceof DotNode) {
      return dot;
    }
    if (first instanceof NilNode) {
      throw errorf("nil is not a command");
    }
    if (first instanceof NumberNode n) {
      return n.value();
    }
    if (first instanceof StringNode s) {
      return s.text();
    }
    throw errorf("can't evaluate command " + GoQuote.quote(first.toString()));
  }

  private void notAFunction(List<Node> args, Object fin) {
    if (args.size() > 1 || fin != MISSING) {
      throw errorf("can't give argument to non-function " + args.get(0));
    }
  }

  private Object evalChain(Object dot, ChainNode chain, List<Node> args, Object fin) {
    node = chain;
    if (chain.fields().isEmpty()) {
      throw errorf("internal error: no fields in evalChainNode");
    }
    if (chain.node() instanceof NilNode) {
      throw errorf("indirection through explicit nil in " + chain);
    }
    Object pipe = evalArg(dot, chain.node());
    node = chain;
    return evalFieldChain(dot, pipe, chain, chain.fields(), args, fin);
  }

  private Object evalVariable(Object dot, VariableNode v, List<Node> args, Object fin) {
    node = v;
    Object value = varValue(v.idents().get(0));
    if (v.idents().size() == 1) {
      notAFunction(args, fin);
      return value;
    }
    return evalFieldChain(dot, value, v, v.idents().subList(1, v.idents().size()), args, fin);
  }

  private Object evalFieldChain(Object dot, Object receiver, Node n, List<String> idents,
      List<Node> args, Object fin) {
    int last = idents.size() - 1;
    for (int i = 0; i < last; i++) {
      receiver = evalField(dot, idents.get(i), n, null, MISSING, receiver, i > 0);
    }
    return evalField(dot, idents.get(last), n, args, fin, receiver, last > 0);
  }

  private Object evalField(Object dot, String name, Node n, List<Node> args, Object fin,
      Object receiver, boolean fromField) {
    node = n;
    boolean hasArgs = (args != null && args.size() > 1) || fin != MISSING;
    if (receiver == null) {
      if (fromField) {
        throw errorf("nil pointer evaluating interface {}." + name);
      }
      if (ctx.strict) {
        throw errorf("nil data; no entry for key " + GoQuote.quote(name));
      }
      return null;
    }
    if (receiver instanceof GoObject g && g.has(name)) {
      Object[] a = methodArgs(dot, args, fin);
      node = n;
      try {
        return g.get(name, a);
      } catch (TemplateFunction.ArityException e) {
        throw errorf(e.getMessage());
      } catch (Sprig.FunctionException e) {
        throw errorf("error calling " + name + ": " + e.getMessage(), e);
      }
    }
    if (receiver instanceof Map<?, ?> m && !(m.containsKey(name) == false && hasJavaMethod(m, name))) {
      if (hasArgs) {
        throw errorf(name + " is not a method but has arguments");
      }
      Object v = m.get(name);
      if (v == null && !m.containsKey(name) && ctx.strict) {
        throw errorf("map has no entry for key " + GoQuote.quote(name));
      }
      return v;
    }
    Method method = javaMethod(receiver, name);
    if (method != null) {
      Object[] a = methodArgs(dot, args, fin);
      node = n;
      if (a.length != method.getParameterCount()) {
        throw errorf("wrong number of args for " + name + ": want " + method.getParameterCount()
            + " got " + a.length);
      }
      Class<?>[] types = method.getParameterTypes();
      for (int i = 0; i < a.length; i++) {
        a[i] = convertArg(a[i], types[i]);
      }
      try {
        return method.invoke(receiver, a);
      } catch (InvocationTargetException e) {
        Throwable c = e.getCause();
        throw errorf("error calling " + name + ": " + c.getMessage(), c);
      } catch (IllegalAccessException e) {
        throw errorf("can't evaluate field " + name + " in type " + GoFmt.typeName(receiver));
      }
    }
    throw errorf("can't evaluate field " + name + " in type " + GoFmt.typeName(receiver));
  }

  private Object convertArg(Object a, Class<?> type) {
    if (type == String.class && !(a instanceof String)) {
      throw errorf("wrong type for value; expected string; got " + GoFmt.typeName(a));
    }
    if ((type == int.class || type == Integer.class) && a instanceof Number num) {
      return num.intValue();
    }
    return a;
  }

  private static boolean hasJavaMethod(Object o, String name) {
    return javaMethod(o, name) != null;
  }

  private static Method javaMethod(Object o, String name) {
    if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
      return null;
    }
    for (Method m : o.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getDeclaringClass() != Object.class
          && java.lang.reflect.Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
        return m;
      }
    }
    return null;
  }

  private Object[] methodArgs(Object dot, List<Node> args, Object fin) {
    List<Object> a = new ArrayList<>();
    if (args != null) {
      for (int i = 1; i < args.size(); i++) {
        a.add(evalArg(dot, args.get(i)));
      }
    }
    if (fin != MISSING) {
      a.add(fin);
    }
    return a.toArray();
  }

  Object evalArg(Object dot, Node n) {
    node = n;
    if (n instanceof DotNode) {
      return dot;
    }
    if (n instanceof NilNode) {
      return null;
    }
    if (n instanceof FieldNode f) {
      return evalFieldChain(dot, dot, f, f.idents(), List.of(n), MISSING);
    }
    if (n instanceof VariableNode v) {
      return evalVariable(dot, v, List.of(n), MISSING);
    }
    if (n instanceof PipeNode p) {
      return evalPipeline(dot, p);
    }
    if (n instanceof IdentifierNode id) {
      return evalFunction(dot, id, id, List.of(n), MISSING);
    }
    if (n instanceof ChainNode c) {
      return evalChain(dot, c, List.of(n), MISSING);
    }
    if (n instanceof BoolNode b) {
      return b.value();
    }
    if (n instanceof NumberNode num) {
      return num.value();
    }
    if (n instanceof StringNode s) {
      return s.text();
    }
    throw errorf("can't handle " + n + " for arg");
  }

  private Object evalFunction(Object dot, IdentifierNode id, Node cmd, List<Node> args,
      Object fin) {
    node = id;
    String name = id.ident();
    Functions.Func f = ctx.owner.functions.get(name);
    if (f == null) {
      throw errorf(GoQuote.quote(name) + " is not a defined function");
    }
    int argc = args.size() - 1 + (fin != MISSING ? 1 : 0);
    if (name.equals("and") || name.equals("or")) {
      if (argc < 1) {
        throw errorf("wrong number of args for " + name + ": want at least 1 got " + argc);
      }
      boolean isAnd = name.equals("and");
      Object v = null;
      for (int i = 1; i < args.size(); i++) {
        v = evalArg(dot, args.get(i));
        if (Sprig.truthy(v) != isAnd) {
          return v;
        }
      }
      if (fin != MISSING) {
        v = fin;
      }
      return v;
    }
    Object[] a = new Object[argc];
    for (int i = 1; i < args.size(); i++) {
      a[i - 1] = evalArg(dot, args.get(i));
    }
    if (fin != MISSING) {
      a[argc - 1] = fin;
    }
    node = id;
    if (argc < f.min() || argc > f.max()) {
      String want = f.min() == f.max() ? Integer.toString(f.min()) : "at least " + f.min();
      throw errorf("wrong number of args for " + name + ": want " + want + " got " + argc);
    }
    try {
      return f.fn().call(this, a);
    } catch (ExecError | BreakSignal e) {
      throw e;
    } catch (RawError e) {
      node = cmd;
      throw errorf(e.getMessage(), e);
    } catch (TemplateFunction.ArityException e) {
      throw errorf(e.getMessage());
    } catch (StackOverflowError e) {
      node = cmd;
      throw errorf("error calling " + name + ": rendering template has a nested reference name: "
          + (a.length > 0 ? printable(a[0]) : name) + ": unable to execute template");
    } catch (RuntimeException e) {
      node = cmd;
      throw errorf("error calling " + name + ": " + e.getMessage(), e);
    }
  }

  Object dotOf(Object dot) {
    return dot;
  }
}
