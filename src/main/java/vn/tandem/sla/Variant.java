package vn.tandem.sla;

import java.util.List;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseType;
import vn.tandem.casefile.Complexity;

/**
 * Which version of a step's limit applies to a case: a complex or very complex case, a remote area (vùng sâu, vùng
 * xa), a denunciation about several sites. {@link #of} is the one place that reads a case's facts into a variant;
 * {@link #fallbacks} says which rules to try when the variant has none of its own.
 */
public enum Variant {
    STANDARD,
    COMPLEX,
    VERY_COMPLEX,
    REMOTE,
    REMOTE_COMPLEX,
    REMOTE_VERY_COMPLEX,
    SEVERAL_SITES;

    /** The variant of a case's facts for one step. */
    public static Variant of(Case c, LegalStep step) {
        return of(c.getType(), step, c.getComplexity(), c.isRemoteArea(), c.isSeveralSites());
    }

    static Variant of(CaseType type, LegalStep step, Complexity complexity, boolean remote, boolean severalSites) {
        return switch (step) {
            case ACCEPT -> type == CaseType.DENUNCIATION && severalSites ? SEVERAL_SITES : STANDARD;
            case VERIFY, RESOLVE ->
                switch (complexity == null ? Complexity.STANDARD : complexity) {
                    case STANDARD -> remote ? REMOTE : STANDARD;
                    case COMPLEX -> remote ? REMOTE_COMPLEX : COMPLEX;
                    case VERY_COMPLEX -> remote ? REMOTE_VERY_COMPLEX : VERY_COMPLEX;
                };
            case SECOND_INSTANCE_WINDOW -> remote ? REMOTE : STANDARD;
            default -> STANDARD;
        };
    }

    /**
     * The variants to try, most specific first: a remote very complex case falls back to very complex (which may
     * carry extension caps), then remote complex, complex, remote, standard.
     */
    public List<Variant> fallbacks() {
        return switch (this) {
            case STANDARD -> List.of(STANDARD);
            case COMPLEX -> List.of(COMPLEX, STANDARD);
            case VERY_COMPLEX -> List.of(VERY_COMPLEX, COMPLEX, STANDARD);
            case REMOTE -> List.of(REMOTE, STANDARD);
            case REMOTE_COMPLEX -> List.of(REMOTE_COMPLEX, COMPLEX, REMOTE, STANDARD);
            case REMOTE_VERY_COMPLEX ->
                List.of(REMOTE_VERY_COMPLEX, VERY_COMPLEX, REMOTE_COMPLEX, COMPLEX, REMOTE, STANDARD);
            case SEVERAL_SITES -> List.of(SEVERAL_SITES, STANDARD);
        };
    }
}
