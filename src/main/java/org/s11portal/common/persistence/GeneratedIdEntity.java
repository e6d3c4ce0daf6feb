package org.s11portal.common.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * Identity from MariaDB AUTO_INCREMENT. Rows written once and never edited (events, comments, frozen versions,
 * files, sessions, sign-in attempts) and reference data extend this; rows people edit extend
 * {@link EditableEntity}. Survey responses alone have a random id instead, so that their order reveals nothing.
 */
@MappedSuperclass
public abstract class GeneratedIdEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
}
