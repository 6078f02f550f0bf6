package org.sangdam.b2bua;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.sangdam.telephony.MediaCounters;
import org.sangdam.telephony.MediaMonitor;
import org.sangdam.media.MediaStats;

import java.util.function.Supplier;

/**
 * Plugs the RTP engine's counters into the core's {@link MediaMonitor} when the EAR deploys, so
 * system administrators can read them over REST ({@code GET /api/system/media}). Translation only.
 */
@Singleton
@Startup
@DependsOn("sangdam-ejb.jar#MediaMonitor")
public class MediaCountersSource {
    @EJB
    MediaMonitor monitor;
    @Inject
    CallMedia media;

    private final Supplier<MediaCounters> counters = this::read;

    @PostConstruct
    void plugIn() {
        monitor.plugIn(counters);
    }

    @PreDestroy
    void unplug() {
        monitor.unplug(counters);
    }

    private MediaCounters read() {
        MediaStats s = media.statsIfRunning();
        if (s == null) {
            return MediaCounters.NOT_RUNNING;
        }
        return new MediaCounters(true, s.openLegs(), s.packetsReceived(), s.packetsRelayed(), s.packetsDropped(),
                direction(s.fromCustomerLegs()), direction(s.fromOtherLegs()));
    }

    private static MediaCounters.Direction direction(MediaStats.Direction d) {
        return new MediaCounters.Direction(d.received(), d.relayed(), d.dropped());
    }
}
