package vn.tandem.inbox;

import java.util.List;
import java.util.Map;
import vn.tandem.identity.CurrentUser;
import vn.tandem.process.TaskSnapshot;

/**
 * Choices for a task form's text field, so the form offers a list instead of free text (e.g. the officers an
 * escalation may reassign a step to). Contributed by the module that knows them; the inbox asks every one.
 */
public interface TaskFieldChoices {

    /** One choice: the value the field submits and what the reader sees. */
    record Choice(String value, String label) {}

    /** The choices per field name for this task and reader; empty when this module has none. */
    Map<String, List<Choice>> choices(TaskSnapshot task, CurrentUser user);
}
