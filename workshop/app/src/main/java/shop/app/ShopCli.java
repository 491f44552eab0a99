package shop.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import shop.infra.PortInUse;

/** The shop's command line: {@code ./shop run}, {@code ./shop --help}. */
@Command(name = "shop", mixinStandardHelpOptions = true, version = "workshop shop 1.0",
        description = "The workshop's e-commerce shop: one order flow, coordinated three ways.",
        subcommands = {RunCommand.class, LoadCommand.class, CheckCommand.class, BenchCommand.class, ChaosCommand.class, PreflightCommand.class, StackCommand.class, PrometheusCommand.class})
public final class ShopCli implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ShopCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof PortInUse || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
