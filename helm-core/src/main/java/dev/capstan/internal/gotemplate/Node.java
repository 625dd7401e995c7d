package dev.capstan.internal.gotemplate;

import java.util.List;

/** The parse tree of Go's text/template: one node type per construct of Go's parse package. */
interface Node {
  /** The offset of the node in its template text, for error positions. */
  int pos();

  /** A sequence of nodes. */
  record ListNode(int pos, List<Node> nodes) implements Node {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (Node n : nodes) {
        sb.append(n);
      }
      return sb.toString();
    }
  }

  /** Plain text. */
  record TextNode(int pos, String text) implements Node {
    @Override
    public String toString() {
      return text;
    }
  }

  /** {@code {{pipeline}}}: prints unless it declares variables. */
  record ActionNode(int pos, PipeNode pipe) implements Node {
    @Override
    public String toString() {
      return "{{" + pipe + "}}";
    }
  }

  /** A pipeline with optional variable declarations or assignment. */
  record PipeNode(int pos, boolean assign, List<String> decl, List<CommandNode> cmds)
      implements Node {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      if (!decl.isEmpty()) {
        sb.append(String.join(", ", decl)).append(assign ? " = " : " := ");
      }
      for (int i = 0; i < cmds.size(); i++) {
        if (i > 0) {
          sb.append(" | ");
        }
        sb.append(cmds.get(i));
      }
      return sb.toString();
    }
  }

  /** A command: a function or field with arguments, or an operand. */
  record CommandNode(int pos, List<Node> args) implements Node {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        Node a = args.get(i);
        if (a instanceof PipeNode) {
          sb.append('(').append(a).append(')');
        } else {
          sb.append(a);
        }
      }
      return sb.toString();
    }
  }

  /** A function name. */
  record IdentifierNode(int pos, String ident) implements Node {
    @Override
    public String toString() {
      return ident;
    }
  }

  /** {@code $x.Field...}. */
  record VariableNode(int pos, List<String> idents) implements Node {
    @Override
    public String toString() {
      return String.join(".", idents);
    }
  }

  /** {@code .}. */
  record DotNode(int pos) implements Node {
    @Override
    public String toString() {
      return ".";
    }
  }

  /** {@code nil}. */
  record NilNode(int pos) implements Node {
    @Override
    public String toString() {
      return "nil";
    }
  }

  /** {@code .A.B}. */
  record FieldNode(int pos, List<String> idents) implements Node {
    @Override
    public String toString() {
      return "." + String.join(".", idents);
    }
  }

  /** {@code (pipeline).A.B}. */
  record ChainNode(int pos, Node node, List<String> fields) implements Node {
    @Override
    public String toString() {
      String s = node instanceof PipeNode ? "(" + node + ")" : node.toString();
      return s + "." + String.join(".", fields);
    }
  }

  /** {@code true} or {@code false}. */
  record BoolNode(int pos, boolean value) implements Node {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** A number constant: {@code value} is an Integer, Long or Double as Go's ideal constant. */
  record NumberNode(int pos, Object value, String text) implements Node {
    @Override
    public String toString() {
      return text;
    }
  }

  /** A string constant. */
  record StringNode(int pos, String quoted, String text) implements Node {
    @Override
    public String toString() {
      return quoted;
    }
  }

  /** {@code if}, {@code range} or {@code with}. */
  record BranchNode(int pos, String kind, PipeNode pipe, ListNode list, ListNode elseList)
      implements Node {
    @Override
    public String toString() {
      String s = "{{" + kind + " " + pipe + "}}" + list;
      if (elseList != null) {
        s += "{{else}}" + elseList;
      }
      return s + "{{end}}";
    }
  }

  /** {@code {{template "name" pipeline}}}. */
  record TemplateNode(int pos, String name, PipeNode pipe) implements Node {
    @Override
    public String toString() {
      return "{{template \"" + name + "\"" + (pipe == null ? "" : " " + pipe) + "}}";
    }
  }

  /** {@code {{break}}}. */
  record BreakNode(int pos) implements Node {
    @Override
    public String toString() {
      return "{{break}}";
    }
  }

  /** {@code {{continue}}}. */
  record ContinueNode(int pos) implements Node {
    @Override
    public String toString() {
      return "{{continue}}";
    }
  }
}
