package org.sangdam.scenario.domain;

import org.sangdam.common.domain.ValidationException;

/**
 * What a caller who has waited {@code afterSeconds} in the queue without being answered
 * gets: nothing more (keeps waiting with the music), a prompt (then the music again,
 * still queued), or a polite prompt and the end of the call.
 */
public record NoAgentRule(int afterSeconds, Action action, String prompt) {
    public static final int MIN_AFTER = 5;
    public static final int MAX_AFTER = 3600;

    public enum Action { KEEP_WAITING, PLAY_PROMPT, HANG_UP }

    /** The default: callers wait as long as they like (the queue music plays on). */
    public static final NoAgentRule KEEP_WAITING = new NoAgentRule(MAX_AFTER, Action.KEEP_WAITING, null);

    public NoAgentRule {
        if (afterSeconds < MIN_AFTER || afterSeconds > MAX_AFTER) {
            throw new ValidationException("noAgent.afterSeconds", "noAgent.afterSeconds must be between " + MIN_AFTER + " and " + MAX_AFTER);
        }
        if (action == null) {
            throw new ValidationException("noAgent.action", "noAgent.action must be KEEP_WAITING, PLAY_PROMPT or HANG_UP");
        }
        if (action == Action.KEEP_WAITING) {
            prompt = Names.optionalPrompt("noAgent.prompt", prompt);
        } else {
            prompt = Names.prompt("noAgent.prompt", prompt);
        }
    }
}
