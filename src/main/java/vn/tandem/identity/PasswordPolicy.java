package vn.tandem.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.tandem.common.FieldProblem;

/**
 * What a password must be (NIST SP 800-63B style: length over composition rules): 12 to 128 characters, not
 * containing the user name, not a run of one or two characters, not one of the passwords attackers try first.
 */
final class PasswordPolicy {

    static final int MIN = 12;
    static final int MAX = 128;
    private static final Set<String> COMMON = Set.of(
            "123456789012",
            "1234567890123",
            "password1234",
            "password12345",
            "passwordpassword",
            "qwertyuiop12",
            "qwertyuiop123",
            "abcdefghijkl",
            "abc123456789",
            "matkhau12345",
            "matkhau123456",
            "tandem123456",
            "tandem2026!!",
            "admin1234567",
            "administrator",
            "iloveyou1234",
            "111111111111",
            "000000000000",
            "changeme1234",
            "welcome12345",
            "vietnam12345",
            "hanoi1234567");

    private PasswordPolicy() {}

    static List<FieldProblem> check(String field, String username, String password) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null || password.length() < MIN) {
            problems.add(new FieldProblem(field, "password.tooShort", MIN));
            return problems;
        }
        if (password.length() > MAX) {
            problems.add(new FieldProblem(field, "validation.maxLength", MAX));
            return problems;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(new FieldProblem(field, "password.containsUsername"));
        } else if (lower.chars().distinct().count() < 4) {
            problems.add(new FieldProblem(field, "password.tooSimple"));
        } else if (COMMON.contains(lower)) {
            problems.add(new FieldProblem(field, "password.common"));
        }
        return problems;
    }
}
