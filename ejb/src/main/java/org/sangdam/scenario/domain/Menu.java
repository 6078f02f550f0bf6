package org.sangdam.scenario.domain;

import org.sangdam.common.domain.ValidationException;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A one-digit menu (RFC 4733 DTMF): the prompt asks, a digit chooses a queue.
 * After {@code attempts} prompts without a valid digit the call goes to {@code fallbackQueue}.
 *
 * @param choices digit ('0'-'9', '*', '#') to queue name
 */
public record Menu(String prompt, Map<Character, String> choices, int timeoutSeconds, int attempts, String fallbackQueue) {
    public static final int MIN_TIMEOUT = 1;
    public static final int MAX_TIMEOUT = 30;
    public static final int MAX_ATTEMPTS = 5;

    public Menu {
        prompt = Names.prompt("menu.prompt", prompt);
        if (choices == null || choices.isEmpty()) {
            throw new ValidationException("menu.choices", "menu.choices needs at least one digit");
        }
        Map<Character, String> checked = new TreeMap<>();
        choices.forEach((digit, queue) -> {
            if (digit == null || "0123456789*#".indexOf(digit) < 0) {
                throw new ValidationException("menu.choices", "menu.choices: '" + digit + "' is not a phone key (0-9, * or #)");
            }
            checked.put(digit, Names.queue("menu.choices." + digit, queue));
        });
        choices = Map.copyOf(checked);
        if (timeoutSeconds < MIN_TIMEOUT || timeoutSeconds > MAX_TIMEOUT) {
            throw new ValidationException("menu.timeoutSeconds", "menu.timeoutSeconds must be between " + MIN_TIMEOUT + " and " + MAX_TIMEOUT);
        }
        if (attempts < 1 || attempts > MAX_ATTEMPTS) {
            throw new ValidationException("menu.attempts", "menu.attempts must be between 1 and " + MAX_ATTEMPTS);
        }
        fallbackQueue = Names.queue("menu.fallbackQueue", fallbackQueue);
    }

    /** The queue a digit chooses, if it is one of the menu's. */
    public Optional<String> choose(char digit) {
        return Optional.ofNullable(choices.get(digit));
    }
}
