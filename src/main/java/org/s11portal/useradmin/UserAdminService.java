package org.s11portal.useradmin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.s11portal.account.AccessScope;
import org.s11portal.account.CurrentUser;
import org.s11portal.account.Roles;
import org.s11portal.account.TwoStepService;
import org.s11portal.account.User;
import org.s11portal.account.UserSession;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Partnership;
import org.s11portal.audit.AdminLog;
import org.s11portal.common.config.PortalClock;
import org.s11portal.common.web.FormErrors;
import org.s11portal.common.web.Paging;
import org.s11portal.useradmin.OneTimeToken.Purpose;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * The users a partnership admin manages, and everything done to them: the list, inviting, deactivating and
 * reactivating, resending an invitation, sending a password-reset link. Scope: a partnership admin manages the
 * accounts of their partnership and of the agencies working in it; the HIPS admin (no partnership) manages all.
 * Any other account is not found. Every change is in the admin log.
 */
@ApplicationScoped
public class UserAdminService {

    public static final int PAGE_SIZE = 50;

    @Inject
    CurrentUser currentUser;

    @Inject
    AccessScope scope;

    @Inject
    PortalClock clock;

    @Inject
    OneTimeTokens tokens;

    @Inject
    UserEmails userEmails;

    @Inject
    AdminLog adminLog;

    @Inject
    TwoStepService twoStep;

    @Inject
    EntityManager entityManager;

    public record Option(String value, String label) {
    }

    /** One page of the list, with the filters it was asked for (null: any). */
    public record UsersPage(List<UserRow> users, String role, String status, Paging paging) {

        /** The list's address with these filters, ending in {@code page=} for the pagination links. */
        public String pageParameter() {
            return "/admin/users?role=" + (role == null ? "" : role) + "&status=" + (status == null ? "" : status) + "&page=";
        }

        public List<Option> roles() {
            return ROLES;
        }

        public List<Option> statuses() {
            return STATUSES;
        }
    }

    static final List<Option> ROLES = List.of(new Option(Roles.AGENCY_LEAD, Roles.label(Roles.AGENCY_LEAD)),
            new Option(Roles.MODERATOR, Roles.label(Roles.MODERATOR)),
            new Option(Roles.PARTNERSHIP_ADMIN, Roles.label(Roles.PARTNERSHIP_ADMIN)));

    static final List<Option> STATUSES = List.of(new Option(UserStatus.ACTIVE.value, UserStatus.ACTIVE.label),
            new Option(UserStatus.INVITED.value, UserStatus.INVITED.label),
            new Option(UserStatus.DEACTIVATED.value, UserStatus.DEACTIVATED.label));

    /** What the invitation form offers this admin: agencies in scope and the partnerships they may invite to. */
    public record InviteChoices(List<Agency> agencies, List<Option> partnerships, List<Option> roles) {
    }

    /** The outcome of an invitation: the new user's id, or the problems with the form. */
    public record Invited(Long userId, FormErrors errors) {
    }

    /** The users in scope, 50 a page, by name, optionally of one role and one status. Three statements. */
    @Transactional
    public UsersPage page(String role, String status, int requested) {
        String roleFilter = ROLES.stream().anyMatch(o -> o.value().equals(role)) ? role : null;
        UserStatus statusFilter = UserStatus.parse(status);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Parameters parameters = new Parameters();
        Partnership partnership = admin().partnership;
        if (partnership != null) {
            where.append(" and (u.partnership = :partnership or exists (select 1 from User x join x.agencies ag"
                    + " join ag.areas ar where x = u and ar = :partnership))");
            parameters.and("partnership", partnership);
        }
        if (roleFilter != null) {
            where.append(" and u.role = :role");
            parameters.and("role", roleFilter);
        }
        if (statusFilter != null) {
            where.append(switch (statusFilter) {
                case ACTIVE -> " and u.active = true and u.passwordHash is not null";
                case INVITED -> " and u.active = true and u.passwordHash is null";
                case DEACTIVATED -> " and u.active = false";
            });
        }
        var count = entityManager.createQuery("select count(u) from User u" + where, Long.class);
        // a lead's agencies by name, in the row's statement
        var rows = entityManager.createQuery("select u.id, u.displayName, u.email, u.role,"
                + " (select listagg(a.name, '" + UserStatus.AGENCY_SEPARATOR + "') within group (order by a.name)"
                + " from User x join x.agencies a where x = u), p.name, u.active,"
                + " case when u.passwordHash is null then false else true end"
                + " from User u left join u.partnership p" + where
                + " order by u.displayName, u.id", UserRow.class);
        parameters.map().forEach((name, value) -> {
            count.setParameter(name, value);
            rows.setParameter(name, value);
        });
        long total = count.getSingleResult();
        Paging paging = Paging.of(total, requested, PAGE_SIZE);
        List<UserRow> users = rows.setFirstResult(paging.offset()).setMaxResults(PAGE_SIZE).getResultList();
        return new UsersPage(users, roleFilter, statusFilter == null ? null : statusFilter.value, paging);
    }

