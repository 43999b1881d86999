package vn.ishc.kit.imports.table;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every message of file reading exists in English and in Vietnamese. */
class ImportMessagesTest {

    @Test
    void bothLanguagesHaveTheSameReadingMessages() throws IOException {
        Set<String> english = readingKeys("kit-messages.properties");
        Set<String> vietnamese = readingKeys("kit-messages_vi.properties");

        assertEquals(english, vietnamese);
        assertTrue(english.size() > 20, "the reading messages are found: " + english);
    }

    private static Set<String> readingKeys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ImportMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("imports.")) {
                keys.add(key);
            }
        }
        return keys;
    }
}
