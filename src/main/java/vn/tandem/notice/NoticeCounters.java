package vn.tandem.notice;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure a unit's counter row for a year and notice type exists before a notice takes its number. Outside any
 * transaction (each statement commits on its own), so two first notices at once do not abort the issuing
 * transaction on PostgreSQL: the second insert fails harmlessly and both then lock the same row.
 */
@Component
class NoticeCounters {

    private final JdbcTemplate jdbc;

    NoticeCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void ensure(long unitId, int year, String type) {
        Integer rows = jdbc.queryForObject(
                "select count(*) from notice_counter where unit_id = ? and notice_year = ? and notice_type = ?",
                Integer.class,
                unitId,
                year,
                type);
        if (rows == null || rows == 0) {
            try {
                jdbc.update(
                        "insert into notice_counter (unit_id, notice_year, notice_type, last_number) values (?, ?, ?, 0)",
                        unitId,
                        year,
                        type);
            } catch (DuplicateKeyException e) {
                // another notice created it in between
            }
        }
    }
}
