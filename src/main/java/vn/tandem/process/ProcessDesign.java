package vn.tandem.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.tandem.common.ConflictException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.process.internal.BpmnDeploymentGuard;
import vn.tandem.process.internal.BpmnProperties;
import vn.tandem.process.internal.DiagramNames;
import vn.tandem.process.internal.ExpressionAllowlist;

/**
 * What process designers do with the engine: list definitions and versions, read a version's XML, validate and
 * deploy a new version, compare two versions, and migrate running instances to a newer version (with the
 * engine's migration API; the inbox read model follows through {@link TaskChanged} events).
 */
@Service
@Transactional
public class ProcessDesign {

    public static final String DESIGNER_DEPLOYMENT = "tandem-designer";

    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    /** One deployed version of a process. */
    public record Version(
            String definitionId,
            String key,
            String name,
            int version,
            String deploymentId,
            String deploymentName,
            String source,
            Instant deployedAt,
            long running,
            String resourceName) {

        public boolean fromDesigner() {
            return !"tandem-bpmn".equals(deploymentName);
        }
    }

    /** A process with its versions, newest first. */
    public record Definition(String key, String name, List<Version> versions) {

        public Version latest() {
            return versions.get(0);
        }

        public long running() {
            return versions.stream().mapToLong(Version::running).sum();
        }
    }

    /**
     * Element ids added, removed and changed between two versions, with what a person reads for each: its name (in
     * Vietnamese and, where the model has one, English) and its BPMN type (e.g. {@code userTask}).
     */
    public record Diff(
            List<String> added,
            List<String> removed,
            List<String> changed,
            Map<String, String> names,
            Map<String, String> namesEn,
            Map<String, String> types) {

        static Diff none() {
            return new Diff(List.of(), List.of(), List.of(), Map.of(), Map.of(), Map.of());
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }

        /** The element's name for the reader (the id when it has none). */
        public String name(String id, boolean english) {
            return (english ? namesEn : names).getOrDefault(id, id);
        }

        /** The element's BPMN type, e.g. {@code userTask} or {@code sequenceFlow}. */
        public String type(String id) {
            return types.getOrDefault(id, "");
        }

        /** Whether the element has a name of its own (else only its id and type can be shown). */
        public boolean named(String id) {
            return !names.getOrDefault(id, id).equals(id);
        }
    }

    /** The outcome of a deployment: the new version (null when nothing changed) and what it changed. */
    public record DeployResult(Version deployed, Version previous, Diff diff, long runningOnOlder) {}

    /** A step of a process version: its id and what a person reads (Vietnamese and English names). */
    public record Step(String id, String name, String nameEn) {

        public String label(boolean english) {
            return english ? nameEn : name;
        }
    }

    /**
     * A running instance as the migration preview shows it: its case (the business key is the case id), the steps
     * it waits at, and those of them the new version has no counterpart for (when any, it cannot move).
     */
    public record MigratingInstance(String instanceId, String businessKey, List<Step> waitingAt, List<Step> blockedAt) {

        public boolean movable() {
            return blockedAt.isEmpty();
        }

        /** The steps that keep it from moving, named for the reader. */
        public String blockedNames(boolean english) {
            return blockedAt.stream().map(s -> s.label(english)).distinct().collect(Collectors.joining(", "));
        }
    }

    /**
     * What a migration would do, before anything moves: the plan's problems (nothing can move), the steps of the
     * old version the plan drops (cases waiting there cannot move; applying such a plan is an administrator's
     * decision) and each running instance, movable or not and why.
     */
    public record MigrationPreview(
            Version from,
            Version to,
            List<String> planProblems,
            List<Step> dropped,
            List<MigratingInstance> instances) {

        public boolean dropsSteps() {
            return !dropped.isEmpty();
        }

        public long movable() {
            return instances.stream().filter(MigratingInstance::movable).count();
        }

        public long unmovable() {
            return instances.size() - movable();
        }
    }

    /** An instance a migration left on the old version: the steps it waits at that were dropped, or the engine's reason. */
    public record Skipped(String businessKey, List<Step> blockedAt, String engineMessage) {

