package shop.api;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a request body as exactly one JSON value: nothing may follow it, no field may appear twice, and it may nest
 * at most {@value #MAX_DEPTH} levels. Errors say in words where the JSON went wrong; Jackson's own messages name its
 * classes and settings, so none of them is passed on.
 */
final class JsonBody {
    static final int MAX_DEPTH = 16;
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '([^']{1,64})'");
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(64).build())
            .build());

    private JsonBody() {}

    static JsonNode read(byte[] body) {
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonNode value = MAPPER.readTree(parser);
            if (value == null || value.isMissingNode()) {
                throw new ApiError(400, "body", "body: empty; send a JSON object");
            }
            requireNothingAfter(parser);
            return value;
        } catch (StreamConstraintsException e) {
            throw new ApiError(400, "body", "body: nested deeper than " + MAX_DEPTH + " levels, or a number longer than"
                    + " 64 digits");
        } catch (JsonProcessingException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                throw ApiError.badField(duplicate.group(1), "appears more than once");
            }
            throw new ApiError(400, "body", "body: malformed JSON " + where(e.getLocation()));
        } catch (IOException e) {
            throw new ApiError(400, "body", "body: could not be read as JSON");
        }
    }

    private static void requireNothingAfter(JsonParser parser) {
        JsonLocation end = parser.currentLocation();
        boolean more;
        try {
            more = parser.nextToken() != null;
        } catch (IOException e) {
            more = true;
        }
        if (more) {
            throw new ApiError(400, "body", "body: unexpected data after the JSON value, " + where(end));
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : "at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
