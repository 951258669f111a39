package vn.tandem.notice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TransferRecords extends JpaRepository<Transfer, Long> {

    Optional<Transfer> findByCaseId(long caseId);

    List<Transfer> findTop2000ByOrderByTransferredAtDesc();

    List<Transfer> findTop2000ByAnswerKindIsNullOrderByAnswerDueAsc();

    List<Transfer> findTop2000ByAnswerKindIsNotNullOrderByAnsweredAtDesc();

    @Query("select t from Transfer t where t.answerKind is null and t.answerDue < ?1 and t.remindedOn is null")
    List<Transfer> lateWithoutReminder(LocalDate today);

    /** Marks a late transfer reminded; 0 when another node did it first. */
    @Modifying
    @Query(
            "update Transfer t set t.remindedOn = ?2, t.version = t.version + 1 where t.id = ?1 and t.remindedOn is null")
    int markReminded(long id, LocalDate on);
}
