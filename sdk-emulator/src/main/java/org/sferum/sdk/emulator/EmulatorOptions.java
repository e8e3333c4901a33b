package org.sferum.sdk.emulator;

/**
 * The command line of {@link EmulatorMain}.
 *
 * @param port the port to listen on, 0 for a free one
 * @param seedDemo whether to seed the demo school
 * @param tls whether to listen over HTTPS with a self-signed certificate
 * @param help whether only the usage was asked for
 * @param tlsNames more names for the certificate ({@code --tls-names a,b})
 * @param exportCert where to write the certificate as PEM ({@code --export-cert FILE}), or {@code null}
 * @param controlToken the token the control API requires ({@code --control-token}), or {@code null}
 * @param maxPort the MAX face's port ({@code --max-port N}), or -1 without it
 * @param bind the address to listen on ({@code --bind}, such as {@code 0.0.0.0} in a container), or {@code null}
 *             for 127.0.0.1
 * @param oneRoster the OneRoster directory to seed ({@code --seed oneroster:DIR}), or {@code null}
 * @param linked the share of the roster's people linked to VK ID ({@code :linked=F}, default 1.0)
 */
record EmulatorOptions(int port, boolean seedDemo, boolean tls, boolean help, java.util.List<String> tlsNames,
        java.nio.file.Path exportCert, String controlToken, int maxPort, String bind, java.nio.file.Path oneRoster,
        double linked) {
    /** The port when {@code --port} is not given. */
    static final int DEFAULT_PORT = 8080;

    /** The usage text. */
    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar sferum-emulator.jar [--port N] [--seed demo] [--seed oneroster:DIR[:linked=F]]"
                    + " [--tls [--tls-names a,b] [--export-cert FILE]]"
                    + " [--control-token T] [--max-port N] [--bind ADDR] [--help]",
            "  --port N      listen on 127.0.0.1:N (default " + DEFAULT_PORT + "; 0 picks a free port)",
            "  --seed demo   seed the demo school (see GET /_emulator/demo); without it the platform is empty",
            "  --seed oneroster:DIR[:linked=F]   seed a OneRoster CSV roster: a VK ID account (password "
                    + org.sferum.sdk.testkit.DemoSchool.PASSWORD + ") for each person",
            "                with a phone, the share F (default 1.0) linked to their school account, a service",
            "                account per school (tokens in GET /_emulator/demo under roster.service_tokens)",
            "  --tls         listen over HTTPS with a self-signed certificate for 127.0.0.1 and localhost,",
            "                generated at start (clients must trust it; VK's own web clients need https)",
            "  --tls-names a,b   add names to the certificate (e.g. id.vk.ru,api.vk.ru mapped to 127.0.0.1)",
            "  --export-cert FILE  write the certificate as PEM, for browsers and JVMs to trust",
            "  --control-token T   require the header X-Emulator-Token: T on the control API (/_emulator/)",
            "  --max-port N  also serve the MAX Bot API (the MAX face, plain HTTP) on 127.0.0.1:N (0 picks a free",
            "                port); bot tokens in GET /_emulator/demo",
            "  --bind ADDR   listen on the IP address ADDR instead of 127.0.0.1, such as 0.0.0.0 in a container;",
            "                links still name 127.0.0.1:PORT, so publish the same port on the host's loopback",
            "  --help        print this text and exit");

    /**
     * Parses the arguments.
     *
     * @param args the arguments
     * @return the options
     * @throws IllegalArgumentException with what is wrong, for an unknown, repeated or malformed argument
     */
    static EmulatorOptions parse(String... args) {
        Integer port = null;
        Boolean seed = null;
        java.nio.file.Path oneRoster = null;
        double linked = 1.0;
        boolean tls = false;
        boolean help = false;
        java.util.List<String> tlsNames = java.util.List.of();
        java.nio.file.Path exportCert = null;
        String controlToken = null;
        Integer maxPort = null;
        String bind = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help":
                case "-h":
                    help = true;
                    break;
                case "--tls":
                    if (tls) {
                        throw new IllegalArgumentException("--tls is given twice");
                    }
                    tls = true;
                    break;
                case "--port":
                    if (port != null) {
                        throw new IllegalArgumentException("--port is given twice");
                    }
                    port = port(value(args, ++i, "--port"), "--port");
                    break;
                case "--seed":
                    String seedName = value(args, ++i, "--seed");
                    if (seedName.startsWith("oneroster:")) {
                        if (oneRoster != null) {
                            throw new IllegalArgumentException("--seed oneroster: is given twice");
                        }
                        String rest = seedName.substring("oneroster:".length());
                        int at = rest.lastIndexOf(":linked=");
                        if (at >= 0) {
                            linked = fraction(rest.substring(at + ":linked=".length()));
                            rest = rest.substring(0, at);
                        }
                        if (rest.isEmpty()) {
                            throw new IllegalArgumentException("--seed oneroster: needs a directory");
                        }
                        oneRoster = java.nio.file.Path.of(rest);
                        break;
                    }
                    if (!"demo".equals(seedName)) {
                        throw new IllegalArgumentException("--seed knows 'demo' and 'oneroster:DIR[:linked=F]'");
                    }
                    if (seed != null) {
                        throw new IllegalArgumentException("--seed demo is given twice");
                    }
                    seed = Boolean.TRUE;
                    break;
                case "--tls-names":
                    tlsNames = java.util.Arrays.stream(value(args, ++i, "--tls-names").split(","))
                            .map(String::strip).filter(n -> !n.isEmpty()).toList();
                    break;
                case "--export-cert":
                    exportCert = java.nio.file.Path.of(value(args, ++i, "--export-cert"));
                    break;
                case "--control-token":
                    controlToken = value(args, ++i, "--control-token");
                    if (controlToken.length() < 16) {
                        throw new IllegalArgumentException("--control-token needs at least 16 characters");
                    }
                    break;
                case "--max-port":
                    if (maxPort != null) {
                        throw new IllegalArgumentException("--max-port is given twice");
                    }
                    maxPort = port(value(args, ++i, "--max-port"), "--max-port");
                    break;
                case "--bind":
                    if (bind != null) {
                        throw new IllegalArgumentException("--bind is given twice");
                    }
                    bind = value(args, ++i, "--bind");
                    if (!SferumEmulator.Builder.isIpLiteral(bind)) {
                        throw new IllegalArgumentException("--bind takes an IP address such as 0.0.0.0, got '"
                                + bind + "'");
                    }
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if ((exportCert != null || !tlsNames.isEmpty()) && !tls) {
            throw new IllegalArgumentException("--tls-names and --export-cert need --tls");
        }
        return new EmulatorOptions(port == null ? DEFAULT_PORT : port, seed != null, tls, help, tlsNames, exportCert,
                controlToken, maxPort == null ? -1 : maxPort, bind, oneRoster, linked);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static double fraction(String text) {
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("linked= must be a number from 0 to 1, got '" + text + "'");
    }

    private static int port(String text, String option) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a number from 0 to 65535, got '" + text + "'");
    }
}
