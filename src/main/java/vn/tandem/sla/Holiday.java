package vn.tandem.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One entry of the holiday calendar: a day off on a weekday, or a make-up working day on a weekend. */
@Entity
@Table(name = "holiday")
public class Holiday {

    /** Whether the day is off or is worked. */
    public enum Kind {
        DAY_OFF,
        WORKING_DAY
    }

    /** Where the entry comes from. */
    public enum Source {
        COMPUTED,
        ADMIN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "holiday_date")
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String nameVi;
    private String nameEn;

    @Enumerated(EnumType.STRING)
    private Source source;

    private String updatedBy;
    private Instant updatedAt;

    protected Holiday() {}

    Holiday(
            LocalDate day,
            Kind kind,
            String nameVi,
            String nameEn,
            Source source,
            String updatedBy,
            Instant updatedAt) {
        this.day = day;
        this.kind = kind;
        this.nameVi = nameVi;
        this.nameEn = nameEn;
        this.source = source;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getDay() {
        return day;
    }

    public Kind getKind() {
        return kind;
    }

    public String getNameVi() {
        return nameVi;
    }

    public String getNameEn() {
        return nameEn;
    }

    public Source getSource() {
        return source;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
