package vn.ishc.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The development signing key pair: an RSA key that {@code ./ishc token} signs with and whose
 * public half the locally started services verify with. Created once per checkout (or test run)
 * and never used outside it.
 */
public final class DevKeys {

    public static final String PRIVATE_KEY_FILE = "dev-jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "dev-jwt-public.pem";

    private DevKeys() {
    }

    /** {@code java vn.ishc.localstack.DevKeys DIR}: creates the key pair in DIR if missing. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: DevKeys KEYS_DIR");
            System.exit(64);
        }
        ensure(Path.of(args[0]));
    }

    /** Creates the key pair in {@code dir} unless it is already there; returns the public key file. */
    public static synchronized Path ensure(Path dir) throws IOException, GeneralSecurityException {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            return publicFile;
        }
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        return publicFile;
    }

    public static PrivateKey readPrivateKey(Path dir) throws IOException, GeneralSecurityException {
        String text = Files.readString(dir.resolve(PRIVATE_KEY_FILE), StandardCharsets.US_ASCII);
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
