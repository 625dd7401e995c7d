package dev.capstan.internal.pebble;

import dev.capstan.internal.gofmt.GoFmt;
import dev.capstan.internal.template.Sprig;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.UnaryExpression;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;

/**
 * Expressions that give Pebble Go template semantics: printing as Go's {@code fmt} prints, and
 * {@code if}, {@code and}, {@code or}, {@code not} with Go's truth.
 */
public final class GoExpressions {
  private GoExpressions() {}

  /** Evaluates an expression and turns its value into the text Go's template engine would print. */
  static final class Print implements Expression<Object> {
    private final Expression<?> inner;

    Print(Expression<?> inner) {
      this.inner = inner;
    }

    @Override
    public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      Object v = inner.evaluate(self, context);
      if (v == null || v instanceof String || v instanceof SafeString) {
        return v;
      }
      return GoFmt.value(v);
    }

    @Override
    public int getLineNumber() {
      return inner.getLineNumber();
    }

    @Override
    public void accept(NodeVisitor visitor) {
      visitor.visit(this);
    }
  }

  /** Evaluates an expression to a Boolean by Go's truth. */
  static final class Truth implements Expression<Boolean> {
    private final Expression<?> inner;

    Truth(Expression<?> inner) {
      this.inner = inner;
    }

    @Override
    public Boolean evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      return Sprig.truthy(inner.evaluate(self, context));
    }

    @Override
    public int getLineNumber() {
      return inner.getLineNumber();
    }

    @Override
    public void accept(NodeVisitor visitor) {
      visitor.visit(this);
    }
  }

  /** {@code a and b}: true when both are true by Go's truth; {@code b} is evaluated only if needed. */
  public static final class And extends BinaryExpression<Boolean> {
    @Override
    public Boolean evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      return Sprig.truthy(getLeftExpression().evaluate(self, context))
          && Sprig.truthy(getRightExpression().evaluate(self, context));
    }
  }

  /** {@code a or b}: true when either is true by Go's truth; {@code b} is evaluated only if needed. */
  public static final class Or extends BinaryExpression<Boolean> {
    @Override
    public Boolean evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      return Sprig.truthy(getLeftExpression().evaluate(self, context))
          || Sprig.truthy(getRightExpression().evaluate(self, context));
    }
  }

  /** {@code not a}: the negation of Go's truth of {@code a}. */
  public static final class Not extends UnaryExpression {
    @Override
    public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      return !Sprig.truthy(getChildExpression().evaluate(self, context));
    }
  }
}
