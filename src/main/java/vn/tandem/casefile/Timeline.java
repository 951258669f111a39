package vn.tandem.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;

/** Appends to a case's timeline; other modules (exchange, …) write their events here. */
@Service
public class Timeline {

    private final TimelineEntries entries;
    private final Clock clock;
    private final ObjectMapper json;

    Timeline(TimelineEntries entries, Clock clock, ObjectMapper json) {
        this.entries = entries;
        this.clock = clock;
        this.json = json;
    }

    /** A labelled value shown under a timeline entry; {@code valueEn} where the value itself is translated. */
    public record Detail(String label, String labelEn, String value, String valueEn) {

        public Detail(String label, String labelEn, String value) {
            this(label, labelEn, value, null);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public TimelineEntry add(
            long caseId, String actor, String kind, String title, List<Detail> details, String refType, String refId) {
        return entries.save(new TimelineEntry(
                caseId,
                clock.instant(),
                actor == null ? AuditLog.SYSTEM : actor,
                kind,
                title,
                toJson(details),
                refType,
                refId));
    }

    public List<TimelineEntry> of(long caseId) {
        return entries.findByCaseIdOrderByAtDescIdDesc(caseId);
    }

    public List<Detail> details(TimelineEntry entry) {
        if (entry.getDetails() == null) {
            return List.of();
        }
        try {
            return List.of(json.readValue(entry.getDetails(), Detail[].class));
        } catch (JsonProcessingException e) {
            return List.of(new Detail("", "", entry.getDetails(), null));
        }
    }

    private String toJson(List<Detail> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
