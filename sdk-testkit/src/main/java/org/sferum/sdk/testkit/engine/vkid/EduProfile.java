package org.sferum.sdk.testkit.engine.vkid;

import java.time.LocalDate;
import java.util.Optional;
import org.sferum.sdk.users.UserId;

/**
 * An educational profile of a VK ID account: the platform user and what «Информация о себе» adds to it.
 *
 * @param user the platform user
 * @param patronymic the patronymic, if any
 * @param birthDate the birth date; empty for profiles a seed attached
 * @param female whether female ({@code false} also when unknown)
 */
record EduProfile(UserId user, Optional<String> patronymic, Optional<LocalDate> birthDate, boolean female) {
}
