package vn.tandem.open311;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseStatus;
import vn.tandem.casefile.CaseType;
import vn.tandem.casefile.Channel;
import vn.tandem.casefile.Detection;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.Folding;
import vn.tandem.common.InvalidInputException;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.identity.Unit;
import vn.tandem.intake.Intake;
import vn.tandem.intake.IntakeForm;
import vn.tandem.sla.CaseClocks;

/**
 * Service requests from 311 apps (docs/open311.md): filing one makes a case through the ordinary intake (its process
 * starts, its clock runs, its lead officers see it), in the unit whose commune the address names — else the
 * service's default unit, corrected by the officer at acceptance; reading them answers the case's status in the
 * specification's terms, never a petitioner's identity, and no description of a denunciation.
 */
@Service
public class Open311 {

    /** The longest span a request list covers, and the most requests it answers (the specification's limits). */
    public static final Duration MAX_SPAN = Duration.ofDays(90);

    public static final int MAX_RESULTS = 1000;

    /** A filing as a 311 app posts it. */
    public record Filing(
            String serviceCode,
            Double lat,
            Double lon,
            String addressString,
            String addressId,
            String email,
            String deviceId,
            String accountId,
            String firstName,
            String lastName,
            String phone,
            String description,
            String mediaUrl,
            Map<String, String> attributes) {}

    /** What the filing answers. */
    public record Filed(String serviceRequestId, String token, String serviceNotice) {}

    /** A service request as the specification shows it; absent values are null. */
    public record ServiceRequest(
            String serviceRequestId,
            String status,
            String statusNotes,
            String serviceName,
            String serviceCode,
            String description,
            String agencyResponsible,
            String serviceNotice,
            OffsetDateTime requestedDatetime,
            OffsetDateTime updatedDatetime,
            OffsetDateTime expectedDatetime,
            String address,
            String addressId,
            String zipcode,
            Double lat,
            Double lon,
            String mediaUrl) {}

    /** The filters of a request list. */
    public record Query(
            String serviceRequestIds, String serviceCode, String startDate, String endDate, String status) {}

    private final Open311Services services;
    private final Open311Keys keys;
    private final Intake intake;
    private final CaseFiles caseFiles;
    private final CaseClocks clocks;
    private final Directory directory;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final Validator validator;
    private final AuditLog audit;
    private final Clock clock;

