package org.s11portal.agency;

import java.util.List;

import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One of the four HIPS safeguarding children partnerships: reference data loaded by Liquibase. */
@Entity
@Table(name = "partnership")
public class Partnership extends GeneratedIdEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, unique = true, length = 32)
    public Area code;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(name = "short_name", nullable = false, length = 10)
    public String shortName;

    public static Partnership of(Area area) {
        return find("code", area).singleResult();
    }

    public static List<Partnership> listInOrder() {
        return list("order by name");
    }

    /** The area's everyday name, e.g. "Isle of Wight". */
    public String areaName() {
        return code.label;
    }
}
