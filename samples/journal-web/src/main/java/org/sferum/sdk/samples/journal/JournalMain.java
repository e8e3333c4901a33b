package org.sferum.sdk.samples.journal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/** Runs the demo journal until the process is stopped: {@code java -jar sferum-sample-journal.jar [--port 8090]}. */
public final class JournalMain {
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
            } else {
                out.println("Использование: java -jar sferum-sample-journal.jar [--port 8090]");
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
                + " (телефоны +79000000001…5, пароль " + org.sferum.sdk.testkit.DemoSchool.PASSWORD
                + ", код из СМС: " + app.emulator().baseUri() + "/_emulator/sms?phone=%2B79000000001)");
        out.println("Остановить: Ctrl+C");
        stopped.await();
    }
}
