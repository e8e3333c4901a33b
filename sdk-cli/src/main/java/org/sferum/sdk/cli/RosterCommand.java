package org.sferum.sdk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sferum roster}: roster sync from OneRoster files (F-EMB-01, F-CHAT-01). */
@Command(name = "roster", mixinStandardHelpOptions = true,
        description = "Roster sync: plan (and, later, apply) the automatic chats of a OneRoster roster.",
        subcommands = {RosterPlanCommand.class, RosterApplyCommand.class})
public final class RosterCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Creates the command; picocli fills its fields. */
    public RosterCommand() {
    }

    /** Without a subcommand, prints the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
