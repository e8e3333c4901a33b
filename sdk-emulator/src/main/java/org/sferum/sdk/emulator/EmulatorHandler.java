package org.sferum.sdk.emulator;

import java.io.IOException;

/** Answers the requests under one path prefix of the emulator (see {@link EmulatorHttpServer}). */
@FunctionalInterface
interface EmulatorHandler {
    /**
     * Answers a request; the exchange is finished by {@link EmulatorExchange#close()}, now or later.
     *
     * @param exchange the request and its answer
     * @throws IOException if the client went away
     */
    void handle(EmulatorExchange exchange) throws IOException;
}
