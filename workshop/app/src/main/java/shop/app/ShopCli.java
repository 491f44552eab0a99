package shop.app;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import shop.infra.PortInUse;

/** The shop's command line: {@code ./shop run}, {@code ./shop --help}. */
@Command(name = "shop", mixinStandardHelpOptions = true, version = "workshop shop 1.0",
        description = "The workshop's e-commerce shop: one order flow, coordinated three ways.",
        subcommands = {RunCommand.class, LoadCommand.class, CheckCommand.class, BenchCommand.class, ChaosCommand.class,
                PreflightCommand.class, StackCommand.class, PrometheusCommand.class, TerminateCommand.class, PoisonCommand.class,
                EventsCommand.class, HistoryCommand.class})
public final class ShopCli implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ShopCli());
        cli.setParameterExceptionHandler(ShopCli::usageError);
        cli.setExecutionStrategy(parseResult -> {
            refuseUnmatched(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof PortInUse || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    /** picocli does not report unknown arguments when --help is among them ("./shop stack --help"): do it here. */
    private static void refuseUnmatched(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (!level.unmatched().isEmpty()) {
                throw new UnmatchedArgumentException(level.commandSpec().commandLine(), level.unmatched());
            }
        }
    }

    /** One line naming what is wrong, and exit code 2, instead of the usage help. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        String problem = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            boolean option = first.startsWith("-");
            problem = (option ? "unknown option '" : command.getSubcommands().isEmpty() ? "unexpected argument '"
                    : "unknown command '") + first + "' for " + name;
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                problem += " (did you mean " + String.join(" or ", suggestions) + "?)";
            }
        }
        command.getErr().println("error: " + problem + "; ./" + name + " --help lists what it takes");
        return CommandLine.ExitCode.USAGE;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
