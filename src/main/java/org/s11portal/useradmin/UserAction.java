package org.s11portal.useradmin;

/** What an admin may do to an account from its page, each through a confirmation step. */
public enum UserAction {
    DEACTIVATE("deactivate", "Deactivate", "Deactivated user",
            "They will be signed out at once and cannot sign in until an admin reactivates the account.",
            "The account is deactivated and its sessions have ended."),
    REACTIVATE("reactivate", "Reactivate", "Reactivated user",
            "They can sign in again with their password.",
            "The account is active again."),
    RESEND_INVITATION("resend-invitation", "Resend invitation", "Resent invitation",
            "A new invitation link, valid for 7 days, is emailed to them. Any earlier link stops working.",
            "A new invitation has been sent. The earlier link no longer works."),
    SEND_PASSWORD_RESET("send-password-reset", "Send password reset link", "Sent password reset link",
            "A link to choose a new password, valid for 1 hour, is emailed to them. Their password works until they use it.",
            "A password reset link has been sent."),
    RESET_TWO_STEP("reset-two-step", "Reset two-step sign-in", "Reset two-step sign-in",
            "For someone who has lost their authenticator app and their recovery codes. Their app's codes and recovery"
                    + " codes stop working and their sessions end; at their next sign-in they set up two-step sign-in"
                    + " again (moderators and admins must).",
            "Two-step sign-in has been reset: they set it up again at their next sign-in.");

    public final String path;
    public final String label;
    /** The admin log's action. */
    final String logged;
    public final String explanation;
    public final String notice;

    UserAction(String path, String label, String logged, String explanation, String notice) {
        this.path = path;
        this.label = label;
        this.logged = logged;
        this.explanation = explanation;
        this.notice = notice;
    }

    static UserAction fromPath(String path) {
        for (UserAction action : values()) {
            if (action.path.equals(path)) {
                return action;
            }
        }
        return null;
    }
}
