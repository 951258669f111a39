/**
 * Open311 GeoReport v2 intake (docs/open311.md): the services offered to 311 citizen apps, filing a service request
 * as a case, following its status, and the API keys administrators issue, rate-limited per key and audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open311")
package vn.tandem.open311;
