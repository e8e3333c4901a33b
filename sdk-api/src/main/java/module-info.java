/**
 * The Sferum SDK API: interfaces, immutable values, errors and SPI. No dependencies.
 */
module org.sferum.sdk.api {
    exports org.sferum.sdk;
    exports org.sferum.sdk.account;
    exports org.sferum.sdk.attachments;
    exports org.sferum.sdk.batch;
    exports org.sferum.sdk.calls;
    exports org.sferum.sdk.chats;
    exports org.sferum.sdk.contacts;
    exports org.sferum.sdk.error;
    exports org.sferum.sdk.events;
    exports org.sferum.sdk.links;
    exports org.sferum.sdk.messages;
    exports org.sferum.sdk.notifications;
    exports org.sferum.sdk.paging;
    exports org.sferum.sdk.roster;
    exports org.sferum.sdk.spi;
    exports org.sferum.sdk.users;
    // Checks is shared with the SDK's own modules only.
    exports org.sferum.sdk.internal to org.sferum.sdk.core, org.sferum.sdk.testkit, org.sferum.sdk.emulator;
}
