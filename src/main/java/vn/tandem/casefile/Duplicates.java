package vn.tandem.casefile;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.common.Folding;
import vn.tandem.common.PersonNumbers;

/**
 * Cases that may be the same matter as a case, with the reason: the same ID number, the same phone, or a similar
 * subject (title words) in the same area branch — received within {@code tandem.duplicates.window-days} of each
 * other. Already linked cases are left out. A confidential petitioner (a denouncer) is only matched within the
 * agency leading the case, so a denouncer is never matched into another agency's view.
 */
@Service
@Transactional(readOnly = true)
public class Duplicates {

    /** Why two cases may be the same matter. */
    public enum Reason {
        SAME_ID,
        SAME_PHONE,
        SIMILAR_SUBJECT
    }

    /** Where the other case is handled, seen from this one. */
    public enum Level {
        /** The same area. */
        SAME,
        /** An area below this case's: this case was filed higher than where the matter is handled. */
        BELOW,
        /** An area above this case's. */
        ABOVE,
        /** Another branch of the province. */
        ELSEWHERE
    }

    /** A case that may be the same matter, and why. */
    public record Candidate(Case caseFile, Set<Reason> reasons, Level level) {

        /** Whether the same citizen is behind both (not only a similar subject). */
        public boolean samePerson() {
            return reasons.contains(Reason.SAME_ID) || reasons.contains(Reason.SAME_PHONE);
        }
    }

    /** The share of title words two subjects have in common from which they count as similar. */
    static final double SIMILAR = 0.5;

    private final Cases cases;
    private final CaseLinks links;
    private final PersonRegistry registry;
    private final People people;
    private final Duration window;

    Duplicates(
            Cases cases,
            CaseLinks links,
            PersonRegistry registry,
            People people,
            @Value("${tandem.duplicates.window-days:180}") int windowDays) {
        this.cases = cases;
        this.links = links;
        this.registry = registry;
        this.people = people;
        this.window = Duration.ofDays(windowDays);
    }

    public List<Candidate> of(Case c) {
        return candidates(c, true);
    }

    /**
     * The cases the same citizen brought (same ID number or phone) within the window — what intake acts on. Unlike
     * {@link #of}, it does not scan the open cases for similar subjects: at intake that scan read up to 2,000 whole
     * cases into the transaction for nothing (issue 19; docs/benchmarks.md).
     */
    public List<Candidate> samePerson(Case c) {
        return candidates(c, false);
    }

    private List<Candidate> candidates(Case c, boolean similarSubjects) {
        Instant from = c.getReceivedAt().minus(window);
        Instant to = c.getReceivedAt().plus(window);
        Set<Long> linked = new HashSet<>();
        links.findByCaseIdOrRelatedCaseId(c.getId(), c.getId())
                .forEach(l -> linked.add(l.getCaseId().equals(c.getId()) ? l.getRelatedCaseId() : l.getCaseId()));
        Map<Long, Set<Reason>> reasons = new LinkedHashMap<>();
        Map<Long, Case> found = new LinkedHashMap<>();
        for (Petitioner p : c.getPetitioners()) {
            if (p.getPersonId() == null) {
                continue;
            }
            Set<Long> personIds = new HashSet<>(List.of(p.getPersonId()));
            PersonNumbers.phone(p.getPhone())
                    .ifPresent(tel -> people.findByPhoneOrderByIdAsc(tel).forEach(x -> personIds.add(x.getId())));
            for (Long personId : personIds) {
                for (PersonRegistry.Appearance a : registry.appearances(personId)) {
                    Case other = a.caseFile();
                    if (other.getId().equals(c.getId())
                            || other.getReceivedAt().isBefore(from)
                            || other.getReceivedAt().isAfter(to)
                            || ((a.confidential() || p.isConfidential())
                                    && !other.getLeadAgency().equals(c.getLeadAgency()))) {
                        continue;
                    }
                    Set<Reason> why = reasons.computeIfAbsent(other.getId(), k -> EnumSet.noneOf(Reason.class));
                    found.put(other.getId(), other);
                    other.getPetitioners().stream()
                            .filter(q -> Objects.equals(q.getPersonId(), personId))
                            .forEach(q -> {
                                if (same(
                                        PersonNumbers.idNumber(p.getIdNumber()),
                                        PersonNumbers.idNumber(q.getIdNumber()))) {
                                    why.add(Reason.SAME_ID);
                                }
                                if (same(PersonNumbers.phone(p.getPhone()), PersonNumbers.phone(q.getPhone()))) {
                                    why.add(Reason.SAME_PHONE);
                                }
                            });
                    if (why.isEmpty()) {
                        why.add(Reason.SAME_PHONE);
                    }
                }
            }
        }
        if (similarSubjects) {
            similarSubjects(c, from, to, reasons, found);
        }
        return found.values().stream()
                .filter(o -> !linked.contains(o.getId()))
                .map(o -> new Candidate(o, reasons.get(o.getId()), level(c, o)))
                .toList();
    }

