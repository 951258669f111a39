package vn.tandem.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;

/**
 * An agency taking part in cases (reference data: the founding two; more can be added). One that {@code verifies}
 * gets a verification task on every accepted case and a hot-spot and joint-meeting task when those arise; the one
 * that {@code respondsFirst} answers security-and-order incidents first and leads them.
 */
@Entity
@Table(name = "agency")
public class Agency {

    @Id
    private String code;

    private String nameVi;
    private String nameEn;
    private int sortOrder;
    private boolean verifies;
    private boolean respondsFirst;

    protected Agency() {}

    public String getCode() {
        return code;
    }

    public String getNameVi() {
        return nameVi;
    }

    public String getNameEn() {
        return nameEn;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public boolean isVerifies() {
        return verifies;
    }

    /** Whether this agency answers incidents first and leads them (reference data: the police). */
    public boolean isRespondsFirst() {
        return respondsFirst;
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }
}
