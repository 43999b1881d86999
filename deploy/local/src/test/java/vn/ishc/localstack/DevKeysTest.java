package vn.ishc.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPrivateKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The development private key signs tokens the local services accept: only its owner may read it.
 * The launcher and the stack run on POSIX systems (Linux, macOS), where these permissions exist.
 */
class DevKeysTest {

    @TempDir
    Path temp;

    @Test
    void aNewPrivateKeyAndItsDirectoryAreTheOwnersOnly() throws Exception {
        Path keys = temp.resolve("checkout/.ishc/keys");

        Path publicKey = DevKeys.ensure(keys);

        assertEquals("rw-------", permissions(keys.resolve(DevKeys.PRIVATE_KEY_FILE)));
        assertEquals("rwx------", permissions(keys));
        assertTrue(Files.readString(publicKey).startsWith("-----BEGIN PUBLIC KEY-----"));
        assertTrue(DevKeys.readPrivateKey(keys) instanceof RSAPrivateKey);
        try (var files = Files.list(keys)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aKeyLeftReadableByAnEarlierRunIsMadeTheOwnersOnlyAndKept() throws Exception {
        Path keys = temp.resolve("keys");
        DevKeys.ensure(keys);
        Path privateKey = keys.resolve(DevKeys.PRIVATE_KEY_FILE);
        String key = Files.readString(privateKey);
        // as the earlier version wrote them: the umask's defaults
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));

        DevKeys.ensure(keys);

        assertEquals("rw-------", permissions(privateKey));
        assertEquals("rwx------", permissions(keys));
        assertEquals(key, Files.readString(privateKey), "the existing key pair is kept");
    }

    @Test
    void aPrivateKeyWithoutItsPublicHalfIsReplacedWithTheOwnersOnlyPermissions() throws Exception {
        Path keys = temp.resolve("keys");
        Files.createDirectories(keys);
        Path privateKey = keys.resolve(DevKeys.PRIVATE_KEY_FILE);
        Files.writeString(privateKey, "stale");
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-rw-rw-"));

        DevKeys.ensure(keys);

        assertEquals("rw-------", permissions(privateKey));
        assertTrue(DevKeys.readPrivateKey(keys) instanceof RSAPrivateKey);
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