    /** The most open cases the similar-subject scan compares, the most recently received first. */
    static final int SIMILAR_SCAN = 2000;

    /**
     * Open cases of the same type in the same area branch whose titles share at least {@link #SIMILAR} of their
     * words: titles are compared from a projection (id, title, area), and only the cases that match are loaded.
     */
    private void similarSubjects(
            Case c, Instant from, Instant to, Map<Long, Set<Reason>> reasons, Map<Long, Case> found) {
        Set<String> words = words(c.getTitle());
        List<Long> similar = new java.util.ArrayList<>();
        for (Object[] row : cases.subjectsNear(
                c.getId(),
                from,
                to,
                c.getType(),
                c.getAreaPath() + "%",
                ancestors(c.getAreaPath()),
                org.springframework.data.domain.Limit.of(SIMILAR_SCAN))) {
            String areaPath = (String) row[2];
            boolean sameBranch =
                    areaPath.startsWith(c.getAreaPath()) || c.getAreaPath().startsWith(areaPath);
            if (sameBranch && similarity(words, words((String) row[1])) >= SIMILAR) {
                similar.add((Long) row[0]);
            }
        }
        Map<Long, Case> loaded = new HashMap<>();
        for (int i = 0; i < similar.size(); i += 200) {
            cases.findAllById(similar.subList(i, Math.min(similar.size(), i + 200)))
                    .forEach(o -> loaded.put(o.getId(), o));
        }
        for (Long id : similar) {
            Case other = loaded.get(id);
            if (other != null) {
                reasons.computeIfAbsent(id, k -> EnumSet.noneOf(Reason.class)).add(Reason.SIMILAR_SUBJECT);
                found.putIfAbsent(id, other);
            }
        }
    }

    /** The area paths above a path ("/1/3/" → "/1/"). */
    static List<String> ancestors(String path) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = path.indexOf('/', 1); i > 0 && i < path.length() - 1; i = path.indexOf('/', i + 1)) {
            out.add(path.substring(0, i + 1));
        }
        return out.isEmpty() ? List.of(path) : out;
    }

    static Level level(Case c, Case other) {
        if (other.getAreaPath().equals(c.getAreaPath())) {
            return Level.SAME;
        }
        if (other.getAreaPath().startsWith(c.getAreaPath())) {
            return Level.BELOW;
        }
        return c.getAreaPath().startsWith(other.getAreaPath()) ? Level.ABOVE : Level.ELSEWHERE;
    }

    private static boolean same(java.util.Optional<String> a, java.util.Optional<String> b) {
        return a.isPresent() && a.equals(b);
    }

    /** A title's words (folded, three letters or more). */
    static Set<String> words(String title) {
        return Arrays.stream(Folding.fold(title == null ? "" : title).split("[^a-z0-9]+"))
                .filter(w -> w.length() >= 3)
                .collect(Collectors.toSet());
    }

    /** Shared words over all words (Jaccard). */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return (double) both.size() / all.size();
    }
}
