package dev.capstan.internal.template;

/**
 * A value with Go methods or struct fields that templates reach with {@code .Name}, such as the
 * result of Sprig's {@code semver} ({@code .Major}) or {@code genCA} ({@code .Cert}, {@code .Key}).
 * Engines call it instead of reflecting on Java classes.
 *
 * <p>Internal: not part of Capstan's API.
 */
public interface GoObject {

  /** Whether {@code name} (Go's exported spelling, such as {@code Major}) is a field or method. */
  boolean has(String name);

  /**
   * The field's value, or the method's result for {@code args}.
   *
   * @throws TemplateFunction.ArityException when a method gets the wrong number of arguments
   * @throws Sprig.FunctionException with Go's error text when the method fails
   */
  Object get(String name, Object[] args);
}
