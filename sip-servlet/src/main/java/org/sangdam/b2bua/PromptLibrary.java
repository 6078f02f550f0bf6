package org.sangdam.b2bua;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.sangdam.media.Prompt;
import org.sangdam.media.Prompts;
import org.sangdam.prompt.PromptStore;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the audio of a prompt name for a service: the service's uploaded prompt of that
 * name ({@link PromptStore}), else a built-in one (the WAVs under
 * {@code org/sangdam/media/prompts/}, and {@code default-moh}, the default music), else
 * nothing, with a warning: the caller of a missing prompt skips it, a call never breaks on it.
 */
@ApplicationScoped
public class PromptLibrary {
    private static final Logger LOG = Logger.getLogger(PromptLibrary.class);
    static final String BUILT_IN_DIR = "/org/sangdam/media/prompts/";
    static final String DEFAULT_MUSIC = "default-moh";

    @EJB
    PromptStore store;

    /** The prompt {@code name} of service {@code tenantId} (null: no service, built-ins only). */
    public Optional<Prompt> find(Long tenantId, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        if (tenantId != null) {
            try {
                Optional<short[]> uploaded = store.samples(tenantId, name);
                if (uploaded.isPresent()) {
                    return Optional.of(Prompts.of(name, uploaded.get()));
                }
            } catch (RuntimeException e) {
                LOG.warnf("prompt %s of service %d could not be read: %s", name, tenantId, e.getMessage());
            }
        }
        Optional<Prompt> shipped = builtIn(name);
        if (shipped.isEmpty()) {
            LOG.warnf("prompt %s (service %s) is neither uploaded nor built in; skipped", name, tenantId);
        }
        return shipped;
    }

    /** A built-in prompt, loaded once. */
    public static Optional<Prompt> builtIn(String name) {
        return Cache.BUILT_IN.computeIfAbsent(name, PromptLibrary::loadBuiltIn);
    }

    private static final class Cache {
        static final Map<String, Optional<Prompt>> BUILT_IN = new ConcurrentHashMap<>();
    }

    private static Optional<Prompt> loadBuiltIn(String name) {
        if (DEFAULT_MUSIC.equals(name)) {
            return Optional.of(Prompts.defaultMusicOnHold());
        }
        if (!name.matches("[a-z0-9-]+")) {
            return Optional.empty();
        }
        try (InputStream in = PromptLibrary.class.getResourceAsStream(BUILT_IN_DIR + name + ".wav")) {
            return in == null ? Optional.empty() : Optional.of(Prompts.load(name, in));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("built-in prompt %s could not be loaded: %s", name, e.getMessage());
            return Optional.empty();
        }
    }
}
