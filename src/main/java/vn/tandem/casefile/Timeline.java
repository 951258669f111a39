package vn.tandem.casefile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.common.Text;

/**
 * Appends to a case's timeline (other modules — exchange, sla — write their events here) and renders it in the
 * reader's language: titles and labels are message keys with arguments, stored as {@link Text}.
 */
@Service
public class Timeline {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final TimelineEntries entries;
    private final Clock clock;
    private final ObjectMapper json;
    private final MessageSource messages;

    Timeline(TimelineEntries entries, Clock clock, ObjectMapper json, MessageSource messages) {
        this.entries = entries;
        this.clock = clock;
        this.json = json;
        this.messages = messages;
    }

    /** A labelled value shown under a timeline entry; an empty label shows the value alone (a comment). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(Text label, Text value) {

        /** A value under a label of the bundles ({@code timeline.label.*}). */
        public static Detail of(String labelKey, Text value) {
            return new Detail(Text.of(labelKey), value);
        }

        /** A value that is shown as it is (a reason, a name, a code) under a label of the bundles. */
        public static Detail of(String labelKey, String value) {
            return new Detail(Text.of(labelKey), Text.plain(value));
        }

        /** A value without a label. */
        public static Detail text(String value) {
            return new Detail(null, Text.plain(value));
        }
    }

    /** A detail in the reader's language. */
    public record Line(String label, String value) {}

    /** An entry in the reader's language. */
    public record Rendered(Long id, Instant at, String actor, String kind, String title, List<Line> details) {}

    @Transactional(propagation = Propagation.MANDATORY)
    public TimelineEntry add(
            long caseId, String actor, String kind, Text title, List<Detail> details, String refType, String refId) {
        return entries.save(new TimelineEntry(
                caseId,
                clock.instant(),
                actor == null ? AuditLog.SYSTEM : actor,
                kind,
                abbreviate(title.render(messages, VIETNAMESE), 500),
                toJson(title),
                details == null || details.isEmpty() ? null : toJson(details),
                refType,
                refId));
    }

    public List<TimelineEntry> of(long caseId) {
        return entries.findByCaseIdOrderByAtDescIdDesc(caseId);
    }

    /** The case's timeline, newest first, in the reader's language. */
    public List<Rendered> rendered(long caseId, Locale locale) {
        return of(caseId).stream().map(e -> render(e, locale)).toList();
    }

    public Rendered render(TimelineEntry e, Locale locale) {
        String title = e.getTitle();
        if (e.getTitleText() != null) {
            try {
                title = json.readValue(e.getTitleText(), Text.class).render(messages, locale);
            } catch (JsonProcessingException ex) {
                title = e.getTitle();
            }
        }
        List<Line> lines = details(e).stream()
                .map(d -> new Line(
                        d.label() == null ? "" : d.label().render(messages, locale),
                        d.value() == null ? "" : d.value().render(messages, locale)))
                .toList();
        return new Rendered(e.getId(), e.getAt(), e.getActor(), e.getKind(), title, lines);
    }

    /**
     * The entry's details. Entries written before the keys hold {@code {label, labelEn, value, valueEn}} in both
     * languages; they read as bilingual texts.
     */
    List<Detail> details(TimelineEntry entry) {
        if (entry.getDetails() == null) {
            return List.of();
        }
        try {
            List<Detail> result = new ArrayList<>();
            for (JsonNode node : json.readTree(entry.getDetails())) {
                JsonNode value = node.get("value");
                boolean legacy = value == null || value.isNull() || value.isTextual();
                if (legacy) {
                    result.add(new Detail(
                            Text.bilingual(text(node, "label"), text(node, "labelEn")),
                            Text.bilingual(text(node, "value"), text(node, "valueEn"))));
                } else {
                    result.add(json.treeToValue(node, Detail.class));
                }
            }
            return result;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return List.of(Detail.text(entry.getDetails()));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
