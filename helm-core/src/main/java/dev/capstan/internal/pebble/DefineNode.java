package dev.capstan.internal.pebble;

import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.node.AbstractRenderableNode;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import java.io.Writer;

/** A {@code define} block: renders nothing where it stands; {@code include} renders its body. */
final class DefineNode extends AbstractRenderableNode {
  private final String name;
  private final BodyNode body;

  DefineNode(int line, String name, BodyNode body) {
    super(line);
    this.name = name;
    this.body = body;
  }

  String name() {
    return name;
  }

  BodyNode body() {
    return body;
  }

  @Override
  public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context) {
    // Defines only produce output through include.
  }

  @Override
  public void accept(NodeVisitor visitor) {
    visitor.visit(this);
  }
}
