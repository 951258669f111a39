package vn.tandem.process.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.xml.sax.SAXParseException;
import vn.tandem.process.BpmnCheck;

/**
 * The engine's BPMN parse with Tandem's deployment check built in, so it judges exactly what the engine processes:
 * after the engine's XML parser has built the element tree (comments, processing instructions, CDATA, character
 * references and namespace prefixes are resolved by then) and before the engine interprets any of it,
 * {@link BpmnModelCheck} checks the tree; a refused tree is not parsed any further. Then the engine parses it while
 * {@link TandemExpressionManager} records every expression it creates, and each is judged by
 * {@link ExpressionPolicy}. Problems become the engine's own parse errors (a {@link ParseException}: 400 with the
 * element id and line on the engine REST API). Only new deployments are checked; stored ones re-read into the
 * cache were checked when they were deployed.
 */
class TandemBpmnParse extends BpmnParse {

    private final BpmnModelCheck check;
    private final List<BpmnCheck.Problem> problems = new ArrayList<>();

    TandemBpmnParse(BpmnParser parser, BpmnModelCheck check) {
        super(parser);
        this.check = check;
    }

    /** The problems Tandem's check found (with message codes for the designer pages). */
    List<BpmnCheck.Problem> problems() {
        return List.copyOf(problems);
    }

    private boolean checking() {
        return deployment == null || deployment.isNew();
    }

    @Override
    public BpmnParse execute() {
        try {
            return super.execute();
        } catch (ParseException e) {
            throw e;
        } catch (ProcessEngineException e) {
            if (!checking()) {
                throw e;
            }
            // the XML parser's own refusal (not well-formed, a DOCTYPE) or a model the engine cannot read: the
            // designer's mistake, answered as a parse error (400), never as a server failure
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String detail = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
            int line = cause instanceof SAXParseException sax ? sax.getLineNumber() : 0;
            int column = cause instanceof SAXParseException sax ? sax.getColumnNumber() : 0;
            BpmnCheck.Problem problem = new BpmnCheck.Problem(
                    "The file cannot be read as BPMN: " + detail, null, line, column, "bpmn.malformed", detail);
            problems.add(problem);
            throw new ParseException(
                    "BPMN refused: " + name + ": " + problem.message(),
                    name,
                    List.of(new BpmnDeploymentGuard.EngineProblem(problem)),
                    List.of());
        }
    }

    @Override
    protected void parseRootElement() {
        if (!checking()) {
            super.parseRootElement();
            return;
        }
        List<BpmnModelCheck.Found> found = check.check(rootElement);
        if (found.isEmpty()) {
            List<String> expressions = TandemExpressionManager.startRecording();
            try {
                super.parseRootElement();
                englishNames(rootElement, expressions);
            } finally {
                TandemExpressionManager.stopRecording();
            }
            found = check.checkExpressions(rootElement, expressions);
        }
        for (BpmnModelCheck.Found f : found) {
            problems.add(f.problem());
            if (f.elementId() == null) {
                addError(f.problem().message(), f.element());
            } else {
                addError(f.problem().message(), f.element(), f.elementId());
            }
        }
    }

    /**
     * The English names ({@code name.en} properties) are evaluated when a task opens, not by the engine's parser:
     * they are judged with the expressions it created.
     */
    private static void englishNames(Element element, List<String> expressions) {
        if ("property".equals(element.getTagName())
                && BpmnProperties.NAME_EN.equals(element.attribute("name"))
                && element.attribute("value") != null
                && (element.attribute("value").contains("${")
                        || element.attribute("value").contains("#{"))) {
            expressions.add(element.attribute("value"));
        }
        for (Element child : element.elements()) {
            englishNames(child, expressions);
        }
    }

    /** Creates Tandem's parse for every BPMN resource the engine reads. */
    static final class Factory implements BpmnParseFactory {

        private final BpmnModelCheck check;

        Factory(BpmnModelCheck check) {
            this.check = check;
        }

        @Override
        public BpmnParse createBpmnParse(BpmnParser parser) {
            return new TandemBpmnParse(parser, check);
        }
    }
}
