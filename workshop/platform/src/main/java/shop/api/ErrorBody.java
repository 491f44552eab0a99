package shop.api;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import shop.json.Json;

/** The one shape of every error the shop answers: {@code {"error": ..., "field": ..., "status": ...}}. */
record ErrorBody(String error, String field, int status) {
    private static final ObjectMapper JSON = Json.mapper();

    Map<String, Object> asMap() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("field", field);
        body.put("status", status);
        return body;
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(asMap());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
