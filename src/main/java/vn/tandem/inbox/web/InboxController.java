package vn.tandem.inbox.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.tandem.casefile.CaseType;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.PageResponse;
import vn.tandem.common.RedirectOnError;
import vn.tandem.common.TandemException;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.inbox.InboxFilter;
import vn.tandem.inbox.InboxItem;
import vn.tandem.inbox.InboxQuery;
import vn.tandem.inbox.InboxScope;
import vn.tandem.inbox.InboxSort;
import vn.tandem.inbox.SavedFilters;
import vn.tandem.inbox.TaskActions;

/** The officer's inbox: tabs, filters, search, paging. */
@Controller
class InboxController {

    static final int PAGE_SIZE = 20;

    /** The page sizes offered. */
    static final List<Integer> SIZES = List.of(20, 50, 100);

    /**
     * Each tab is counted up to this many rows and shows "999+" beyond: an inbox that long is worked from its
     * filters, and counting every row on every page view grew with the inbox (docs/benchmarks.md).
     */
    static final int COUNT_CAP = 999;

    private final InboxQuery query;
    private final SavedFilters filters;
    private final TaskActions actions;
    private final MessageSource messages;
    private final int dueSoonDays;
    private final Clock clock;
    private final vn.tandem.identity.Directory directory;

    InboxController(
            InboxQuery query,
            SavedFilters filters,
            TaskActions actions,
            MessageSource messages,
            @Value("${tandem.inbox.due-soon-days:3}") int dueSoonDays,
            Clock clock,
            vn.tandem.identity.Directory directory) {
        this.directory = directory;
        this.clock = clock;
        this.query = query;
        this.filters = filters;
        this.actions = actions;
        this.messages = messages;
        this.dueSoonDays = dueSoonDays;
    }

