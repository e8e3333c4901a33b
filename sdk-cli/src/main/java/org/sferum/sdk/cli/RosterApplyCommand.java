package org.sferum.sdk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sferum roster apply}: not in this version. Applying a plan needs the platform side of roster sync (the
 * engine's rules, sdk-core's wire), which comes next (docs/roster.md, «Coming»); the command exists so that scripts
 * see a clear refusal, exit code 2.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply the plan to a platform (not yet in this version: exits with 2).")
public final class RosterApplyCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--oneroster", paramLabel = "DIR", description = "The OneRoster CSV directory.")
    private Path directory;

    @Option(names = "--emulator", paramLabel = "URL", description = "The emulator's base URL.")
    private String emulator;

    @Option(names = "--endpoint", paramLabel = "URL", description = "The platform's endpoint.")
    private String endpoint;

    @Option(names = "--resume", description = "Resume an interrupted apply.")
    private boolean resume;

    @Option(names = "--dry-run", description = "Go through the plan without changing the platform.")
    private boolean dryRun;

    /** Creates the command; picocli fills its fields. */
    public RosterApplyCommand() {
    }

    /**
     * Refuses: applying is not in this version.
     *
     * @return {@link SferumCli#PLATFORM_ERROR}
     */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("roster apply is not available yet in this version: applying a plan "
                + "to the platform (emulator or production) comes with the next step of roster sync; see "
                + "docs/roster.md. Use 'sferum roster plan --oneroster DIR' to check a roster offline.");
        return SferumCli.PLATFORM_ERROR;
    }
}
