package org.sferum.sdk.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sferum} command-line tool. Exit codes: 0 done, 1 input invalid (a bad roster, a bad option),
 * 2 platform error (or a platform command this version does not have yet).
 */
@Command(name = "sferum", mixinStandardHelpOptions = true, version = "sferum-cli 0.1.0",
        description = "The Sferum SDK's command-line tool.",
        subcommands = {RosterCommand.class})
public final class SferumCli implements Runnable {
    /** Exit code: the work is done. */
    public static final int DONE = 0;
    /** Exit code: the input (roster files, options) is invalid. */
    public static final int INPUT_INVALID = 1;
    /** Exit code: the platform failed, or the command needs a platform this version cannot reach yet. */
    public static final int PLATFORM_ERROR = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Creates the command; picocli fills its fields. */
    public SferumCli() {
    }

    /**
     * Runs the tool and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the tool in process, as tests do.
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error (messages and progress)
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new SferumCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, given) -> {
            err.println(e.getMessage());
            e.getCommandLine().usage(err);
            return INPUT_INVALID;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            err.println("error: " + e.getMessage());
            return e instanceof org.sferum.sdk.error.ValidationException ? INPUT_INVALID : PLATFORM_ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Without a subcommand, prints the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
