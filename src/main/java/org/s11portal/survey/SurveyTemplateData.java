package org.s11portal.survey;

import java.util.List;

import org.s11portal.agency.Area;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateGlobal;

/** The survey's fixed option lists and area names, for its templates. */
public final class SurveyTemplateData {

    private SurveyTemplateData() {
    }

    @TemplateGlobal
    static final List<SurveyDefinition.Option> roleBands = SurveyDefinition.ROLE_BANDS;

    @TemplateGlobal
    static final List<SurveyDefinition.Option> worksWithOptions = SurveyDefinition.WORKS_WITH;

    @TemplateExtension
    static String areaLabel(String areaCode) {
        return Area.valueOf(areaCode).label;
    }
}
