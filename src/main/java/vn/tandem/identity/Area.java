package vn.tandem.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A node of the area tree (province, commune/ward, …). {@code path} lists the ids from the root, e.g.
 * {@code /1/3/}: the subtree of an area is every area whose path starts with its path.
 */
@Entity
@Table(name = "area")
public class Area {

    @Id
    private Long id;

    private String code;
    private String name;
    private String kind;
    private Long parentId;
    private String path;
    private boolean remote;

    protected Area() {}

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getKind() {
        return kind;
    }

    public Long getParentId() {
        return parentId;
    }

    /** A remote area (vùng sâu, vùng xa): complaints there have longer legal limits. */
    public boolean isRemote() {
        return remote;
    }

    public String getPath() {
        return path;
    }

    public boolean contains(String otherPath) {
        return otherPath != null && otherPath.startsWith(path);
    }
}
