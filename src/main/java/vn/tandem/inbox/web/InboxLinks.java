package vn.tandem.inbox.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;
import vn.tandem.inbox.InboxFilter;
import vn.tandem.inbox.InboxSort;

/** The inbox's own links: the page with its tab, filters, order and page size, one of them changed. */
record InboxLinks(String scope, InboxFilter filter, InboxSort sort, int size) {

    private Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scope", scope);
        p.put("type", filter.caseType());
        p.put("task", filter.taskKey());
        p.put("overdue", filter.overdue());
        p.put("dueWithin", filter.dueWithinDays());
        p.put("q", filter.text());
        p.put(
                "followUp",
                filter.followUp() == InboxFilter.FollowUp.DUE
                        ? null
                        : filter.followUp().name().toLowerCase(Locale.ROOT));
        p.put("sort", sort.equals(InboxSort.DEFAULT) ? null : sort.value());
        p.put("size", size == InboxController.PAGE_SIZE ? null : size);
        return p;
    }

    /** The inbox with one parameter set ({@code null} removes it); any other change starts at the first page. */
    public String with(String name, Object value) {
        Map<String, Object> p = params();
        p.put(name, value);
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/inbox");
        p.forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                b.queryParam(k, v);
            }
        });
        return b.encode().build().toUriString();
    }

    /** The link of a column header: by this column, or the other way round when it is the order already. */
    public String sortBy(String column) {
        return with("sort", sort.toggled(column).value());
    }

    /** "▲"/"▼" after the column the list is ordered by. */
    public String arrow(String column) {
        return column.equals(sort.field()) ? (sort.descending() ? " ▼" : " ▲") : "";
    }
}
