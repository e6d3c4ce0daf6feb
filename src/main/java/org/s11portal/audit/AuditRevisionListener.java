package org.s11portal.audit;

import org.hibernate.envers.RevisionListener;
import org.s11portal.account.CurrentUser;
import org.s11portal.account.User;
import org.s11portal.common.config.PortalClock;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/**
 * Stamps each revision with the portal's time (Envers sets the machine's first; the history compares revisions with
 * submission times, which the portal's clock records) and the signed-in user, or "system" outside a request.
 */
public class AuditRevisionListener implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        AuditRevision revision = (AuditRevision) revisionEntity;
        revision.timestamp = PortalClock.current().now().toEpochMilli();
        revision.userName = "system";
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return;
        }
        CurrentUser currentUser = Arc.container().instance(CurrentUser.class).get();
        if (currentUser.isSignedIn()) {
            User user = currentUser.user();
            revision.userId = user.id;
            revision.userName = user.displayName;
        }
    }
}
