package org.s11portal.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.s11portal.common.config.PortalClock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What the busiest path needs to know about a survey link, kept for 30 seconds so that a whole workforce
 * answering at once costs three inserts per answer and no lookups. Replacing a link clears it here at once;
 * another instance of the portal sees the change within the 30 seconds.
 */
@ApplicationScoped
public class SurveyLinkCache {

    @Inject
    PortalClock clock;

    static final long TTL_SECONDS = 30;

    public record LinkInfo(String token, long agencyId, long cycleId, String agencyName, List<String> areaCodes,
            boolean active, LocalDate opens, LocalDate closes, String surveyVersion, Instant loadedAt) {
    }

    private final Map<String, LinkInfo> byToken = new ConcurrentHashMap<>();

    /** The link's details, or null when no link has this token. A cached link costs no transaction. */
    public LinkInfo get(String token) {
        LinkInfo cached = cached(token);
        return cached != null ? cached : QuarkusTransaction.joiningExisting().call(() -> load(token));
    }

    /** The link's details when they are cached and fresh, without touching the database; otherwise null. */
    public LinkInfo cached(String token) {
        LinkInfo cached = byToken.get(token);
        return cached != null && cached.loadedAt().isAfter(clock.now().minusSeconds(TTL_SECONDS)) ? cached : null;
    }

    private LinkInfo load(String token) {
        SurveyLink link = SurveyLink.byToken(token);
        if (link == null) {
            return null;
        }
        LinkInfo info = new LinkInfo(token, link.agency.id, link.cycle.id, link.agency.name,
                link.agency.areasInOrder().stream().map(p -> p.code.name()).toList(), link.active,
                link.cycle.surveyOpens, link.cycle.surveyCloses, link.cycle.surveyVersion, clock.now());
        if (byToken.size() > 10_000) {
            byToken.clear();
        }
        byToken.put(token, info);
        return info;
    }

    public void forget(String token) {
        byToken.remove(token);
    }

    public void clear() {
        byToken.clear();
    }
}
