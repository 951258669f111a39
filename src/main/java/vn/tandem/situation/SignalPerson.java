package vn.tandem.situation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person a signal names (a petitioner, someone involved). The ID number and phone are kept normalised (digits,
 * a phone from 0) so the person's earlier cases are found whatever way they were typed.
 */
@Entity
@Table(name = "signal_person")
public class SignalPerson {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long signalId;
    private int position;
    private String fullName;
    private String idNumber;
    private String phone;

    protected SignalPerson() {}

    SignalPerson(Long signalId, int position, String fullName, String idNumber, String phone) {
        this.signalId = signalId;
        this.position = position;
        this.fullName = fullName;
        this.idNumber = idNumber;
        this.phone = phone;
    }

    public Long getId() {
        return id;
    }

    public Long getSignalId() {
        return signalId;
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
}