    /** A user's page: the account, the actions it offers the admin and, for a lead, their agencies (else null). */
    public record UserView(User user, List<UserAction> actions, LeadAgencies agencies) {
    }

    /** A lead's agencies by name, each removable or not by this admin, and the agencies the admin may add there. */
    public record LeadAgencies(List<LeadAgency> agencies, List<Agency> addable, String addPath) {
    }

    /** One of a lead's agencies, with where to remove it when it is in the admin's scope (else null). */
    public record LeadAgency(Agency agency, String removePath) {

        /** The Remove button's id: where a refusal to remove it links to. */
        public String removeId() {
            return removeId(agency.id);
        }

        static String removeId(long agencyId) {
            return "agency-" + agencyId;
        }
    }

    /** A confirmation step: the account, and why the action cannot be done (null when it can). */
    public record Confirmation(User user, UserAction action, String refusal) {

        /** Where the confirmation's form posts. */
        public String path() {
            return "/admin/users/" + user.id + "/" + action.path;
        }
    }

    @Transactional
    public UserView view(long id) {
        User user = user(id);
        return new UserView(user, actions(user), Roles.AGENCY_LEAD.equals(user.role) ? leadAgencies(user) : null);
    }

    private LeadAgencies leadAgencies(User lead) {
        User admin = admin();
        String path = "/admin/users/" + lead.id + "/agencies";
        List<LeadAgency> agencies = lead.agenciesByName().stream()
                .map(a -> new LeadAgency(a, scope.canSee(admin, a) ? path + "/" + a.id + "/remove" : null)).toList();
        List<Agency> addable = scope.visibleAgencies().stream().filter(a -> !a.isArchived() && !lead.leads(a)).toList();
        return new LeadAgencies(agencies, addable, path);
    }

    /**
     * The lead leads one more agency, one in the admin's scope (any other: 404). Returns the problem with the form
     * (nothing chosen, archived, already theirs), or none when added.
     */
    @Transactional
    public FormErrors addAgency(long userId, String agencyId) {
        User lead = lead(userId);
        Long id = parseId(agencyId);
        if (id == null) {
            return FormErrors.none().add("agencyId", "Select the agency to add");
        }
        Agency agency = Agency.findById(id);
        if (agency == null || !scope.canSee(admin(), agency)) {
            throw new NotFoundException();
        }
        if (agency.isArchived()) {
            return FormErrors.none().add("agencyId", agency.name + " is archived: select an active agency");
        }
        if (lead.leads(agency)) {
            return FormErrors.none().add("agencyId", lead.displayName + " already leads " + agency.name);
        }
        changeAgencies(lead, "Added agency to lead", () -> lead.agencies.add(agency));
        return FormErrors.none();
    }

    /**
     * The lead no longer leads the agency, one of theirs in the admin's scope (any other: 404). Returns why not, in
     * words, when it is their only agency (a lead leads at least one); null when removed.
     */
    @Transactional
    public String removeAgency(long userId, long agencyId) {
        User lead = lead(userId);
        Agency agency = lead.agencies.stream().filter(a -> a.id == agencyId).findFirst().orElse(null);
        if (agency == null || !scope.canSee(admin(), agency)) {
            throw new NotFoundException();
        }
        if (lead.agencies.size() == 1) {
            return agency.name + " is the only agency " + lead.displayName
                    + " leads: add another agency before removing this one, or deactivate the account";
        }
        changeAgencies(lead, "Removed agency from lead", () -> lead.agencies.remove(agency));
        // their sessions working for it go back to the first of their agencies
        UserSession.update("agency = null where user.id = ?1 and agency.id = ?2", lead.id, agency.id);
        return null;
    }

    private void changeAgencies(User lead, String action, Runnable change) {
        Set<Agency> before = new LinkedHashSet<>(lead.agencies);
        Map<String, Object> fieldsBefore = fields(lead);
        change.run();
        adminLog.record(action, subject(lead, before), fieldsBefore, fields(lead));
    }

