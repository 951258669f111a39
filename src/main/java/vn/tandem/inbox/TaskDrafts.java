package vn.tandem.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.identity.CurrentUser;
import vn.tandem.process.TaskClosed;

/**
 * Drafts of task forms: the page saves what is typed at most every 10 seconds; the same user gets it back on any
 * device until the task is completed (or ends otherwise), when the drafts go.
 */
@Service
@Transactional
public class TaskDrafts {

    /** The largest draft kept (the form's fields are bounded far below it). */
    public static final int MAX_CHARS = 60_000;

    public static final int MAX_FIELDS = 200;

    /** A saved draft: the fields as typed and when they were saved. */
    public record Draft(Map<String, String> values, Instant savedAt) {}

    private final TaskDraftStore store;
    private final TaskActions actions;
    private final ObjectMapper json;
    private final Clock clock;

    TaskDrafts(TaskDraftStore store, TaskActions actions, ObjectMapper json, Clock clock) {
        this.store = store;
        this.actions = actions;
        this.json = json;
        this.clock = clock;
    }

    /** Saves the user's draft of a task they may work (404 for a task they may not see, 403 for one they may not work). */
    public Draft save(String taskId, Map<String, String> values, CurrentUser user) {
        TaskActions.VisibleTask task = actions.visible(taskId, user);
        if (!actions.mayWork(task.task(), user)) {
            throw new ForbiddenException("task.notCandidate");
        }
        Map<String, String> kept = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name != null && !name.startsWith("_") && value != null) {
                kept.put(name, value);
            }
        });
        String content = write(kept);
        if (kept.size() > MAX_FIELDS || content.length() > MAX_CHARS) {
            throw new InvalidInputException(List.of(new FieldProblem("draft", "validation.maxLength", MAX_CHARS)));
        }
        TaskDraft.Key key = new TaskDraft.Key(taskId, user.username());
        TaskDraft draft = store.findById(key).orElseGet(() -> new TaskDraft(key));
        draft.save(content, clock.instant());
        store.save(draft);
        return new Draft(kept, draft.getSavedAt());
    }

    /** The user's draft of a task they may see, if any. */
    @Transactional(readOnly = true)
    public Optional<Draft> find(String taskId, CurrentUser user) {
        actions.visible(taskId, user);
        return store.findById(new TaskDraft.Key(taskId, user.username()))
                .map(d -> new Draft(read(d.getContent()), d.getSavedAt()));
    }

    public void discard(String taskId, CurrentUser user) {
        actions.visible(taskId, user);
        store.deleteById(new TaskDraft.Key(taskId, user.username()));
    }

    /** A task that ends takes its drafts with it (in the engine's transaction). */
    @EventListener
    void on(TaskClosed event) {
        store.deleteAll(store.findByIdTaskId(event.task().id()));
    }

    private String write(Map<String, String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String content) {
        try {
            return json.readValue(content, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
