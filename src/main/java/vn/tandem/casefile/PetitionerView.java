package vn.tandem.casefile;

/**
 * A petitioner as shown to a user: a confidential petitioner's identity (name, ID number, phone, address) is
 * replaced by a mask on every output path.
 */
public record PetitionerView(
        Long id,
        int position,
        String fullName,
        String idNumber,
        String phone,
        String address,
        boolean confidential,
        boolean masked) {

    public static final String MASK = "●●●●●●";

    /** The real identity, for an audited reveal. */
    static PetitionerView revealed(Petitioner p) {
        return new PetitionerView(
                p.getId(),
                p.getPosition(),
                p.getFullName(),
                p.getIdNumber(),
                p.getPhone(),
                p.getAddress(),
                p.isConfidential(),
                false);
    }

    public static PetitionerView of(Petitioner p) {
        if (p.isConfidential()) {
            return new PetitionerView(
                    p.getId(),
                    p.getPosition(),
                    MASK,
                    p.getIdNumber() == null ? null : MASK,
                    p.getPhone() == null ? null : MASK,
                    p.getAddress() == null ? null : MASK,
                    true,
                    true);
        }
        return new PetitionerView(
                p.getId(),
                p.getPosition(),
                p.getFullName(),
                p.getIdNumber(),
                p.getPhone(),
                p.getAddress(),
                false,
                false);
    }
}
