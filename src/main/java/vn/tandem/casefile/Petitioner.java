package vn.tandem.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A citizen who brought the case. A confidential petitioner (always the denouncer of a denunciation) is masked
 * on every output path.
 */
@Entity
@Table(name = "petitioner")
public class Petitioner {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    private int position;

    @Column(nullable = false)
    private String fullName;

    private String idNumber;
    private String phone;
    private String address;
    private boolean confidential;

    @Column(name = "person_id")
    private Long personId;

    protected Petitioner() {}

    Petitioner(int position, String fullName, String idNumber, String phone, String address, boolean confidential) {
        this.position = position;
        this.fullName = fullName;
        this.idNumber = idNumber;
        this.phone = phone;
        this.address = address;
        this.confidential = confidential;
    }

    public Long getCaseId() {
        return caseId;
    }

    /** The person this petitioner is (set when the case is recorded). */
    public Long getPersonId() {
        return personId;
    }

    void linkTo(Long personId) {
        this.personId = personId;
    }

    void attachTo(Long caseId) {
        this.caseId = caseId;
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getFullName() {
        return fullName;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public String getPhone() {
        return phone;
    }

    public String getAddress() {
        return address;
    }

    public boolean isConfidential() {
        return confidential;
    }
}
