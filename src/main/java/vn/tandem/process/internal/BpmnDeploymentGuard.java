package vn.tandem.process.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.tandem.identity.CandidateGroup;
import vn.tandem.identity.Directory;
import vn.tandem.process.BpmnCheck;
import vn.tandem.process.StepDeadlines;

/**
 * The gate every deployment passes, whatever path it comes by (start-up from {@code bpmn/}, the designer pages,
 * {@code /engine-rest/deployment/create}, a redeploy): as the engine's first deployer it refuses every resource
 * not named {@code *.bpmn} — DMN, CMMN, Camunda Forms, scripts, {@code .xbpmn}, {@code .BPMN}, anything else the
 * engine might read or serve — and Tandem's parse ({@link TandemBpmnParse}) then checks each BPMN file as the
 * engine reads it. {@link #check} runs that same parse without deploying, for the designer pages' report.
 */
@Component
public class BpmnDeploymentGuard implements Deployer {

    private final Predicate<String> groupExists;
    private final Predicate<String> legalStepKnown;
    private final Supplier<ProcessEngineConfigurationImpl> engine;

    @Autowired
    BpmnDeploymentGuard(
            ObjectProvider<Directory> directory,
            ObjectProvider<StepDeadlines> deadlines,
            ObjectProvider<ProcessEngineConfigurationImpl> engine) {
        this(
                group -> {
                    Directory d = directory.getIfAvailable();
                    return d != null
                            && CandidateGroup.parse(group)
                                    .filter(g -> d.agency(g.agency()).isPresent())
                                    .isPresent();
                },
                step -> {
                    StepDeadlines d = deadlines.getIfAvailable();
                    return d != null && d.isLegalStep(step);
                },
                engine::getObject);
    }

    /**
     * @param groupExists whether a candidate group names a real agency and role
     * @param legalStepKnown whether a {@code legalStep} property names a step the legal clock has rules for
     */
    BpmnDeploymentGuard(
            Predicate<String> groupExists,
            Predicate<String> legalStepKnown,
            Supplier<ProcessEngineConfigurationImpl> engine) {
        this.groupExists = groupExists;
        this.legalStepKnown = legalStepKnown;
        this.engine = engine;
    }

    /** The model rules with Tandem's candidate groups, form templates and legal steps. */
    BpmnModelCheck modelCheck() {
        return new BpmnModelCheck(groupExists, BpmnDeploymentGuard::templateExists, legalStepKnown);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return; // already checked when it was deployed; now only being re-read into the cache
        }
        for (Map.Entry<String, ResourceEntity> entry : deployment.getResources().entrySet()) {
            BpmnCheck.Problem problem = nameProblem(entry.getKey());
            if (problem != null) {
                throw new ParseException(
                        "Resource refused: " + problem.message(),
                        entry.getKey(),
                        List.of(new EngineProblem(problem)),
                        List.of());
            }
        }
    }

    /** Why a resource name is refused, or null: only {@code *.bpmn} files are deployed. */
    static BpmnCheck.Problem nameProblem(String name) {
        if (name != null
                && name.endsWith(".bpmn")
                && name.length() > ".bpmn".length()
                && name.chars().noneMatch(ch -> ch < 0x20 || ch == '\\')) {
            return null;
        }
        return new BpmnCheck.Problem(
                "Only BPMN files named *.bpmn can be deployed (" + name + ")",
                null,
                0,
                0,
                "bpmn.resourceName",
                String.valueOf(name));
    }

    /** Checks one file exactly as a deployment would, without deploying it. */
    public BpmnCheck check(String resource, byte[] xml) {
        return check(engine.get(), resource, xml);
    }

    static BpmnCheck check(ProcessEngineConfigurationImpl configuration, String resource, byte[] xml) {
        BpmnCheck.Problem name = nameProblem(resource);
        if (name != null) {
            return new BpmnCheck(resource, List.of(name));
        }
        BpmnDeployer deployer = configuration.getDeployers().stream()
                .filter(BpmnDeployer.class::isInstance)
                .map(BpmnDeployer.class::cast)
                .findFirst()
                .orElseThrow();
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            DeploymentEntity deployment = new DeploymentEntity();
            deployment.setNew(true);
            BpmnParse parse = deployer.getBpmnParser().createParse();
            parse.sourceInputStream(new ByteArrayInputStream(xml))
                    .deployment(deployment)
                    .name(resource);
            try {
                parse.execute();
                return new BpmnCheck(resource, List.of());
            } catch (ParseException e) {
                List<BpmnCheck.Problem> problems =
                        new ArrayList<>(parse instanceof TandemBpmnParse own ? own.problems() : List.of());
                e.getResorceReports().stream()
                        .flatMap(r -> r.getErrors().stream())
                        .filter(p ->
                                problems.stream().noneMatch(o -> o.message().equals(p.getMessage())))
                        .forEach(p -> problems.add(new BpmnCheck.Problem(
                                p.getMessage(), p.getMainElementId(), p.getLine(), p.getColumn())));
                problems.sort(Comparator.comparingInt(BpmnCheck.Problem::line));
                return new BpmnCheck(resource, List.copyOf(problems));
            }
        });
    }

    static boolean templateExists(String name) {
        return name.matches("[a-z0-9-]+")
                && BpmnDeploymentGuard.class.getClassLoader().getResource("templates/inbox/forms/" + name + ".html")
                        != null;
    }

    /** A Tandem problem as the engine reports it. */
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