    /** An agency lead the admin manages; anyone else is not found. */
    private User lead(long id) {
        User user = user(id);
        if (!Roles.AGENCY_LEAD.equals(user.role)) {
            throw new NotFoundException();
        }
        return user;
    }

    @Transactional
    public Confirmation confirmation(long id, UserAction action) {
        User user = user(id);
        return new Confirmation(user, action, refusal(user, action));
    }

    /** A user the admin manages (with their agencies, for the pages); anyone else is not found. */
    @Transactional
    public User user(long id) {
        User user = User.withAgencies(id);
        if (user == null || !scope.canManage(admin(), user)) {
            throw new NotFoundException();
        }
        return user;
    }

    @Transactional
    public InviteChoices choices() {
        User admin = admin();
        List<Agency> agencies = scope.visibleAgencies().stream().filter(a -> !a.isArchived()).toList();
        List<Option> partnerships = new ArrayList<>();
        for (Partnership p : Partnership.listInOrder()) {
            if (admin.partnership == null || admin.partnership.id.equals(p.id)) {
                partnerships.add(new Option(String.valueOf(p.id), p.name));
            }
        }
        if (admin.partnership == null) {
            partnerships.add(new Option(InviteForm.ALL_PARTNERSHIPS, "All four (a HIPS admin)"));
        }
        return new InviteChoices(agencies, partnerships, ROLES);
    }

    /** Checks the form; when it is right, creates the user without a password and emails them an invitation. */
    @Transactional
    public Invited invite(InviteForm form) {
        User admin = admin();
        FormErrors errors = FormErrors.none();
        String name = form.displayName == null ? "" : form.displayName.trim();
        String email = User.normaliseEmail(form.email);
        if (name.isEmpty()) {
            errors.add("displayName", "Enter their full name");
        } else if (name.length() > 120) {
            errors.add("displayName", "Full name must be 120 characters or fewer");
        }
        if (email.isEmpty()) {
            errors.add("email", "Enter their email address");
        } else if (email.length() > 254 || !AccountLinksService.EMAIL.matcher(email).matches()) {
            errors.add("email", "Enter an email address in the correct format, like name@example.org");
        } else if (User.count("email", email) > 0) {
            errors.add("email", "An account with this email address already exists");
        }
        String role = ROLES.stream().map(Option::value).filter(r -> r.equals(form.role)).findFirst().orElse(null);
        Agency agency = null;
        Partnership partnership = null;
        if (role == null) {
            errors.add("role", "Select a role");
        } else if (Roles.AGENCY_LEAD.equals(role)) {
            agency = agencyInScope(admin, form.agencyId);
            if (agency == null) {
                errors.add("agencyId", "Select the agency they will lead");
            }
        } else if (InviteForm.ALL_PARTNERSHIPS.equals(form.partnershipId)) {
            if (admin.partnership != null) {
                errors.add("partnershipId", "Select your partnership: only the HIPS admin can invite a HIPS admin");
            } else if (!Roles.PARTNERSHIP_ADMIN.equals(role)) {
                errors.add("partnershipId", "Select the moderator's partnership");
            }
        } else {
            partnership = partnershipInScope(admin, form.partnershipId);
            if (partnership == null) {
                errors.add("partnershipId", admin.partnership == null || blank(form.partnershipId)
                        ? "Select the partnership they will work for"
                        : "Select your partnership: you can invite people only to your own partnership");
            }
        }
        if (!errors.isEmpty()) {
            return new Invited(null, errors);
        }
        User user = new User();
        user.displayName = name;
        user.email = email;
        user.role = role;
        if (agency != null) {
            user.agencies.add(agency);
        }
        user.partnership = partnership;
        user.active = true;
        user.persist();
        sendInvitation(user, admin.displayName);
        adminLog.record("Invited user", subject(user), null, fields(user));
        return new Invited(user.id, errors);
    }

