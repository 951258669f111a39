package vn.tandem.process.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.process.BpmnCheck;

/**
 * Runs {@link BpmnValidator} inside the engine before its own BPMN deployer, so every deployment path — start-up,
 * the designer pages, {@code /engine-rest/deployment/create} — is checked the same way. A refused file fails the
 * deployment with a {@link ParseException} carrying each problem's message, element id and line (the engine REST
 * API answers it with 400 and those details).
 */
@Component
public class BpmnDeploymentGuard implements Deployer {

    private final ObjectProvider<Directory> directory;

    BpmnDeploymentGuard(ObjectProvider<Directory> directory) {
        this.directory = directory;
    }

    public BpmnValidator validator() {
        return new BpmnValidator(this::groupExists, BpmnDeploymentGuard::templateExists);
    }

    public BpmnCheck check(String resource, byte[] xml) {
        return validator().check(resource, xml);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return; // already validated when it was deployed; now only being re-read into the cache
        }
        for (Map.Entry<String, ResourceEntity> entry : deployment.getResources().entrySet()) {
            String name = entry.getKey();
            if (!name.endsWith(".bpmn") && !name.endsWith(".bpmn20.xml")) {
                continue;
            }
            BpmnCheck check = check(name, entry.getValue().getBytes());
            if (!check.valid()) {
                List<Problem> problems = new ArrayList<>();
                check.problems().forEach(p -> problems.add(new EngineProblem(p)));
                throw new ParseException("BPMN refused: " + name + ": " + check.problems().size() + " problem(s); "
                        + check.problems().get(0).message() + " (element " + check.problems().get(0).elementId()
                        + ", line " + check.problems().get(0).line() + ")",
                        name, problems, List.of());
            }
        }
    }

    /** {@code <agency>-<role>} of an existing agency, or {@code <agency>-supervisor-province}. */
    boolean groupExists(String group) {
        int dash = group.indexOf('-');
        if (dash <= 0) {
            return false;
        }
        String agency = group.substring(0, dash).toUpperCase(Locale.ROOT);
        String role = group.substring(dash + 1);
        Directory d = directory.getIfAvailable();
        boolean agencyExists = d == null ? List.of("DANVAN", "CONGAN").contains(agency) : d.agency(agency).isPresent();
        boolean roleExists = "supervisor-province".equals(role) || java.util.Arrays.stream(Role.values())
                .anyMatch(r -> r.name().toLowerCase(Locale.ROOT).equals(role));
        return agencyExists && roleExists;
    }

    static boolean templateExists(String name) {
        return name.matches("[a-z0-9-]+") && BpmnDeploymentGuard.class.getClassLoader()
                .getResource("templates/inbox/forms/" + name + ".html") != null;
    }

    /** A validator problem as the engine reports it. */
    record EngineProblem(BpmnCheck.Problem problem) implements Problem {

        @Override
        public String getMessage() {
            return problem.message();
        }

        @Override
        public int getLine() {
            return problem.line();
        }

        @Override
        public int getColumn() {
            return problem.column();
        }

        @Override
        public String getMainElementId() {
            return problem.elementId();
        }

        @Override
        public List<String> getElementIds() {
            return problem.elementId() == null ? List.of() : List.of(problem.elementId());
        }
    }
}
