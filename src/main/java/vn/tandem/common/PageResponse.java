package vn.tandem.common;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** The shape of every list the API answers: {@code {items, page (0-based), size, total}}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(
                page.getContent().stream().map(mapper).toList(),
                page.getNumber(),
                page.getSize(),
                page.getTotalElements());
    }

    /**
     * A requested page number, checked: 0 or more, and small enough that its first row's offset fits the
     * database's row numbers (a page far past the end answers 400, not a server error).
     */
    public static int page(int page, int size) {
        if (page < 0 || (long) page * Math.max(1, size) > Integer.MAX_VALUE - Math.max(1, size)) {
            throw new InvalidInputException("page", "validation.page");
        }
        return page;
    }

    /** Clamps a requested page size to 1..100. */
    public static int clampSize(Integer size, int defaultSize) {
        if (size == null) {
            return defaultSize;
        }
        return Math.max(1, Math.min(MAX_SIZE, size));
    }
}
