package vn.tandem.process;

import java.util.List;

/** The result of validating one BPMN file: each problem with its element id and line (empty when valid). */
public record BpmnCheck(String resource, List<Problem> problems) {

    /**
     * One reason a file is refused: the English message (engine and REST reports), and a message code with its
     * arguments for the designer pages in the user's language (null for problems reported by the engine itself).
     */
    public record Problem(String message, String elementId, int line, int column, String code, Object... args) {

        public Problem(String message, String elementId, int line, int column) {
            this(message, elementId, line, column, null);
        }
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
