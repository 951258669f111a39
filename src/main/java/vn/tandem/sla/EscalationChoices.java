package vn.tandem.sla;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.tandem.common.NotFoundException;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.inbox.TaskFieldChoices;
import vn.tandem.process.SlaEscalation;
import vn.tandem.process.TaskSnapshot;

/**
 * The escalation step's "reassign to" as a list in the inbox form, the same officers the escalation page offers:
 * the watched step's agency's officers covering the case's area, its current assignee left out.
 */
@Component
class EscalationChoices implements TaskFieldChoices {

    private final EscalationDesk desk;
    private final Directory directory;

    EscalationChoices(EscalationDesk desk, Directory directory) {
        this.desk = desk;
        this.directory = directory;
    }

    @Override
    public Map<String, List<Choice>> choices(TaskSnapshot task, CurrentUser user) {
        Object id = task.context().get(SlaEscalation.VAR_ESCALATION_ID);
        if (id == null) {
            return Map.of();
        }
        try {
            List<Choice> officers = desk.get(Long.parseLong(id.toString()), user).officers().stream()
                    .map(u -> new Choice(u, directory.displayName(u) + " (" + u + ")"))
                    .toList();
            return Map.of(SlaEscalation.FIELD_REASSIGN_TO, officers);
        } catch (NotFoundException | NumberFormatException e) {
            return Map.of();
        }
    }
}