        public String blockedNames(boolean english) {
            return blockedAt.stream().map(s -> s.label(english)).distinct().collect(Collectors.joining(", "));
        }
    }

    /** The outcome of a migration. */
    public record MigrationReport(int migrated, List<Skipped> skipped, List<String> planProblems) {}

    /** A refused file, with the validator's report. */
    public static class Refused extends InvalidInputException {

        private final transient BpmnCheck check;

        public Refused(BpmnCheck check) {
            super("file", "designer.refused", check.problems().size());
            this.check = check;
        }

        public BpmnCheck check() {
            return check;
        }
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final BpmnDeploymentGuard guard;
    private final Workflow workflow;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate newTransaction;

    ProcessDesign(
            RepositoryService repository,
            RuntimeService runtime,
            TaskService tasks,
            BpmnDeploymentGuard guard,
            Workflow workflow,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
        this.guard = guard;
        this.workflow = workflow;
        this.events = events;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(readOnly = true)
    public List<Definition> definitions() {
        Map<String, List<Version>> byKey = new LinkedHashMap<>();
        for (ProcessDefinition d : repository
                .createProcessDefinitionQuery()
                .orderByProcessDefinitionKey()
                .asc()
                .orderByProcessDefinitionVersion()
                .desc()
                .list()) {
            byKey.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(version(d));
        }
        return byKey.values().stream()
                .map(v -> new Definition(v.get(0).key(), v.get(0).name(), List.copyOf(v)))
                .toList();
    }

    @Transactional(readOnly = true)
    public Definition definition(String key) {
        return definitions().stream()
                .filter(d -> d.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("designer.notFound"));
    }

    @Transactional(readOnly = true)
    public Version version(String key, int version) {
        ProcessDefinition d = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .processDefinitionVersion(version)
                .singleResult();
        if (d == null) {
            throw new NotFoundException("designer.notFound");
        }
        return version(d);
    }

    @Transactional(readOnly = true)
    public byte[] xml(String definitionId) {
        ProcessDefinition d = repository.getProcessDefinition(definitionId);
        try (InputStream in = repository.getResourceAsStream(d.getDeploymentId(), d.getResourceName())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(readOnly = true)
    public BpmnCheck check(String fileName, byte[] xml) {
        return guard.check(fileName, xml);
    }

    /**
     * Validates and deploys one BPMN file as a new version (named {@code <processId>.bpmn}); unchanged content
     * deploys nothing. Refused files throw {@link Refused} with the report.
     */
    public DeployResult deploy(byte[] xml) {
        BpmnCheck check = guard.check("upload.bpmn", xml);
        if (!check.valid()) {
            throw new Refused(check);
        }
        List<String> keys = BpmnProperties.processIds(xml);
        if (keys.size() != 1) {
            throw new Refused(new BpmnCheck(
                    "upload.bpmn",
                    List.of(new BpmnCheck.Problem(
                            "A file deployed here holds exactly one process (found " + keys.size() + ")",
                            null,
                            1,
                            1,
                            "bpmn.oneProcess",
                            keys.size()))));
        }
        String key = keys.get(0);
        ProcessDefinition before = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .latestVersion()
                .singleResult();
        if (before != null && Arrays.equals(xml, xml(before.getId()))) {
            return new DeployResult(null, version(before), Diff.none(), 0);
        }
        try {
            repository
                    .createDeployment()
                    .name(DESIGNER_DEPLOYMENT)
                    .source("designer")
                    .addInputStream(key + ".bpmn", new ByteArrayInputStream(xml))
                    .deploy();
        } catch (ParseException e) {
            throw new Refused(new BpmnCheck(
                    key + ".bpmn",
                    e.getResorceReports().stream()
                            .flatMap(r -> r.getErrors().stream())
                            .map(p -> new BpmnCheck.Problem(
                                    p.getMessage(), p.getMainElementId(), p.getLine(), p.getColumn()))
                            .toList()));
        }
        ProcessDefinition after = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .latestVersion()
                .singleResult();
        long older = before == null
                ? 0
                : runtime.createProcessInstanceQuery().processDefinitionKey(key).list().stream()
                        .filter(p -> !p.getProcessDefinitionId().equals(after.getId()))
                        .count();
        return new DeployResult(
                version(after),
                before == null ? null : version(before),
                before == null ? Diff.none() : diff(before.getId(), after.getId()),
                older);
    }

    /** The elements (flow nodes, flows, lanes…) added, removed or changed from one version to another. */
    @Transactional(readOnly = true)
    public Diff diff(String fromDefinitionId, String toDefinitionId) {
        Map<String, String> from = signatures(xml(fromDefinitionId));
        Map<String, String> to = signatures(xml(toDefinitionId));
        List<String> added = to.keySet().stream()
                .filter(id -> !from.containsKey(id))
                .sorted()
                .toList();
        List<String> removed = from.keySet().stream()
                .filter(id -> !to.containsKey(id))
                .sorted()
                .toList();
        List<String> changed = to.keySet().stream()
                .filter(from::containsKey)
                .filter(id -> !from.get(id).equals(to.get(id)))
                .sorted()
                .toList();
        BpmnModelInstance fromModel = repository.getBpmnModelInstance(fromDefinitionId);
        BpmnModelInstance toModel = repository.getBpmnModelInstance(toDefinitionId);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> namesEn = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (List<String> ids : List.of(added, changed, removed)) {
            BpmnModelInstance model = ids == removed ? fromModel : toModel;
            names.putAll(DiagramNames.names(model, ids, false));
            namesEn.putAll(DiagramNames.names(model, ids, true));
            for (String id : ids) {
                ModelElementInstance element = model.getModelElementById(id);
                if (element != null) {
                    types.put(id, element.getElementType().getTypeName());
                }
            }
        }
        return new Diff(added, removed, changed, Map.copyOf(names), Map.copyOf(namesEn), Map.copyOf(types));
    }

    /**
     * What migrating the running instances of one version to another would do (see {@link MigrationPreview}),
     * with the same plan {@link #migrate} applies; nothing is changed.
     */
    @Transactional(readOnly = true)
    public MigrationPreview previewMigration(String fromDefinitionId, String toDefinitionId) {
        ProcessDefinition from = repository.getProcessDefinition(fromDefinitionId);
        ProcessDefinition to = repository.getProcessDefinition(toDefinitionId);
        if (!from.getKey().equals(to.getKey()) || from.getId().equals(to.getId())) {
            throw new ConflictException("designer.migrateSameProcess");
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(fromDefinitionId);
        List<ProcessInstance> running = runtime.createProcessInstanceQuery()
                .processDefinitionId(fromDefinitionId)
                .orderByBusinessKey()
                .asc()
                .list();
        MigrationPlan plan;
        try {
            plan = plan(fromDefinitionId, toDefinitionId);
        } catch (MigrationPlanValidationException e) {
            List<MigratingInstance> instances = running.stream()
                    .map(i -> new MigratingInstance(i.getId(), i.getBusinessKey(), List.of(), List.of()))
                    .toList();
            return new MigrationPreview(version(from), version(to), planProblems(e), List.of(), instances);
        }
        Set<String> mapped = plan.getInstructions().stream()
                .map(MigrationInstruction::getSourceActivityId)
                .collect(Collectors.toSet());
        List<Step> dropped = model.getModelElementsByType(FlowNode.class).stream()
                .filter(ProcessDesign::mayWaitAt)
                .filter(n -> !mapped.contains(n.getId()))
                .map(n -> step(model, n.getId()))
                .sorted(Comparator.comparing(Step::name))
                .toList();
        List<MigratingInstance> instances = new ArrayList<>();
        for (ProcessInstance instance : running) {
            Set<String> active = new TreeSet<>();
            collectActivities(runtime.getActivityInstance(instance.getId()), active);
            // a multi-instance step is active as its body and as each instance: one step for the reader
            List<Step> waiting = distinctSteps(active.stream().map(id -> step(model, id)));
            List<Step> blocked = distinctSteps(
                    active.stream().filter(id -> !mapped.contains(id)).map(id -> step(model, id)));
            instances.add(new MigratingInstance(instance.getId(), instance.getBusinessKey(), waiting, blocked));
        }
        return new MigrationPreview(version(from), version(to), List.of(), dropped, instances);
    }

    /**
     * Whether a running instance can be found at this node (a wait state or an asynchronous continuation): only
     * these are mapped by a migration plan, and only these can leave a case behind when the plan drops them.
     */
    private static boolean mayWaitAt(FlowNode node) {
        if (node instanceof UserTask
                || node instanceof ReceiveTask
                || node instanceof SubProcess
                || node instanceof CallActivity
                || node instanceof IntermediateCatchEvent
                || node instanceof BoundaryEvent
                || node instanceof EventBasedGateway) {
            return true;
        }
        return node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter();
    }

    private static List<Step> distinctSteps(java.util.stream.Stream<Step> steps) {
        Map<String, Step> byElement = new LinkedHashMap<>();
        steps.forEach(step -> byElement.putIfAbsent(step.id().replace(MULTI_INSTANCE_BODY, ""), step));
        return List.copyOf(byElement.values());
    }

    private static void collectActivities(ActivityInstance instance, Set<String> into) {
        if (instance == null) {
            return;
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            into.add(child.getActivityId());
            collectActivities(child, into);
        }
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            into.add(transition.getActivityId());
        }
    }

    private static Step step(BpmnModelInstance model, String activityId) {
        String id = activityId.replace(MULTI_INSTANCE_BODY, "");
        return new Step(
                activityId,
                DiagramNames.names(model, List.of(id), false).getOrDefault(id, id),
                DiagramNames.names(model, List.of(id), true).getOrDefault(id, id));
    }

    private MigrationPlan plan(String fromDefinitionId, String toDefinitionId) {
        return runtime.createMigrationPlan(fromDefinitionId, toDefinitionId)
                .mapEqualActivities()
                .updateEventTriggers()
                .build();
    }

    private static List<String> planProblems(MigrationPlanValidationException e) {
        List<String> problems = new ArrayList<>();
        e.getValidationReport()
                .getInstructionReports()
                .forEach(r -> r.getFailures()
                        .forEach(f -> problems.add(r.getMigrationInstruction().getSourceActivityId() + ": " + f)));
        return problems.isEmpty() ? List.of(e.getMessage()) : problems;
    }

    /**
     * Migrates the running instances a preview ({@link #previewMigration}) found, with the same plan (equal
     * activities mapped): those waiting at a dropped step and those the engine refuses are skipped and listed. The
     * open tasks of migrated instances are re-published so the inbox shows the new version's names and forms.
     */
    public MigrationReport migrate(MigrationPreview preview) {
        if (!preview.planProblems().isEmpty()) {
            return new MigrationReport(0, List.of(), preview.planProblems());
        }
        String toDefinitionId = preview.to().definitionId();
        MigrationPlan plan = plan(preview.from().definitionId(), toDefinitionId);
        int migrated = 0;
        List<Skipped> skipped = new ArrayList<>();
        for (MigratingInstance instance : preview.instances()) {
            if (!instance.movable()) {
                skipped.add(new Skipped(instance.businessKey(), instance.blockedAt(), null));
                continue;
            }
            try {
                // each instance in its own transaction: one the engine refuses rolls back alone, not the others
                newTransaction.executeWithoutResult(status -> migrateOne(plan, instance.instanceId(), toDefinitionId));
                migrated++;
            } catch (MigratingProcessInstanceValidationException e) {
                skipped.add(new Skipped(
                        instance.businessKey(),
                        List.of(),
                        e.getValidationReport().getFailures().toString()));
            } catch (ProcessEngineException e) {
                skipped.add(new Skipped(instance.businessKey(), List.of(), e.getMessage()));
            }
        }
        return new MigrationReport(migrated, skipped, List.of());
    }

    private void migrateOne(MigrationPlan plan, String instanceId, String toDefinitionId) {
        runtime.newMigration(plan).processInstanceIds(instanceId).execute();
        var target = repository.getBpmnModelInstance(toDefinitionId);
        for (var task : tasks.createTaskQuery().processInstanceId(instanceId).list()) {
            // the engine keeps a migrated task's name: give it the new version's
            if (target.getModelElementById(task.getTaskDefinitionKey()) instanceof UserTask element
                    && element.getName() != null
                    && !element.getName().equals(task.getName())) {
                task.setName(element.getName());
                tasks.saveTask(task);
            }
            workflow.task(task.getId()).ifPresent(s -> events.publishEvent(new TaskChanged(s)));
        }
    }

    private Version version(ProcessDefinition d) {
        Deployment deployment = repository
                .createDeploymentQuery()
                .deploymentId(d.getDeploymentId())
                .singleResult();
        long running = runtime.createProcessInstanceQuery()
                .processDefinitionId(d.getId())
                .count();
        return new Version(
                d.getId(),
                d.getKey(),
                d.getName() == null ? d.getKey() : d.getName(),
                d.getVersion(),
                d.getDeploymentId(),
                deployment == null ? null : deployment.getName(),
                deployment == null ? null : deployment.getSource(),
                deployment == null || deployment.getDeploymentTime() == null
                        ? null
                        : deployment.getDeploymentTime().toInstant(),
                running,
                d.getResourceName());
    }

    /**
     * A signature per element id of the process part (its name, attributes and the content of child elements that
     * have no id of their own, such as extension elements), read with DOCTYPEs disallowed.
     */
    static Map<String, String> signatures(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml))
                    .getDocumentElement();
            Map<String, String> signatures = new LinkedHashMap<>();
            collect(root, signatures);
            return signatures;
        } catch (Exception e) {
            throw new IllegalArgumentException("Not readable as BPMN", e);
        }
    }

