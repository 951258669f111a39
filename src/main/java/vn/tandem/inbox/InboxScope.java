package vn.tandem.inbox;

/** The inbox tabs. */
public enum InboxScope {
    /** Tasks assigned to me. */
    MINE,
    /** Unassigned tasks of my candidate groups. */
    GROUP,
    /** Every open task of the cases I may see. */
    ALL
}
