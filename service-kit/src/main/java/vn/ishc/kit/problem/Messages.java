package vn.ishc.kit.problem;

import jakarta.ws.rs.core.HttpHeaders;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing messages in English, or in Vietnamese when the request prefers it
 * ({@code Accept-Language: vi}). A service's own texts live in its messages.properties /
 * messages_vi.properties; the kit's generic ones (problem titles, paging, query parameters) in
 * kit-messages.properties, read when the service has no text for the key.
 */
public final class Messages {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String[] BUNDLES = {"messages", "kit-messages"};

    private Messages() {
    }

    public static Locale localeOf(HttpHeaders headers) {
        if (headers == null) {
            return Locale.ENGLISH;
        }
        for (Locale wanted : headers.getAcceptableLanguages()) {
            if ("vi".equals(wanted.getLanguage())) {
                return VIETNAMESE;
            }
            if ("en".equals(wanted.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    public static String text(Locale locale, String key, Object... args) {
        for (String name : BUNDLES) {
            String pattern = pattern(name, locale, key);
            if (pattern != null) {
                return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(readable(locale, args));
            }
        }
        return key;
    }

    /** Dates as the reader writes them: 30/06/2019 in Vietnamese, 2019-06-30 otherwise. */
    private static Object[] readable(Locale locale, Object[] args) {
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof java.time.LocalDate day) {
                shown[i] = "vi".equals(locale.getLanguage()) ? VIETNAMESE_DATE.format(day) : day.toString();
            }
        }
        return shown;
    }

    private static final java.time.format.DateTimeFormatter VIETNAMESE_DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static String pattern(String bundleName, Locale locale, String key) {
        try {
            // The service's class loader sees both the service's bundle and the kit's.
            ResourceBundle bundle = ResourceBundle.getBundle(bundleName, locale, Thread.currentThread().getContextClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
