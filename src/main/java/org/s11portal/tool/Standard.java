package org.s11portal.tool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.s11portal.common.persistence.GeneratedIdEntity;

/**
 * A Section 11 standard (S1..S10) with the guidance that invites reflection: what good looks like,
 * prompts such as "how do you know?", and examples of evidence of impact.
 */
@Entity
@Cacheable
@Table(name = "standard")
public class Standard extends GeneratedIdEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tool_id")
    public Tool tool;

    @Column(nullable = false, length = 10)
    public String code;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 200)
    public String reference;

    @Column(name = "good_looks_like", columnDefinition = "text")
    public String goodLooksLike;

    /** One prompt per line. */
    @Column(name = "reflection_prompts", columnDefinition = "text")
    public String reflectionPrompts;

    /** One example per line. */
    @Column(name = "evidence_examples", columnDefinition = "text")
    public String evidenceExamples;

    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    @OneToMany(mappedBy = "standard", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Question> questions = new ArrayList<>();

    /** A standard of a published tool is frozen with it: no insert, update or delete. */
    @PrePersist
    @PreUpdate
    @PreRemove
    void refuseChangeOnceFrozen() {
        if (tool != null && tool.isFrozen()) {
            throw new FrozenToolException(tool);
        }
    }

    /** Whether its tool version is frozen (published or retired as stored). */
    public boolean isFrozen() {
        return tool != null && tool.isFrozen();
    }

    public Tool tool() {
        return tool;
    }

    public List<String> reflectionPromptList() {
        return lines(reflectionPrompts);
    }

    public List<String> evidenceExampleList() {
        return lines(evidenceExamples);
    }

    /** The form field a moderator's comment on this standard is posted in. */
    public String commentField() {
        return "comment-" + code;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
