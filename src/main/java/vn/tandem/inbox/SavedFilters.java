package vn.tandem.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.identity.CurrentUser;

/**
 * Saved inbox filters: a user's own, and those the people of their unit shared with them. Criteria use the
 * parameter names of {@code GET /api/tasks}; only the owner deletes a filter.
 */
@Service
@Transactional
public class SavedFilters {

    /** The criteria a filter may hold, as {@code GET /api/tasks} names them. */
    public static final Set<String> CRITERIA =
            Set.of("type", "key", "overdue", "dueWithin", "q", "sort", "size", "followUp");

    public static final Set<String> SCOPES = Set.of("mine", "group", "all", "watch");

    public static final int NAME_MAX = 60;
    private static final int VALUE_MAX = 200;

    /** A filter as its users see it. */
    public record View(
            long id,
            String name,
            String scope,
            Map<String, String> criteria,
            boolean shared,
            String owner,
            boolean mine) {}

    private final SavedFilterStore store;
    private final ObjectMapper json;
    private final Clock clock;

    SavedFilters(SavedFilterStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<View> visibleTo(CurrentUser user) {
        return store.visibleTo(user.username(), user.unitId()).stream()
                .map(f -> view(f, user))
                .toList();
    }

    public View save(CurrentUser user, String name, String scope, Map<String, ?> criteria, boolean shared) {
        List<FieldProblem> problems = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            problems.add(new FieldProblem("name", "validation.required"));
        } else if (n.length() > NAME_MAX) {
            problems.add(new FieldProblem("name", "validation.maxLength", NAME_MAX));
        }
        String s = scope == null ? "" : scope.strip().toLowerCase(Locale.ROOT);
        if (!SCOPES.contains(s)) {
            problems.add(new FieldProblem("scope", "validation.option"));
        }
        Map<String, String> kept = new LinkedHashMap<>();
        if (criteria != null) {
            criteria.forEach((key, value) -> {
                if (!CRITERIA.contains(key)) {
                    problems.add(new FieldProblem(criteriaField(key), "validation.option"));
                } else if (value != null && !value.toString().isBlank()) {
                    String text = value.toString().strip();
                    if (text.length() > VALUE_MAX) {
                        problems.add(new FieldProblem(criteriaField(key), "validation.maxLength", VALUE_MAX));
                    } else {
                        kept.put(key, text);
                    }
                }
            });
        }
        if (kept.containsKey("sort")) {
            try {
                InboxSort.parse(kept.get("sort"));
            } catch (InvalidInputException e) {
                problems.add(new FieldProblem(criteriaField("sort"), "validation.option"));
            }
        }
        if (kept.containsKey("followUp")) {
            try {
                InboxFilter.FollowUp.parse(kept.get("followUp"));
            } catch (InvalidInputException e) {
                problems.add(new FieldProblem(criteriaField("followUp"), "validation.option"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        SavedFilter saved =
                store.save(new SavedFilter(user.username(), user.unitId(), n, s, write(kept), shared, clock.instant()));
        return view(saved, user);
    }

    public void delete(long id, CurrentUser user) {
        SavedFilter f = store.findById(id)
                .filter(x -> x.getOwner().equals(user.username())
                        || (x.isShared() && Objects.equals(x.getUnitId(), user.unitId())))
                .orElseThrow(() -> new NotFoundException("inbox.filter.notFound"));
        if (!f.getOwner().equals(user.username())) {
            throw new ForbiddenException("inbox.filter.notOwner");
        }
        store.delete(f);
    }

    /** A criterion's name in an answer that refuses it ({@code criteria.<name>}). */
    private static String criteriaField(String key) {
        return "criteria." + key;
    }

    private View view(SavedFilter f, CurrentUser user) {
        return new View(
                f.getId(),
                f.getName(),
                f.getScope(),
                read(f.getCriteria()),
                f.isShared(),
                f.getOwner(),
                f.getOwner().equals(user.username()));
    }

    private String write(Map<String, String> criteria) {
        try {
            return json.writeValueAsString(criteria);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String criteria) {
        try {
            return json.readValue(criteria, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
