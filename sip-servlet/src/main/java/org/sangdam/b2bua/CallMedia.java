package org.sangdam.b2bua;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.sangdam.media.MediaEngine;
import org.sangdam.media.MediaSettings;
import org.sangdam.media.MediaStats;
import org.sangdam.media.Prompt;
import org.sangdam.media.Prompts;
import org.sangdam.media.RtpMediaEngine;
import org.sangdam.sip.domain.RtpConfig;
import org.sangdam.sip.domain.SipSettings;


/**
 * The server's RTP media engine and the prompts calls hear: queue music and music on
 * hold (the default that ships) and ringback; named prompts come from {@link PromptLibrary}. The engine binds its ports
 * when the first call needs them and closes with the deployment.
 */
@ApplicationScoped
public class CallMedia {
    private static final Logger LOG = Logger.getLogger(CallMedia.class);

    private MediaEngine engine;
    private Prompt music;
    private Prompt ringback;

    public synchronized MediaEngine engine() {
        if (engine == null) {
            RtpConfig config = RtpConfig.fromSystem(SipSettings.fromSystem().address());
            engine = new RtpMediaEngine(new MediaSettings(config.address(), config.portMin(), config.portMax()));
            LOG.infof("RTP media on %s, ports %d-%d", config.address(), config.portMin(), config.portMax());
        }
        return engine;
    }

    /** The engine's counters, or null while no call has needed media yet (the engine is not started for a look). */
    public synchronized MediaStats statsIfRunning() {
        return engine == null ? null : engine.stats();
    }

    public synchronized Prompt music() {
        if (music == null) {
            music = Prompts.defaultMusicOnHold();
        }
        return music;
    }

    public synchronized Prompt ringback() {
        if (ringback == null) {
            ringback = Prompts.ringback();
        }
        return ringback;
    }

    @PreDestroy
    synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
