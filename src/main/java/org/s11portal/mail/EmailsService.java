package org.s11portal.mail;

import java.time.Instant;
import java.util.List;

import org.s11portal.account.CurrentUser;
import org.s11portal.account.User;
import org.s11portal.agency.Partnership;
import org.s11portal.common.web.Paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * The Emails page: the outbox as a partnership admin may see it. An admin sees the emails about agencies working in
 * their partnership; the HIPS admin (no partnership) sees every email, including those about no agency. Everything
 * else is not found.
 */
@ApplicationScoped
public class EmailsService {

    public static final int PAGE_SIZE = 25;

    @Inject
    CurrentUser currentUser;

    @Inject
    EntityManager entityManager;

    /** Emails still to be delivered: how many, since when, and the most recent error, if any. */
    public record Backlog(long pending, Instant oldestPending, String lastError, Instant lastErrorAt) {
    }

    /** One page of the newest emails (page 1 is the newest). */
    public record EmailsPage(Backlog backlog, List<OutboxMessage> emails, Paging paging) {
    }

    @Transactional
    public EmailsPage page(int requested) {
        Scope scope = scope();
        Object[] counts = scope.bind(entityManager.createQuery("select count(m), min(m.createdAt) from OutboxMessage m"
                + " where m.state = :pending" + scope.and(), Object[].class))
                .setParameter("pending", OutboxMessage.State.PENDING).getSingleResult();
        List<Object[]> lastError = scope.bind(entityManager.createQuery("select m.lastError, m.lastAttemptAt"
                + " from OutboxMessage m where m.state = :pending and m.lastError is not null" + scope.and()
                + " order by m.lastAttemptAt desc", Object[].class))
                .setParameter("pending", OutboxMessage.State.PENDING).setMaxResults(1).getResultList();
        Backlog backlog = new Backlog((Long) counts[0], (Instant) counts[1],
                lastError.isEmpty() ? null : (String) lastError.get(0)[0],
                lastError.isEmpty() ? null : (Instant) lastError.get(0)[1]);

        PanacheQuery<OutboxMessage> all = OutboxMessage.find("from OutboxMessage m where 1 = 1" + scope.and()
                + " order by m.id desc", scope.parameters());
        long total = all.count();
        Paging paging = Paging.of(total, requested, PAGE_SIZE);
        List<OutboxMessage> emails = all.page(Page.of(paging.index(), PAGE_SIZE)).list();
        return new EmailsPage(backlog, emails, paging);
    }

    /** One email, if the admin may see it; otherwise 404. */
    @Transactional
    public OutboxMessage email(long id) {
        Scope scope = scope();
        return OutboxMessage.<OutboxMessage>find("from OutboxMessage m where m.id = :id" + scope.and(),
                scope.parameters().and("id", id))
                .firstResultOptional().orElseThrow(NotFoundException::new);
    }

    /** The admin's partnership, or none for the HIPS admin who sees everything. */
    private record Scope(Partnership partnership) {

        String and() {
            return partnership == null ? ""
                    : " and m.agencyId in (select a.id from Agency a where :partnership member of a.areas)";
        }

        Parameters parameters() {
            Parameters parameters = new Parameters();
            return partnership == null ? parameters : parameters.and("partnership", partnership);
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            return partnership == null ? query : query.setParameter("partnership", partnership);
        }
    }

    private Scope scope() {
        User user = currentUser.user();
        return new Scope(user.partnership);
    }
}
