package vn.ishc.reporting.projection;

/** A record that cannot be read as an event of its topic; it goes to the dead-letter topic. */
public class UnreadableEventException extends vn.ishc.kit.events.UnreadableRecordException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
