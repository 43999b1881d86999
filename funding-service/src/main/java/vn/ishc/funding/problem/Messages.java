package vn.ishc.funding.problem;

import jakarta.ws.rs.core.HttpHeaders;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing messages in English, or in Vietnamese when the request prefers it
 * ({@code Accept-Language: vi}). Texts live in messages.properties / messages_vi.properties.
 */
public final class Messages {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

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
        ResourceBundle bundle = ResourceBundle.getBundle("messages", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
