package vn.tandem.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A unit of one agency covering one area (e.g. Công an xã Yên Sơn). */
@Entity
@Table(name = "unit")
public class Unit {

    @Id
    private Long id;

    private String code;
    private String name;
    private String agencyCode;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "area_id")
    private Area area;

    protected Unit() {}

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public Area getArea() {
        return area;
    }
}
