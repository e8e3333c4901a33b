package org.sferum.sdk.emulator;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.emulator.LoginPages.PageError;
import org.sferum.sdk.testkit.engine.vkid.GrantError;
import org.sferum.sdk.testkit.engine.vkid.VkIdService;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.AuthorizationResult;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.AuthorizeRequest;
import org.sferum.sdk.testkit.vkid.VkIdLogin.Step;
import org.sferum.sdk.users.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /authorize}: {@code GET} starts a login ({@code docs/wire/vk-id.md}, "GET /authorize") and shows
 * the phone page; {@code POST} submits a step's form and shows the next page, or the same page with the error, or
 * redirects back to the school system at the end. The engine decides everything; this class only translates.
 */
final class LoginPagesHandler implements EmulatorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LoginPagesHandler.class);

    private final VkIdService vkId;
    private final LoginSteps steps;
    private final OpenerPage openers = new OpenerPage();
    private final VkIdBrowserSessions sessions;
    private final boolean secure;
    private final boolean demo;

    /**
     * Creates the handler.
     *
     * @param vkId the engine's VK ID
     * @param sessions the browser sessions a finished login leaves (docs/wire/call-page.md)
     * @param secure whether the emulator serves TLS (the session cookie is then Secure)
     * @param demo whether to show the SMS code it sent on the SMS page (SferumEmulator.Builder#showSmsCodes)
     */
    LoginPagesHandler(VkIdService vkId, VkIdBrowserSessions sessions, boolean secure, boolean demo) {
        this.vkId = vkId;
        this.steps = new LoginSteps(vkId);
        this.sessions = sessions;
        this.secure = secure;
        this.demo = demo;
    }

    @Override
    public void handle(EmulatorExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        try {
            if (!LoginForm.PATH.equals(exchange.getRequestURI().getPath())) {
                HttpJson.send(exchange, 404, HttpJson.controlError("not_found", "no such path"));
            } else if ("GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method)) {
                start(exchange);
            } else if ("POST".equalsIgnoreCase(method)) {
                submit(exchange);
            } else {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD, POST");
                Html.send(exchange, 405, LoginPages.failure(new PageError(ErrorCode.INVALID_ARGUMENT,
                        Optional.empty()), "Используйте GET или POST."));
            }
        } catch (VkFailure e) {
            Html.send(exchange, 400, LoginPages.failure(new PageError(ErrorCode.INVALID_ARGUMENT, Optional.empty()),
                    "Запрос не удалось прочитать."));
        } catch (RuntimeException e) {
            LOG.error("VK ID page {} {} failed unexpectedly", method, LoginForm.PATH, Redacted.of(e));
            Html.send(exchange, 500, LoginPages.failure(new PageError(ErrorCode.SERVICE_UNAVAILABLE,
                    Optional.empty()), "Внутренняя ошибка эмулятора; подробности в его журнале."));
        }
    }

    private void start(EmulatorExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        UrlForm.decodeInto(exchange.getRequestURI().getRawQuery(), query);
        String state = query.get("state");
        String flowId;
        try {
            flowId = vkId.authorize(new AuthorizeRequest(query.get("client_id"), query.get("redirect_uri"), state,
                    query.get("code_challenge"), query.get("code_challenge_method"), query.get("scope"),
                    Optional.ofNullable(query.get("nonce")).filter(nonce -> !nonce.isEmpty())));
        } catch (SferumException e) {
            String redirectUri = query.get("redirect_uri");
            if (OAuthRefusals.authorizeRedirects(e) && redirectUri != null && !redirectUri.isEmpty()) {
                redirect(exchange, RedirectUris.error(redirectUri, GrantError.of(e).map(GrantError::error)
                        .orElse("invalid_request"), e.getMessage(), state));
            } else if (GrantError.of(e).filter(GrantError.PARAMETER_TOO_LONG::equals).isPresent()) {
                Html.send(exchange, 400, LoginPages.failure(PageError.of(e), "Запрос входа слишком длинный ("
                        + e.getMessage() + "). Вернитесь в школьную систему и начните заново."));
            } else {
                Html.send(exchange, 400, LoginPages.failure(PageError.of(e), "Приложение не найдено или адрес "
                        + "возврата для него не зарегистрирован. Вернитесь в школьную систему."));
            }
            return;
        }
        String responseType = query.get("response_type");
        if (!"code".equals(responseType)) {
            vkId.cancel(flowId);
            redirect(exchange, RedirectUris.error(query.get("redirect_uri"),
                    responseType == null || responseType.isEmpty() ? "invalid_request" : "unsupported_response_type",
                    "response_type must be code", state));
            return;
        }
        if (!query.getOrDefault(OpenerPage.ORIGIN_PARAM, "").isEmpty()) {
            openers.remember(flowId);
        }
        show(exchange, flowId, Optional.empty());
    }

    private void submit(EmulatorExchange exchange) throws IOException {
        Map<String, String> form = VkCallReader.read(exchange).params();
        String flowId = form.getOrDefault(LoginForm.FLOW_ID, "");
        try {
            Optional<AuthorizationResult> end = steps.perform(flowId, form);
            if (end.isPresent()) {
                String location = RedirectUris.of(end.get());
                end.get().user().ifPresent(user -> exchange.getResponseHeaders().add("Set-Cookie",
                        sessions.open(user, secure)));
                if (openers.take(flowId)) {
                    OpenerPage.Answer page = OpenerPage.page(end.get(), location);
                    exchange.getResponseHeaders().set("Content-Security-Policy", page.contentSecurityPolicy());
                    Html.send(exchange, 200, page.html());
                } else {
                    redirect(exchange, location);
                }
                return;
            }
            show(exchange, flowId, Optional.empty());
        } catch (SferumException e) {
            show(exchange, flowId, Optional.of(PageError.of(e)));
        }
    }

    private void show(EmulatorExchange exchange, String flowId, Optional<PageError> error) throws IOException {
        Step step;
        Optional<Person> checkData = Optional.empty();
        try {
            step = vkId.step(flowId);
            if (step == Step.CHECK_DATA) {
                checkData = Optional.of(vkId.checkData(flowId));
            }
        } catch (SferumException e) {
            Html.send(exchange, 404, LoginPages.failure(new PageError(ErrorCode.NOT_FOUND, Optional.empty()),
                    "Вход не найден или уже завершён. Вернитесь в школьную систему и начните заново."));
            return;
        }
        if (error.isPresent() && error.get().code() == ErrorCode.TOO_MANY_ATTEMPTS) {
            error.get().retryAfter().ifPresent(wait -> exchange.getResponseHeaders().set("Retry-After",
                    Long.toString(Math.max(0, wait.getSeconds()))));
        }
        Html.send(exchange, error.map(PageError::status).orElse(200),
                LoginPages.step(step, flowId, checkData, error,
                        demo ? vkId.smsCodeOfLogin(flowId) : Optional.empty()));
    }

    private static void redirect(EmulatorExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }
}
