package dev.capstan.internal.pebble;

import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.IfNode;
import io.pebbletemplates.pebble.node.Node;
import io.pebbletemplates.pebble.node.PrintNode;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.utils.Pair;
import java.util.List;

/**
 * Runs over every compiled template: prints become Go-formatted prints, {@code if} conditions use
 * Go's truth, and {@code define} blocks are registered by name.
 */
final class HelmNodeVisitor extends AbstractNodeVisitor {
  private final PebbleTemplateImpl template;
  private final Defines defines;

  HelmNodeVisitor(PebbleTemplateImpl template, Defines defines) {
    super(template);
    this.template = template;
    this.defines = defines;
  }

  @Override
  public void visit(Node node) {
    if (node instanceof DefineNode define) {
      defines.register(define, template);
      define.body().accept(this);
    }
  }

  @Override
  public void visit(PrintNode node) {
    node.setExpression(new GoExpressions.Print(node.getExpression()));
  }

  @Override
  public void visit(IfNode node) {
    List<Pair<Expression<?>, BodyNode>> branches = node.getConditionsWithBodies();
    for (int i = 0; i < branches.size(); i++) {
      Pair<Expression<?>, BodyNode> branch = branches.get(i);
      if (!(branch.getLeft() instanceof GoExpressions.Truth)) {
        branches.set(i, new Pair<>(new GoExpressions.Truth(branch.getLeft()), branch.getRight()));
      }
    }
    super.visit(node);
  }
}
