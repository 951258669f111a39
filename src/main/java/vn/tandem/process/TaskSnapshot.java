package vn.tandem.process;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.tandem.common.Text;

/**
 * An open user task as other modules see it. {@code businessKey} is the case id (or, for a process without a case, another key); {@code context} carries the
 * few correlation variables other modules need (e.g. {@code requestId}); {@code nameEn} the name in English when
 * the model gives one (null otherwise: show {@code name}); {@code followUp} the day from which the task is to be
 * followed up (null: now).
 */
public record TaskSnapshot(
        String id,
        String key,
        String name,
        String processKey,
        String processInstanceId,
        String businessKey,
        List<String> candidateGroups,
        String assignee,
        Instant due,
        Instant created,
        String formKey,
        Map<String, Object> context,
        String nameEn,
        int priority,
        Instant followUp) {

    /** The task's English name (BPMN property {@code name.en}, evaluated when the task opened), if it has one. */
    public static final String VAR_NAME_EN = "taskNameEn";

    /** From this priority up a task is urgent (an urgent information request, a hot spot, an escalation). */
    public static final int URGENT_PRIORITY = 70;

    /** The task's name in the reader's language, for stored words (timeline, notifications). */
    public Text title() {
        return Text.bilingual(name == null ? key : name, nameEn);
    }

    public boolean urgent() {
        return priority >= URGENT_PRIORITY;
    }

    /** The case the task is about; null for a process that runs without a case (its business key is no case id). */
    public Long caseId() {
        return businessKey == null
                        || businessKey.isEmpty()
                        || businessKey.length() > 18
                        || !businessKey.chars().allMatch(Character::isDigit)
                ? null
                : Long.valueOf(businessKey);
    }

    public boolean isCandidate(String user, List<String> groups) {
        return user.equals(assignee) || candidateGroups.stream().anyMatch(groups::contains);
    }
}
