package vn.ishc.kit.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

import java.util.concurrent.ExecutionException;

/**
 * Why Kafka did not take a record, and whether trying the same record again can ever help. Only
 * faults of the record itself are permanent (too large, invalid, a topic name Kafka refuses): the
 * row is parked. Everything else (a broker away, a timeout, refused credentials or ACLs) concerns
 * every row alike and may be fixed outside, so it is retried and nothing is parked.
 */
record PublishFailure(boolean permanent, String reason) {

    static PublishFailure of(Exception failure) {
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        boolean permanent = cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                || cause instanceof InvalidRecordException || cause instanceof SerializationException
                || cause instanceof InvalidTopicException;
        return new PublishFailure(permanent, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
}
