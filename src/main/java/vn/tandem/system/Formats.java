package vn.tandem.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.tandem.audit.AuditLog;
import vn.tandem.identity.CandidateGroup;
import vn.tandem.identity.Directory;

/**
 * Date formatting for templates ({@code ${@fmt.date(x)}}): dd/MM/yyyy in Vietnamese (and English), in the
 * business time zone of the application clock.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Clock clock;
    private final Directory directory;
    private final MessageSource messages;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    Formats(Clock clock, Directory directory, MessageSource messages) {
        this.clock = clock;
        this.directory = directory;
        this.messages = messages;
    }

    /** Agency names for display, in the user's language. */
    public String agencies(List<String> codes) {
        return String.join(
                ", ",
                codes.stream()
                        .map(code -> java.util.Optional.ofNullable(
                                        code == null ? null : agencyTable().get(code.toUpperCase(Locale.ROOT)))
                                .map(a -> a.name(LocaleContextHolder.getLocale()))
                                .orElse(code))
                        .toList());
    }

    /**
     * The agencies by code, read once per request (a page names an agency on each of its rows; agencies are edited
     * by administrators, so nothing is kept beyond the request).
     */
    private Map<String, vn.tandem.identity.Agency> agencyTable() {
        return perRequest(
                "agencies",
                () -> directory.agencies().stream()
                        .collect(Collectors.toMap(vn.tandem.identity.Agency::getCode, a -> a, (a, b) -> a)));
    }

    /** A unit's name ("—" for none); the units' names are read once per request, as the agencies are. */
    public String unit(Long id) {
        return id == null ? "—" : perRequest("units", directory::unitNames).getOrDefault(id, "—");
    }

    /** A table read once per request (outside a request, read each time). */
    @SuppressWarnings("unchecked")
    private <T> T perRequest(String name, java.util.function.Supplier<T> read) {
        var request = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return read.get();
        }
        String key = Formats.class.getName() + "." + name;
        int scope = org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST;
        T table = (T) request.getAttribute(key, scope);
        if (table == null) {
            table = read.get();
            request.setAttribute(key, table, scope);
        }
        return table;
    }

    /** One agency's name, in the user's language (the code itself only for an agency no longer known). */
    public String agency(String code) {
        return code == null ? "" : agencies(List.of(code));
    }

    /**
     * Candidate groups for display: the role's name and the agency's name for {@code congan-officer}; a group that is not an
     * agency's role is shown as it is.
     */
    public String groups(Collection<String> groups) {
        Locale locale = LocaleContextHolder.getLocale();
        return groups.stream()
                .map(g -> CandidateGroup.parse(g)
                        .map(c -> messages.getMessage(
                                c.province() ? "group.label.province" : "group.label",
                                new Object[] {
                                    messages.getMessage(
                                            "role." + c.role().name(),
                                            null,
                                            c.role().name(),
                                            locale),
                                    agency(c.agency())
                                },
                                locale))
                        .orElse(g))
                .collect(Collectors.joining(", "));
    }

    /** A user's full name for display (cached: names are looked up once per user, not once per row). */
    public String person(String username) {
        if (username == null || AuditLog.SYSTEM.equals(username)) {
            return messages.getMessage("timeline.system", null, LocaleContextHolder.getLocale());
        }
        return names.computeIfAbsent(username, directory::displayName);
    }

    public String date(Object value) {
        if (value instanceof Instant i) {
            return DATE.format(i.atZone(clock.getZone()));
        }
        if (value instanceof LocalDate d) {
            return DATE.format(d);
        }
        return value == null ? "" : value.toString();
    }

    public String dateTime(Instant value) {
        return value == null ? "" : DATE_TIME.format(value.atZone(clock.getZone()));
    }

    public String isoDate(Object value) {
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof Instant i) {
            return i.atZone(clock.getZone()).toLocalDate().toString();
        }
        return value == null ? "" : value.toString();
    }

    public Instant now() {
        return clock.instant();
    }

    public boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    public Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** Picks the Vietnamese or English text of a pair. */
    public String pick(String vi, String en) {
        return english() && en != null && !en.isBlank() ? en : vi;
    }
}
