package vn.tandem.inbox.web;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tandem.casefile.CaseType;
import vn.tandem.common.PageResponse;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.inbox.InboxFilter;
import vn.tandem.inbox.InboxItem;
import vn.tandem.inbox.InboxQuery;
import vn.tandem.inbox.InboxScope;

/** The officer's inbox: tabs, filters, search, paging. */
@Controller
class InboxController {

    static final int PAGE_SIZE = 20;

    private final InboxQuery query;
    private final int dueSoonDays;

    InboxController(InboxQuery query, @Value("${tandem.inbox.due-soon-days:3}") int dueSoonDays) {
        this.query = query;
        this.dueSoonDays = dueSoonDays;
    }

    @GetMapping("/inbox")
    String inbox(
            @AuthenticationPrincipal TandemPrincipal principal,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String task,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Integer dueWithin,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        CurrentUser user = principal.user();
        Integer within = dueWithin == null ? null : Math.max(0, Math.min(365, dueWithin));
        InboxFilter filter = new InboxFilter(blank(type), blank(task), overdue, within, blank(q));
        var counts = query.counts(user, filter);
        InboxScope tab = scope == null
                ? (counts.get(InboxScope.MINE) == 0 && counts.get(InboxScope.GROUP) > 0
                        ? InboxScope.GROUP
                        : InboxScope.MINE)
                : parseScope(scope);
        Page<InboxItem> items = query.find(user, tab, filter, PageResponse.page(page, PAGE_SIZE), PAGE_SIZE);
        model.addAttribute("items", items);
        model.addAttribute("counts", counts);
        model.addAttribute("scope", tab.name().toLowerCase(Locale.ROOT));
        model.addAttribute("filter", filter);
        model.addAttribute("caseTypes", CaseType.values());
        model.addAttribute("taskKeys", query.taskKeys());
        model.addAttribute("dueSoonDays", dueSoonDays);
        return "inbox/inbox";
    }

    static InboxScope parseScope(String scope) {
        try {
            return InboxScope.valueOf(scope.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return InboxScope.MINE;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
