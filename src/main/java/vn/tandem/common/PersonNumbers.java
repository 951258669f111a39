package vn.tandem.common;

import java.util.List;
import java.util.Optional;

/**
 * Vietnamese ID numbers and phone numbers as people type them ("0912 345 678", "+84 912.345.678", "001 089 012 345"),
 * reduced to one form so the same person is found again: an ID number as its 9 (CMND) or 12 (CCCD) digits, a phone
 * as its 10 or 11 digits from 0.
 */
public final class PersonNumbers {

    private PersonNumbers() {}

    /** The ID number's digits, if it is one (9 or 12 digits once spaces, dots and dashes are removed). */
    public static Optional<String> idNumber(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[\\s.\\-]", "");
        return digits.matches("\\d{9}|\\d{12}") ? Optional.of(digits) : Optional.empty();
    }

    /** The phone from 0, if it is one (a +84 or 84 prefix becomes 0). */
    public static Optional<String> phone(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[\\s.\\-()]", "");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() >= 11) {
            digits = "0" + digits.substring(2);
        }
        return digits.matches("0\\d{9,10}") ? Optional.of(digits) : Optional.empty();
    }

    /** The ways a phone from 0 may have been stored ({@code 0…}, {@code +84…}, {@code 84…}). */
    public static List<String> phoneForms(String phone) {
        String rest = phone.substring(1);
        return List.of(phone, "+84" + rest, "84" + rest);
    }
}
