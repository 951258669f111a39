package vn.tandem.audit.web;

import java.time.Instant;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.audit.AuditEntry;
import vn.tandem.audit.AuditQuery;
import vn.tandem.audit.AuditSearch;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.PageResponse;
import vn.tandem.common.web.Csv;

/** The audit search for administrators: by user, case, action and period; CSV export. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditSearch search;
    private final MessageSource messages;

    AuditController(AuditSearch search, MessageSource messages) {
        this.search = search;
        this.messages = messages;
    }

    @GetMapping("/audit")
    String page(
            @ModelAttribute("query") AuditQuery query,
            @RequestParam(defaultValue = "0") int page,
            Model model,
            Locale locale) {
        model.addAttribute("actions", search.actions());
        int pageNumber = PageResponse.page(page, 50); // a page beyond any list is a 400, as on every list
        try {
            model.addAttribute("entries", search.search(query, pageNumber, 50));
        } catch (InvalidInputException e) {
            // a reversed period: said beside the dates, the filters kept, nothing listed
            model.addAttribute("entries", Page.empty());
            model.addAttribute(
                    "rangeError", messages.getMessage(e.fieldProblems().get(0).code(), null, locale));
        }
        return "audit/search";
    }

    @GetMapping("/audit.csv")
    ResponseEntity<byte[]> export(@ModelAttribute AuditQuery query) {
        return Csv.download(search.export(query));
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
                @ModelAttribute AuditQuery query,
                @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) Integer size) {
            int pageSize = PageResponse.clampSize(size, 50);
            return PageResponse.of(search.search(query, PageResponse.page(page, pageSize), pageSize), Entry::of);
        }
    }
}
