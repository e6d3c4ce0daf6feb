package org.s11portal.demo;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.s11portal.agency.Agency;
import org.s11portal.agency.Sector;

/**
 * What the demo agencies write: for every question of the 2020 tool, a strong answer (what is done, the
 * evidence, the difference for children), what is missing when it is only partly in place, and a vague
 * version of the kind the moderators flag; for every standard, a SMART action. Texts are written once and
 * take the agency's own words (its board, leads, staff, records) from its sector, and its figures from a
 * generator seeded by the agency's name, so two agencies never read alike and a reload gives the same text.
 * Placeholders: {@code {board}} etc. from {@link Voice}; a capital first letter ({@code {Staff}}) capitalises;
 * {@code {n:80-95}} is a number in that range.
 */
final class DemoAnswerTexts {

    /** How one kind of agency speaks about itself. */
    record Voice(Map<String, String> words, boolean adultFacing, boolean commissions) {
    }

    /** One question's texts. */
    record QuestionTexts(String topic, String evidence, String impact, String gap) {
    }

    /** One standard's action for a gap. */
    record ActionTexts(String action, String measure, String lead, String resources) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)(?::(\\d+)-(\\d+))?}");

    private static final Map<String, QuestionTexts> QUESTIONS = new HashMap<>();
    private static final Map<String, ActionTexts> ACTIONS = new HashMap<>();
    /** Answers written for "partly in place": what exists, what does not, and the little that has changed. */
    private static final Map<String, String[]> PARTLY = new HashMap<>();

    private final Voice voice;
    private final Random random;

    private DemoAnswerTexts(Voice voice, Random random) {
        this.voice = voice;
        this.random = random;
    }

    static DemoAnswerTexts forAgency(Agency agency, String cycleKey) {
        return new DemoAnswerTexts(voiceOf(agency), new Random((agency.name + "|" + cycleKey).hashCode()));
    }

    /** Evidence for an answer fully in place. */
    String evidence(String questionCode) {
        return fill(texts(questionCode).evidence());
    }

    /** Evidence of impact for a strong answer. */
    String impact(String questionCode) {
        return fill(texts(questionCode).impact());
    }

    /** Evidence for an answer partly in place: what exists, then honestly what does not yet. */
    String partlyEvidence(String questionCode) {
        if (PARTLY.containsKey(questionCode)) {
            return fill(PARTLY.get(questionCode)[0]);
        }
        QuestionTexts texts = texts(questionCode);
        return fill(firstSentences(texts.evidence(), 1) + " However, " + lowerFirst(texts.gap()));
    }

    /** Impact for an answer partly in place: an early, limited change. */
    String partlyImpact(String questionCode) {
        if (PARTLY.containsKey(questionCode)) {
            return fill(PARTLY.get(questionCode)[1]);
        }
        return fill("Early signs only: " + lowerFirst(firstSentences(texts(questionCode).impact(), 1))
                + " We cannot yet show this across all {teams}, which is why we rated it partly in place.");
    }

    /** Evidence for an answer not in place: the honest gap and what is planned. */
    String notInPlaceEvidence(String questionCode) {
        return fill(texts(questionCode).gap() + " We have not started work on this yet; it is the first action in our plan for this standard.");
    }

    /** The gap an action closes, as the action plan states it. */
    String gap(String questionCode) {
        return fill(texts(questionCode).gap());
    }

    /** The vague evidence moderators see too often: it says the arrangement exists and nothing more. */
    String vagueEvidence(String questionCode) {
        String topic = texts(questionCode).topic();
        String[] shapes = {
            upperFirst(topic) + ": we have arrangements in place and these are reviewed regularly. All {staff} are aware of them.",
            "This is covered by our policies, which all {staff} must read. " + upperFirst(topic) + " is discussed at team meetings as required.",
            "Yes. We follow the HIPS procedures for " + topic + " and managers in our {teams} check this.",
        };
        return fill(shapes[random.nextInt(shapes.length)]);
    }

    /** The vague impact that tells a moderator nothing: no measure, no before and after. */
    String vagueImpact() {
        String[] shapes = {
            "Staff are more aware and children are safer as a result.",
            "Feedback has been positive.",
            "This works well and we have had no complaints.",
        };
        return shapes[random.nextInt(shapes.length)];
    }

    /** A reason the question does not apply to this agency, when it realistically does not. */
    Optional<String> notApplicableReason(String questionCode) {
        if (questionCode.equals("S9.Q1") && !voice.adultFacing()) {
            return Optional.of(fill("We do not provide services to adults: all our work is with {children}. "
                    + "We do consider parents' and carers' circumstances, and record how we do so under the next question."));
        }
        if (questionCode.equals("S1.Q3") && !voice.commissions()) {
            return Optional.of(fill("We do not commission or contract out any service that has contact with children. "
                    + "Our only contracts are for cleaning and IT support, carried out outside session times with no access to children. "
                    + "The {board} would review this answer before we commissioned any such service."));
        }
        return Optional.empty();
    }

    ActionTexts action(String standardCode) {
        ActionTexts a = ACTIONS.get(standardCode);
        return new ActionTexts(fill(a.action()), fill(a.measure()), trim(fill(a.lead()), 200), fill(a.resources()));
    }

    private static QuestionTexts texts(String questionCode) {
        QuestionTexts texts = QUESTIONS.get(questionCode);
        if (texts == null) {
            throw new IllegalArgumentException("No demo answer written for " + questionCode);
        }
        return texts;
    }

    static boolean covers(String questionCode) {
        return QUESTIONS.containsKey(questionCode);
    }

    private String fill(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(2) != null) {
                int lo = Integer.parseInt(m.group(2));
                int hi = Integer.parseInt(m.group(3));
                replacement = Integer.toString(lo + random.nextInt(hi - lo + 1));
            } else {
                String key = m.group(1);
                String word = voice.words().get(key.toLowerCase(Locale.ROOT));
                if (word == null) {
                    throw new IllegalArgumentException("No word for {" + key + "}");
                }
                replacement = Character.isUpperCase(key.charAt(0)) ? upperFirst(word) : word;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String firstSentences(String text, int count) {
        int end = -1;
        for (int i = 0; i < count; i++) {
            int next = text.indexOf(". ", end + 1);
            if (next < 0) {
                return text;
            }
            end = next;
        }
        return text.substring(0, end + 1);
    }

    private static String upperFirst(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String trim(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    // ---------------------------------------------------------------- voices

    static Voice voiceOf(Agency agency) {
        Sector sector = agency.sector;
        boolean small = agency.headcount < 60;
        return switch (sector) {
            case POLICE -> voice(true, true, "Force Executive Board", "Assistant Chief Constable for Crime and Public Protection",
                    "Head of Public Protection", "officers and staff", "the force crime and intelligence system",
                    "at incidents, in custody and on neighbourhood patrol", "children we come into contact with",
                    "response and neighbourhood teams");
            case HEALTH_PROVIDER -> voice(true, true, "Trust Board, through its Quality and Safety Committee",
                    "Chief Nurse (executive director)", "Named Nurse for Safeguarding Children", "clinical and non-clinical staff",
                    "the electronic patient record", "in clinics, on wards and on home visits", "children and young people in our care",
                    "community and ward teams");
            case AMBULANCE -> voice(true, true, "Trust Board", "Director of Quality and Nursing", "Head of Safeguarding",
                    "crews, clinicians and control-room staff", "the electronic patient care record",
                    "on 999 calls and in patients' homes", "children at the scenes we attend", "operational stations");
            case PROBATION -> voice(true, true, "Regional Leadership Team", "Head of the Probation Delivery Unit",
                    "Senior Probation Officer (Safeguarding Lead)", "probation practitioners", "the case management system",
                    "in supervision appointments and on home visits", "the children of the people we supervise", "offender management teams");
            case HOUSING -> voice(true, true, "Board of Management", "Director of Housing and Communities",
                    "Safeguarding Lead (Tenancy Services)", "housing officers and repairs operatives", "the tenancy management system",
                    "on tenancy visits and at repairs appointments", "children living in our homes", "neighbourhood housing teams");
            case COUNCIL_SERVICE -> agency.name.contains("Adult")
                    ? voice(true, true, "Adults' Directorate Leadership Team", "Director of Adult Social Services",
                            "Principal Social Worker (Adults)", "social workers and care staff", "the adult social care case record",
                            "on assessments, reviews and home care visits", "children in the households we support", "locality teams")
                    : voice(false, true, "Directorate Leadership Team", "Service Director", "Service Safeguarding Lead",
                            "staff, casual workers and volunteers", "the service's safeguarding log",
                            "in our centres, libraries and community programmes", "children using our services", "site teams");
            case VOLUNTARY_SECTOR -> voice(false, !small, "Board of Trustees", "Safeguarding Trustee", "Designated Safeguarding Lead",
                    "youth workers and volunteers", "the secure online case-notes system", "in youth sessions, outreach and one-to-one support",
                    "children and young people who use our services", "session teams");
            case YOUTH_JUSTICE -> voice(false, true, "Youth Justice Management Board", "Head of Youth Justice Service",
                    "Team Manager (Safeguarding Lead)", "case managers", "the youth justice case management system",
                    "in supervision sessions, at court and on home visits", "the children on our caseload", "case management teams");
            case PRIMARY_CARE -> voice(true, false, "Federation Board", "Clinical Director", "Safeguarding Lead GP",
                    "GPs, nurses and reception staff", "the practice clinical system", "in consultations, baby clinics and home visits",
                    "children registered with our practices", "member practices");
            case CAFCASS -> voice(true, true, "Senior Leadership Team", "Head of Practice", "Service Manager (Safeguarding)",
                    "Family Court Advisers", "the case management system", "in interviews with children and their parents",
                    "children subject to family court proceedings", "practice teams");
            case FIRE_AND_RESCUE -> voice(true, true, "Executive Leadership Team", "Assistant Chief Fire Officer",
                    "Safeguarding Manager", "firefighters, fire-safety and control staff", "the safeguarding referral log",
                    "at incidents, on Safe and Well visits and in schools", "children in the homes we visit", "watches and stations");
            case EDUCATION -> voice(false, true, "Trust Board", "Trustee for Safeguarding", "Designated Safeguarding Lead",
                    "teachers and support staff", "the safeguarding recording system", "in lessons, tutor time and pastoral support",
                    "our pupils and students", "schools and departments");
        };
    }

    private static Voice voice(boolean adultFacing, boolean commissions, String board, String senior, String named, String staff,
            String records, String setting, String children, String teams) {
        return new Voice(Map.of("board", board, "senior", senior, "named", named, "staff", staff, "records", records,
                "setting", setting, "children", children, "teams", teams), adultFacing, commissions);
    }

    // ---------------------------------------------------------------- the tool's questions

    private static void q(String code, String topic, String evidence, String impact, String gap) {
        QUESTIONS.put(code, new QuestionTexts(topic, evidence, impact, gap));
    }

    private static void a(String standard, String action, String measure, String lead, String resources) {
        ACTIONS.put(standard, new ActionTexts(action, measure, lead, resources));
    }

    static {
        // S1 Leadership, governance and accountability
        q("S1.Q1", "senior leadership of safeguarding",
                "Our {senior} is the board-level lead for safeguarding children; this is written into the role profile and the scheme of delegation. "
                        + "The {board} receives a quarterly safeguarding report (referrals, training compliance, audit results, serious incidents) and an annual report each June. "
                        + "Minutes from the last four meetings show challenge on the data, for example a request for a deep dive when referrals from two {teams} fell by {n:20-35}%.",
                "The deep dive found that staff in those {teams} were unsure of the referral route since the MASH changed its contact details. "
                        + "After a targeted briefing, referrals returned to the expected level within one quarter, and a sample of {n:10-15} of those referrals showed all were appropriate.",
                "The {board} receives the data but the minutes rarely record challenge or the action that followed.");
        q("S1.Q2", "accountability for safeguarding",
                "Accountability runs from {staff} through their line managers to the {named} and then the {senior}, as set out in section 3 of our safeguarding policy and in every job description. "
                        + "Induction covers who to report concerns to, and the name and number of the safeguarding team is on the intranet front page and on posters in every base.",
                "In this year's staff survey {n:86-94}% of respondents said they knew who to report a concern to, up from {n:64-76}% two years ago. "
                        + "Our audit of {n:20-30} concerns found every one reached the safeguarding team within the same working day.",
                "Accountability is set out in the policy, but newer staff and those on bank or casual contracts are less sure who to go to.");
        q("S1.Q3", "contract monitoring",
                "All contracts for services that bring providers into contact with children include our standard safeguarding schedule (s11 duties, safer recruitment, training, reporting of incidents). "
                        + "Contract managers check compliance at the annual monitoring visit using a safeguarding checklist, and the {named} reviews the results.",
                "Last year's monitoring found {n:2-4} providers without up-to-date safeguarding training records; all were put on improvement plans and all now meet the standard. "
                        + "One provider's contract was not renewed after repeated failures.",
                "The safeguarding schedule is in new contracts only; older contracts have not been updated and are not checked.");
        q("S1.Q4", "ways of checking outcomes",
                "We run a rolling programme of case audits ({n:4-6} themed audits a year), track a safeguarding dashboard monthly and bring learning from reviews to a practice learning forum. "
                        + "Audit results and the actions they led to are reported to the {board}.",
                "Last year's audit of children's voice led to a new recording prompt; the re-audit six months later found the child's views recorded in {n:16-19} of 20 records, up from {n:8-11}. "
                        + "Practitioners tell us the prompt changed the questions they ask.",
                "We count activity (referrals, training) but rarely re-audit to see whether practice changed for children.");

        // S2 Policies, procedures and organisational culture
        q("S2.Q1", "our safeguarding policy",
                "Our child safeguarding policy was reviewed {n:3-9} months ago and approved by the {senior}. "
                        + "It links to the HIPS procedures rather than copying them, so it stays in step when they change. "
                        + "It is on the intranet front page, in the staff handbook and in the induction pack for volunteers.",
                "In the staff survey {n:85-93}% said they knew where to find the policy, up from {n:55-68}% before we moved it to the intranet front page. "
                        + "Calls to the safeguarding team asking for the referral form have almost stopped.",
                "The policy was last fully reviewed two years ago and still refers to the old LSCB procedures, not the current HIPS procedures.");
        q("S2.Q2", "procedures for raising concerns",
                "{Staff} follow a one-page flowchart: discuss with a manager or the {named}, refer to the MASH (or the out-of-hours service) and record in {records} the same day. "
                        + "We dip-sample {n:10-12} referrals each quarter to check the route, timeliness and recording.",
                "The latest dip sample found the right route and recording in {n:9-10} out of 10 referrals, compared with 7 out of 10 a year ago. "
                        + "Out-of-hours referrals are now recorded by the next working day in every case sampled.",
                "Out-of-hours arrangements are not clear to all staff, and recording of the referral decision is inconsistent.");
        q("S2.Q3", "a culture of safety and equality",
                "We run an annual 'Speak up for children' week, leaders hold open sessions with {teams}, and an equality impact assessment is completed for every service change. "
                        + "The staff survey asks whether people feel able to raise a worry about a child and whether they would be listened to.",
                "{n:82-90}% of staff said they would feel confident raising a concern and {n:75-84}% that they would be listened to. "
                        + "An equality impact assessment of our appointment system led to evening slots, and attendance by families with younger children rose by {n:12-20}%.",
                "Staff say they would raise a concern, but fewer are sure they would be listened to, and we have not acted on this yet.");

        // S3 Designated safeguarding roles
        q("S3.Q1", "designated safeguarding roles",
                "We have a {named}, deputies for each of our {teams} and a safeguarding champion in every team. "
                        + "The responsibilities and protected hours are written into each job description, reviewed by HR when posts are advertised.",
                "Staff know who their champion is ({n:80-92}% in the survey) and the champions now handle routine advice, freeing the {named} to focus on complex cases and training.",
                "The deputy roles are agreed informally and are not yet in job descriptions.");
        q("S3.Q2", "time and supervision for safeguarding leads",
                "The {named} has protected time for the role ({n:2-4} days a week) and monthly supervision with the {senior}'s designated deputy. "
                        + "Deputies have a half-day a week and quarterly group supervision; all completed the level 4 training in the last two years.",
                "The {named} has kept to the advice response standard in {n:93-98}% of calls this year, up from {n:75-85}% when the role had no protected time. "
                        + "Deputies report in supervision records that they feel equipped to give advice.",
                "Protected time is agreed but is regularly lost to operational pressures, and deputies have no formal supervision.");
        q("S3.Q3", "cover when the safeguarding lead is away",
                "A duty rota means a trained deputy is always available in working hours; out of hours, {staff} use the on-call manager and the children's services out-of-hours team. "
                        + "The rota is on the intranet and calls are logged with the response time and outcome.",
                "The call log shows {n:94-99}% of calls answered or returned within two hours. "
                        + "When the log showed a gap on Friday afternoons, we added a second deputy and the gap closed.",
                "Cover relies on one deputy, and there is no arrangement when both are away at the same time.");

        // S4 Safer recruitment, safe working and allegations
        q("S4.Q1", "safer recruitment",
                "Every post working with children requires two references (one from the last employer), identity checks, an enhanced DBS check with barred-list check where eligible, and a face-to-face discussion of any gaps in employment. "
                        + "At least one member of every interview panel for {staff} has completed safer recruitment training, and HR checks the file before the start date is confirmed.",
                "An audit of {n:25-30} personnel files found all checks complete in all but one; the missing reference was obtained within a week and the checklist changed so the gap cannot recur. "
                        + "No one has started in a role before their DBS check was returned this year.",
                "Gaps in employment history are not always explored and recorded at interview.");
        q("S4.Q2", "safe working practice",
                "A code of conduct for {staff} covers contact with children, social media and lone working {setting}. DBS checks are renewed every three years, and our low-level concerns policy lets staff share worries about a colleague's conduct without it becoming an allegation.",
                "{n:6-14} low-level concerns were recorded this year, all resolved with the staff member concerned; two led to guidance that is now in the code of conduct. "
                        + "Staff in the survey said they understood where the line is between a low-level concern and an allegation.",
                "We do not yet have a low-level concerns policy, so worries about conduct are handled differently by each manager.");
        q("S4.Q3", "allegations against staff",
                "Our allegations procedure follows the HIPS procedures and sets out when and how managers refer to the LADO. "
                        + "The {named} keeps a log of every allegation with timescales and outcomes, and managers complete a short e-learning module on the procedure.",
                "All {n:3-7} allegations this year were referred to the LADO within one working day. "
                        + "Learning from one case changed our lone-working guidance, and the LADO's feedback on our referrals has been positive.",
                "Managers know the LADO exists, but referral timescales are not recorded, so we cannot show that referrals are prompt.");
        q("S4.Q4", "checks for agency workers, contractors and volunteers",
                "Agency workers are only supplied through frameworks that confirm DBS and references in writing before the first shift. "
                        + "Volunteers go through the same checks as staff, and contractors who work where children are present are logged on a register that the {named} reviews quarterly.",
                "The last quarterly review found {n:1-3} contractors with expired checks; they were stood down until renewed, and none worked with children in the meantime.",
                "The volunteer and contractor register is not reviewed, and we have found checks out of date.");

        // S5 Training, supervision and workforce support
        q("S5.Q1", "safeguarding training",
                "Training requirements are set by role in our training needs analysis: level 1 for all, level 2 for {staff} in contact with children, level 3 for practitioners who assess or plan care. "
                        + "Compliance is {n:91-97}% at level 1, {n:88-94}% at level 2 and {n:85-92}% at level 3, reported monthly to managers.",
                "Teams below 90% have a named plan; the {n:2-3} teams below target last spring are all above it now. "
                        + "Referrals from newly trained {teams} rose, and the MASH told us their quality improved.",
                "Compliance with level 3 safeguarding training is below our 90% target, and we do not track it by team, so managers cannot see where the gaps are.");
        q("S5.Q2", "training on local priorities",
                "Our level 2 and 3 courses include sessions on the Continuum of Need, Early Help and the HIPS Family Approach Protocol, using local case studies. "
                        + "We also release {staff} to the partnership's multi-agency training; {n:25-60} places were taken up this year.",
                "A threshold audit before and after the Continuum of Need session found staff decisions matched the MASH outcome in {n:16-18} of 20 cases, up from {n:10-13}. "
                        + "Early help assessments we contributed to rose from {n:12-20} to {n:28-40} over the year.",
                "Training covers the Continuum of Need but not Early Help or the Family Approach.");
        q("S5.Q3", "safeguarding supervision",
                "{Staff} in regular contact with children have safeguarding supervision at least every three months, plus monthly group reflective sessions led by the {named}. "
                        + "Supervision records use a template with a safeguarding section.",
                "A supervision audit found safeguarding discussed in {n:84-92}% of sampled sessions, up from {n:50-62}%. "
                        + "Staff say the reflective sessions helped them to challenge decisions on two cases that were later escalated.",
                "Supervision happens, but we do not know how often safeguarding is discussed because it is not recorded.");
        q("S5.Q4", "checks that training changes practice",
                "Three months after level 3 training we audit a sample of the trainees' records against what the training taught, and the staff survey asks about confidence in applying it. "
                        + "Results are reported to the {board} alongside attendance.",
                "The post-training audit showed the child's lived experience recorded in {n:15-18} of 20 records compared with {n:7-10} before the training. "
                        + "Staff confidence in making a referral rose from {n:58-66}% to {n:80-88}%.",
                "We record attendance but have not checked whether training changed practice.");

        // S6 Voice of the child and child-centred practice
        q("S6.Q1", "recording children's views",
                "{Records} has a mandatory 'child's voice' field, and practitioners are expected to record what the child said, did or showed, in the child's own words where possible. "
                        + "Our themed audit checks both whether it is recorded and whether it influenced the decision.",
                "The audit found the child's voice recorded in {n:16-19} of 20 records, up from {n:9-12} last year, and in most it had shaped the plan. "
                        + "One young person told us it was the first time anyone had written down what she said.",
                "The child's views are recorded in some cases, but our audit found this in fewer than half of the records.");
        q("S6.Q2", "children's participation",
                "We run a young people's panel that meets every term and surveys children using our services once a year. "
                        + "Our 'you said, we did' report is published online and shared with the {board}.",
                "Because children said waiting areas felt unwelcoming, two sites were redesigned with young people's help; in the follow-up survey {n:78-88}% said they felt comfortable there. "
                        + "Young people also now sit on interview panels for front-line posts.",
                "We ask for feedback, but children's views have not yet led to a change we can point to.");
        q("S6.Q3", "hearing non-verbal children and those with English as an additional language",
                "{Staff} can book communication aids, Makaton-trained colleagues or an advocate, and use professional interpreters for families with English as an additional language. "
                        + "Use of these is recorded in {records}.",
                "Interpreter use rose by {n:20-35}% this year after we made booking a single step. "
                        + "An audit of {n:8-12} records for non-verbal children found each one showed how the child's views were sought.",
                "Staff can book interpreters, but there is no guidance on hearing children who do not communicate verbally.");

        // S7 Information sharing, escalation and whistleblowing
        q("S7.Q1", "information sharing",
                "Our information-sharing guidance follows the national seven golden rules and the HIPS procedures, with examples of sharing without consent where a child is at risk. "
                        + "It is covered in level 2 training and there is a decision template in {records}.",
                "An audit of {n:10-12} information-sharing decisions found the rationale recorded in all but one. "
                        + "Staff confidence in sharing without consent when justified rose from {n:48-58}% to {n:76-86}% in the staff survey.",
                "Staff are hesitant to share without consent and ask the safeguarding team for permission in clear-cut cases.");
        q("S7.Q2", "escalation",
                "Induction and level 2 training cover the HIPS escalation and professional-disagreement process, and the {named} keeps an escalation log with timescales and outcomes.",
                "{n:5-11} escalations were logged this year; in most the other agency changed its decision, and in one a strategy discussion was held that had first been refused. "
                        + "Staff tell us they are now more willing to escalate because they see the outcome.",
                "Escalations happen but are not logged, so we cannot tell how often or with what result.");
        q("S7.Q3", "whistleblowing",
                "Our speak-up policy gives three routes (line manager, the speak-up guardian, and an independent helpline) and is covered at induction and in refresher training. "
                        + "Concerns raised and the action taken are reported anonymously to the {board}.",
                "{n:71-82}% of staff said they trust the speak-up route, up from {n:52-62}%. "
                        + "A concern raised this year about unsupervised access to a changing area led to a change in staffing the same week.",
                "The whistleblowing policy exists, but a third of staff in the survey did not know how to use it.");
        q("S7.Q4", "recording of sharing and escalation decisions",
                "Decisions to share or not share, and escalations, are recorded in {records} with the reason, and reviewed in the quarterly safeguarding audit. "
                        + "Themes are taken to the practice learning forum.",
                "The forum identified that decisions made out of hours were poorly recorded; after a new template the next audit found {n:9-10} of 10 complete. "
                        + "The themes also shaped this year's refresher training.",
                "Decisions are recorded in different places, and we do not review them to learn from them.");

        // S8 Early help, thresholds and multi-agency working
        q("S8.Q1", "the Continuum of Need",
                "All {staff} in contact with children are trained on the HIPS Continuum of Need, and a quick guide is on the intranet and in {records}. "
                        + "We test confidence through a six-monthly threshold audit that compares our referral decisions with the MASH outcome.",
                "Agreement with the MASH outcome rose from {n:55-65}% to {n:80-88}% over two audits, and fewer of our referrals are now returned as not meeting threshold. "
                        + "Staff confidence in using the Continuum, asked in the survey, rose to {n:72-82}%.",
                "Staff confidence with the Continuum of Need is mixed, {teams} vary in how they apply it, and our first threshold audit found our decisions matched the MASH outcome in only 60% of referrals.");
        q("S8.Q2", "early help",
                "{Staff} use the early help checklist to spot children who may need support before problems escalate, and either lead or contribute to early help assessments. "
                        + "Contributions are tracked by the {named}.",
                "We contributed to {n:30-60} early help assessments this year, up from {n:10-25}. "
                        + "In a sample of {n:10-12}, most families' plans closed with needs met and no referral to children's social care within six months.",
                "Staff spot families who need help, but few early help assessments are started or contributed to.");
        q("S8.Q3", "multi-agency meetings",
                "We attend the MASH daily or on request, strategy discussions, child protection conferences and core groups, with reports submitted on time. "
                        + "Attendance and timeliness are reported quarterly to the {board}.",
                "Conference report timeliness rose to {n:90-98}%, and the conference chairs' feedback now describes our reports as focused on the child. "
                        + "Attendance at strategy discussions is {n:92-99}%.",
                "We attend conferences, but reports are often late and attendance at core groups is low.");
        q("S8.Q4", "learning from reviews",
                "Learning from local and national child safeguarding practice reviews is summarised by the {named} in a seven-minute briefing and discussed in team meetings. "
                        + "Each review's actions are tracked to completion.",
                "After a local review on 'invisible men', {staff} now record details of every adult in the household; a re-audit found this recorded in {n:15-19} of 20 records, up from {n:5-9}.",
                "Review learning is circulated by email, but we do not check that it reached practice.");

        // S9 Family Approach
        q("S9.Q1", "asking about children in the household",
                "{Records} includes a mandatory question at first contact: does the adult have children, care for children or live with children? "
                        + "The answer cannot be skipped, and staff are trained to ask about children who visit or stay.",
                "A case audit found children recorded in {n:17-19} of 20 adult cases, up from {n:8-12} before the prompt was added. "
                        + "Referrals to children's services from our adult-facing {teams} rose by {n:20-40}%.",
                "Whether the adult has children is asked at assessment but not updated when circumstances change.");
        q("S9.Q2", "the impact of parental issues on children",
                "Our assessments include parental mental health, substance use and domestic abuse, with a prompt to consider the effect on each child. "
                        + "{Staff} use the DASH risk checklist and refer to MARAC where needed.",
                "An audit found the impact on the child considered in {n:15-18} of 20 cases where a parental issue was present, compared with {n:6-10} two years ago. "
                        + "In {n:3-6} cases this led to early help for the child.",
                "Parental issues are recorded, but staff rarely record what they mean for the children.");
        q("S9.Q3", "the HIPS Family Approach Protocol",
                "The HIPS Family Approach Protocol is in our level 2 and 3 training, there are recording prompts in {records}, and we hold joint case discussions with adult and children's services.",
                "{n:84-92}% of staff have completed Family Approach training. "
                        + "Joint case discussions held this year led to shared plans for {n:6-12} families, and in the follow-up none of those children needed a child protection plan.",
                "The protocol is referred to in our policy, but it is not in our training or recording yet.");

        // S10 Children with additional vulnerabilities and equality
        q("S10.Q1", "safeguarding disabled children",
                "Level 2 and 3 training include a module on safeguarding disabled children: communication barriers, dependence on carers and signs masked by impairment. "
                        + "The {named} has links with the local disabled children's team for advice.",
                "A case audit of disabled children's records found concerns recognised and acted on in {n:8-10} of 10 cases. "
                        + "Staff now consult the disabled children's team on average twice a month, which they did rarely before.",
                "Staff training does not cover disabled children's particular vulnerabilities.");
        q("S10.Q2", "interpreters",
                "We use a professional telephone and face-to-face interpreting service, and our policy forbids using children or family members as interpreters. "
                        + "Bookings are recorded in {records}, and an annual audit checks that no child has been used.",
                "Interpreter bookings rose by {n:25-45}% after the booking process was simplified, and the audit found no child interpreting in the {n:20-30} cases sampled. "
                        + "Families told us they understood the plans for their children.",
                "Interpreters are available, but staff sometimes use family members in emergencies and this is not recorded.");
        q("S10.Q3", "higher-risk groups",
                "Our procedures cover young carers, children missing education, exploitation and privately fostered children, with screening questions in {records}. "
                        + "Exploitation concerns go to the partnership's exploitation panel.",
                "We identified {n:8-20} young carers this year and referred each for a young carers' assessment; two privately fostered children were notified to children's services. "
                        + "Exploitation referrals from our {teams} rose after a joint briefing with the police.",
                "Procedures cover exploitation but not young carers or private fostering, which staff rarely recognise.");
        q("S10.Q4", "diversity data",
                "We record ethnicity, disability, language and age for {children} and compare this each year with the local child population, reporting the comparison to the {board}.",
                "The comparison showed children from Eastern European families were under-represented; after outreach with a community group, referrals from those families rose from {n:2-5} to {n:10-16}.",
                "We collect some diversity data but have not compared it with the local population to find who we are missing.");

        // answers written for "partly in place"
        PARTLY.put("S2.Q1", new String[] {
            "Our child safeguarding policy is on the intranet and in the induction pack, and it was approved by the {senior}. "
                    + "However, it was last fully reviewed more than two years ago and still refers to the old LSCB procedures rather than the current HIPS procedures, "
                    + "and volunteers and casual staff cannot reach the intranet. Only 61% of staff in this year's survey knew where to find it.",
            "Since the survey, the {named} has added a link to the HIPS procedures on the intranet front page; calls asking for the referral form have fallen, "
                    + "but we have not yet re-measured whether staff can find the policy." });
        PARTLY.put("S5.Q1", new String[] {
            "Training requirements are set out for every role in our training needs analysis. "
                    + "Compliance is {n:90-95}% at level 1 and {n:84-89}% at level 2, but only {n:68-79}% at level 3, below our 90% target, "
                    + "mainly because of vacancies and courses cancelled at short notice. We cannot yet report compliance by team.",
            "Teams with high compliance made more referrals that the MASH judged appropriate, which suggests the training matters, "
                    + "but we cannot yet show this for the teams below target." });
        PARTLY.put("S8.Q1", new String[] {
            "All {staff} in contact with children are expected to use the HIPS Continuum of Need, and a quick guide is on the intranet. "
                    + "However, confidence is mixed: in the staff survey only {n:52-60}% said they felt confident applying it, and {teams} vary in how often referrals are returned by the MASH as not meeting threshold. "
                    + "Until this year we had never tested this; our first threshold audit, of 20 referrals, found our decision matched the MASH outcome in only 12 (60%).",
            "Where a team had the partnership's Continuum of Need briefing, fewer referrals were returned, but this is one team and too early to show a wider change." });

        // SMART actions, one per standard
        a("S1", "Add a standing 'challenge and response' item to the {board}'s quarterly safeguarding report, recording each question raised, the action agreed and its result at the next meeting.",
                "Every quarterly report from the next meeting onwards records at least one challenge and its outcome; checked by the {senior} at the annual review.",
                "{Senior}", "Board secretary time (half a day a quarter); no additional cost.");
        a("S2", "Rewrite the child safeguarding policy to link to the current HIPS procedures, have it approved by the {senior}, and publish it on the intranet front page with a briefing for all {teams}.",
                "Approved policy published; staff survey agreement that they know where to find it rises from 61% to at least 85%.",
                "{Named}", "Two days of the {named}'s time; briefing slides reused from the partnership.");
        a("S3", "Write deputy safeguarding responsibilities and two hours a week of protected time into the job descriptions of all deputy leads, and start quarterly group supervision for them.",
                "All deputy job descriptions updated and four supervision sessions held within the year, with attendance recorded.",
                "{Named}, with the HR Business Partner", "HR time to vary contracts; supervision delivered by the {named}.");
        a("S4", "Introduce a low-level concerns policy, train all managers on it in a 45-minute session, and log every low-level concern centrally.",
                "Policy approved; 95% of managers trained; central log in use and reviewed quarterly by the {named}.",
                "Head of HR", "Policy drafted from the HIPS model; training delivered in existing management meetings.");
        a("S5", "Run additional level 3 safeguarding training sessions for the {teams} below target, and report compliance by team monthly to managers.",
                "Level 3 compliance rises from its current level to at least 90% in every team, shown in the monthly report.",
                "{Named}", "Six extra sessions delivered by two in-house trainers within the existing training budget.");
        a("S6", "Add a mandatory 'child's voice' prompt to {records} and re-audit 20 records three months after it goes live.",
                "The re-audit finds the child's views recorded in at least 16 of 20 records (currently fewer than 10).",
                "{Named}", "Systems team change request (two days); audit by the safeguarding team.");
        a("S7", "Set up a central escalation log, brief all {teams} on the HIPS escalation process, and report escalations and outcomes quarterly to the {board}.",
                "Log in use from the start date; every escalation logged with outcome; first quarterly report presented on time.",
                "{Named}", "Shared spreadsheet on the secure drive; 20-minute briefing in each team meeting.");
        a("S8", "Deliver a 90-minute Continuum of Need workshop to all {teams}, then audit 20 referral decisions against the MASH outcome.",
                "Agreement between our threshold decisions and the MASH outcome rises from 60% to at least 80% in the post-workshop audit.",
                "{Named}", "Workshop materials from the partnership's training team; two facilitators for eight sessions.");
        a("S9", "Add the HIPS Family Approach Protocol to level 2 training and a 'children in the household' prompt to {records}, reviewed at each contact.",
                "85% of staff complete the updated training; a case audit finds children recorded in at least 17 of 20 adult cases.",
                "{Named}", "Training update by the in-house trainer; systems change request.");
        a("S10", "Compare the diversity of children we serve with the local child population, and agree outreach with two community groups where children are under-represented.",
                "Comparison reported to the {board}; referrals from under-represented groups increase by 25% over the following six months.",
                "{Senior}", "Data analyst time (three days); outreach within existing community engagement budget.");
    }
}