    Open311(
            Open311Services services,
            Open311Keys keys,
            Intake intake,
            CaseFiles caseFiles,
            CaseClocks clocks,
            Directory directory,
            JdbcTemplate jdbc,
            MessageSource messages,
            Validator validator,
            AuditLog audit,
            Clock clock) {
        this.services = services;
        this.keys = keys;
        this.intake = intake;
        this.caseFiles = caseFiles;
        this.clocks = clocks;
        this.directory = directory;
        this.jdbc = jdbc;
        this.messages = messages;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks the key (403), counts it (429) and audits the call, whatever it answers next. */
    public Open311Keys.Key authorize(String apiKey, String method, String path) {
        try {
            Open311Keys.Key key = keys.use(apiKey);
            audit.recordPublic(
                    "open311:" + key.name(),
                    "OPEN311_REQUEST",
                    null,
                    null,
                    Map.of("method", method, "path", path, "key", key.prefix()));
            return key;
        } catch (Open311Exception e) {
            audit.recordPublic(
                    "open311",
                    "OPEN311_REFUSED",
                    null,
                    null,
                    Map.of("method", method, "path", path, "code", e.code(), "reason", e.getMessage()));
            throw e;
        }
    }

    // ---- filing ----

    @Transactional
    public Filed file(Filing f, Open311Keys.Key key) {
        if (f.serviceCode() == null || f.serviceCode().isBlank()) {
            throw new Open311Exception(400, "service_code is required");
        }
        Open311Services.Offered service = services.find(f.serviceCode().strip())
                .orElseThrow(() -> new Open311Exception(404, "service_code " + f.serviceCode() + " not found"));
        boolean located = (f.lat() != null && f.lon() != null)
                || (f.addressString() != null && !f.addressString().isBlank())
                || (f.addressId() != null && !f.addressId().isBlank());
        if (!located) {
            throw new Open311Exception(400, "a location is required: lat and long, address_string or address_id");
        }
        if (f.lat() != null && (f.lat() < -90 || f.lat() > 90)
                || f.lon() != null && (f.lon() < -180 || f.lon() > 180)) {
            throw new Open311Exception(400, "lat or long out of range");
        }
        if (f.mediaUrl() != null && !f.mediaUrl().isBlank() && !f.mediaUrl().matches("(?i)^https?://\\S{1,990}$")) {
            throw new Open311Exception(400, "media_url must be an http(s) URL");
        }
        Map<String, String> values = attributes(service, f.attributes());
        Unit unit = unitFor(service, f.addressString());
        CaseType type = CaseType.valueOf(service.caseType());
        IntakeForm form = new IntakeForm();
        form.setType(type);
        form.setChannel(Channel.ONLINE);
        String where = f.addressString() != null && !f.addressString().isBlank()
                ? f.addressString().strip()
                : f.lat() != null ? f.lat() + ", " + f.lon() : "address_id " + f.addressId();
        form.setTitle(abbreviate(service.nameVi() + " — " + where, 300));
        form.setDescription(description(service, f, values));
        form.setLocation(abbreviate(where, 500));
        form.setUnitId(unit.getId());
        int people = values.containsKey("so_nguoi") ? (int) Double.parseDouble(values.get("so_nguoi")) : 0;
        form.setCrowdSize(Math.max(0, Math.min(100000, people)));
        String name = String.join(" ", blankless(f.lastName(), f.firstName())).strip();
        if (type == CaseType.INCIDENT) {
            form.setOccurredAt(LocalDateTime.now(clock));
            form.setDetectedBy(Detection.SIGNAL);
            form.setPeopleInvolved(people > 0 ? people : null);
        } else if (name.isEmpty()) {
            throw new Open311Exception(
                    400, "first_name and last_name are required for this service: the law needs the citizen's name");
        }
        if (!name.isEmpty()) {
            form.setPetitioners(new ArrayList<>(List.of(new IntakeForm.PetitionerForm(
                    abbreviate(name, 200), null, blankToNull(f.phone()), blankToNull(f.addressString()), false))));
        }
        Set<ConstraintViolation<IntakeForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new Open311Exception(
                    400,
                    violations.stream()
                            .map(v -> field(v.getPropertyPath().toString()) + ": " + v.getMessage())
                            .sorted()
                            .collect(Collectors.joining("; ")));
        }
        Case c;
        try {
            c = as(channelUser(unit, key), () -> intake.receive(form, channelUser(unit, key)));
        } catch (InvalidInputException e) {
            throw new Open311Exception(
                    400,
                    e.fieldProblems().stream()
                                    .map(FieldProblem::field)
                                    .map(Open311::field)
                                    .collect(Collectors.joining(", "))
                            + " invalid");
        }
        String token = UUID.randomUUID().toString();
        jdbc.update(
                "insert into open311_request (case_id, token, service_code, key_id, lat, lon, address, media_url,"
                        + " requested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.getId(),
                token,
                service.code(),
                key.id(),
                f.lat(),
                f.lon(),
                blankToNull(f.addressString()),
                blankToNull(f.mediaUrl()),
                Timestamp.from(c.getReceivedAt()));
        return new Filed(c.getCode(), token, notice(c));
    }

