package dev.capstan.internal.pebble;

import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.lexer.TokenStream;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.tokenParser.TokenParser;

/**
 * The {@code {% define "name" %}...{% enddefine %}} tag: Helm's named template, rendered elsewhere
 * with {@code include("name", context)}. The name is a string so that Helm's dotted names
 * ({@code mychart.fullname}) carry over.
 */
final class DefineTokenParser implements TokenParser {

  @Override
  public RenderableNode parse(Token token, Parser parser) {
    TokenStream stream = parser.getStream();
    int line = token.getLineNumber();
    Token nameToken = stream.next();
    if (!nameToken.test(Token.Type.STRING)) {
      throw new ParserException(null, "define needs a quoted name, as in {% define \"mychart.name\" %}",
          line, stream.getFilename());
    }
    String name = nameToken.getValue();
    stream.next();
    stream.expect(Token.Type.EXECUTE_END);
    BodyNode body = parser.subparse(t -> t.test(Token.Type.NAME, "enddefine"));
    Token end = stream.current();
    if (!end.test(Token.Type.NAME, "enddefine")) {
      throw new ParserException(null, "define \"" + name + "\" has no enddefine", line,
          stream.getFilename());
    }
    stream.next();
    stream.expect(Token.Type.EXECUTE_END);
    return new DefineNode(line, name, body);
  }

  @Override
  public String getTag() {
    return "define";
  }
}
