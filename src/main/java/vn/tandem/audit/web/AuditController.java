package vn.tandem.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.tandem.audit.AuditEntry;
import vn.tandem.audit.AuditQuery;
import vn.tandem.audit.AuditSearch;
import vn.tandem.common.PageResponse;
import vn.tandem.common.web.Csv;

/** The audit search for administrators: by user, case, action and period; CSV export. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditSearch search;

    AuditController(AuditSearch search) {
        this.search = search;
    }

    @GetMapping("/audit")
    String page(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String caseCode,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        AuditQuery query = new AuditQuery(actor, caseCode, action, from, to);
        model.addAttribute("entries", search.search(query, PageResponse.page(page, 50), 50));
        model.addAttribute("query", query);
        return "audit/search";
    }

    @GetMapping("/audit.csv")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String caseCode,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return Csv.download(search.export(new AuditQuery(actor, caseCode, action, from, to)));
    }

    /** Audit entries over the API (administrators). */
    @RestController
    @PreAuthorize("hasRole('ADMIN')")
    static class Api {

        private final AuditSearch search;

        Api(AuditSearch search) {
            this.search = search;
        }

        record Entry(
                long id,
                Instant at,
                String actor,
                String action,
                String caseCode,
                String entityType,
                String entityId,
                String details,
                String clientIp,
                Long tokenId) {

            static Entry of(AuditEntry e) {
                return new Entry(
                        e.getId(),
                        e.getAt(),
                        e.getActor(),
                        e.getAction(),
                        e.getCaseCode(),
                        e.getEntityType(),
                        e.getEntityId(),
                        e.getDetails(),
                        e.getClientIp(),
                        e.getTokenId());
            }
        }

        @GetMapping("/api/audit")
        @ResponseBody
        PageResponse<Entry> list(
                @RequestParam(required = false) String actor,
                @RequestParam(required = false) String caseCode,
                @RequestParam(required = false) String action,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) Integer size) {
            int pageSize = PageResponse.clampSize(size, 50);
            return PageResponse.of(
                    search.search(
                            new AuditQuery(actor, caseCode, action, from, to),
                            PageResponse.page(page, pageSize),
                            pageSize),
                    Entry::of);
        }
    }
}
