package vn.ishc.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * The development signing key pair: an RSA key that {@code ./ishc token} signs with and whose
 * public half the locally started services verify with. Created once per checkout (or test run)
 * and never used outside it.
 */
public final class DevKeys {

    public static final String PRIVATE_KEY_FILE = "dev-jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "dev-jwt-public.pem";

    // Anyone holding the private key can mint tokens the local services accept: owner only.
    static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");

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

    /**
     * Creates the key pair in {@code dir} unless it is already there; returns the public key file. The
     * directory is the owner's only (700) and so is the private key (600), also when an earlier run
     * left them readable by others.
     */
    public static synchronized Path ensure(Path dir) throws IOException, GeneralSecurityException {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PRIVATE_DIR)} : new FileAttribute<?>[0]);
        }
        if (posix) {
            Files.setPosixFilePermissions(dir, PRIVATE_DIR);
        }
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            if (posix) {
                Files.setPosixFilePermissions(privateFile, PRIVATE_FILE);
            }
            return publicFile;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        // Written to a file that is 600 from its creation, then moved into place: the key is never
        // readable by others, not even for a moment, and a reader never sees half a key.
        Path written = posix
                ? Files.createTempFile(dir, PRIVATE_KEY_FILE, ".tmp", PosixFilePermissions.asFileAttribute(PRIVATE_FILE))
                : Files.createTempFile(dir, PRIVATE_KEY_FILE, ".tmp");
        try {
            Files.writeString(written, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.move(written, privateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
        if (posix) {
            Files.setPosixFilePermissions(privateFile, PRIVATE_FILE);
        }
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
