package vn.ishc.reporting.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A report's figures as stored when it is submitted (JSON), and read back. */
@ApplicationScoped
public class FrozenFigures {

    @Inject
    ObjectMapper json;

    public String write(ReportFigures figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public ReportFigures read(String frozen) {
        try {
            return json.readValue(frozen, ReportFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("frozen figures unreadable", e);
        }
    }
}
