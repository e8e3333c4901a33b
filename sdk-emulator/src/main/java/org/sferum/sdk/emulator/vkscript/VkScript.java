package org.sferum.sdk.emulator.vkscript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the VKScript program of an {@code execute} call ({@code docs/wire/vk-api.md}, "execute").
 */
public final class VkScript {
    /** At most this many API calls per program (VK's limit); one more is error 13. */
    public static final int MAX_API_CALLS = 25;
    /** At most this many operations per program (VK's limit); one more is error 13. */
    public static final int MAX_OPERATIONS = 1000;

    private VkScript() {
    }

    /**
     * Parses and runs a program.
     *
     * @param code the program
     * @param args the {@code execute} call's other parameters, the program's {@code Args}
     * @param api where its API calls go
     * @return the value of its {@code return} and the errors of its failed API calls
     * @throws VkScriptException error 12 for a program that does not compile, 13 for one that fails as a whole
     */
    public static Result run(String code, Map<String, String> args, ApiGateway api) {
        Objects.requireNonNull(code, "code");
        Node.Block program = Parser.parse(code);
        return new Interpreter(args, api).run(program);
    }

    /**
     * What a program gave.
     *
     * @param response the value of its {@code return} ({@code null} node when it returned nothing)
     * @param executeErrors one {@code {method, error_code, error_msg}} per failed API call, in order
     */
    public record Result(JsonNode response, ArrayNode executeErrors) {
        /**
         * Checks the fields.
         *
         * @param response the value
         * @param executeErrors the errors
         */
        public Result {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(executeErrors, "executeErrors");
        }
    }
}
