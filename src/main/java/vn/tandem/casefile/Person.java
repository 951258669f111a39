package vn.tandem.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A citizen as a person: the ID number and the phone normalized ({@code 0…}), the name as first given, and its
 * key — folded, without diacritics or case, its words sorted — so one name typed in any word order or case, with or
 * without diacritics, is one key.
 */
@Entity
@Table(name = "person")
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String idNumber;
    private String phone;
    private String fullName;
    private String nameKey;
    private String address;
    private Instant createdAt;
    private Instant updatedAt;

    protected Person() {}

    Person(String fullName, String idNumber, String phone, String address, Instant at) {
        this.fullName = fullName;
        this.nameKey = PersonRegistry.nameKey(fullName);
        this.idNumber = idNumber;
        this.phone = phone;
        this.address = address;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** Fills what the person lacked from a new petition (an ID number, a phone, an address); never overwrites. */
    void complete(String idNumber, String phone, String address, Instant at) {
        boolean changed = false;
        if (this.idNumber == null && idNumber != null) {
            this.idNumber = idNumber;
            changed = true;
        }
        if (this.phone == null && phone != null) {
            this.phone = phone;
            changed = true;
        }
        if (this.address == null && address != null) {
            this.address = address;
            changed = true;
        }
        if (changed) {
            this.updatedAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public String getPhone() {
        return phone;
    }

    public String getFullName() {
        return fullName;
    }

    public String getNameKey() {
        return nameKey;
    }

    public String getAddress() {
        return address;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
