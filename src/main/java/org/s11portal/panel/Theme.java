package org.s11portal.panel;

import java.util.List;

import org.s11portal.common.persistence.GeneratedIdEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A theme across the partnerships that a panel notes (a list kept by admins, seeded by Liquibase). */
@Entity
@Table(name = "theme")
public class Theme extends GeneratedIdEntity {

    @Column(nullable = false, unique = true, length = 200)
    public String name;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public boolean active = true;

    public static List<Theme> activeInOrder() {
        return list("active = true order by position, id");
    }

    /** The form field that ticks this theme. */
    public String field() {
        return "theme-" + id;
    }
}
