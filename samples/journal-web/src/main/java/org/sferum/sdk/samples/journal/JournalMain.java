package org.sferum.sdk.samples.journal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/** Runs the demo journal until the process is stopped: {@code java -jar sferum-sample-journal.jar [--port 8090]}. */
public final class JournalMain {
    /** The usage line. */
    static final String USAGE = "Использование: java -jar sferum-sample-journal.jar [--port 8090] [--help]";

    private JournalMain() {
    }

    /**
     * Starts the journal on 127.0.0.1 and waits.
     *
     * @param args {@code --port N} (default 8090)
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int port = 8090;
        for (int i = 0; i < args.length; i++) {
            if ("--port".equals(args[i]) && i + 1 < args.length) {
                try {
                    port = Integer.parseInt(args[++i]);
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 0 || port > 65535) {
                    out.println("Порт должен быть числом от 0 до 65535");
                    System.exit(2);
                }
            } else if ("--help".equals(args[i]) || "-h".equals(args[i])) {
                out.println(USAGE);
                return;
            } else {
                out.println("Неизвестный параметр: " + args[i]);
                out.println(USAGE);
                System.exit(2);
            }
        }
        JournalApp app = JournalApp.start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "journal-shutdown"));
        out.println("Электронный журнал (демо) запущен: " + app.baseUri() + "/");
        out.println("Эмулятор Сферума и VK ID: " + app.emulator().baseUri()
                + " (телефоны и пароли — на странице входа журнала; код из СМС эмулятор показывает на своей "
                + "странице VK ID)");
        out.println("Остановить: Ctrl+C");
        stopped.await();
    }
}
