package vn.ishc.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The services' JVM options as ./ishc starts them: {@code SERVICE_JVM_OPTS} and each one's heap in {@code SERVICE_HEAP}. */
record LocalStackJvm(List<String> common, Map<String, String> heap) {

    private static final Pattern OPTIONS = Pattern.compile("^SERVICE_JVM_OPTS=\\(([^)]*)\\)", Pattern.MULTILINE);
    private static final Pattern HEAPS = Pattern.compile("^declare -A SERVICE_HEAP=\\(([^)]*)\\)", Pattern.MULTILINE);
    private static final Pattern HEAP = Pattern.compile("\\[(\\w+)]=(\\w+)");

    static LocalStackJvm read(Path script) throws IOException {
        String text = Files.readString(script);
        Matcher options = OPTIONS.matcher(text);
        Matcher heaps = HEAPS.matcher(text);
        if (!options.find() || !heaps.find()) {
            throw new IllegalStateException(script + " no longer sets SERVICE_JVM_OPTS and SERVICE_HEAP as this check reads them");
        }
        Map<String, String> heap = new HashMap<>();
        Matcher one = HEAP.matcher(heaps.group(1));
        while (one.find()) {
            heap.put(one.group(1), one.group(2));
        }
        return new LocalStackJvm(List.of(options.group(1).trim().split("\\s+")), heap);
    }

    /** What ./ishc gives one service: the common options and its heap cap. */
    List<String> options(String service) {
        List<String> all = new ArrayList<>(common);
        all.add("-Xmx" + heap.get(service));
        return all;
    }
}
