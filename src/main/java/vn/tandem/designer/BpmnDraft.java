package vn.tandem.designer;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A designer's saved, not yet deployed, version of a process. */
@Entity
@Table(name = "bpmn_draft")
public class BpmnDraft {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String processKey;
    private String xml;
    private String savedBy;
    private Instant savedAt;

    protected BpmnDraft() {}

    BpmnDraft(String processKey, String xml, String savedBy, Instant savedAt) {
        this.processKey = processKey;
        this.xml = xml;
        this.savedBy = savedBy;
        this.savedAt = savedAt;
    }

    public Long getId() {
        return id;
    }

    public String getProcessKey() {
        return processKey;
    }

    public String getXml() {
        return xml;
    }

    public String getSavedBy() {
        return savedBy;
    }

    public Instant getSavedAt() {
        return savedAt;
    }
}
