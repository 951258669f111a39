package vn.tandem.casefile;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which cases a transaction changed: every insert or update of a case row (as Hibernate flushes it, whichever
 * service made it), plus what other modules {@link #touch} (a clock paused, a deadline extended). Just before the
 * transaction commits, the changes are flushed and {@link CasesChanged} is published once with every case touched,
 * so read models kept beside the case (the legal clock's dates) are written in the same transaction.
 *
 * <p>Registered on {@link Case} as its entity listener; Hibernate takes it from Spring's bean container.
 */
@Component
public class CaseChanges {

    /** The cases a transaction changed, published just before it commits. */
    public record CasesChanged(Set<Long> caseIds) {}

    /** Publishing rounds before giving up: a listener that changes cases again makes another round. */
    static final int ROUNDS = 3;

    /** Asked for when first needed: Hibernate creates this listener while the entity manager is being built. */
    private final ObjectProvider<EntityManager> entities;

    private final ApplicationEventPublisher events;

    CaseChanges(ObjectProvider<EntityManager> entities, ApplicationEventPublisher events) {
        this.entities = entities;
        this.events = events;
    }

    @PostPersist
    @PostUpdate
    void changed(Case c) {
        touch(c.getId());
    }

    /** Marks a case as changed by the current transaction (nothing happens outside a transaction). */
    public void touch(long caseId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return;
        }
        // the synchronizations of the transaction running now (a suspended outer transaction keeps its own)
        Touched touched = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(s -> s instanceof Touched t && t.owner() == this)
                .map(Touched.class::cast)
                .findFirst()
                .orElse(null);
        if (touched == null) {
            touched = new Touched();
            TransactionSynchronizationManager.registerSynchronization(touched);
        }
        touched.ids.add(caseId);
    }

    /** The cases touched in one transaction, and what it does before the commit. */
    private final class Touched implements TransactionSynchronization {

        final Set<Long> ids = new LinkedHashSet<>();

        CaseChanges owner() {
            return CaseChanges.this;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            for (int round = 0; round < ROUNDS; round++) {
                entities.getObject().flush(); // the cases changed but not yet written are recorded now
                if (ids.isEmpty()) {
                    return;
                }
                Set<Long> batch = Set.copyOf(ids);
                ids.clear();
                events.publishEvent(new CasesChanged(batch));
            }
        }
    }
}
