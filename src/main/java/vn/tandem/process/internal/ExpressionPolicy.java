package vn.tandem.process.internal;

import java.util.Set;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * The grammar a deployed BPMN expression may use, judged on the syntax tree JUEL itself builds from the text the
 * engine hands to its expression manager (so comments, processing instructions, CDATA, character references and
 * namespaces cannot hide anything: by then they are gone). Allowed: literals, variables, operators and the
 * conditional operator, and calls of the allowlisted methods on the allowlisted beans
 * ({@link ExpressionAllowlist#METHODS}) with arguments that are themselves allowed. Refused: property access and
 * indexing, any other method call, functions, and anything JUEL cannot parse.
 *
 * <p>This is the deploy-time check; {@link ExpressionSandbox} enforces the run-time rules on every evaluation.
 */
public final class ExpressionPolicy {

    /** Why an expression is refused: a message code ({@code bpmn.expression.<kind>}) and an English text. */
    public record Violation(String code, String reason) {}

    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private ExpressionPolicy() {}

    /** The first rule the expression breaks, or null when it is allowed (or plain text without an expression). */
    public static Violation check(String expression) {
        if (expression == null || (!expression.contains("${") && !expression.contains("#{"))) {
            return null;
        }
        Node root;
        try {
            root = PARSER.build(expression).getRoot();
        } catch (TreeBuilderException | IllegalArgumentException e) {
            return new Violation("bpmn.expression.syntax", "it is not a valid expression");
        }
        return visit(root);
    }

    private static Violation visit(Node node) {
        if (node instanceof AstMethod method) {
            return method(method);
        }
        if (node instanceof AstDot) {
            return new Violation(
                    "bpmn.expression.property",
                    "reading properties with '.' is not allowed (only calls of allowlisted methods)");
        }
        if (node instanceof AstBracket) {
            return new Violation("bpmn.expression.indexing", "indexing with [] is not allowed");
        }
        if (node instanceof AstFunction) {
            return new Violation("bpmn.expression.function", "function calls are not allowed");
        }
        if (!(node instanceof AstComposite
                || node instanceof AstEval
                || node instanceof AstText
                || node instanceof AstIdentifier
                || node instanceof AstString
                || node instanceof AstNumber
                || node instanceof AstBoolean
                || node instanceof AstNull
                || node instanceof AstBinary
                || node instanceof AstUnary
                || node instanceof AstChoice
                || node instanceof AstNested
                || node instanceof AstParameters)) {
            return new Violation("bpmn.expression.syntax", "this kind of expression is not allowed");
        }
        return children(node);
    }

    private static Violation method(AstMethod method) {
        if (!(method.getChild(0) instanceof AstDot dot) || !(dot.getChild(0) instanceof AstIdentifier bean)) {
            return new Violation(
                    "bpmn.expression.method",
                    "only calls of allowlisted methods on allowlisted beans " + "are allowed "
                            + ExpressionAllowlist.METHODS);
        }
        String name = dot.toString().substring(2); // AstDot prints ". <property>"
        Set<String> allowed = ExpressionAllowlist.METHODS.getOrDefault(bean.getName(), Set.of());
        if (!allowed.contains(name)) {
            return new Violation(
                    "bpmn.expression.method",
                    "only calls of allowlisted methods on allowlisted beans " + "are allowed "
                            + ExpressionAllowlist.METHODS);
        }
        return children(method.getChild(1));
    }

    private static Violation children(Node node) {
        for (int i = 0; i < node.getCardinality(); i++) {
            Violation v = visit(node.getChild(i));
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
