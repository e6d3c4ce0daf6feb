package org.s11portal.survey;

import org.s11portal.common.web.Csv;

/** The aggregated results as CSV: counts and percentages only, never a single response or free text. */
final class SurveyCsv {

    private SurveyCsv() {
    }

    static String of(SurveyResults.Results results) {
        StringBuilder csv = new StringBuilder("scope,group,question,answer,responses,count,percent\r\n");
        if (results.suppressed()) {
            row(csv, results.scopeLabel(), "All", "", "", "fewer than " + results.threshold() + " responses", "", "");
            return csv.toString();
        }
        if (results.agenciesLeftOut() > 0) {
            row(csv, results.scopeLabel(), "Not included", "", "", results.agenciesLeftOut() + " agencies with fewer than "
                    + results.threshold() + " responses", "", "");
        }
        for (SurveyResults.QuestionResult q : results.questions()) {
            for (SurveyResults.Bar bar : q.bars()) {
                row(csv, results.scopeLabel(), "All", q.question().number() + ". " + q.question().text(), bar.label(),
                        String.valueOf(q.responses()), String.valueOf(bar.count()), String.valueOf(bar.percent()));
            }
        }
        for (SurveyResults.Breakdown breakdown : results.breakdowns()) {
            for (SurveyResults.Group group : breakdown.groups()) {
                if (group.suppressed()) {
                    row(csv, results.scopeLabel(), breakdown.title() + ": " + group.label(), "", "",
                            "not shown: fewer than " + results.threshold() + " responses, or hidden to protect a smaller group", "", "");
                    continue;
                }
                for (SurveyResults.QuestionResult q : group.questions()) {
                    for (SurveyResults.Bar bar : q.bars()) {
                        row(csv, results.scopeLabel(), breakdown.title() + ": " + group.label(), q.question().number() + ". " + q.question().text(),
                                bar.label(), String.valueOf(q.responses()), String.valueOf(bar.count()), String.valueOf(bar.percent()));
                    }
                }
            }
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... cells) {
        Csv.row(csv, cells);
    }
}
