package vn.tandem.casefile;

/** How a case reached Tandem. */
public enum Channel {
    RECEPTION,
    LETTER,
    HOTLINE,
    ONLINE,
    GRASSROOTS
}
