package vn.tandem.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** What a user has typed so far in a task's form (JSON of field → text), saved while typing. */
@Entity
@Table(name = "task_draft")
public class TaskDraft {

    /** The draft of one user for one task. */
    @Embeddable
    public record Key(
            @Column(name = "task_id") String taskId,
            @Column(name = "username") String username) implements Serializable {}

    @EmbeddedId
    private Key id;

    private String content;
    private Instant savedAt;

    protected TaskDraft() {}

    TaskDraft(Key id) {
        this.id = id;
    }

    void save(String content, Instant at) {
        this.content = content;
        this.savedAt = at;
    }

    public String getContent() {
        return content;
    }

    public Instant getSavedAt() {
        return savedAt;
    }
}
