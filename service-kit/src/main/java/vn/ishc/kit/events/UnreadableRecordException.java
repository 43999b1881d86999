package vn.ishc.kit.events;

/** A record that is not an event this consumer can read: it goes to the dead-letter topic at once. */
public class UnreadableRecordException extends RuntimeException {

    public UnreadableRecordException(String message) {
        super(message);
    }

    public UnreadableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
