package org.s11portal.agencyadmin;

import java.util.ArrayList;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.s11portal.agency.Agency;
import org.s11portal.agency.Partnership;

/** What the agency form posts, as typed (shown back as typed when refused). The rules are on {@link AgencyFields}. */
public class AgencyForm {

    @RestForm
    public String name;

    @RestForm
    public String sector;

    @RestForm
    public List<String> areas = new ArrayList<>();

    @RestForm
    public String headcount;

    @RestForm
    public String seniorLeadName;

    @RestForm
    public String seniorLeadEmail;

    /** The version of the agency the form was loaded from (edit only): a save from an older one is a conflict. */
    @RestForm
    public Integer version;

    /** An empty form: a new agency, in the admin's own area when they have one. */
    static AgencyForm blank(Partnership ownArea) {
        AgencyForm form = new AgencyForm();
        if (ownArea != null) {
            form.areas.add(ownArea.code.name());
        }
        return form;
    }

    /** The agency as saved, to edit. */
    static AgencyForm of(Agency agency) {
        AgencyForm form = new AgencyForm();
        form.name = agency.name;
        form.sector = agency.sector.name();
        agency.areasInOrder().forEach(p -> form.areas.add(p.code.name()));
        form.headcount = agency.headcount == null ? null : String.valueOf(agency.headcount);
        form.seniorLeadName = agency.seniorLeadName;
        form.seniorLeadEmail = agency.seniorLeadEmail;
        form.version = agency.version;
        return form;
    }

    AgencyFields fields() {
        return AgencyFields.of(name, sector, areas, headcount, seniorLeadName, seniorLeadEmail);
    }

    /** Whether the area (its code) is ticked. */
    public boolean ticked(String area) {
        return areas != null && areas.contains(area);
    }
}
