package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A mistyped command or option is a one-line error naming it, with exit code 2, never help and success. */
class UnknownArgumentsTest {

    @ParameterizedTest(name = "./shop {0}")
    @CsvSource(delimiter = '|', value = {
            "stak --help        | unknown command 'stak' for shop",
            "stak               | unknown command 'stak' for shop",
            "--bogus            | unknown option '--bogus' for shop",
            "run --bogus        | unknown option '--bogus' for shop run",
            "run --bogus --help | unknown option '--bogus' for shop run",
            "load --rate        | '--rate'",
    })
    void isAOneLineErrorWithExitCode2(String args, String expected) {
        Cli cli = new Cli();

        int exit = cli.run(args.trim().split(" +"));

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err.toString().strip()).startsWith("error: ").contains(expected).doesNotContain("\n");
        assertThat(cli.out.toString()).as("no usage help").isEmpty();
    }
}
