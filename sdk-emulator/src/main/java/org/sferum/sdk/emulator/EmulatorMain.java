package org.sferum.sdk.emulator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator as a process: {@code java -jar sferum-emulator.jar [--port N] [--seed demo] [--tls] [--help]}.
 * Once listening it prints {@code Sferum emulator listening on http://127.0.0.1:PORT} ({@code https://} with
 * {@code --tls}) on standard output, then runs until the process is stopped. Its clock is the system clock, which
 * {@code POST /_emulator/clock} moves forward. {@code --tls-names}, {@code --export-cert} and {@code --control-token}
 * are described in {@code docs/testkit.md}. Bad arguments print the usage on standard error and exit with code 2.
 */
public final class EmulatorMain {
    /** The exit code for bad arguments. */
    static final int EXIT_USAGE = 2;
    /** The exit code when the emulator cannot listen. */
    static final int EXIT_FAILURE = 1;

    private EmulatorMain() {
    }

    /**
     * Starts the emulator and blocks until the process is stopped.
     *
     * @param args {@code --port N} (default 8080), {@code --seed demo}, {@code --tls}, {@code --help}
     * @throws InterruptedException if the main thread is interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        EmulatorOptions options;
        try {
            options = EmulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sferum-emulator: " + e.getMessage());
            System.err.println(EmulatorOptions.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        if (options.help()) {
            System.out.println(EmulatorOptions.USAGE);
            return;
        }
        SferumEmulator emulator;
        try {
            emulator = start(options, System.out);
        } catch (UncheckedIOException e) {
            System.err.println("sferum-emulator: " + e.getMessage());
            System.exit(EXIT_FAILURE);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "sferum-emulator-shutdown"));
        stopped.await();
    }

    /**
     * Starts an emulator as the options say and prints the listening line.
     *
     * @param options the options
     * @param out where to print the line
     * @return the running emulator
     */
    static SferumEmulator start(EmulatorOptions options, PrintStream out) {
        SferumEmulator.Builder builder = SferumEmulator.builder().port(options.port()).seedDemo(options.seedDemo())
                .tls(options.tls()).tlsNames(options.tlsNames());
        if (options.controlToken() != null) {
            builder.controlToken(options.controlToken());
        }
        if (options.maxPort() >= 0) {
            builder.maxPort(options.maxPort());
        }
        if (options.bind() != null) {
            builder.bindAddress(options.bind());
        }
        if (options.oneRoster() != null) {
            org.sferum.sdk.roster.RosterSnapshot roster = org.sferum.sdk.roster.oneroster.OneRosterReader
                    .on(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow"))).read(options.oneRoster());
            if (!roster.invalidRows().isEmpty()) {
                out.println("The roster has " + roster.invalidRows().size() + " invalid rows; the valid part is"
                        + " seeded (first: " + roster.invalidRows().get(0) + ")");
            }
            builder.seedRoster(roster, options.linked());
        }
        SferumEmulator emulator = builder.start();
        emulator.rosterSeed().ifPresent(seed -> out.println("Roster seeded: " + seed));
        if (options.exportCert() != null) {
            emulator.exportCertificate(options.exportCert());
            out.println("Certificate written to " + options.exportCert().toAbsolutePath());
        }
        out.println("Sferum emulator listening on " + emulator.baseUri());
        emulator.maxUri().ifPresent(max -> out.println("MAX Bot API listening on " + max));
        out.flush();
        return emulator;
    }
}
