package vn.ishc.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What ./ishc (at the project's root) says about starting a service. */
final class IshcScript {

    private static final Path SCRIPT = Path.of("..", "ishc");
    private static final Pattern OPTIONS = Pattern.compile("^SERVICE_JVM_OPTS=\\(([^)]*)\\)", Pattern.MULTILINE);

    private IshcScript() {
    }

    /** {@code SERVICE_JVM_OPTS} and {@code -Xmx} from {@code SERVICE_HEAP[service]}. */
    static List<String> jvmOptions(String service) {
        String text;
        try {
            text = Files.readString(SCRIPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher options = OPTIONS.matcher(text);
        Matcher heap = Pattern.compile("^declare -A SERVICE_HEAP=\\(.*\\[" + service + "]=(\\w+)", Pattern.MULTILINE).matcher(text);
        if (!options.find() || !heap.find()) {
            throw new IllegalStateException(SCRIPT.toAbsolutePath().normalize() + " no longer sets SERVICE_JVM_OPTS and SERVICE_HEAP[" + service + "] as read here");
        }
        List<String> all = new ArrayList<>(List.of(options.group(1).trim().split("\\s+")));
        all.add("-Xmx" + heap.group(1));
        return all;
    }
}
