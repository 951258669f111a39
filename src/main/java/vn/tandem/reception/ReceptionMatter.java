package vn.tandem.reception;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A matter raised at a reception, with the case it opened or joined (none when settled by explanation). */
@Entity
@Table(name = "reception_matter")
public class ReceptionMatter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int position;
    private String summary;
    private Long caseId;

    protected ReceptionMatter() {}

    ReceptionMatter(int position, String summary, Long caseId) {
        this.position = position;
        this.summary = summary;
        this.caseId = caseId;
    }

    public int getPosition() {
        return position;
    }

    public String getSummary() {
        return summary;
    }

    public Long getCaseId() {
        return caseId;
    }
}
