package vn.tandem.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseSharing;
import vn.tandem.casefile.CaseType;
import vn.tandem.casefile.Duplicates;
import vn.tandem.casefile.Hotspots;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.Text;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.notification.Notification;
import vn.tandem.notification.Notifier;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.IncidentHandling;
import vn.tandem.process.Workflow;

/**
 * Receives a case: records it and starts its process in one transaction — the grievance process, or the incident
 * process for a security-and-order incident.
 */
@Service
public class Intake {

    private final CaseFiles caseFiles;
    private final Workflow workflow;
    private final Clock clock;

    private final Hotspots hotspots;
    private final CaseSharing sharing;
    private final Directory directory;
    private final Notifier notifier;
    private final Duplicates duplicates;

    Intake(
            CaseFiles caseFiles,
            Hotspots hotspots,
            Workflow workflow,
            Clock clock,
            CaseSharing sharing,
            Directory directory,
            Notifier notifier,
            Duplicates duplicates) {
        this.duplicates = duplicates;
        this.sharing = sharing;
        this.directory = directory;
        this.notifier = notifier;
        this.caseFiles = caseFiles;
        this.hotspots = hotspots;
        this.workflow = workflow;
        this.clock = clock;
    }

    @Transactional
    public Case receive(IntakeForm form, CurrentUser user) {
        form.dropEmptyPetitioners();
        List<FieldProblem> problems = form.problems(clock);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Case c = caseFiles.create(form.toNewCase(clock.getZone()), user);
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseHandling.VAR_CASE_ID, c.getId());
        variables.put(CaseHandling.VAR_CASE_CODE, c.getCode());
        variables.put(CaseHandling.VAR_CASE_TYPE, c.getType().name());
        variables.put(CaseHandling.VAR_LEAD_AGENCY, c.getLeadAgency());
        variables.put(CaseHandling.VAR_LEAD_OFFICERS, Role.OFFICER.groupOf(c.getLeadAgency()));
        variables.put(CaseHandling.VAR_LEAD_SUPERVISORS, Role.SUPERVISOR.groupOf(c.getLeadAgency()));
        variables.put(
                CaseHandling.VAR_RECEIVED_ON,
                c.getReceivedAt().atZone(clock.getZone()).toLocalDate().toString());
        workflow.start(
                c.getType() == CaseType.INCIDENT ? IncidentHandling.PROCESS_KEY : CaseHandling.PROCESS_KEY,
                c.getId(),
                variables);
        sameMatterElsewhere(c);
        hotspots.onReceived(c);
        if (c.getType() == CaseType.INCIDENT) {
            informOtherAgencies(c);
        }
        return c;
    }

    /** The most matters one letter is split into at once. */
    public static final int MAX_SPLIT = 20;

    /**
     * A letter raising several matters becomes several cases: one new case per further matter (its title given, the
     * rest — type, channel, unit, petitioners, description — taken from the letter's case), each received as any case
     * (its process started, its clock running from today) and linked to the letter's case ({@code SPLIT_FROM}).
     * Only while the letter's case awaits acceptance, by someone who may work on it.
     */
    @Transactional
    public List<Case> split(String code, List<String> titles, CurrentUser user) {
        Case letter = caseFiles.contributable(code, user);
        if (letter.getStatus() != vn.tandem.casefile.CaseStatus.RECEIVED) {
            throw new vn.tandem.common.ConflictException("case.split.notReceived");
        }
        List<String> matters = titles == null
                ? List.of()
                : titles.stream()
                        .filter(t -> t != null && !t.isBlank())
                        .map(String::strip)
                        .toList();
        if (matters.isEmpty()) {
            throw new InvalidInputException("titles", "validation.required");
        }
        if (matters.size() > MAX_SPLIT) {
            throw new InvalidInputException("titles", "validation.maxItems", MAX_SPLIT);
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < matters.size(); i++) {
            vn.tandem.common.CleanText.check(problems, "titles[" + i + "]", matters.get(i), true, 300);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Case> created = new ArrayList<>();
        for (String title : matters) {
            IntakeForm form = new IntakeForm();
            form.setType(letter.getType());
            form.setChannel(letter.getChannel());
            form.setTitle(title);
            form.setDescription(letter.getDescription());
            form.setLocation(letter.getLocation());
            form.setUnitId(letter.getUnitId());
            form.setCrowdSize(letter.getCrowdSize());
            form.setInstance(letter.getInstance());
            form.setPetitioners(new ArrayList<>(letter.getPetitioners().stream()
                    .map(p -> new IntakeForm.PetitionerForm(
                            p.getFullName(), p.getIdNumber(), p.getPhone(), p.getAddress(), p.isConfidential()))
                    .toList()));
            Case c = receive(form, user);
            caseFiles.linkSplit(letter, c, user.username());
            created.add(c);
        }
        return created;
    }

    /**
     * The same citizen already has an open case about a matter handled at another level or by the other agency: the
     * cases are linked and both leads are told; filed at a unit whose area is above the handling unit's, the new case
     * is a level-skipping complaint (which also raises the hot-spot risk). Candidates at the same level and agency
     * are left to the officer, who sees them on the case page.
     */
    private void sameMatterElsewhere(Case c) {
        List<String> linked = new ArrayList<>();
        boolean skipped = false;
        for (Duplicates.Candidate k : duplicates.samePerson(c)) {
            Case other = k.caseFile();
            boolean elsewhere =
                    k.level() != Duplicates.Level.SAME || !other.getLeadAgency().equals(c.getLeadAgency());
            if (!k.samePerson() || !other.isOpen() || !elsewhere) {
                continue;
            }
            boolean below = k.level() == Duplicates.Level.BELOW;
            skipped |= below;
            caseFiles.linkSameMatter(c, other, null);
            linked.add(other.getCode() + " (" + unitName(other) + ")");
            notifier.notify(
                    leads(other),
                    Notification.Kind.SAME_MATTER,
                    other.getId(),
                    other.getCode(),
                    Text.of(
                            below ? "notification.filedAbove" : "notification.sameMatter",
                            other.getCode(),
                            c.getCode() + " (" + unitName(c) + ")"),
                    "/cases/" + other.getCode());
        }
        if (skipped) {
            caseFiles.markLevelSkipping(c);
        }
        if (!linked.isEmpty()) {
            notifier.notify(
                    leads(c),
                    Notification.Kind.SAME_MATTER,
                    c.getId(),
                    c.getCode(),
                    Text.of(
                            skipped ? "notification.levelSkipping" : "notification.sameMatter",
                            c.getCode(),
                            String.join(", ", linked)),
                    "/cases/" + c.getCode());
        }
    }

    private String unitName(Case c) {
        return directory.unit(c.getUnitId()).map(u -> u.getName()).orElse("");
    }

    /** The officers and supervisors of the agency leading a case who cover its area. */
    private List<String> leads(Case c) {
        List<String> people =
                new ArrayList<>(directory.usernamesCovering(c.getLeadAgency(), Role.OFFICER, c.getAreaPath()));
        people.addAll(directory.usernamesCovering(c.getLeadAgency(), Role.SUPERVISOR, c.getAreaPath()));
        return people.stream().distinct().toList();
    }

    /**
     * The other agencies' local officers learn of an incident at once: the case is shared with their agency
     * read-only and each officer covering its area gets a notice.
     */
    private void informOtherAgencies(Case c) {
        List<String> recipients = new ArrayList<>();
        for (String agency : sharing.informOtherAgencies(c)) {
            recipients.addAll(directory.usernamesCovering(agency, Role.OFFICER, c.getAreaPath()));
        }
        notifier.notify(
                recipients,
                Notification.Kind.INCIDENT_REPORTED,
                c.getId(),
                c.getCode(),
                Text.of("notification.incidentReported", c.getCode(), c.getTitle(), agencyName(c.getLeadAgency())),
                "/cases/" + c.getCode());
    }

    private Text agencyName(String code) {
        return directory
                .agency(code)
                .map(a -> Text.bilingual(a.getNameVi(), a.getNameEn()))
                .orElse(Text.plain(code));
    }
}
