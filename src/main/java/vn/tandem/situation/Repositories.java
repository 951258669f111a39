package vn.tandem.situation;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SituationReports extends JpaRepository<SituationReport, Long>, JpaSpecificationExecutor<SituationReport> {

    Optional<SituationReport> findBySubmittedByAndIdempotencyKey(String submittedBy, String idempotencyKey);

    /** The unit's reports whose period covers {@code from}–{@code to} whole. */
    List<SituationReport> findByUnitIdAndPeriodFromLessThanEqualAndPeriodToGreaterThanEqualOrderByIdAsc(
            Long unitId, LocalDate from, LocalDate to);

    List<SituationReport> findByPeriodToGreaterThanEqualAndPeriodFromLessThanEqualOrderByPeriodFromDescIdDesc(
            LocalDate from, LocalDate to);
}

interface Signals extends JpaRepository<Signal, Long>, JpaSpecificationExecutor<Signal> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Signal s where s.id = :id")
    Optional<Signal> lockById(@Param("id") Long id);

    List<Signal> findByReportIdOrderByIdAsc(Long reportId);

    List<Signal> findByReportedAtAfter(Instant after);

    List<Signal> findByReportIdInOrderByIdAsc(List<Long> reportIds);
}

interface SignalEvents extends JpaRepository<SignalEvent, Long> {

    List<SignalEvent> findBySignalIdOrderByIdAsc(Long signalId);
}

interface SignalPhotos extends JpaRepository<SignalPhoto, Long> {

    List<SignalPhoto> findBySignalIdOrderByIdAsc(Long signalId);

    Optional<SignalPhoto> findByIdAndSignalId(Long id, Long signalId);

    long countBySignalId(Long signalId);
}

interface ReportSchedules extends JpaRepository<ReportSchedule, Long> {}

interface ReportRoundStore extends JpaRepository<ReportRound, Long> {

    boolean existsByUnitIdAndPeriodFrom(Long unitId, LocalDate periodFrom);

    List<ReportRound> findByUnitIdAndReportIdIsNullOrderByPeriodFromAsc(Long unitId);

    /** Every unit's latest rounds first (the schedule page reads the last few of each). */
    List<ReportRound> findByPeriodFromGreaterThanEqualOrderByPeriodFromDesc(LocalDate from);
}

interface SignalPeople extends JpaRepository<SignalPerson, Long> {

    List<SignalPerson> findBySignalIdOrderByPositionAsc(Long signalId);
}
