package org.s11portal.assessment;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A file uploaded as evidence for one answer (what is stored of it: {@link UploadedFile}). */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile extends UploadedFile {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "answer_id")
    public Answer answer;

    public static List<EvidenceFile> forAnswer(Answer answer) {
        return list("answer = ?1 order by uploadedAt", answer);
    }
}
