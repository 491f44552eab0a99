package shop.app;

import java.time.Duration;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** "90s", "2m", "1h" or a number of seconds. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase();
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long amount = Long.parseLong(text.replaceAll("[smh]$", ""));
            if (amount <= 0) {
                throw new TypeConversionException("must be positive: " + value);
            }
            return switch (text.charAt(text.length() - 1)) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        } catch (NumberFormatException e) {
            throw new TypeConversionException("not a duration: '" + value + "' (try 30s, 2m or 1h)");
        }
    }
}