    /** The attribute values posted, checked against the service's definition (400 names the attribute). */
    private static Map<String, String> attributes(Open311Services.Offered service, Map<String, String> posted) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> given = posted == null ? Map.of() : posted;
        for (String code : given.keySet()) {
            if (service.attributes().stream().noneMatch(a -> a.code().equals(code))) {
                throw new Open311Exception(400, "attribute[" + code + "] is not an attribute of " + service.code());
            }
        }
        for (Open311Services.Attribute a : service.attributes()) {
            String v = given.get(a.code());
            if (v == null || v.isBlank()) {
                if (a.required()) {
                    throw new Open311Exception(400, "attribute[" + a.code() + "] is required");
                }
                continue;
            }
            v = v.strip();
            switch (a.datatype()) {
                case "number" -> {
                    try {
                        double d = Double.parseDouble(v);
                        if (d < 0 || d > 100000 || Double.isNaN(d)) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        throw new Open311Exception(
                                400, "attribute[" + a.code() + "] must be a number from 0 to 100000");
                    }
                }
                case "singlevaluelist" -> {
                    String value = v;
                    if (a.values().stream().noneMatch(x -> x.key().equals(value))) {
                        throw new Open311Exception(
                                400,
                                "attribute[" + a.code() + "] must be one of "
                                        + a.values().stream()
                                                .map(Open311Services.Value::key)
                                                .collect(Collectors.joining(", ")));
                    }
                }
                default -> {
                    if (v.length() > 1000) {
                        throw new Open311Exception(400, "attribute[" + a.code() + "] is longer than 1000 characters");
                    }
                }
            }
            values.put(a.code(), v);
        }
        return values;
    }

    private String description(Open311Services.Offered service, Filing f, Map<String, String> values) {
        StringBuilder text = new StringBuilder(
                f.description() == null || f.description().isBlank()
                        ? service.nameVi()
                        : f.description().strip());
        for (Open311Services.Attribute a : service.attributes()) {
            String v = values.get(a.code());
            if (v != null) {
                String shown = a.values().stream()
                        .filter(x -> x.key().equals(v))
                        .map(Open311Services.Value::nameVi)
                        .findFirst()
                        .orElse(v);
                text.append('\n').append(a.descriptionVi()).append(": ").append(shown);
            }
        }
        if (f.mediaUrl() != null && !f.mediaUrl().isBlank()) {
            text.append('\n').append("media_url: ").append(f.mediaUrl().strip());
        }
        return abbreviate(text.toString(), 10000);
    }

    /**
     * The unit that receives a filing: the service's agency's unit in the commune or ward whose name the address
     * contains (folded: without diacritics, any case; the longest name wins), else the service's default unit.
     */
    Unit unitFor(Open311Services.Offered service, String address) {
        if (address != null && !address.isBlank()) {
            String folded = " " + Folding.fold(address).replaceAll("[^a-z0-9]+", " ") + " ";
            Optional<Unit> match = directory.units().stream()
                    .filter(u -> u.getAgencyCode().equals(service.agency()))
                    .filter(u -> u.getArea().getParentId() != null)
                    .filter(u -> folded.contains(" " + bareName(u.getArea().getName()) + " "))
                    .max(Comparator.comparing(
                            u -> bareName(u.getArea().getName()).length()));
            if (match.isPresent()) {
                return match.get();
            }
        }
        return directory.unit(service.defaultUnitId()).orElseThrow();
    }

    /** An area's name folded, without its kind word (commune, ward, town) in front. */
    static String bareName(String areaName) {
        String folded = Folding.fold(areaName).replaceAll("[^a-z0-9]+", " ").strip();
        return folded.replaceFirst("^(xa|phuong|thi tran|thi xa|huyen|quan|thanh pho|tp) ", "");
    }

    /** The filing's author inside Tandem: the receiving unit's agency as an officer, named after the key. */
    private static CurrentUser channelUser(Unit unit, Open311Keys.Key key) {
        return new CurrentUser(
                "open311",
                "Open311 — " + key.name(),
                unit.getAgencyCode(),
                unit.getId(),
                unit.getName(),
                unit.getArea().getId(),
                unit.getArea().getPath(),
                Set.of(Role.OFFICER));
    }

    private static <T> T as(CurrentUser user, Supplier<T> action) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        TandemPrincipal principal = TandemPrincipal.of(user);
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    // ---- reading ----

    @Transactional(readOnly = true)
    public List<ServiceRequest> list(Query q) {
        if (q.serviceRequestIds() != null && !q.serviceRequestIds().isBlank()) {
            List<String> ids = Arrays.stream(q.serviceRequestIds().split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .limit(MAX_RESULTS)
                    .toList();
            return rows(
                    "c.code in (" + String.join(",", ids.stream().map(x -> "?").toList()) + ")", ids.toArray());
        }
        Instant end = q.endDate() == null || q.endDate().isBlank() ? clock.instant() : parse("end_date", q.endDate());
        Instant start = q.startDate() == null || q.startDate().isBlank()
                ? end.minus(MAX_SPAN)
                : parse("start_date", q.startDate());
        if (end.isBefore(start)) {
            throw new Open311Exception(400, "end_date is before start_date");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw new Open311Exception(400, "start_date and end_date may not span more than 90 days");
        }
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(start), Timestamp.from(end)));
        String where = "r.requested_at >= ? and r.requested_at <= ?";
        if (q.serviceCode() != null && !q.serviceCode().isBlank()) {
            where += " and r.service_code = ?";
            args.add(q.serviceCode().strip());
        }
        if (q.status() != null && !q.status().isBlank()) {
            Set<String> statuses = Arrays.stream(q.status().split(","))
                    .map(s -> s.strip().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            if (!Set.of("open", "closed").containsAll(statuses)) {
                throw new Open311Exception(400, "status must be open or closed");
            }
            if (statuses.size() == 1) {
                where += statuses.contains("closed") ? " and c.status = 'CLOSED'" : " and c.status <> 'CLOSED'";
            }
        }
        return rows(where, args.toArray());
    }

    @Transactional(readOnly = true)
    public ServiceRequest one(String id) {
        List<ServiceRequest> found = rows("c.code = ?", id);
        if (found.isEmpty()) {
            throw new Open311Exception(404, "service_request_id " + id + " not found");
        }
        return found.get(0);
    }

    /** The request a token stands for (a realtime service answers the request id at once, and the token too). */
    @Transactional(readOnly = true)
    public Filed token(String token) {
        List<Filed> found = jdbc.query(
                "select c.code, r.token from open311_request r join cases c on c.id = r.case_id where r.token = ?",
                (rs, n) -> new Filed(rs.getString(1), rs.getString(2), null),
                token);
        if (found.isEmpty()) {
            throw new Open311Exception(404, "token " + token + " not found");
        }
        return found.get(0);
    }

    private List<ServiceRequest> rows(String where, Object... args) {
        record Row(
                long caseId, String serviceCode, Double lat, Double lon, String address, String mediaUrl, Instant at) {}
        List<Row> rows = jdbc.query(
                "select r.case_id, r.service_code, r.lat, r.lon, r.address, r.media_url, r.requested_at"
                        + " from open311_request r join cases c on c.id = r.case_id where " + where
                        + " order by r.requested_at desc, r.id desc",
                (rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        (Double) rs.getObject(3, Double.class),
                        (Double) rs.getObject(4, Double.class),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()),
                args);
        Map<String, Open311Services.Offered> offered =
                services.all().stream().collect(Collectors.toMap(Open311Services.Offered::code, s -> s));
        List<ServiceRequest> out = new ArrayList<>();
        for (Row r : rows.subList(0, Math.min(rows.size(), MAX_RESULTS))) {
            Case c = caseFiles.byId(r.caseId()).orElseThrow();
            Open311Services.Offered service = offered.get(r.serviceCode());
            boolean closed = c.getStatus() == CaseStatus.CLOSED;
            out.add(new ServiceRequest(
                    c.getCode(),
                    closed ? "closed" : "open",
                    statusNotes(c),
                    service == null ? r.serviceCode() : service.nameVi(),
                    r.serviceCode(),
                    c.getType() == CaseType.DENUNCIATION ? null : c.getDescription(),
                    agencyResponsible(c),
                    notice(c),
                    offset(r.at()),
                    offset(c.getUpdatedAt()),
                    closed ? null : expected(c),
                    r.address(),
                    null,
                    null,
                    r.lat(),
                    r.lon(),
                    r.mediaUrl()));
        }
        return out;
    }

    /** The case's standing in plain words: its outcome once it has one, else its status — never a name. */
    private String statusNotes(Case c) {
        Locale vi = Locale.forLanguageTag("vi");
        if (c.getOutcome() != null) {
            return messages.getMessage("outcome." + c.getOutcome(), null, vi);
        }
        return messages.getMessage("open311.status." + c.getStatus(), null, vi);
    }

    private String agencyResponsible(Case c) {
        String agency = directory
                .agency(c.getLeadAgency())
                .map(a -> a.name(Locale.forLanguageTag("vi")))
                .orElse(c.getLeadAgency());
        String unit = directory.unit(c.getUnitId()).map(Unit::getName).orElse(null);
        return unit == null || unit.equals(agency) ? agency : unit;
    }

    private String notice(Case c) {
        Locale vi = Locale.forLanguageTag("vi");
        return c.getType() == CaseType.INCIDENT
                ? messages.getMessage("open311.notice.incident", null, vi)
                : messages.getMessage("open311.notice", null, vi);
    }

    /** The due date of the step the case is in, at the end of that day. */
    private OffsetDateTime expected(Case c) {
        return CaseClocks.current(clocks.of(c))
                .map(s -> s.deadline().due())
                .filter(d -> d != null)
                .map(d -> d.atTime(23, 59, 59).atZone(clock.getZone()).toOffsetDateTime())
                .orElse(null);
    }

    private OffsetDateTime offset(Instant at) {
        return at == null ? null : at.atZone(clock.getZone()).toOffsetDateTime().withNano(0);
    }

    private static Instant parse(String name, String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.strip())
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException again) {
                throw new Open311Exception(400, name + " must be an ISO 8601 date-time with its offset");
            }
        }
    }

    private static String field(String property) {
        return switch (property) {
            case "title", "location" -> "address_string";
            case "petitioners[0].fullName" -> "first_name/last_name";
            case "petitioners[0].phone" -> "phone";
            case "petitioners[0].address" -> "address_string";
            default -> property;
        };
    }

    private static List<String> blankless(String... parts) {
        return Arrays.stream(parts)
                .filter(p -> p != null && !p.isBlank())
                .map(String::strip)
                .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
