package org.sferum.sdk.samples.journal;

import org.sferum.sdk.error.ErrorCode;

/** What the journal shows for each {@link ErrorCode} of the SDK, in Russian (docs/linking.md, docs/calls.md). */
final class ErrorTexts {
    private ErrorTexts() {
    }

    /**
     * The text for an error code.
     *
     * @param code the code
     * @return the Russian text
     */
    static String of(ErrorCode code) {
        return switch (code) {
            case ACCESS_DENIED -> "Вы отменили вход в VK ID. Учётная запись не привязана.";
            case STATE_MISMATCH, AUTHORIZATION_CODE_INVALID ->
                    "Ссылка входа устарела или уже использована. Начните привязку заново.";
            case PKCE_MISMATCH, REDIRECT_URI_MISMATCH, ID_TOKEN_SIGNATURE_INVALID, ID_TOKEN_ALGORITHM_NOT_ALLOWED,
                 ID_TOKEN_EXPIRED, ID_TOKEN_ISSUER_MISMATCH, ID_TOKEN_AUDIENCE_MISMATCH, NONCE_MISMATCH,
                 ID_TOKEN_INVALID -> "Ответ VK ID не прошёл проверку. Привязка не выполнена.";
            case ACCOUNT_ALREADY_LINKED -> "Учётная запись уже привязана к учебному профилю.";
            case PROFILE_ALREADY_LINKED -> "Этот учебный профиль уже привязан к другой учётной записи.";
            case NOT_LINKED, RELINK_REQUIRED, AUTHENTICATION_FAILED, TOKEN_EXPIRED ->
                    "Учётная запись не привязана к Сферуму или доступ истёк. Привяжите учебный профиль VK ID снова.";
            case CONFIRMATION_REQUIRED -> "Подтвердите отвязку учётной записи.";
            case MESSAGE_EMPTY -> "Сообщение пустое.";
            case MESSAGE_TOO_LONG -> "Сообщение слишком длинное (не больше 9000 символов).";
            case NOT_A_CHAT_MEMBER -> "Вы не участник этого чата.";
            case NOT_ALLOWED_IN_CHAT, PERMISSION_DENIED -> "Недостаточно прав для этого действия.";
            case WRITING_DISABLED -> "В этом чате писать нельзя.";
            case CHAT_NOT_FOUND -> "Чат не найден.";
            case NOT_INVITED_TO_CALL -> "Вы не участник этого звонка.";
            case CALL_ADMIN_REQUIRED -> "Это может сделать только организатор звонка.";
            case CALL_NOT_FOUND -> "Звонок не найден.";
            case CALL_NOT_STARTED -> "Урок ещё не начался: подключиться можно с начала урока.";
            case CALL_ENDED -> "Звонок уже завершён.";
            case WAITING_FOR_ADMISSION -> "Ожидайте, организатор скоро впустит вас.";
            case REMOVED_FROM_CALL -> "Организатор удалил вас из звонка.";
            case RATE_LIMITED, TOO_MANY_ATTEMPTS -> "Слишком много запросов. Попробуйте чуть позже.";
            case SERVICE_UNAVAILABLE, TRANSPORT_FAILURE, MALFORMED_RESPONSE ->
                    "Сферум сейчас недоступен. Попробуйте позже.";
            case RECORDING_STATE_CONFLICT -> "Запись уже идёт или уже остановлена. Обновите страницу урока.";
            case PARTICIPANT_NOT_FOUND -> "Сначала откройте звонок: записывает организатор, который в звонке.";
            // no «попробуйте ещё раз» where trying again cannot help
            default -> "Не получилось выполнить действие.";
        };
    }

    /**
     * The HTTP status of a page that shows an error.
     *
     * @param code the code
     * @return the status
     */
    static int status(ErrorCode code) {
        return switch (code.category()) {
            case VALIDATION -> 400;
            case AUTHENTICATION -> 401;
            case PERMISSION -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case RATE_LIMIT -> 429;
            default -> 502;
        };
    }
}