    private static void collect(Element element, Map<String, String> signatures) {
        String id = element.getAttribute("id");
        boolean diagram = "http://www.omg.org/spec/BPMN/20100524/DI".equals(element.getNamespaceURI());
        if (diagram) {
            return; // layout moves are not changes of the process
        }
        boolean bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL".equals(element.getNamespaceURI());
        if (bpmn && !id.isEmpty() && !"definitions".equals(element.getLocalName())) {
            StringBuilder sb = new StringBuilder();
            sign(element, sb, true);
            signatures.put(id, sb.toString());
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                collect(e, signatures);
            }
        }
    }

    private static void sign(Element element, StringBuilder sb, boolean top) {
        if (!top
                && !element.getAttribute("id").isEmpty()
                && "http://www.omg.org/spec/BPMN/20100524/MODEL".equals(element.getNamespaceURI())) {
            return; // BPMN elements with their own id are compared on their own (form fields belong to their task)
        }
        if (!top
                && ("incoming".equals(element.getLocalName())
                        || "outgoing".equals(element.getLocalName())
                        || "flowNodeRef".equals(element.getLocalName()))) {
            return;
        }
        sb.append('<').append(element.getLocalName());
        TreeSet<String> attributes = new TreeSet<>();
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            Node a = element.getAttributes().item(i);
            if (!a.getNodeName().startsWith("xmlns")) {
                attributes.add(a.getLocalName() + "=" + a.getNodeValue());
            }
        }
        sb.append(attributes);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                sign(e, sb, false);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = child.getNodeValue().strip();
                if (!text.isEmpty()) {
                    sb.append('"').append(text).append('"');
                }
            }
        }
        sb.append('>');
    }

    /**
     * Whether a text is a well-formed BPMN document (a draft may be unfinished, but it is BPMN): XML without a
     * DOCTYPE whose root is BPMN's {@code definitions}.
     */
    public static boolean isWellFormedBpmn(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            boolean root = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    return false;
                }
                if (event == XMLStreamConstants.START_ELEMENT && !root) {
                    root = true;
                    if (!"definitions".equals(reader.getLocalName())
                            || !"http://www.omg.org/spec/BPMN/20100524/MODEL".equals(reader.getNamespaceURI())) {
                        return false;
                    }
                }
            }
            return root;
        } catch (XMLStreamException e) {
            return false;
        }
    }

    /** The delegate beans a BPMN file may name (the allowlist), sorted. */
    public List<String> allowedDelegates() {
        return ExpressionAllowlist.DELEGATES.stream().sorted().toList();
    }
}
