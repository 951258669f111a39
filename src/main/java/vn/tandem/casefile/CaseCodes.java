package vn.tandem.casefile;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.LocalDate;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/** Issues case codes like {@code VV-2026-000123} from a database sequence (unique across nodes). */
@Component
class CaseCodes {

    private final EntityManager em;
    private final Clock clock;
    private final String nextValueSql;

    CaseCodes(EntityManager em, Clock clock, EntityManagerFactory emf) {
        this.em = em;
        this.clock = clock;
        this.nextValueSql = emf.unwrap(SessionFactoryImplementor.class)
                .getJdbcServices()
                .getDialect()
                .getSequenceSupport()
                .getSequenceNextValString("case_code_seq");
    }

    String next() {
        return next(LocalDate.now(clock).getYear());
    }

    /** A code of the year a case was received (an imported case keeps its own year). */
    String next(int year) {
        long number = ((Number) em.createNativeQuery(nextValueSql).getSingleResult()).longValue();
        return "VV-%d-%06d".formatted(year, number);
    }
}