    /**
     * Does the action to the user, checked again here whatever the page offered; returns the problem in words when it
     * cannot be done (then nothing changed).
     */
    @Transactional
    public String act(long id, UserAction action) {
        User user = user(id);
        String refusal = refusal(user, action);
        if (refusal != null) {
            return refusal;
        }
        Instant now = clock.now();
        Map<String, Object> before = fields(user);
        if (action == UserAction.RESET_TWO_STEP) {
            before.put("twoStepSignIn", "set up");
        }
        switch (action) {
            case DEACTIVATE -> {
                user.active = false;
                endSessions(user, now);
                tokens.cancel(user, Purpose.INVITATION, now);
                tokens.cancel(user, Purpose.PASSWORD_RESET, now);
            }
            case REACTIVATE -> user.active = true;
            case RESEND_INVITATION -> sendInvitation(user, admin().displayName);
            case SEND_PASSWORD_RESET -> userEmails.passwordReset(user, tokens.issue(user, Purpose.PASSWORD_RESET));
            case RESET_TWO_STEP -> {
                twoStep.reset(user.id);
                endSessions(user, now);
            }
        }
        Map<String, Object> after = fields(user);
        if (action == UserAction.RESET_TWO_STEP) {
            after.put("twoStepSignIn", "not set up");
        }
        adminLog.record(action.logged, subject(user), before, after);
        return null;
    }

    /** Why the action cannot be done to this user now, or null when it can. */
    String refusal(User user, UserAction action) {
        UserStatus status = UserStatus.of(user);
        return switch (action) {
            case DEACTIVATE -> user.id.equals(admin().id) ? "You cannot deactivate your own account: ask another admin"
                    : status == UserStatus.DEACTIVATED ? "This account is already deactivated" : null;
            case REACTIVATE -> status != UserStatus.DEACTIVATED ? "This account is not deactivated" : null;
            case RESEND_INVITATION -> status != UserStatus.INVITED
                    ? "Only an invitation not yet accepted can be sent again, and only to an active account" : null;
            case SEND_PASSWORD_RESET -> status != UserStatus.ACTIVE
                    ? "A password reset link can be sent only to an active account that has set a password" : null;
            case RESET_TWO_STEP -> user.id.equals(admin().id)
                    ? "You cannot reset your own two-step sign-in: ask another admin"
                    : !twoStep.isSetUp(user.id) ? "This account has no two-step sign-in to reset" : null;
        };
    }

    /** The actions the user's page offers the admin. */
    List<UserAction> actions(User user) {
        return java.util.Arrays.stream(UserAction.values()).filter(a -> refusal(user, a) == null).toList();
    }

    /** A fresh invitation (the older link stops working) and its email. */
    void sendInvitation(User user, String invitedBy) {
        user.invitedAt = clock.now();
        userEmails.invitation(user, invitedBy, tokens.issue(user, Purpose.INVITATION));
    }

    /** Ends every session of the user at once. */
    static void endSessions(User user, Instant now) {
        UserSession.update("revokedAt = ?1 where user.id = ?2 and revokedAt is null", now, user.id);
    }

    /** The admin log's subject: the partnership whose admins manage the user (the areas of a lead's agencies). */
    static AdminLog.Subject subject(User user) {
        return subject(user, Set.of());
    }

    /** The same, also readable by the admins of the areas of agencies the lead had before the change. */
    static AdminLog.Subject subject(User user, Set<Agency> agenciesBefore) {
        String label = user.displayName + " (" + user.email + ")";
        if (user.partnership != null) {
            return new AdminLog.Subject("User", user.id, label, List.of(user.partnership));
        }
        Set<Partnership> areas = new LinkedHashSet<>();
        agenciesBefore.forEach(a -> areas.addAll(a.areas));
        user.agencies.forEach(a -> areas.addAll(a.areas));
        if (!areas.isEmpty()) {
            return new AdminLog.Subject("User", user.id, label, new ArrayList<>(areas));
        }
        return AdminLog.Subject.hipsWide("User", user.id, label);
    }

    /** The account as the admin log records it: never a password, hash or token. */
    static Map<String, Object> fields(User user) {
        return AdminLog.fields("name", user.displayName, "email", user.email, "role", user.roleLabel(),
                "agencies", user.agenciesByName().stream().map(a -> a.name).toList(),
                "partnership", user.partnership == null ? null : user.partnership.name,
                "status", UserStatus.of(user).label);
    }

    private Agency agencyInScope(User admin, String id) {
        Long agencyId = parseId(id);
        Agency agency = agencyId == null ? null : Agency.findById(agencyId);
        return agency != null && !agency.isArchived() && scope.canSee(admin, agency) ? agency : null;
    }

    private static Partnership partnershipInScope(User admin, String id) {
        Long partnershipId = parseId(id);
        Partnership partnership = partnershipId == null ? null : Partnership.findById(partnershipId);
        if (partnership == null || admin.partnership != null && !Objects.equals(admin.partnership.id, partnership.id)) {
            return null;
        }
        return partnership;
    }

    private static Long parseId(String id) {
        try {
            return blank(id) ? null : Long.valueOf(id.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private User admin() {
        return currentUser.user();
    }
}
