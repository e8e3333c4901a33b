package org.sferum.sdk.samples.springjournal;

import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallSettings;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.UserId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The journal's pages: who you are, then the «Сферум» section (linking, «Чаты», «Видеоконференции») through the
 * {@link Sferum} bean the starter made. Every SDK error is shown in Russian by its code, never by its text.
 */
@Controller
public class SferumController {
    /** The chat the teacher opens for the class. */
    static final String CLASS_CHAT = "5в — классный чат";
    private static final String USER = "journal.user";
    private static final Map<ErrorCode, String> ERRORS = Map.of(
            ErrorCode.MESSAGE_EMPTY, "Сообщение пустое.",
            ErrorCode.NOT_A_CHAT_MEMBER, "Вы не участник этого чата.",
            ErrorCode.NOT_LINKED, "Учётная запись не привязана к учебному профилю VK ID.",
            ErrorCode.ACCESS_DENIED, "Привязка отменена на странице VK ID.",
            ErrorCode.STATE_MISMATCH, "Ссылка привязки устарела или начата для другой учётной записи.",
            ErrorCode.PROFILE_ALREADY_LINKED, "Этот учебный профиль уже привязан к другой учётной записи.");

    private final Sferum sferum;
    private final JournalUsers users;

    /**
     * Made by Spring.
     *
     * @param sferum the client (or, in tests, the fake)
     * @param users the journal's users
     */
    public SferumController(Sferum sferum, JournalUsers users) {
        this.sferum = sferum;
        this.users = users;
    }

    /**
     * The journal's front page: log in as one of its users.
     *
     * @param model the page's model
     * @return the template
     */
    @GetMapping("/")
    public String index(Model model) {
        model.addAttribute("users", users.all());
        return "index";
    }

    /**
     * Logs in (the sample has no passwords: the journal's own login is not the point).
     *
     * @param account the school account
     * @param http the HTTP session
     * @return a redirect to the section
     */
    @PostMapping("/login")
    public String login(@RequestParam String account, HttpSession http) {
        users.find(account).ifPresent(user -> http.setAttribute(USER, user));
        return "redirect:/sferum";
    }

    /**
     * The «Сферум» section: the linking button, or the chats and calls of the linked account.
     *
     * @param http the HTTP session
     * @param model the page's model
     * @return the template
     */
    @GetMapping("/sferum")
    public String section(HttpSession http, Model model) {
        JournalUsers.User user = user(http);
        if (user == null) {
            return "redirect:/";
        }
        model.addAttribute("user", user);
        Optional<Link> link = sferum.links().find(user.account());
        model.addAttribute("linked", link.isPresent());
        if (link.isPresent()) {
            SferumSession session = sferum.session(user.account());
            model.addAttribute("chats", session.chats().list(ChatFilter.ALL, PageRequest.first()).items());
            model.addAttribute("calls", session.calls().list(PageRequest.first()).items());
        }
        return "sferum";
    }

    /**
     * «Привязать учебный профиль VK ID»: to VK ID's pages.
     *
     * @param http the HTTP session
     * @return a redirect to VK ID
     */
    @PostMapping("/sferum/link")
    public String link(HttpSession http) {
        JournalUsers.User user = required(http);
        return "redirect:" + sferum.links().start(user.account(), user.role()).authorizationUri();
    }

    /**
     * Where VK ID sends the user back: the link is completed for the account that started it.
     *
     * @param query the callback's parameters
     * @param http the HTTP session
     * @return a redirect to the section
     */
    @GetMapping("/sferum/callback")
    public String callback(@RequestParam Map<String, String> query, HttpSession http) {
        sferum.links().complete(query, required(http).account());
        return "redirect:/sferum";
    }

    /**
     * «Отвязать учётную запись».
     *
     * @param http the HTTP session
     * @return a redirect to the section
     */
    @PostMapping("/sferum/unlink")
    public String unlink(HttpSession http) {
        sferum.links().unlink(required(http).account(), true);
        return "redirect:/sferum";
    }

    /**
     * The teacher opens the class chat with every linked student of the journal.
     *
     * @param http the HTTP session
     * @return a redirect to the section
     */
    @PostMapping("/sferum/chats")
    public String createClassChat(HttpSession http) {
        JournalUsers.User user = required(http);
        Set<UserId> students = new LinkedHashSet<>();
        for (JournalUsers.User other : users.all()) {
            if (!other.teacher()) {
                sferum.links().find(other.account()).ifPresent(link -> students.add(link.user()));
            }
        }
        ChatId chat = sferum.session(user.account()).chats().create(NewChat.of(CLASS_CHAT, students));
        return "redirect:/sferum/chats/" + chat.peerId();
    }

    /**
     * A chat: its messages, oldest first, and the form to write.
     *
     * @param peerId the chat
     * @param http the HTTP session
     * @param model the page's model
     * @return the template
     */
    @GetMapping("/sferum/chats/{peerId}")
    public String chat(@PathVariable long peerId, HttpSession http, Model model) {
        JournalUsers.User user = required(http);
        SferumSession session = sferum.session(user.account());
        ChatId chat = ChatId.of(peerId);
        model.addAttribute("user", user);
        model.addAttribute("chat", session.chats().get(chat));
        model.addAttribute("messages", session.messages().history(chat, HistoryQuery.oldestFirst(50)).items());
        return "chat";
    }

    /**
     * Sends a message.
     *
     * @param peerId the chat
     * @param text the text
     * @param http the HTTP session
     * @return a redirect to the chat
     */
    @PostMapping("/sferum/chats/{peerId}")
    public String send(@PathVariable long peerId, @RequestParam String text, HttpSession http) {
        sferum.session(required(http).account()).messages().send(ChatId.of(peerId), Draft.text(text));
        return "redirect:/sferum/chats/" + peerId;
    }

    /**
     * «Создать звонок»: a call by link, for the lesson.
     *
     * @param title the call's title
     * @param http the HTTP session
     * @return a redirect to the section
     */
    @PostMapping("/sferum/calls")
    public String createCall(@RequestParam String title, HttpSession http) {
        Call call = sferum.session(required(http).account()).calls().startByLink(title, new CallSettings(false, false));
        return "redirect:/sferum#call-" + call.id().value();
    }

    /**
     * Shows an SDK error in Russian, by its code.
     *
     * @param e the error
     * @param model the page's model
     * @return the template
     */
    @ExceptionHandler(SferumException.class)
    public String error(SferumException e, Model model) {
        model.addAttribute("code", e.code().name());
        model.addAttribute("text", ERRORS.getOrDefault(e.code(), "Сферум не смог выполнить действие."));
        return "error-page";
    }

    private static JournalUsers.User user(HttpSession http) {
        return (JournalUsers.User) http.getAttribute(USER);
    }

    private static JournalUsers.User required(HttpSession http) {
        JournalUsers.User user = user(http);
        if (user == null) {
            throw new NotLoggedIn();
        }
        return user;
    }

    /**
     * Sends who is not logged in to the front page.
     *
     * @return a redirect to the front page
     */
    @ExceptionHandler(NotLoggedIn.class)
    public String notLoggedIn() {
        return "redirect:/";
    }

    /** Nobody is logged in to the journal in this HTTP session. */
    static final class NotLoggedIn extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotLoggedIn() {
            super("log in to the journal first", null, false, false);
        }
    }
}
