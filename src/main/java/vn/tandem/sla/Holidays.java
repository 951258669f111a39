package vn.tandem.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The holiday calendar entries. */
interface Holidays extends JpaRepository<Holiday, Long> {

    List<Holiday> findByDayBetweenOrderByDay(LocalDate from, LocalDate to);

    Optional<Holiday> findByDay(LocalDate day);

    @Query(value = "select count(*) from holiday_year where calendar_year = ?1", nativeQuery = true)
    int seeded(int year);

    @Modifying
    @Query(value = "insert into holiday_year (calendar_year, seeded_at) values (?1, ?2)", nativeQuery = true)
    void markSeeded(int year, Instant at);
}
