package vn.tandem.common;

import java.util.List;
import java.util.Optional;

/** The service-side check of a {@link Reason}: the same bounds and the same answer codes as the constraint. */
public final class Reasons {

    private Reasons() {}

    /** What is wrong with {@code reason} given for {@code field}, if anything. */
    public static Optional<FieldProblem> problem(String field, String reason) {
        if (reason == null || reason.strip().length() < Reason.MIN) {
            return Optional.of(new FieldProblem(field, "validation.minLength", Reason.MIN));
        }
        if (reason.length() > Reason.MAX) {
            return Optional.of(new FieldProblem(field, "validation.maxLength", Reason.MAX));
        }
        return Optional.empty();
    }

    /** Throws {@link InvalidInputException} when {@code reason} is too short or too long. */
    public static void check(String field, String reason) {
        problem(field, reason).ifPresent(p -> {
            throw new InvalidInputException(List.of(p));
        });
    }
}
