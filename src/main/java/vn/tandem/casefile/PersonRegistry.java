package vn.tandem.casefile;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.common.Folding;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.PersonNumbers;
import vn.tandem.identity.CurrentUser;

/**
 * The petitioner registry: every petitioner of a case is linked to a person — the one with the same ID number,
 * else the one with the same phone and the same name (folded, any word order), else a new one. A person's page lists
 * the cases the reader may see; a confidential denouncer is only ever shown to the agency leading that case.
 */
@Service
@Transactional
@Order(100)
public class PersonRegistry implements ApplicationRunner {

    /** A person with the cases a reader may see, each with how the person appears on it. */
    public record PersonView(Person person, List<Appearance> cases) {}

    /** One case of a person. */
    public record Appearance(Case caseFile, boolean confidential) {}

    private final People people;
    private final Cases cases;
    private final EntityManager entities;
    private final Clock clock;

    PersonRegistry(People people, Cases cases, EntityManager entities, Clock clock) {
        this.people = people;
        this.cases = cases;
        this.entities = entities;
        this.clock = clock;
    }

    /** A name's key: folded (no diacritics, lower case), its words sorted, so word order does not matter. */
    public static String nameKey(String fullName) {
        return Arrays.stream(Folding.fold(fullName == null ? "" : fullName).split("[^a-z0-9]+"))
                .filter(w -> !w.isEmpty())
                .sorted()
                .collect(Collectors.joining(" "));
    }

    /** The person a petitioner is: by ID number, else by phone and name, else a new person. */
    Person resolve(String fullName, String idNumber, String phone, String address) {
        Optional<String> id = PersonNumbers.idNumber(idNumber);
        Optional<String> tel = PersonNumbers.phone(phone);
        String key = nameKey(fullName);
        Optional<Person> found =
                id.flatMap(n -> people.findByIdNumberOrderByIdAsc(n).stream().findFirst());
        if (found.isEmpty() && tel.isPresent()) {
            found = people.findByPhoneAndNameKeyOrderByIdAsc(tel.get(), key).stream()
                    .filter(p -> p.getIdNumber() == null
                            || id.isEmpty()
                            || p.getIdNumber().equals(id.get()))
                    .findFirst();
        }
        if (found.isPresent()) {
            found.get().complete(id.orElse(null), tel.orElse(null), address, clock.instant());
            return found.get();
        }
        return people.save(new Person(fullName.strip(), id.orElse(null), tel.orElse(null), address, clock.instant()));
    }

    /** Links every petitioner of the case that is not linked yet. */
    public void link(Case c) {
        for (Petitioner p : c.getPetitioners()) {
            if (p.getPersonId() == null) {
                p.linkTo(resolve(p.getFullName(), p.getIdNumber(), p.getPhone(), p.getAddress())
                        .getId());
            }
        }
    }

    /** Links the petitioners recorded before the registry existed (once, at start-up; nothing to do afterwards). */
    @Override
    public void run(ApplicationArguments args) {
        List<Long> caseIds = entities.createQuery(
                        "select distinct p.caseId from Petitioner p where p.personId is null", Long.class)
                .getResultList();
        caseIds.forEach(id -> cases.findById(id).ifPresent(this::link));
    }

    /** The person's ids of the petitioners of a case, by petitioner id. */
    @Transactional(readOnly = true)
    public Map<Long, Long> personsOf(Case c) {
        Map<Long, Long> out = new LinkedHashMap<>();
        c.getPetitioners().forEach(p -> {
            if (p.getPersonId() != null) {
                out.put(p.getId(), p.getPersonId());
            }
        });
        return out;
    }

    /**
     * A person with the cases the reader may see; where the person is a confidential petitioner, only a reader of
     * the agency leading that case sees it. 404 when nothing remains (the person is not shown at all).
     */
    @Transactional(readOnly = true)
    public PersonView view(long personId, CurrentUser user) {
        Person person = people.findById(personId).orElseThrow(() -> new NotFoundException("person.notFound"));
        List<Appearance> seen = appearances(personId).stream()
                .filter(a -> CaseVisibility.canSee(user, a.caseFile()))
                .filter(a -> !a.confidential()
                        || user.isAdmin()
                        || user.agency().equals(a.caseFile().getLeadAgency()))
                .sorted(Comparator.comparing((Appearance a) -> a.caseFile().getReceivedAt())
                        .reversed())
                .toList();
        if (seen.isEmpty()) {
            throw new NotFoundException("person.notFound");
        }
        return new PersonView(person, seen);
    }

    /** Every case the person brought, whoever may see it (for duplicate detection inside the module). */
    List<Appearance> appearances(long personId) {
        return entities
                .createQuery("select p from Petitioner p where p.personId = :id", Petitioner.class)
                .setParameter("id", personId)
                .getResultList()
                .stream()
                .map(p -> cases.findById(p.getCaseId()).map(c -> new Appearance(c, p.isConfidential())))
                .flatMap(Optional::stream)
                .collect(Collectors.toMap(a -> a.caseFile().getId(), a -> a, (a, b) -> a.confidential() ? b : a))
                .values()
                .stream()
                .toList();
    }
}
