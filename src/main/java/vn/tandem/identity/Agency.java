package vn.tandem.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;

/** An agency taking part in cases: DANVAN and CONGAN by default; more can be added. */
@Entity
@Table(name = "agency")
public class Agency {

    @Id
    private String code;

    private String nameVi;
    private String nameEn;
    private int sortOrder;

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

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }
}
