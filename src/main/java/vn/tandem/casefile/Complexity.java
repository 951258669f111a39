package vn.tandem.casefile;

/**
 * How complex a case is: set at acceptance, changed later by the lead supervisor with a written decision. It picks
 * the legal limits (a complex complaint has 45 days instead of 30; a very complex denunciation may be extended
 * twice, Luật Tố cáo 2018 Art. 30).
 */
public enum Complexity {
    STANDARD,
    COMPLEX,
    VERY_COMPLEX
}
