package shop.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * A real scrape of a /metrics endpoint, and lookups in the Prometheus text it returns, the way Prometheus reads it.
 *
 * @param text  the scrape
 * @param about what a failed lookup's message starts with, e.g. "TODO 3: " for the TODO that makes the meter
 */
public record Scrape(String text, String about) {
    private static final HttpClient http = HttpClient.newHttpClient();

    public Scrape(String text) {
        this(text, "");
    }

    /** The same scrape, whose failed lookups start with {@code what}, e.g. the TODO that makes the meter looked up. */
    public Scrape about(String what) {
        return new Scrape(text, what + ": ");
    }

    public static Scrape of(String metricsUrl) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(metricsUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + metricsUrl + " answered " + response.statusCode());
            }
            return new Scrape(response.body());
        } catch (IOException e) {
            throw new AssertionError("could not scrape " + metricsUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Lines of this series whose labels include every given {@code label="value"} pair. */
    public List<String> lines(String series, String... labelPairs) {
        Pattern start = Pattern.compile("^" + Pattern.quote(series) + "[{ ].*");
        return text.lines()
                .filter(line -> start.matcher(line).matches())
                .filter(line -> java.util.Arrays.stream(labelPairs).allMatch(line::contains))
                .toList();
    }

    /** The value of the only sample that matches, or empty if none does. */
    public OptionalDouble value(String series, String... labelPairs) {
        List<String> found = lines(series, labelPairs);
        if (found.size() > 1) {
            throw new AssertionError(about + "more than one " + series + " sample matches " + List.of(labelPairs)
                    + " (each value of a tag makes a series of its own): " + found);
        }
        return found.stream().mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst();
    }

    /** The sample's value; fails naming the series if it is missing. */
    public double require(String series, String... labelPairs) {
        return value(series, labelPairs).orElseThrow(() ->
                new AssertionError(about + "no " + series + " sample with " + List.of(labelPairs) + " in the scrape"));
    }
}
