package vn.tandem.process;

import java.util.List;

/** The result of validating one BPMN file: each problem with its element id and line (empty when valid). */
public record BpmnCheck(String resource, List<Problem> problems) {

    /** One reason a file is refused. */
    public record Problem(String message, String elementId, int line, int column) {
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
