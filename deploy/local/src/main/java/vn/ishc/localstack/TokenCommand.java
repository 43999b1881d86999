package vn.ishc.localstack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code ./ishc token ROLE [AREA]}: prints a development token on the last line of output.
 * Arguments: KEYS_DIR ISSUER ROLE [AREA] — AREA is a district code for a district officer, commune
 * codes (comma-separated) for an area officer.
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ishc token province-admin | district-officer DISTRICT | area-officer COMMUNE[,COMMUNE…] | viewer");
            System.exit(64);
        }
        Path keys = Path.of(args[0]);
        String issuer = args[1];
        String role = args[2];
        String district = args.length > 3 ? args[3] : null;
        String subject = "dev-" + role + (district == null || !role.endsWith("-officer") ? "" : "-" + district.replace(',', '-'));
        Duration valid = Duration.ofHours(12);
        if ("--service".equals(role) && args.length == 4) {
            // A service's own token (e.g. reporting's, to reconcile against the sources): a viewer, valid 30 days.
            subject = args[3];
            role = "viewer";
            district = null;
            valid = Duration.ofDays(30);
        }
        try {
            DevKeys.ensure(keys);
            String token = DevTokens.mint(DevKeys.readPrivateKey(keys), issuer, subject, role, district, valid);
            System.err.println("Token for " + subject + " (role " + role + "), valid " + valid.toHours() + " hours:");
            System.out.println(token);
        } catch (IllegalArgumentException e) {
            System.err.println("ishc token: " + e.getMessage());
            System.exit(64);
        }
    }
}