    /** Saves the inbox's current tab and criteria under a name, for the user or the unit. */
    @PostMapping("/inbox/filters")
    @RedirectOnError(value = "/inbox", form = "save-filter-form")
    String saveFilter(
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "mine") String scope,
            @RequestParam(defaultValue = "false") boolean shared,
            @RequestParam Map<String, String> params,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        Map<String, String> criteria = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            String key = "task".equals(k) ? "key" : k;
            if (SavedFilters.CRITERIA.contains(key) && v != null && !v.isBlank()) {
                criteria.put(key, v);
            }
        });
        filters.save(principal.user(), name, scope, criteria, shared);
        redirect.addFlashAttribute("success", messages.getMessage("inbox.filter.saved", null, locale));
        return "redirect:/inbox?"
                + UriComponentsBuilder.newInstance()
                        .queryParam("scope", scope)
                        .queryParams(toQuery(criteria))
                        .encode()
                        .build()
                        .getQuery();
    }

    @PostMapping("/inbox/filters/{id}/delete")
    @RedirectOnError("/inbox")
    String deleteFilter(
            @PathVariable long id,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        filters.delete(id, principal.user());
        redirect.addFlashAttribute("success", messages.getMessage("inbox.filter.deleted", null, locale));
        return "redirect:/inbox";
    }

    /** Claims the ticked tasks, each on its own; says how many and why any could not be. */
    @PostMapping("/inbox/claim")
    String claimAll(
            @RequestParam(name = "ids", required = false) List<String> ids,
            @RequestParam(defaultValue = "group") String scope,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        int claimed = each(ids, id -> actions.claim(id, principal.user()), "inbox.claimedMany", redirect, locale);
        return "redirect:/inbox?scope="
                + (claimed > 0 ? "mine" : parseScope(scope).name().toLowerCase(Locale.ROOT));
    }

    /** A saved filter's criteria as the inbox page's parameters ({@code key} is the page's {@code task}). */
    static MultiValueMap<String, String> toQuery(Map<String, String> criteria) {
        MultiValueMap<String, String> q = new LinkedMultiValueMap<>();
        criteria.forEach((k, v) -> q.add("key".equals(k) ? "task" : k, v));
        return q;
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
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String followUp,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        CurrentUser user = principal.user();
        Integer within = dueWithin == null ? null : Math.max(0, Math.min(365, dueWithin));
        InboxFilter filter =
                new InboxFilter(blank(type), blank(task), overdue, within, blank(q), followUpOrDefault(followUp));
        InboxQuery.TabCounts counts = query.counts(user, filter, COUNT_CAP);
        InboxScope tab = scope == null
                ? (counts.get(InboxScope.MINE) == 0 && counts.get(InboxScope.GROUP) > 0
                        ? InboxScope.GROUP
                        : InboxScope.MINE)
                : parseScope(scope);
        InboxSort order = sortOrDefault(sort);
        int pageSize = size != null && SIZES.contains(size) ? size : PAGE_SIZE;
        Page<InboxItem> items =
                query.find(user, tab, filter, order, PageResponse.page(page, pageSize), pageSize, counts);
        model.addAttribute("links", new InboxLinks(tab.name().toLowerCase(Locale.ROOT), filter, order, pageSize));
        model.addAttribute("sizes", SIZES);
        model.addAttribute("savedFilters", filters.visibleTo(user));
        model.addAttribute("pageSize", pageSize);
        model.addAttribute("items", items);
        model.addAttribute("unitNames", directory.unitNames());
        model.addAttribute("counts", counts);
        model.addAttribute("totalCapped", counts.capped(tab));
        model.addAttribute("scope", tab.name().toLowerCase(Locale.ROOT));
        model.addAttribute("filter", filter);
        model.addAttribute("caseTypes", CaseType.values());
        model.addAttribute("taskKeys", query.taskKeys());
        model.addAttribute("dueSoonDays", dueSoonDays);
        model.addAttribute("followUps", InboxFilter.FollowUp.values());
        model.addAttribute("now", clock.instant());
        boolean mayAssign = user.isAdmin() || user.isSupervisor();
        model.addAttribute("mayAssign", mayAssign);
        model.addAttribute("selectable", mayAssign || tab == InboxScope.GROUP || tab == InboxScope.ALL);
        model.addAttribute("assignees", mayAssign ? actions.assigneesFor(user) : List.of());
        return "inbox/inbox";
    }

    /** A page's follow-up choice: an unknown one falls back to the default rather than failing the page. */
    private static InboxFilter.FollowUp followUpOrDefault(String value) {
        try {
            return InboxFilter.FollowUp.parse(value);
        } catch (InvalidInputException e) {
            return InboxFilter.FollowUp.DUE;
        }
    }

    /** Assigns the ticked tasks to one person (supervisors), each on its own; says how many and why any could not be. */
    @PostMapping("/inbox/assign")
    String assignAll(
            @RequestParam(name = "ids", required = false) List<String> ids,
            @RequestParam(required = false) String userId,
            @RequestParam(defaultValue = "all") String scope,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        each(ids, id -> actions.assign(id, userId, principal.user()), "inbox.assignedMany", redirect, locale);
        return "redirect:/inbox?scope=" + parseScope(scope).name().toLowerCase(Locale.ROOT);
    }

    /**
     * Runs a bulk action on each ticked task on its own (one refusal does not undo the others); the flash says how
     * many were done and why any could not be. Returns how many were done.
     */
    private int each(
            List<String> ids, Consumer<String> action, String doneKey, RedirectAttributes redirect, Locale locale) {
        List<String> chosen = ids == null ? List.of() : ids.stream().distinct().toList();
        int done = 0;
        Set<String> refused = new LinkedHashSet<>();
        if (chosen.isEmpty()) {
            refused.add(messages.getMessage("inbox.selectFirst", null, locale));
        }
        for (String id : chosen) {
            try {
                action.accept(id);
                done++;
            } catch (TandemException e) {
                refused.add(messages.getMessage(e.messageCode(), e.args(), e.messageCode(), locale));
            } catch (ConcurrencyFailureException e) {
                refused.add(messages.getMessage("error.conflict", null, locale));
            }
        }
        redirect.addFlashAttribute(
                refused.isEmpty() ? "success" : "error",
                messages.getMessage(doneKey, new Object[] {done}, locale)
                        + (refused.isEmpty() ? "" : " " + String.join(" ", refused)));
        return done;
    }

    /** A page's order: an unknown one falls back to the due date rather than failing the page. */
    private static InboxSort sortOrDefault(String sort) {
        try {
            return InboxSort.parse(sort);
        } catch (InvalidInputException e) {
            return InboxSort.DEFAULT;
        }
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
