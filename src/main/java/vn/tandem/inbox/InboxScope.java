package vn.tandem.inbox;

/** The inbox tabs. */
public enum InboxScope {
    /** Tasks assigned to me. */
    MINE,
    /** Unassigned tasks of my candidate groups. */
    GROUP,
    /** Every open task I may work: assigned to me or offered to one of my groups. */
    ALL,
    /** The open tasks of the cases I may see that I may only look at (other agencies', other people's). */
    WATCH
}
