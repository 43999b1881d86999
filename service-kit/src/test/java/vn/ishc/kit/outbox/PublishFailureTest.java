package vn.ishc.kit.outbox;

import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishFailureTest {

    @Test
    void aRecordKafkaCanNeverTakeIsPermanent() {
        PublishFailure failure = PublishFailure.of(new ExecutionException(new RecordTooLargeException("1.2 MB")));
        assertTrue(failure.permanent());
        assertTrue(failure.reason().startsWith("RecordTooLargeException"));
    }

    @Test
    void whatConcernsEveryRecordIsRetriedNeverParked() {
        assertFalse(PublishFailure.of(new ExecutionException(new TimeoutException("broker away"))).permanent());
        assertFalse(PublishFailure.of(new ExecutionException(new NotLeaderOrFollowerException("election"))).permanent());
        assertFalse(PublishFailure.of(new ExecutionException(new TopicAuthorizationException(Set.of("t")))).permanent());
        assertFalse(PublishFailure.of(new java.util.concurrent.TimeoutException()).permanent());
    }
}
